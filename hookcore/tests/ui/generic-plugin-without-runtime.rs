#[hookcore::hookspec]
pub trait Platforms {
    fn register_slack_commands(&self, commands: &mut Vec<String>);
}

struct Prefixed<T> {
    prefix: T,
}

#[hookcore::hookimpl]
impl<T: ToString + Send + Sync + 'static> Platforms for Prefixed<T> {
    fn register_slack_commands(&self, commands: &mut Vec<String>) {
        commands.push(self.prefix.to_string());
    }
}

fn main() {}
