#[hookcore::hookspec]
pub trait Platforms {
    fn register_slack_commands(&self, commands: &mut Vec<String>);
}

struct Geolocate {
    prefix: &'static str,
}

#[hookcore::hookimpl(runtime, instance = Geolocate { prefix: "geo" })]
impl Platforms for Geolocate {
    fn register_slack_commands(&self, commands: &mut Vec<String>) {
        commands.push(self.prefix.into());
    }
}

fn main() {}
