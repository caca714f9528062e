// An async hook's future must be `Send` (calls run inside `tokio::spawn`): an
// `Rc` held across an `.await` makes it not.
use std::rc::Rc;

#[hookcore::hookspec]
pub trait Alerts {
    async fn send_alert(&self, channel: &str) -> Result<(), String>;
}

struct Pager;

#[hookcore::hookimpl(runtime)]
impl Alerts for Pager {
    async fn send_alert(&self, channel: &str) -> Result<(), String> {
        let shared = Rc::new(channel.to_owned());
        std::future::ready(()).await;
        let _ = shared;
        Ok(())
    }
}

fn main() {}
