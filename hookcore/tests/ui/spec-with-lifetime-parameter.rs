#[hookcore::hookspec]
pub trait Render<'a> {
    fn header(&self, title: &'a str) -> String;
    #[hookspec(firstresult)]
    fn footer(&self, title: &'a str) -> Option<String>;
    fn body(&self, lines: &mut Vec<&'a str>);
}

fn main() {}
