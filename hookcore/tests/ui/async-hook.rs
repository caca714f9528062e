#[hookcore::hookspec]
pub trait Notifications {
    async fn send_alert(&self, channel: &str, text: &str) -> Result<(), String>;
}

fn main() {}
