#[hookcore::hookspec]
pub trait Platforms {
    fn register_slack_commands(&self, commands: &mut Vec<String>);
    fn describe(&self) -> String;
}

struct Geolocate;

// The block itself lacks #[hookimpl]: its methods' options have nowhere to go.
impl Platforms for Geolocate {
    #[hookcore::hookimpl(tryfirst)]
    fn register_slack_commands(&self, commands: &mut Vec<String>) {
        commands.push("geolocate".into());
    }

    fn describe(&self) -> String {
        "geolocate".into()
    }
}

fn main() {}
