#[hookcore::hookspec]
pub trait Adapters {
    #[hookspec(firstresult)]
    fn get_adapter(&self, name: &str) -> Option<String>;
}

struct Logging;

#[hookcore::hookimpl]
impl Adapters for Logging {
    #[hookimpl(wrapper)]
    fn get_adapter(&self, name: &str) -> Option<String> {
        println!("looking up {name}");
        None
    }
}

fn main() {}
