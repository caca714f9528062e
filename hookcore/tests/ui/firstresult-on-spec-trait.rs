#[hookcore::hookspec(firstresult)]
pub trait Adapters {
    fn get_adapter(&self, name: &str) -> Option<String>;
}

fn main() {}
