//! [`Settings`] from a config file and the environment (the seed's `get_settings()`).
//!
//! The file has one `key = value` a line, `#` comments and blank lines; the keys
//! are `slack`, `teams` (`on`/`off`, `1`/`0`, `true`/`false`, `yes`/`no`) and
//! `maintenance` (service names, comma-separated). The environment variables
//! `CHATOPS_SLACK`, `CHATOPS_TEAMS` and `CHATOPS_MAINTENANCE` override the file.

use std::fmt;
use std::path::{Path, PathBuf};

use chatops_hookspecs::Settings;

/// The example's config file, which `cargo run -p chatops` reads unless
/// `CHATOPS_CONFIG` names another.
pub const EXAMPLE_CONFIG: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/chatops.conf");

/// Why the settings could not be read.
#[derive(Debug)]
pub enum SettingsError {
    /// The config file could not be read.
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        error: std::io::Error,
    },
    /// A line of the config file, or an environment variable, is not understood.
    Invalid {
        /// `path:line`, or the variable's name.
        at: String,
        /// What is wrong.
        message: String,
    },
}

impl fmt::Display for SettingsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SettingsError::Read { path, error } => {
                write!(f, "cannot read {}: {error}", path.display())
            }
            SettingsError::Invalid { at, message } => write!(f, "{at}: {message}"),
        }
    }
}

impl std::error::Error for SettingsError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            SettingsError::Read { error, .. } => Some(error),
            SettingsError::Invalid { .. } => None,
        }
    }
}

/// The settings: the defaults, then the file `CHATOPS_CONFIG` names (or
/// `default_config`, if given and `CHATOPS_CONFIG` is unset), then the
/// `CHATOPS_*` variables.
///
/// # Errors
///
/// If the file cannot be read, or a line or variable is not understood.
pub fn load(default_config: Option<&Path>) -> Result<Settings, SettingsError> {
    let mut settings = Settings::default();
    let config = std::env::var_os("CHATOPS_CONFIG").map(PathBuf::from);
    if let Some(path) = config.as_deref().or(default_config) {
        let text = std::fs::read_to_string(path).map_err(|error| SettingsError::Read {
            path: path.to_owned(),
            error,
        })?;
        apply_config(&mut settings, &text, &path.display().to_string())?;
    }
    apply_env(&mut settings, |name| std::env::var(name).ok())?;
    Ok(settings)
}

/// Applies the config file `text` (read from `origin`, for messages) to `settings`.
///
/// ```
/// let mut settings = chatops_hookspecs::Settings::default();
/// chatops::settings::apply_config(&mut settings, "teams = on\nmaintenance = a, b\n", "test")?;
/// assert!(settings.teams);
/// assert_eq!(settings.maintenance, ["a", "b"]);
/// # Ok::<(), chatops::settings::SettingsError>(())
/// ```
///
/// # Errors
///
/// At the first line that is not `key = value` with a known key and a valid value.
pub fn apply_config(
    settings: &mut Settings,
    text: &str,
    origin: &str,
) -> Result<(), SettingsError> {
    for (number, line) in text.lines().enumerate() {
        let line = line.split('#').next().unwrap_or_default().trim();
        if line.is_empty() {
            continue;
        }
        let at = || format!("{origin}:{}", number + 1);
        let (key, value) = line.split_once('=').ok_or_else(|| SettingsError::Invalid {
            at: at(),
            message: format!("expected `key = value`, found `{line}`"),
        })?;
        set(settings, key.trim(), value.trim())
            .map_err(|message| SettingsError::Invalid { at: at(), message })?;
    }
    Ok(())
}

/// Applies the `CHATOPS_SLACK`, `CHATOPS_TEAMS` and `CHATOPS_MAINTENANCE`
/// variables that `var` finds.
///
/// # Errors
///
/// If a variable's value is not valid.
pub fn apply_env(
    settings: &mut Settings,
    var: impl Fn(&str) -> Option<String>,
) -> Result<(), SettingsError> {
    for (name, key) in [
        ("CHATOPS_SLACK", "slack"),
        ("CHATOPS_TEAMS", "teams"),
        ("CHATOPS_MAINTENANCE", "maintenance"),
    ] {
        if let Some(value) = var(name) {
            set(settings, key, value.trim()).map_err(|message| SettingsError::Invalid {
                at: name.to_owned(),
                message,
            })?;
        }
    }
    Ok(())
}

fn set(settings: &mut Settings, key: &str, value: &str) -> Result<(), String> {
    match key {
        "slack" => settings.slack = switch(value)?,
        "teams" => settings.teams = switch(value)?,
        "maintenance" => {
            settings.maintenance = value
                .split(',')
                .map(str::trim)
                .filter(|service| !service.is_empty())
                .map(str::to_owned)
                .collect();
        }
        _ => return Err(format!("unknown setting `{key}`")),
    }
    Ok(())
}

fn switch(value: &str) -> Result<bool, String> {
    match value.to_ascii_lowercase().as_str() {
        "1" | "on" | "true" | "yes" => Ok(true),
        "0" | "off" | "false" | "no" => Ok(false),
        _ => Err(format!("expected on or off, found `{value}`")),
    }
}
