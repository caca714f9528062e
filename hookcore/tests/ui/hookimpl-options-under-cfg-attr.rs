#[hookcore::hookspec]
pub trait Platforms {
    fn register_slack_commands(&self, commands: &mut Vec<String>);
}

struct Geolocate;

#[hookcore::hookimpl]
impl Platforms for Geolocate {
    #[cfg_attr(feature = "first", hookimpl(tryfirst))]
    fn register_slack_commands(&self, commands: &mut Vec<String>) {
        commands.push("geolocate".into());
    }
}

fn main() {}
