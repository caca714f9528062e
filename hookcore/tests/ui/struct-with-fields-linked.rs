#[hookcore::hookspec]
pub trait Platforms {
    fn register_slack_commands(&self, commands: &mut Vec<String>);
}

pub struct Geolocate {
    pub prefix: String,
}

#[hookcore::hookimpl]
impl Platforms for Geolocate {
    fn register_slack_commands(&self, commands: &mut Vec<String>) {
        commands.push(self.prefix.clone());
    }
}

fn main() {}
