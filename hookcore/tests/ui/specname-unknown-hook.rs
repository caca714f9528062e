#[hookcore::hookspec]
pub trait Adapters {
    #[hookspec(firstresult)]
    fn get_adapter(&self, name: &str) -> Option<String>;
}

#[hookcore::hookimpl(Adapters, specname = "get_adaptor")]
fn oracle_adapter(name: &str) -> Option<String> {
    (name == "oracle").then(|| "oracle".to_owned())
}

fn main() {}
