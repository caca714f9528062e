pub trait Platforms {
    fn register_slack_commands(&self, commands: &mut Vec<String>) {
        let _ = commands;
    }
}

struct Geolocate;

#[hookcore::hookimpl]
impl Platforms for Geolocate {
    fn register_slack_commands(&self, commands: &mut Vec<String>) {
        commands.push("geolocate".into());
    }
}

fn main() {}
