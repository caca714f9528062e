#[hookcore::hookspec]
pub trait Adapters {
    fn get_adapter(&self, name: &str) -> Option<String>;
    fn wrap_get_adapter(&self, name: &str) -> Option<String>;
}

fn main() {}
