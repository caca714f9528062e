//! The extension points of the chat-ops bot: pluggy's `infrastructure/hookspecs`.
//!
//! Two services, each a `#[hookspec]` trait with a plugin manager of its own (the
//! seed's "generic pattern for extensible services"):
//!
//! - [`Platforms`]: feature packages register Slack and Teams commands and HTTP
//!   routes, and report their health (an `async fn` hook, which the host's
//!   `GET /health` route awaits).
//! - [`Events`]: feature packages learn the settings at startup and answer events
//!   such as monitoring alerts (an `async fn` hook, which the host awaits before
//!   posting the reply to the ops channel).
//!
//! The host and every feature crate depend on this crate; it also holds the types
//! the hooks pass around: the [`SlackProvider`] and [`TeamsProvider`] traits that
//! platforms implement, the [`CommandHandler`] a command runs, [`HttpRoutes`],
//! [`Event`] and [`Settings`].

mod events;
mod platforms;
mod routes;

pub use events::{Event, Settings, Severity};
pub use platforms::{
    CommandHandler, Invocation, Platform, RecordingProvider, Registration, SlackProvider,
    TeamsProvider,
};
pub use routes::HttpRoutes;

/// Where feature packages plug commands and routes into the bot.
///
/// The host calls each `register_*` hook once at startup, for each platform that
/// is enabled (the seed's `discover_and_register_platforms`), and the async
/// `health` hook on every `GET /health`.
#[hookcore::hookspec]
pub trait Platforms {
    /// Register Slack slash commands with the provider.
    fn register_slack_commands(&self, provider: &mut dyn SlackProvider);

    /// Register Teams bot commands with the provider.
    fn register_teams_commands(&self, provider: &mut dyn TeamsProvider);

    /// Register HTTP routes; the host serves every plugin's routes from one axum
    /// `Router`.
    fn register_http_routes(&self, routes: &mut HttpRoutes);

    /// The plugin's health, one line: `geolocate: 17 networks`. Every `Ok`, in
    /// call order, or the first `Err`, after which no other plugin is asked.
    ///
    /// Async: a plugin may ask the service behind it, and the host's
    /// `GET /health` route awaits the call, `pm.hook().health().await`.
    async fn health(&self) -> Result<String, String>;
}

/// Events the bot receives, and its startup.
#[hookcore::hookspec]
pub trait Events {
    /// The bot started with `settings`. Historic: a plugin registered later is
    /// told the settings when it registers.
    #[hookspec(historic)]
    fn on_startup(&self, settings: Settings);

    /// The bot's reply to `event`, which the host posts to the ops channel. The
    /// first plugin that answers wins; the plugins after it do not see the event.
    ///
    /// Async: a handler may wait (on a pager, a ticket system) without holding a
    /// thread, and the host awaits the call, `pm.hook().handle_event(&event).await`,
    /// from its event loop or from the `POST /events` route. The implementations
    /// run one after another, in call order; their futures are `Send`.
    #[hookspec(firstresult)]
    async fn handle_event(&self, event: &Event) -> Option<String>;
}
