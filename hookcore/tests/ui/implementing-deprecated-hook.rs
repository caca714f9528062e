// Implementing a deprecated hook warns at the implementation (an error here,
// under `deny`), in every form: a free function, an impl block's method, a
// wrapper, and a `specname` function. `#[allow(deprecated)]` on an
// implementation silences it; implementing the other hook does not warn.
#![deny(deprecated)]

#[hookcore::hookspec]
pub trait Platforms {
    #[deprecated(since = "0.3.0", note = "implement `register_commands` instead")]
    fn register_slack_commands(&self, commands: &mut Vec<String>);
    fn register_commands(&self, commands: &mut Vec<String>);
}

mod geolocate {
    #[hookcore::hookimpl(super::Platforms)]
    fn register_slack_commands(commands: &mut Vec<String>) {
        commands.push("geolocate".into());
    }

    #[hookcore::hookimpl(super::Platforms)]
    fn register_commands(commands: &mut Vec<String>) {
        commands.push("geolocate".into());
    }
}

mod legacy {
    #[hookcore::hookimpl(super::Platforms, specname = "register_slack_commands")]
    fn slack(commands: &mut Vec<String>) {
        commands.push("legacy".into());
    }

    #[hookcore::hookimpl(super::Platforms, specname = "register_slack_commands")]
    #[allow(deprecated)]
    fn slack_on_purpose(commands: &mut Vec<String>) {
        commands.push("legacy".into());
    }
}

pub struct Audit;

#[hookcore::hookimpl]
impl Platforms for Audit {
    fn register_slack_commands(&self, commands: &mut Vec<String>) {
        commands.push("audit".into());
    }

    #[hookimpl(wrapper)]
    fn register_slack_commands(&self, commands: &mut Vec<String>, next: PlatformsRegisterSlackCommandsNext<'_>) {
        next.call(commands);
    }
}

fn main() {}
