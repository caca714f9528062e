#[hookcore::hookspec]
pub trait Adapters {
    #[hookimpl(tryfirst)]
    fn get_adapter(&self, name: &str) -> Option<String>;
}

fn main() {}
