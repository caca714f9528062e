#[hookcore::hookspec]
pub fn register_slack_commands(commands: &mut Vec<String>) {
    let _ = commands;
}

fn main() {}
