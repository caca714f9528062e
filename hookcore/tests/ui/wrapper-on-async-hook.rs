#[hookcore::hookspec]
pub trait Alerts {
    async fn send_alert(&self, channel: &str) -> Result<(), String>;
}

#[hookcore::hookimpl(Alerts, wrapper)]
async fn send_alert(channel: &str, next: AlertsSendAlertNext<'_>) -> Result<(), String> {
    next.call(channel).await
}

fn main() {}
