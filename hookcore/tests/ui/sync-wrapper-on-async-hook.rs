// A wrapper written for an async hook as a plain function: async hooks take
// no wrappers yet.
#[hookcore::hookspec]
pub trait Alerts {
    async fn send_alert(&self, channel: &str) -> Result<(), String>;
}

#[hookcore::hookimpl(Alerts, wrapper)]
fn send_alert(channel: &str, next: AlertsSendAlertNext<'_>) -> Result<(), String> {
    let _ = (channel, next);
    Ok(())
}

fn main() {}
