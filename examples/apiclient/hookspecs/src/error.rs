//! [`ApiError`]: what can go wrong between a request and its response.

use std::fmt;

/// An error from an adapter, an auth provider, a transform, a paginator or a
/// registry lookup.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ApiError {
    /// A URL that does not parse, or that the adapter cannot use.
    InvalidUrl {
        /// The URL as given.
        url: String,
        /// What is wrong with it.
        reason: String,
    },
    /// Something the adapter or provider does not do, such as TLS.
    Unsupported(String),
    /// Connecting, reading or writing failed.
    Io {
        /// Where.
        url: String,
        /// The I/O error's message.
        message: String,
    },
    /// The other side answered something that is not the protocol.
    Protocol {
        /// Where.
        url: String,
        /// What was wrong.
        message: String,
    },
    /// A missing or malformed option, or a credential that is not there.
    Config(String),
    /// No entry with that name in a registry.
    Unknown {
        /// What the registry holds: `adapter`, `auth provider`, ...
        kind: &'static str,
        /// The name asked for.
        name: String,
        /// The names it has, in registration order.
        available: Vec<String>,
    },
    /// A response whose status the caller did not accept.
    Status {
        /// The URL requested.
        url: String,
        /// The status received.
        status: u16,
    },
    /// A transform refused the response.
    Transform {
        /// The transform.
        name: String,
        /// Why.
        message: String,
    },
}

impl ApiError {
    /// An [`ApiError::Io`] for `url` from an I/O error.
    #[must_use]
    pub fn io(url: &str, error: &std::io::Error) -> Self {
        ApiError::Io {
            url: url.to_owned(),
            message: error.to_string(),
        }
    }

    /// An [`ApiError::Protocol`] for `url`.
    #[must_use]
    pub fn protocol(url: &str, message: impl Into<String>) -> Self {
        ApiError::Protocol {
            url: url.to_owned(),
            message: message.into(),
        }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ApiError::InvalidUrl { url, reason } => write!(f, "invalid URL `{url}`: {reason}"),
            ApiError::Unsupported(what) => write!(f, "unsupported: {what}"),
            ApiError::Io { url, message } => write!(f, "{url}: {message}"),
            ApiError::Protocol { url, message } => write!(f, "{url}: protocol error: {message}"),
            ApiError::Config(message) => write!(f, "configuration: {message}"),
            ApiError::Unknown {
                kind,
                name,
                available,
            } => {
                let available = if available.is_empty() {
                    "none".to_owned()
                } else {
                    available.join(", ")
                };
                write!(f, "no {kind} named `{name}` (available: {available})")
            }
            ApiError::Status { url, status } => write!(f, "{url}: unexpected status {status}"),
            ApiError::Transform { name, message } => write!(f, "transform {name}: {message}"),
        }
    }
}

impl std::error::Error for ApiError {}
