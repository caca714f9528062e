#[hookcore::hookspec]
pub trait Platforms {
    const PREFIX: &'static str;

    fn register_slack_commands(&self, commands: &mut Vec<String>);
}

fn main() {}
