#[hookcore::hookspec]
pub trait Adapters {
    #[hookspec(firstresult)]
    fn get_adapter(&self, name: &str) -> Option<String>;
}

#[hookcore::hookimpl(Adapters, firstresult)]
fn get_adapter(name: &str) -> Option<String> {
    (name == "postgres").then(|| "pg".to_owned())
}

fn main() {}
