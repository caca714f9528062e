//! apiclient's core adapters: `http`, a minimal async HTTP/1.1 client over
//! [`tokio::net::TcpStream`], and `file`, which reads local files through
//! `tokio::fs`. Both need a tokio runtime.
//!
//! The plugin is this module (`apiclient_core_adapters`): one `#[hookimpl]`
//! function registering both adapters. The adapter types are public, so that
//! tests and other plugins (the experimental caching adapter) can use them
//! directly.

#![warn(missing_docs)]

mod file;
mod http;

pub use file::FileAdapter;
pub use http::HttpAdapter;

use apiclient_hookspecs::{AdapterRegistry, ApiPlugins};
use hookcore::hookimpl;

/// Registers `http` and `file`, in that order. Options of `http`: `timeout_ms`
/// (default 5000), `max_body_bytes` (default 16 MiB), `user_agent`; `file` has
/// none.
#[hookimpl(ApiPlugins)]
pub fn register_adapters(registry: &mut AdapterRegistry) {
    registry.register("http", |options| {
        Ok(Box::new(HttpAdapter::from_options(options)?))
    });
    registry.register("file", |_| Ok(Box::new(FileAdapter)));
}
