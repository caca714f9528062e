#[hookcore::hookspec]
pub trait Metrics {
    fn record_request(&self, path: &str, millis: u64);
}

struct Counter;

#[hookcore::hookimpl]
impl Metrics for Counter {
    fn record_request(&mut self, path: &str, millis: u64) {
        let _ = (path, millis);
    }
}

fn main() {}
