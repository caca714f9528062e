//! [`OpsChannel`]: the channel the bot posts its replies to events in.

use std::sync::{Mutex, PoisonError};

/// The ops channel, as the bot posts to it: an async provider. [`post`](Self::post)
/// is where a real bot would send the message to Slack or Teams over the network;
/// this one yields to the runtime, as a send would, and keeps the message.
///
/// ```
/// let channel = chatops::OpsChannel::new("#ops");
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// channel.post("INC-1 opened").await;
/// # });
/// assert_eq!(channel.posts(), ["INC-1 opened"]);
/// ```
#[derive(Debug)]
pub struct OpsChannel {
    name: String,
    posts: Mutex<Vec<String>>,
}

impl OpsChannel {
    /// A channel called `name` with nothing posted.
    #[must_use]
    pub fn new(name: &str) -> Self {
        OpsChannel {
            name: name.to_owned(),
            posts: Mutex::new(Vec::new()),
        }
    }

    /// The channel's name: `#ops`.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Posts `text` to the channel.
    pub async fn post(&self, text: &str) {
        // The network round trip of a real send; the lock is not held across it.
        tokio::task::yield_now().await;
        self.posts
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(text.to_owned());
    }

    /// Everything posted so far, oldest first.
    #[must_use]
    pub fn posts(&self) -> Vec<String> {
        self.posts
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }
}
