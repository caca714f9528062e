//! Logging for apiclient: a wrapper around each `register_*` hook records what
//! the plugins registered, and two async observers, `on_request` and
//! `on_response`, record every request the client sends and every response it
//! receives.
//!
//! The wrappers (`#[hookimpl(wrapper)]`) run around all the plugins'
//! implementations of their hook: they see the registry before and after
//! `next.call(registry)`, so the log says what that call added, whoever added it.
//! The plugin is this module (`apiclient_logging`). The logs are process-wide.

#![warn(missing_docs)]

use std::fmt;
use std::sync::{Mutex, MutexGuard, PoisonError};

use apiclient_hookspecs::{
    AdapterRegistry, ApiPlugins, ApiPluginsRegisterAdaptersNext,
    ApiPluginsRegisterAuthProvidersNext, ApiPluginsRegisterPaginatorsNext,
    ApiPluginsRegisterTransformsNext, AuthRegistry, PaginatorRegistry, Registry, Request, Response,
    TransformRegistry,
};
use hookcore::hookimpl;

/// What one call of a `register_*` hook added to its registry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Registration {
    /// The hook.
    pub hook: &'static str,
    /// What the registry holds (`adapter`, ...).
    pub kind: &'static str,
    /// The names that were not there before the call, in registration order.
    pub added: Vec<String>,
    /// How many names the registry held after the call.
    pub total: usize,
}

impl fmt::Display for Registration {
    /// `register_adapters: 3 adapters added (http, file, data), 3 in all`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.added.is_empty() {
            return write!(f, "{}: nothing added, {} in all", self.hook, self.total);
        }
        let plural = if self.added.len() == 1 { "" } else { "s" };
        write!(
            f,
            "{}: {} {}{plural} added ({}), {} in all",
            self.hook,
            self.added.len(),
            self.kind,
            self.added.join(", "),
            self.total
        )
    }
}

static REGISTRATIONS: Mutex<Vec<Registration>> = Mutex::new(Vec::new());
static REQUESTS: Mutex<Vec<String>> = Mutex::new(Vec::new());
static RESPONSES: Mutex<Vec<String>> = Mutex::new(Vec::new());

fn lock<T>(log: &'static Mutex<Vec<T>>) -> MutexGuard<'static, Vec<T>> {
    log.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Every registration logged in this process, oldest first.
#[must_use]
pub fn registrations() -> Vec<Registration> {
    lock(&REGISTRATIONS).clone()
}

/// Every request logged in this process, oldest first: `GET <url>, Bearer
/// credentials`; the credentials' scheme only, never their value.
#[must_use]
pub fn requests() -> Vec<String> {
    lock(&REQUESTS).clone()
}

/// Every response logged in this process, oldest first: `GET <url> -> 200 OK, 74 bytes`.
#[must_use]
pub fn responses() -> Vec<String> {
    lock(&RESPONSES).clone()
}

/// Runs the rest of the call with `registry` and logs what it added.
fn logged<T: ?Sized>(
    hook: &'static str,
    registry: &mut Registry<T>,
    call: impl FnOnce(&mut Registry<T>),
) {
    let before: Vec<String> = registry.names().into_iter().map(str::to_owned).collect();
    call(registry);
    let added = registry
        .names()
        .into_iter()
        .filter(|name| !before.iter().any(|b| b == name))
        .map(str::to_owned)
        .collect();
    lock(&REGISTRATIONS).push(Registration {
        hook,
        kind: registry.kind(),
        added,
        total: registry.len(),
    });
}

/// Logs what the plugins' `register_adapters` added.
#[hookimpl(ApiPlugins, wrapper)]
pub fn register_adapters(registry: &mut AdapterRegistry, next: ApiPluginsRegisterAdaptersNext<'_>) {
    logged("register_adapters", registry, |registry| {
        next.call(registry)
    });
}

/// Logs what the plugins' `register_auth_providers` added.
#[hookimpl(ApiPlugins, wrapper)]
pub fn register_auth_providers(
    registry: &mut AuthRegistry,
    next: ApiPluginsRegisterAuthProvidersNext<'_>,
) {
    logged("register_auth_providers", registry, |registry| {
        next.call(registry);
    });
}

/// Logs what the plugins' `register_transforms` added.
#[hookimpl(ApiPlugins, wrapper)]
pub fn register_transforms(
    registry: &mut TransformRegistry,
    next: ApiPluginsRegisterTransformsNext<'_>,
) {
    logged("register_transforms", registry, |registry| {
        next.call(registry);
    });
}

/// Logs what the plugins' `register_paginators` added.
#[hookimpl(ApiPlugins, wrapper)]
pub fn register_paginators(
    registry: &mut PaginatorRegistry,
    next: ApiPluginsRegisterPaginatorsNext<'_>,
) {
    logged("register_paginators", registry, |registry| {
        next.call(registry);
    });
}

/// Logs the request: method, URL, and which kind of credentials it carries.
/// An async observer: the client awaits it just before sending. The log is in
/// memory, so nothing here waits; a plugin that ships its log somewhere would
/// `.await` that I/O here.
#[hookimpl(ApiPlugins)]
pub async fn on_request(request: &Request) {
    let credentials = match request.headers.get("authorization") {
        Some(value) => {
            let scheme = value.split_whitespace().next().unwrap_or("unknown");
            format!("{scheme} credentials")
        }
        None => "no credentials".to_owned(),
    };
    lock(&REQUESTS).push(format!("{} {}, {credentials}", request.method, request.url));
}

/// Logs the response: method, URL, status, body size. Async, as `on_request`.
#[hookimpl(ApiPlugins)]
pub async fn on_response(request: &Request, response: &Response) {
    lock(&RESPONSES).push(format!(
        "{} {} -> {} {}, {} bytes",
        request.method,
        request.url,
        response.status,
        response.reason,
        response.body.len()
    ));
}
