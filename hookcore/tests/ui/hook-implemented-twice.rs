#[hookcore::hookspec]
pub trait Platforms {
    fn register_slack_commands(&self, commands: &mut Vec<String>);
}

struct Geolocate;

#[hookcore::hookimpl]
impl Platforms for Geolocate {
    fn register_slack_commands(&self, commands: &mut Vec<String>) {
        commands.push("geolocate".into());
    }

    fn register_slack_commands(&self, commands: &mut Vec<String>) {
        commands.push("whereis".into());
    }
}

fn main() {}
