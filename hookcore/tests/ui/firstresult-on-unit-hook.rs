#[hookcore::hookspec]
pub trait Platforms {
    #[hookspec(firstresult)]
    fn register_slack_commands(&self, commands: &mut Vec<String>);
}

fn main() {}
