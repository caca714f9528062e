use std::sync::Arc;

#[hookcore::hookspec]
pub trait Platforms {
    fn describe(&self) -> String;
}

struct Geolocate;

#[hookcore::hookimpl(runtime)]
impl Platforms for Geolocate {
    fn describe(&self) -> String {
        "geolocate".into()
    }
}

fn main() {
    let pm = hookcore::PluginManager::<dyn Platforms>::new();
    let plugin = Arc::new(Geolocate);
    pm.register("geolocate", plugin.clone()).unwrap();
    pm.register("by-ref", &Geolocate).unwrap();
}
