#[hookcore::hookspec]
pub trait Metrics {
    fn record_request(&mut self, path: &str, millis: u64);
}

fn main() {}
