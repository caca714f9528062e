#[hookcore::hookspec]
pub trait Adapters {
    #[hookspec(firstresul)]
    fn get_adapter(&self, name: &str) -> Option<String>;
}

fn main() {}
