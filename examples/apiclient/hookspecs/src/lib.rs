//! The extension points of apiclient: the seed's `register_adapters(registry)`,
//! `register_auth_providers(registry)`, `register_transforms(registry)` and
//! `register_pagination_handlers(registry)`, as the hooks of one `#[hookspec]`
//! trait, [`ApiPlugins`].
//!
//! A plugin fills the registries the host passes it: each entry is a name and a
//! factory that builds the thing from [`Options`] (the seed registers a class and
//! the client instantiates it with `adapter_options`). The host calls each
//! `register_*` hook once, when plugins are enabled, and looks entries up by name
//! afterwards.
//!
//! The host and every plugin crate depend on this crate. It also holds the types
//! the hooks pass around: the [`Adapter`], [`AuthProvider`], [`Transform`] and
//! [`Paginator`] traits, [`Request`], [`Response`], [`Headers`], [`Url`] and
//! [`ApiError`].

#![warn(missing_docs)]

mod error;
mod message;
mod options;
mod registry;
pub mod url;

pub use error::ApiError;
pub use message::{Headers, Request, Response};
pub use options::Options;
pub use registry::{Factory, Registry};
pub use url::Url;

/// A protocol adapter: sends a [`Request`] somewhere and returns the [`Response`]
/// (the seed's `ProtocolAdapter.request`).
pub trait Adapter: Send + Sync {
    /// Sends `request` and returns what came back.
    ///
    /// # Errors
    ///
    /// When the request cannot be sent or the answer cannot be read; a response
    /// with an error status is not an error here.
    fn send(&self, request: &Request) -> Result<Response, ApiError>;
}

/// An authentication mechanism: adds credentials to a request before it is sent.
pub trait AuthProvider: Send + Sync {
    /// Adds the credentials to `request`.
    ///
    /// # Errors
    ///
    /// When the credentials cannot be produced.
    fn authenticate(&self, request: &mut Request) -> Result<(), ApiError>;

    /// What the provider does, for display; never the secret itself.
    fn describe(&self) -> String;
}

/// A data transformation applied to each response after it arrives.
pub trait Transform: Send + Sync {
    /// Rewrites `response` in place.
    ///
    /// # Errors
    ///
    /// When the response cannot be transformed, such as a JSON body that does not
    /// parse.
    fn apply(&self, response: &mut Response) -> Result<(), ApiError>;
}

/// A pagination handler: finds the next page of a paged response.
pub trait Paginator: Send + Sync {
    /// The URL of the page after `response` (the answer to `request`), or `None`
    /// on the last page. Paginators see the response as it arrived, before any
    /// transform.
    ///
    /// # Errors
    ///
    /// When the response says there is a next page but not where, legibly.
    fn next_url(&self, request: &Request, response: &Response) -> Result<Option<String>, ApiError>;
}

/// Protocol adapters by name: `http`, `file`, ...
pub type AdapterRegistry = Registry<dyn Adapter>;
/// Authentication providers by name: `bearer`, `basic`, ...
pub type AuthRegistry = Registry<dyn AuthProvider>;
/// Transforms by name: `json-pretty`, `redact-headers`, ...
pub type TransformRegistry = Registry<dyn Transform>;
/// Pagination handlers by name: `link`, `page`, ...
pub type PaginatorRegistry = Registry<dyn Paginator>;

/// Where plugins extend apiclient.
///
/// The host calls the four `register_*` hooks once each when plugins are enabled
/// (the seed's `enable_plugins()`), in the spec's call order, and
/// [`on_response`](ApiPlugins::on_response) for every response the client
/// receives, and [`shutdown`](ApiPlugins::shutdown) once at exit. A plugin
/// implements any subset.
#[hookcore::hookspec]
pub trait ApiPlugins {
    /// Register protocol adapters (the seed's `register_adapters(registry)`).
    fn register_adapters(&self, registry: &mut AdapterRegistry);

    /// Register authentication providers (`register_auth_providers(registry)`).
    fn register_auth_providers(&self, registry: &mut AuthRegistry);

    /// Register response transforms (`register_transform_providers(registry)`).
    fn register_transforms(&self, registry: &mut TransformRegistry);

    /// Register pagination handlers (`register_pagination_handlers(registry)`).
    fn register_paginators(&self, registry: &mut PaginatorRegistry);

    /// Observe a response as it arrived, before transforms: the seed's observer
    /// hooks on the request/response lifecycle.
    fn on_response(&self, request: &Request, response: &Response);

    /// Release what the plugin holds (connections, caches): the seed's `atexit`
    /// cleanup. `Some` says what was released. The host calls it once at exit,
    /// while every plugin is still registered, then ends the plugins with
    /// `PluginManager::shutdown`, which drops the run-time ones.
    fn shutdown(&self) -> Option<String>;
}
