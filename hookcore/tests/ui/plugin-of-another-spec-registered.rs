#[hookcore::hookspec]
pub trait Platforms {
    fn describe(&self) -> String;
}

#[hookcore::hookspec]
pub trait Routes {
    fn routes(&self) -> Vec<String>;
}

struct Geolocate;

// A plugin of `Routes`, registered with a manager of `Platforms`.
#[hookcore::hookimpl(runtime)]
impl Routes for Geolocate {
    fn routes(&self) -> Vec<String> {
        vec!["/geo".into()]
    }
}

fn main() {
    let pm = hookcore::PluginManager::<dyn Platforms>::new();
    pm.register("geolocate", Geolocate).unwrap();
}
