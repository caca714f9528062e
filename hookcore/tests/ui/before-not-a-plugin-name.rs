#[hookcore::hookspec]
pub trait Platforms {
    fn register_slack_commands(&self, commands: &mut Vec<String>);
}

#[hookcore::hookimpl(Platforms, before = geolocate)]
fn register_slack_commands(commands: &mut Vec<String>) {
    commands.push("incident".into());
}

fn main() {}
