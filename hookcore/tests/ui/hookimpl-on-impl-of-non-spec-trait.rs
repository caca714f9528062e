#[hookcore::hookspec]
pub trait Platforms {
    fn describe(&self) -> String;
}

struct Geolocate;

#[hookcore::hookimpl]
impl Default for Geolocate {
    fn default() -> Self {
        Geolocate
    }
}

fn main() {}
