// `?Send` is the one `?` option: on a spec whose async hooks run on one thread.
#[hookcore::hookspec(?Sync)]
pub trait Alerts {
    async fn send_alert(&self, channel: &str);
}

fn main() {}
