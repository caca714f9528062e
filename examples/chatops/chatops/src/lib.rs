//! The chat-ops bot: the seed's `main.py` and `infrastructure/services`.
//!
//! Feature crates plug Slack and Teams commands, HTTP routes and event handlers
//! into the bot through the hooks of `chatops-hookspecs`; the bot finds them at
//! link time. Each feature crate is an optional dependency behind a Cargo feature
//! of the same name: the bot names the enabled ones below (a crate the binary
//! never names is not linked) and requires exactly those at startup.
//!
//! [`startup`] is the seed's `providers_startup`: it tells the event plugins the
//! [`Settings`], creates the platform providers the settings enable, registers the
//! plugins' commands with them ([`discover_and_register_platforms`]) and their
//! routes on one axum `Router`, then freezes both managers.
//!
//! Where the work is async, so are the hooks (`async fn` in the specs; the
//! registration hooks and `on_startup` stay sync, the last because a historic
//! hook cannot be async):
//!
//! - Events: [`answer_event`] awaits the async `handle_event` hook and posts the
//!   reply to the [`OpsChannel`], an async provider. The bot's own calls
//!   ([`Bot::handle_event`]) and its `POST /events` route both go through it.
//! - `GET /health` awaits [`health`], the async `health` hook of every
//!   `Platforms` plugin.

use std::error::Error;
use std::sync::Arc;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use axum::{Json, Router};
use chatops_hookspecs::{
    Event, Events, HttpRoutes, Platforms, Settings, SlackProvider, TeamsProvider,
};
use hookcore::PluginManager;
use tower::ServiceExt;

mod channel;
mod platforms;
mod session;
pub mod settings;

pub use channel::OpsChannel;
pub use platforms::{SlackBot, TeamsBot};
pub use session::run;

// Link the enabled feature crates: nothing else here names them.
#[cfg(feature = "geolocate")]
use chatops_geolocate as _;
#[cfg(feature = "incident")]
use chatops_incident as _;
#[cfg(feature = "sre-tools")]
use chatops_sre_tools as _;

/// The packages that implement `Platforms` hooks in this build: each enabled
/// feature crate.
pub const REQUIRED_PLATFORMS: &[&str] = &[
    #[cfg(feature = "geolocate")]
    "chatops-geolocate",
    #[cfg(feature = "incident")]
    "chatops-incident",
    #[cfg(feature = "sre-tools")]
    "chatops-sre-tools",
];

/// The packages that implement `Events` hooks in this build.
pub const REQUIRED_EVENTS: &[&str] = &[
    #[cfg(feature = "incident")]
    "chatops-incident",
    #[cfg(feature = "sre-tools")]
    "chatops-sre-tools",
];

/// The process-wide `Platforms` manager, checked to hold every enabled feature
/// crate (the seed's `get_platform_plugin_manager`).
///
/// # Errors
///
/// [`hookcore::Error::MissingPlugins`] if an enabled feature crate is not linked;
/// an error if the linked plugins conflict.
pub fn platform_plugin_manager() -> Result<&'static PluginManager<dyn Platforms>, hookcore::Error> {
    let pm = PluginManager::<dyn Platforms>::try_global()?;
    pm.require(REQUIRED_PLATFORMS)?;
    Ok(pm)
}

/// The process-wide `Events` manager, checked like [`platform_plugin_manager`].
///
/// # Errors
///
/// As [`platform_plugin_manager`].
pub fn event_plugin_manager() -> Result<&'static PluginManager<dyn Events>, hookcore::Error> {
    let pm = PluginManager::<dyn Events>::try_global()?;
    pm.require(REQUIRED_EVENTS)?;
    Ok(pm)
}

/// Registers every plugin's commands with the providers given: the platforms
/// that are enabled (the seed's `discover_and_register_platforms`).
///
/// # Errors
///
/// As [`platform_plugin_manager`].
pub fn discover_and_register_platforms(
    slack: Option<&mut dyn SlackProvider>,
    teams: Option<&mut dyn TeamsProvider>,
) -> Result<(), hookcore::Error> {
    let hooks = platform_plugin_manager()?.hook();
    if let Some(slack) = slack {
        hooks.register_slack_commands(slack);
    }
    if let Some(teams) = teams {
        hooks.register_teams_commands(teams);
    }
    Ok(())
}

/// The bot's reply to `event`, posted to `ops`: awaits the async `handle_event`
/// hook, then the post. `None`, and nothing posted, if no plugin answered.
pub async fn answer_event(
    events: &PluginManager<dyn Events>,
    ops: &OpsChannel,
    event: &Event,
) -> Option<String> {
    let reply = events.hook().handle_event(event).await?;
    ops.post(&reply).await;
    Some(reply)
}

/// The bot's health: awaits the async `health` hook of `platforms`. 200 with
/// `ok` and every plugin's line, or 503 with the first plugin's `Err`.
pub async fn health(platforms: &PluginManager<dyn Platforms>) -> (StatusCode, String) {
    match platforms.hook().health().await {
        Ok(lines) => (StatusCode::OK, format!("ok\n{}", lines.join("\n"))),
        Err(error) => (StatusCode::SERVICE_UNAVAILABLE, error),
    }
}

/// The bot's own routes and every plugin's. The bot's are `GET /health`, which
/// awaits [`health`] (the async `health` hook), and `POST /events`, a monitoring
/// webhook: it takes an [`Event`] as JSON, awaits [`answer_event`] (the async
/// `handle_event` hook, then the post to `ops`) and answers 200 with the reply,
/// or 204 if no plugin answered.
///
/// # Errors
///
/// As [`event_plugin_manager`] and [`platform_plugin_manager`].
pub fn http_routes(ops: Arc<OpsChannel>) -> Result<HttpRoutes, hookcore::Error> {
    let platforms = platform_plugin_manager()?;
    let events = event_plugin_manager()?;
    let mut routes = HttpRoutes::new();
    routes.get("/health", move || health(platforms));
    routes.post("/events", move |Json(event): Json<Event>| async move {
        match answer_event(events, &ops, &event).await {
            Some(reply) => (StatusCode::OK, reply),
            None => (StatusCode::NO_CONTENT, String::new()),
        }
    });
    platforms.hook().register_http_routes(&mut routes);
    Ok(routes)
}

/// The running bot, as [`startup`] leaves it.
pub struct Bot {
    /// The settings it started with.
    pub settings: Settings,
    /// The Slack provider, if Slack is enabled.
    pub slack: Option<SlackBot>,
    /// The Teams provider, if Teams is enabled.
    pub teams: Option<TeamsBot>,
    /// The channel the replies to events are posted to.
    pub ops: Arc<OpsChannel>,
    /// The registered routes, `GET /health` and `POST /events` first.
    pub routes: Vec<String>,
    /// The router serving them.
    pub router: Router,
    events: &'static PluginManager<dyn Events>,
}

/// Starts the bot with `settings` (the seed's `providers_startup`).
///
/// # Errors
///
/// As [`platform_plugin_manager`].
pub fn startup(settings: Settings) -> Result<Bot, hookcore::Error> {
    let events = event_plugin_manager()?;
    events.hook().on_startup(settings.clone());

    let mut slack = settings.slack.then(SlackBot::new);
    let mut teams = settings.teams.then(TeamsBot::new);
    discover_and_register_platforms(
        slack.as_mut().map(|slack| slack as &mut dyn SlackProvider),
        teams.as_mut().map(|teams| teams as &mut dyn TeamsProvider),
    )?;

    let ops = Arc::new(OpsChannel::new("#ops"));
    let routes = http_routes(Arc::clone(&ops))?;
    // Start-up is over ("never register plugins after discovery"): from here
    // on every `hook()` is one plain load.
    platform_plugin_manager()?.freeze();
    events.freeze();
    Ok(Bot {
        settings,
        slack,
        teams,
        ops,
        routes: routes.routes().to_vec(),
        router: routes.into_router(),
        events,
    })
}

impl Bot {
    /// The reply to `event`, posted to [`ops`](Self::ops), or `None` if no plugin
    /// answered: [`answer_event`] on the bot's manager and channel.
    ///
    /// (The reply does not say which plugin gave it; `Bot` is `Send + Sync`,
    /// so tasks can share it.)
    pub async fn handle_event(&self, event: &Event) -> Option<String> {
        answer_event(self.events, &self.ops, event).await
    }

    /// Sends one request through the router, in process, and returns the status
    /// and the body. A `body` is sent as JSON.
    ///
    /// # Errors
    ///
    /// If the request cannot be built or the body cannot be read.
    pub async fn request(
        &self,
        method: Method,
        uri: &str,
        body: Option<&str>,
    ) -> Result<(StatusCode, String), Box<dyn Error>> {
        let request = Request::builder().method(method).uri(uri);
        let request = match body {
            Some(json) => request
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from(json.to_owned()))?,
            None => request.body(Body::empty())?,
        };
        let response = self.router.clone().oneshot(request).await?;
        let status = response.status();
        let body = axum::body::to_bytes(response.into_body(), 1 << 20).await?;
        Ok((status, String::from_utf8(body.to_vec())?))
    }
}
