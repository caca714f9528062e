//! [`Options`]: the settings a factory builds an adapter, provider, transform or
//! paginator from (the seed's `adapter_options={"key": "value"}`).

use std::collections::BTreeMap;
use std::str::FromStr;

use crate::ApiError;

/// String settings by key, handed to a registry factory.
///
/// ```
/// use apiclient_hookspecs::Options;
///
/// let options = Options::new().with("timeout_ms", "250").with("user", "ada");
/// assert_eq!(options.get("user"), Some("ada"));
/// assert_eq!(options.parse::<u64>("timeout_ms"), Ok(Some(250)));
/// assert_eq!(options.parse::<u64>("retries"), Ok(None));
/// assert!(options.parse::<u64>("user").is_err());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    values: BTreeMap<String, String>,
}

impl Options {
    /// No settings.
    #[must_use]
    pub fn new() -> Self {
        Options::default()
    }

    /// These options with `key` set to `value`.
    #[must_use]
    pub fn with(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.set(key, value);
        self
    }

    /// Sets `key` to `value`.
    pub fn set(&mut self, key: impl Into<String>, value: impl Into<String>) {
        self.values.insert(key.into(), value.into());
    }

    /// The value of `key`, if set.
    #[must_use]
    pub fn get(&self, key: &str) -> Option<&str> {
        self.values.get(key).map(String::as_str)
    }

    /// The value of `key` parsed as a `T`, `None` if unset.
    ///
    /// # Errors
    ///
    /// [`ApiError::Config`] if the value does not parse.
    pub fn parse<T: FromStr>(&self, key: &str) -> Result<Option<T>, ApiError> {
        self.get(key)
            .map(|value| {
                value.parse().map_err(|_| {
                    ApiError::Config(format!(
                        "option `{key}`: cannot read `{value}` as {}",
                        std::any::type_name::<T>()
                    ))
                })
            })
            .transpose()
    }

    /// The settings, by key.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.values.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// Whether nothing is set.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }
}
