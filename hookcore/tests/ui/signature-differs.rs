#[hookcore::hookspec]
pub trait Platforms {
    fn register_slack_commands(&self, commands: &mut Vec<String>);
}

#[hookcore::hookimpl(Platforms)]
fn register_slack_commands(commands: &Vec<String>) {
    let _ = commands;
}

fn main() {}
