//! What the `Events` hooks pass: the bot's [`Settings`] and the [`Event`]s it
//! receives.

use std::fmt;

use serde::Deserialize;

/// The bot's settings, read at startup from a config file and the environment
/// (the seed's `get_settings()`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// Serve Slack.
    pub slack: bool,
    /// Serve Microsoft Teams.
    pub teams: bool,
    /// Services in a maintenance window: their alerts are acknowledged, not paged.
    pub maintenance: Vec<String>,
}

impl Default for Settings {
    /// Slack on, Teams off, no maintenance window.
    fn default() -> Self {
        Settings {
            slack: true,
            teams: false,
            maintenance: Vec::new(),
        }
    }
}

/// How bad an alert is; `"info"`, `"warning"` or `"critical"` in JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// For the record.
    Info,
    /// Someone should look during working hours.
    Warning,
    /// Someone should look now.
    Critical,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Critical => "critical",
        })
    }
}

/// Something that happened, for the `handle_event` hook.
///
/// In JSON, as `POST /events` takes it, the variant is the `kind` field:
///
/// ```
/// use chatops_hookspecs::{Event, Severity};
///
/// let json = r#"{"kind":"alert","service":"search","severity":"critical","summary":"down"}"#;
/// let event: Event = serde_json::from_str(json).unwrap();
/// assert_eq!(event, Event::Alert { service: "search".into(), severity: Severity::Critical, summary: "down".into() });
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Event {
    /// A monitoring alert.
    Alert {
        /// The service it is about.
        service: String,
        /// How bad it is.
        severity: Severity,
        /// What the monitor says.
        summary: String,
    },
    /// A deployment finished.
    Deploy {
        /// The service deployed.
        service: String,
        /// Its new version.
        version: String,
    },
}

impl Event {
    /// The service the event is about.
    #[must_use]
    pub fn service(&self) -> &str {
        match self {
            Event::Alert { service, .. } | Event::Deploy { service, .. } => service,
        }
    }
}

impl fmt::Display for Event {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Event::Alert {
                service,
                severity,
                summary,
            } => write!(f, "{severity} alert on {service}: {summary}"),
            Event::Deploy { service, version } => write!(f, "deploy of {service} {version}"),
        }
    }
}
