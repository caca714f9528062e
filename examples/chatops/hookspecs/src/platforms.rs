//! Chat platforms, as plugins see them: a provider to register commands with, and
//! the handler a command runs.

use std::fmt;

/// A chat platform the bot serves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Platform {
    /// Slack: commands are slash commands, `/name args`.
    Slack,
    /// Microsoft Teams: commands are messages to the bot, `name args`.
    Teams,
}

impl fmt::Display for Platform {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Platform::Slack => "slack",
            Platform::Teams => "teams",
        })
    }
}

/// One run of a command, as its handler receives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Invocation<'a> {
    /// Where the command was sent.
    pub platform: Platform,
    /// The text after the command's name, trimmed: `8.8.8.8` for `/geolocate 8.8.8.8`.
    pub args: &'a str,
}

/// What a command runs: the invocation in, the reply out.
pub type CommandHandler = Box<dyn Fn(&Invocation<'_>) -> String + Send + Sync>;

/// Slack, as the `register_slack_commands` hook sees it.
///
/// Slack and Teams are two traits, not one, so that each can grow what only it has
/// (Slack modals, Teams cards) without the other's plugins seeing it.
pub trait SlackProvider {
    /// Registers the slash command `/name`, described by `help` in `/help`.
    fn register_command(&mut self, name: &str, help: &str, handler: CommandHandler);
}

/// Microsoft Teams, as the `register_teams_commands` hook sees it.
pub trait TeamsProvider {
    /// Registers the bot command `name`, described by `help` in `help`.
    fn register_command(&mut self, name: &str, help: &str, handler: CommandHandler);
}

/// A command as a [`RecordingProvider`] recorded it.
pub struct Registration {
    /// The command's name, without the platform's prefix.
    pub name: String,
    /// Its one-line description.
    pub help: String,
    /// What it runs.
    pub handler: CommandHandler,
}

impl fmt::Debug for Registration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Registration")
            .field("name", &self.name)
            .field("help", &self.help)
            .finish_non_exhaustive()
    }
}

/// A provider that keeps what it is given, for both platforms: to test a hook
/// implementation by calling it directly, with no manager and no platform (the
/// seed's `mock_slack_provider`).
///
/// ```
/// use chatops_hookspecs::{Invocation, Platform, RecordingProvider, SlackProvider};
///
/// fn register_slack_commands(provider: &mut dyn SlackProvider) {
///     provider.register_command("echo", "Says it back", Box::new(|run: &Invocation<'_>| run.args.to_owned()));
/// }
///
/// let mut provider = RecordingProvider::new();
/// register_slack_commands(&mut provider);
/// assert_eq!(provider.names(), ["echo"]);
/// assert_eq!(provider.run("echo", Platform::Slack, "hi").as_deref(), Some("hi"));
/// ```
#[derive(Debug, Default)]
pub struct RecordingProvider {
    registrations: Vec<Registration>,
}

impl RecordingProvider {
    /// A provider with nothing registered.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Every registration, in order.
    #[must_use]
    pub fn registrations(&self) -> &[Registration] {
        &self.registrations
    }

    /// The registered command names, in order.
    #[must_use]
    pub fn names(&self) -> Vec<&str> {
        self.registrations.iter().map(|r| r.name.as_str()).collect()
    }

    /// Runs the command `name` with `args` as if sent on `platform`; `None` if no
    /// command has that name.
    #[must_use]
    pub fn run(&self, name: &str, platform: Platform, args: &str) -> Option<String> {
        let registration = self.registrations.iter().find(|r| r.name == name)?;
        Some((registration.handler)(&Invocation { platform, args }))
    }

    fn record(&mut self, name: &str, help: &str, handler: CommandHandler) {
        self.registrations.push(Registration {
            name: name.to_owned(),
            help: help.to_owned(),
            handler,
        });
    }
}

impl SlackProvider for RecordingProvider {
    fn register_command(&mut self, name: &str, help: &str, handler: CommandHandler) {
        self.record(name, help, handler);
    }
}

impl TeamsProvider for RecordingProvider {
    fn register_command(&mut self, name: &str, help: &str, handler: CommandHandler) {
        self.record(name, help, handler);
    }
}
