#[hookcore::hookspec]
pub trait Adapters {
    #[hookspec(firstresult)]
    fn get_adapter(&self, name: &str) -> Option<String>;
}

struct Logging;

#[hookcore::hookimpl]
impl Adapters for Logging {
    // Meant as a wrapper, but without `wrapper` it would never run.
    fn wrap_get_adapter(&self, name: &str, next: AdaptersGetAdapterNext<'_>) -> Option<String> {
        next.call(name)
    }
}

fn main() {}
