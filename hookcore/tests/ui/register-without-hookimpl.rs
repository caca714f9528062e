#[hookcore::hookspec]
pub trait Platforms {
    fn register_slack_commands(&self, commands: &mut Vec<String>);
}

struct Geolocate;

impl Platforms for Geolocate {
    fn register_slack_commands(&self, commands: &mut Vec<String>) {
        commands.push("geolocate".into());
    }
}

fn load_plugins(pm: &hookcore::PluginManager<dyn Platforms>) -> Result<(), hookcore::Error> {
    pm.register("geolocate", Geolocate)
}

fn main() {}
