#[hookcore::hookspec]
pub trait Platforms {
    #[hookspec(tryfirst)]
    fn register_slack_commands(&self, commands: &mut Vec<String>);
}

fn main() {}
