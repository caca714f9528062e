#[hookcore::hookspec]
pub trait Platforms {
    fn register_slack_commands(&self, commands: &mut Vec<String>);
}

#[hookcore::hookspec]
pub trait Routes {
    fn register_slack_commands(&self, commands: &mut Vec<String>);
}

#[hookcore::hookimpl(Platforms, Routes)]
fn register_slack_commands(commands: &mut Vec<String>) {
    commands.push("geolocate".into());
}

fn main() {}
