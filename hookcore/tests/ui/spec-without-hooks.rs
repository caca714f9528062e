#[hookcore::hookspec]
pub trait Platforms {}

fn main() {}
