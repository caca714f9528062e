use std::cell::Cell;

#[hookcore::hookspec]
pub trait Metrics {
    fn record_request(&self, path: &str, millis: u64);
}

#[derive(Default)]
struct Counter {
    requests: Cell<u64>,
}

#[hookcore::hookimpl(runtime)]
impl Metrics for Counter {
    fn record_request(&self, path: &str, millis: u64) {
        let _ = (path, millis);
        self.requests.set(self.requests.get() + 1);
    }
}

fn main() {}
