#[hookcore::hookspec]
pub trait Adapters {
    #[hookspec(firstresult)]
    fn get_adapter(&self, name: &str) -> String;
}

fn main() {}
