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
//! Three hooks are async, awaited by the client for every request:
//! `authenticate` (credentials, refreshed first when the provider's token
//! expired), `on_request` and `on_response` (observers). Adapters are async
//! too: [`Adapter::send`] returns a [`BoxFuture`].
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

use std::future::Future;
use std::pin::Pin;

/// A boxed future that can move between threads: what [`Adapter::send`]
/// returns, so that adapters stay trait objects in their registry.
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// A protocol adapter: sends a [`Request`] somewhere and returns the [`Response`]
/// (the seed's `ProtocolAdapter.request`).
///
/// Sending is async: the `http` adapter connects, writes and reads over tokio's
/// `TcpStream`. An adapter whose work is not I/O (a `data:` URL) answers with a
/// future that is ready at once.
///
/// ```
/// use apiclient_hookspecs::{Adapter, ApiError, BoxFuture, Request, Response};
///
/// struct Echo;
/// impl Adapter for Echo {
///     fn send<'a>(&'a self, request: &'a Request) -> BoxFuture<'a, Result<Response, ApiError>> {
///         Box::pin(async move {
///             let mut response = Response::new(&request.url, 200, "OK");
///             response.body = request.url.clone().into_bytes();
///             Ok(response)
///         })
///     }
/// }
/// ```
pub trait Adapter: Send + Sync {
    /// Sends `request` and returns what came back.
    ///
    /// # Errors
    ///
    /// When the request cannot be sent or the answer cannot be read; a response
    /// with an error status is not an error here.
    fn send<'a>(&'a self, request: &'a Request) -> BoxFuture<'a, Result<Response, ApiError>>;
}

/// An authentication mechanism: adds credentials to a request before it is sent.
///
/// A provider whose credentials expire asks for fresh ones with a request of
/// its own: [`refresh`](Self::refresh) gives that request when one is needed,
/// [`refreshed`](Self::refreshed) takes the answer. The provider does no I/O
/// itself: the auth plugin's async `authenticate` hook sends the refresh
/// request through the client's adapter and awaits it, then calls
/// [`authenticate`](Self::authenticate).
pub trait AuthProvider: Send + Sync {
    /// The request that fetches fresh credentials, if the provider needs them
    /// before `request` is sent (none yet, or they expired); `None` when what it
    /// has is current. By default, never.
    ///
    /// # Errors
    ///
    /// When the refresh request cannot be made (a token URL that does not
    /// resolve against `request`'s).
    fn refresh(&self, request: &Request) -> Result<Option<Request>, ApiError> {
        let _ = request;
        Ok(None)
    }

    /// Takes the answer to the request [`refresh`](Self::refresh) gave.
    ///
    /// # Errors
    ///
    /// When the answer holds no credentials (a refusal, a body that says
    /// nothing usable).
    fn refreshed(&self, response: &Response) -> Result<(), ApiError> {
        let _ = response;
        Ok(())
    }

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
/// [`shutdown`](ApiPlugins::shutdown) once at exit. For every request, the
/// client awaits three async hooks: [`authenticate`](ApiPlugins::authenticate)
/// (when it has an auth provider and the request goes to its origin),
/// [`on_request`](ApiPlugins::on_request) just before the adapter sends it, and
/// [`on_response`](ApiPlugins::on_response) when the answer arrives. A plugin
/// implements any subset.
///
/// The async hooks run their implementations one after another, in call order,
/// and their futures are `Send`: a client can be used inside a spawned tokio
/// task.
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

    /// Add `auth`'s credentials to `request` before the client sends it through
    /// `adapter`. The client awaits it for every request to its base URL's
    /// origin when it has an auth provider (credentials never go elsewhere).
    ///
    /// The auth plugin's implementation first asks the provider whether it needs
    /// fresh credentials ([`AuthProvider::refresh`]); if so it sends that
    /// request through `adapter`, awaits the answer and hands it to the provider
    /// ([`AuthProvider::refreshed`]); then it adds the credentials. Every
    /// implementation runs, in call order; the first `Err` ends the call, and
    /// the client does not send the request.
    async fn authenticate(
        &self,
        auth: &dyn AuthProvider,
        adapter: &dyn Adapter,
        request: &mut Request,
    ) -> Result<(), ApiError>;

    /// Observe a request just before the adapter sends it, credentials added:
    /// the seed's observer hooks on the request/response lifecycle. An observer
    /// must not show the credentials.
    async fn on_request(&self, request: &Request);

    /// Observe a response as it arrived, before transforms.
    async fn on_response(&self, request: &Request, response: &Response);

    /// Release what the plugin holds (connections, caches): the seed's `atexit`
    /// cleanup. `Some` says what was released. The host calls it once at exit,
    /// while every plugin is still registered, then ends the plugins with
    /// `PluginManager::shutdown`, which drops the run-time ones.
    fn shutdown(&self) -> Option<String>;
}
