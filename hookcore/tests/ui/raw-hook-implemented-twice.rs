#[hookcore::hookspec]
pub trait Kinds {
    fn r#type(&self) -> u8;
}

struct Geolocate;

#[hookcore::hookimpl]
impl Kinds for Geolocate {
    fn r#type(&self) -> u8 {
        1
    }

    #[hookimpl(specname = "type")]
    fn kind(&self) -> u8 {
        2
    }
}

fn main() {}
