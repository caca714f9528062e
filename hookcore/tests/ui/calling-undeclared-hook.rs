#[hookcore::hookspec]
pub trait Platforms {
    fn register_slack_commands(&self, commands: &mut Vec<String>);
}

fn collect_commands(pm: &hookcore::PluginManager<dyn Platforms>) -> Vec<String> {
    let mut commands = Vec::new();
    pm.hook().register_teams_commands(&mut commands);
    commands
}

fn main() {}
