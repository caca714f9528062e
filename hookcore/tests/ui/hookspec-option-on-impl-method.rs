#[hookcore::hookspec]
pub trait Adapters {
    #[hookspec(firstresult)]
    fn get_adapter(&self, name: &str) -> Option<String>;
}

struct Postgres;

#[hookcore::hookimpl]
impl Adapters for Postgres {
    #[hookspec(firstresult)]
    fn get_adapter(&self, name: &str) -> Option<String> {
        (name == "postgres").then(|| "pg".to_owned())
    }
}

fn main() {}
