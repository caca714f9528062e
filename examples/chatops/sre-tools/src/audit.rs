//! An audit of the bot's commands: a wrapper around each platform's command
//! registration records what the plugins registered and how long that took, and
//! wraps every handler so that each run is counted and timed. `/audit` shows it.

use std::fmt;
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use chatops_hookspecs::{
    CommandHandler, Platform, Platforms, PlatformsRegisterSlackCommandsNext,
    PlatformsRegisterTeamsCommandsNext, SlackProvider, TeamsProvider,
};
use hookcore::hookimpl;

/// Runs around every plugin's `register_slack_commands`: the plugins register
/// with an auditing provider that passes each command on to `provider`, its
/// handler wrapped.
#[hookimpl(Platforms, wrapper)]
pub fn register_slack_commands(
    provider: &mut dyn SlackProvider,
    next: PlatformsRegisterSlackCommandsNext<'_>,
) {
    let started = Instant::now();
    let mut audited = Audited::new(Platform::Slack, provider);
    next.call(&mut audited);
    record_registration(Platform::Slack, audited.names, started.elapsed());
}

/// As [`register_slack_commands`], for Teams.
#[hookimpl(Platforms, wrapper)]
pub fn register_teams_commands(
    provider: &mut dyn TeamsProvider,
    next: PlatformsRegisterTeamsCommandsNext<'_>,
) {
    let started = Instant::now();
    let mut audited = Audited::new(Platform::Teams, provider);
    next.call(&mut audited);
    record_registration(Platform::Teams, audited.names, started.elapsed());
}

/// Registers `/audit`. The wrapper above already implements
/// `register_slack_commands` for this plugin, so this function implements it
/// under another name: `specname`.
#[hookimpl(Platforms, specname = "register_slack_commands")]
pub fn register_audit_command(provider: &mut dyn SlackProvider) {
    provider.register_command(
        "audit",
        "What the bot registered and ran: /audit",
        Box::new(|_| report().to_string()),
    );
}

/// The commands registered on one platform.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Registered {
    /// The platform.
    pub platform: Platform,
    /// The commands, in registration order.
    pub names: Vec<String>,
    /// How long the plugins took to register them.
    pub took: Duration,
}

/// The runs of one command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Runs {
    /// The platform.
    pub platform: Platform,
    /// The command.
    pub name: String,
    /// How many times it ran.
    pub count: u32,
    /// How long its runs took, together.
    pub took: Duration,
}

/// What the audit has seen, as [`report`] returns it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditReport {
    /// Each registration, oldest first.
    pub registered: Vec<Registered>,
    /// Each command that ran, in order of its first run.
    pub runs: Vec<Runs>,
}

impl fmt::Display for AuditReport {
    /// One line per registration, then one per command that ran.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let registered = self.registered.iter().map(|registered| {
            format!(
                "registered on {} in {:?}: {}",
                registered.platform,
                registered.took,
                registered.names.join(", ")
            )
        });
        let runs = self.runs.iter().map(|runs| {
            let prefix = match runs.platform {
                Platform::Slack => "/",
                Platform::Teams => "",
            };
            let plural = if runs.count == 1 { "" } else { "s" };
            format!(
                "{} {prefix}{} ran {} time{plural} in {:?}",
                runs.platform, runs.name, runs.count, runs.took
            )
        });
        let lines: Vec<String> = registered.chain(runs).collect();
        f.write_str(&lines.join("\n"))
    }
}

/// What the audit has seen so far in this process.
#[must_use]
pub fn report() -> AuditReport {
    audit().clone()
}

static AUDIT: Mutex<AuditReport> = Mutex::new(AuditReport {
    registered: Vec::new(),
    runs: Vec::new(),
});

fn audit() -> MutexGuard<'static, AuditReport> {
    AUDIT.lock().unwrap_or_else(PoisonError::into_inner)
}

fn record_registration(platform: Platform, names: Vec<String>, took: Duration) {
    audit().registered.push(Registered {
        platform,
        names,
        took,
    });
}

fn record_run(platform: Platform, name: &str, took: Duration) {
    let mut audit = audit();
    match audit
        .runs
        .iter_mut()
        .find(|runs| runs.platform == platform && runs.name == name)
    {
        Some(runs) => {
            runs.count += 1;
            runs.took += took;
        }
        None => audit.runs.push(Runs {
            platform,
            name: name.to_owned(),
            count: 1,
            took,
        }),
    }
}

/// A provider that records each command and passes it on, its handler timed.
struct Audited<'a, P: ?Sized> {
    platform: Platform,
    inner: &'a mut P,
    names: Vec<String>,
}

impl<'a, P: ?Sized> Audited<'a, P> {
    fn new(platform: Platform, inner: &'a mut P) -> Self {
        Audited {
            platform,
            inner,
            names: Vec::new(),
        }
    }

    /// `handler`, counted and timed under `name`.
    fn timed(&mut self, name: &str, handler: CommandHandler) -> CommandHandler {
        self.names.push(name.to_owned());
        let (platform, name) = (self.platform, name.to_owned());
        Box::new(move |run| {
            let started = Instant::now();
            let reply = handler(run);
            record_run(platform, &name, started.elapsed());
            reply
        })
    }
}

impl SlackProvider for Audited<'_, dyn SlackProvider + '_> {
    fn register_command(&mut self, name: &str, help: &str, handler: CommandHandler) {
        let handler = self.timed(name, handler);
        self.inner.register_command(name, help, handler);
    }
}

impl TeamsProvider for Audited<'_, dyn TeamsProvider + '_> {
    fn register_command(&mut self, name: &str, help: &str, handler: CommandHandler) {
        let handler = self.timed(name, handler);
        self.inner.register_command(name, help, handler);
    }
}
