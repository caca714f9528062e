#[hookcore::hookspec]
pub trait Adapters {
    type Adapter;

    fn get_adapter(&self, name: &str) -> Option<String>;
}

fn main() {}
