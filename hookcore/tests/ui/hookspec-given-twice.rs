#[hookcore::hookspec]
#[hookcore::hookspec]
pub trait Platforms {
    fn register_slack_commands(&self, commands: &mut Vec<String>);
    #[hookspec(firstresult)]
    fn get_adapter(&self, name: &str) -> Option<String>;
}

// The spec still works next to the error.
#[hookcore::hookimpl(Platforms)]
fn get_adapter(name: &str) -> Option<String> {
    Some(name.to_owned())
}

fn main() {
    let pm = hookcore::PluginManager::<dyn Platforms>::new();
    let _ = pm.hook().get_adapter("x");
}
