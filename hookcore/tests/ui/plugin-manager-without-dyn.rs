#[hookcore::hookspec]
pub trait Platforms {
    fn register_slack_commands(&self, commands: &mut Vec<String>);
}

fn collect_commands() -> Vec<String> {
    let pm = hookcore::PluginManager::<Platforms>::global();
    let mut commands = Vec::new();
    pm.hook().register_slack_commands(&mut commands);
    commands
}

fn main() {}
