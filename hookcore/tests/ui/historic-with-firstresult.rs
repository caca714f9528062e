#[hookcore::hookspec]
pub trait Config {
    #[hookspec(historic, firstresult)]
    fn configure(&self, settings: String) -> Option<String>;
}

fn main() {}
