// One mistake in the spec is one error: the plugin and the host that use the
// spec compile as if the hook were declared correctly.
#[hookcore::hookspec]
pub trait Alerts {
    async fn send_alert(&self, channel: &str) -> Result<(), String>;
}

#[hookcore::hookimpl(Alerts)]
fn send_alert(channel: &str) -> Result<(), String> {
    let _ = channel;
    Ok(())
}

fn main() {
    let pm = hookcore::PluginManager::<dyn Alerts>::linked().unwrap();
    let _ = pm.hook().send_alert("#ops");
}
