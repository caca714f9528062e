//! The platform providers: [`SlackBot`] and [`TeamsBot`] keep the commands the
//! plugins register and dispatch the messages they receive to them.

use chatops_hookspecs::{CommandHandler, Invocation, Platform, SlackProvider, TeamsProvider};

/// One platform's commands, in registration order.
#[derive(Default)]
struct Commands {
    list: Vec<(String, String, CommandHandler)>,
    refused: Vec<String>,
}

impl Commands {
    /// Keeps the command; a name already taken is refused (the first plugin to
    /// register a name keeps it) and remembered.
    fn register(&mut self, name: &str, help: &str, handler: CommandHandler) {
        if self.list.iter().any(|(taken, ..)| taken == name) {
            self.refused.push(name.to_owned());
        } else {
            self.list.push((name.to_owned(), help.to_owned(), handler));
        }
    }

    fn names(&self) -> Vec<&str> {
        self.list.iter().map(|(name, ..)| name.as_str()).collect()
    }

    /// `text` is `name args`; `prefix` is how the platform writes a command.
    fn dispatch(&self, platform: Platform, prefix: &str, text: &str) -> String {
        let (name, args) = text.trim().split_once(' ').unwrap_or((text.trim(), ""));
        if name == "help" {
            let lines: Vec<String> = self
                .list
                .iter()
                .map(|(name, help, _)| format!("{prefix}{name}  {help}"))
                .collect();
            return lines.join("\n");
        }
        match self.list.iter().find(|(taken, ..)| taken == name) {
            Some((_, _, handler)) => handler(&Invocation {
                platform,
                args: args.trim(),
            }),
            None => format!("unknown command `{prefix}{name}`; try {prefix}help"),
        }
    }
}

/// Slack: slash commands.
///
/// ```
/// use chatops_hookspecs::SlackProvider;
///
/// let mut slack = chatops::SlackBot::new();
/// slack.register_command("ping", "Answers pong", Box::new(|_| "pong".to_owned()));
/// assert_eq!(slack.dispatch("/ping"), "pong");
/// assert_eq!(slack.dispatch("/help"), "/ping  Answers pong");
/// ```
#[derive(Default)]
pub struct SlackBot {
    commands: Commands,
}

impl SlackBot {
    /// A bot with no command but `/help`.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// The reply to a message: `/name args` runs the command `name`, `/help`
    /// lists the commands.
    #[must_use]
    pub fn dispatch(&self, text: &str) -> String {
        match text.trim().strip_prefix('/') {
            Some(command) => self.commands.dispatch(Platform::Slack, "/", command),
            None => "commands start with `/`; try /help".to_owned(),
        }
    }

    /// The registered commands, in registration order.
    #[must_use]
    pub fn commands(&self) -> Vec<&str> {
        self.commands.names()
    }

    /// Registrations refused because an earlier plugin had taken the name.
    #[must_use]
    pub fn refused(&self) -> &[String] {
        &self.commands.refused
    }
}

impl SlackProvider for SlackBot {
    fn register_command(&mut self, name: &str, help: &str, handler: CommandHandler) {
        self.commands.register(name, help, handler);
    }
}

/// Microsoft Teams: messages to the bot, `@sre-bot name args` or `name args`.
#[derive(Default)]
pub struct TeamsBot {
    commands: Commands,
}

impl TeamsBot {
    /// The name users mention the bot by.
    pub const MENTION: &str = "@sre-bot";

    /// A bot with no command but `help`.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// The reply to a message: `name args` runs the command `name`, after an
    /// optional mention of the bot; `help` lists the commands.
    #[must_use]
    pub fn dispatch(&self, text: &str) -> String {
        let text = text.trim();
        let text = text.strip_prefix(Self::MENTION).unwrap_or(text);
        self.commands.dispatch(Platform::Teams, "", text)
    }

    /// The registered commands, in registration order.
    #[must_use]
    pub fn commands(&self) -> Vec<&str> {
        self.commands.names()
    }

    /// Registrations refused because an earlier plugin had taken the name.
    #[must_use]
    pub fn refused(&self) -> &[String] {
        &self.commands.refused
    }
}

impl TeamsProvider for TeamsBot {
    fn register_command(&mut self, name: &str, help: &str, handler: CommandHandler) {
        self.commands.register(name, help, handler);
    }
}
