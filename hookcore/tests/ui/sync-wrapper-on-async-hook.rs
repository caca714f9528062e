// A wrapper written for an async hook as a plain function: it must be an
// `async fn`, as the hook is.
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
