#[hookcore::hookspec]
pub trait Adapters {
    #[hookspec(firstresult)]
    fn get_adapter(&self, name: &str) -> Option<String>;
}

#[hookcore::hookimpl(Adapters)]
fn get_adapter(name: &str) -> String {
    format!("{name}-adapter")
}

fn main() {}
