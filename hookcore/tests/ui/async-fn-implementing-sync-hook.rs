// An `async fn` for a hook the spec declares without `async`.
#[hookcore::hookspec]
pub trait Alerts {
    fn send_alert(&self, channel: &str) -> Result<(), String>;
}

#[hookcore::hookimpl(Alerts)]
async fn send_alert(channel: &str) -> Result<(), String> {
    let _ = channel;
    Ok(())
}

fn main() {}
