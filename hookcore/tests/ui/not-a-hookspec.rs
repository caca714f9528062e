pub trait Platforms {
    fn register_slack_commands(&self, commands: &mut Vec<String>) {
        let _ = commands;
    }
}

#[hookcore::hookimpl(Platforms)]
fn register_slack_commands(commands: &mut Vec<String>) {
    let _ = commands;
}

fn main() {}
