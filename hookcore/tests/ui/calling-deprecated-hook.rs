#![deny(deprecated)]

#[hookcore::hookspec]
pub trait Platforms {
    #[deprecated(note = "register commands with `register_commands`")]
    fn register_slack_commands(&self, commands: &mut Vec<String>);
    fn register_commands(&self, commands: &mut Vec<String>);
}

fn main() {
    let pm = hookcore::PluginManager::<dyn Platforms>::new();
    // Calling a deprecated hook warns (an error here, under `deny`).
    pm.hook().register_slack_commands(&mut Vec::new());
}
