//! The extension points of the chat-ops bot: pluggy's `infrastructure/hookspecs`.
//!
//! Two services, each a `#[hookspec]` trait with a plugin manager of its own (the
//! seed's "generic pattern for extensible services"):
//!
//! - [`Platforms`]: feature packages register Slack and Teams commands and HTTP
//!   routes.
//! - [`Events`]: feature packages learn the settings at startup and answer events
//!   such as monitoring alerts.
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
/// The host calls each hook once at startup, for each platform that is enabled
/// (the seed's `discover_and_register_platforms`).
#[hookcore::hookspec]
pub trait Platforms {
    /// Register Slack slash commands with the provider.
    fn register_slack_commands(&self, provider: &mut dyn SlackProvider);

    /// Register Teams bot commands with the provider.
    fn register_teams_commands(&self, provider: &mut dyn TeamsProvider);

    /// Register HTTP routes; the host serves every plugin's routes from one axum
    /// `Router`.
    fn register_http_routes(&self, routes: &mut HttpRoutes);
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
