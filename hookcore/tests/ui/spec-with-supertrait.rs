#[hookcore::hookspec]
pub trait Platforms: Clone + std::fmt::Debug {
    fn describe(&self) -> String;
}

#[hookcore::hookimpl(Platforms)]
fn describe() -> String {
    "geolocate".into()
}

fn main() {}
