#[hookcore::hookspec]
pub trait Platforms {
    fn register_slack_commands(&self, commands: &mut Vec<String>);
}

struct Geolocate {
    prefix: String,
}

impl Geolocate {
    fn new() -> Self {
        Geolocate { prefix: "geo".to_owned() }
    }
}

#[hookcore::hookimpl(instance = Geolocate::new())]
impl Platforms for Geolocate {
    fn register_slack_commands(&self, commands: &mut Vec<String>) {
        commands.push(self.prefix.clone());
    }
}

fn main() {}
