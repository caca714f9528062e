// A plain function for an async hook: the spec declares `async fn`, so the
// implementation must be one too.
#[hookcore::hookspec]
pub trait Alerts {
    async fn send_alert(&self, channel: &str) -> Result<(), String>;
}

#[hookcore::hookimpl(Alerts)]
fn send_alert(channel: &str) -> Result<(), String> {
    let _ = channel;
    Ok(())
}

fn main() {}
