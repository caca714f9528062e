#[hookcore::hookspec]
pub trait Lifecycle {
    fn shutdown(self);
}

fn main() {}
