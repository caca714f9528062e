//! Hooks declared and implemented through a re-export of hookcore. This crate has
//! no `hookcore` dependency, so `::hookcore` does not resolve here: everything
//! generated goes through `crate = reexport_framework::hooks`.

use reexport_framework::hooks::{hookimpl, hookspec};

/// The app's extension points.
#[hookspec(crate = reexport_framework::hooks)]
pub trait Routes {
    /// The routes a plugin serves.
    fn routes(&self) -> Vec<&'static str>;
    /// The handler for `path`; the first plugin that has one wins.
    #[hookspec(firstresult)]
    fn handler(&self, path: &str) -> Option<&'static str>;
}

/// A plugin made of functions.
pub mod health {
    use super::{Routes, hookimpl};

    #[hookimpl(Routes, crate = reexport_framework::hooks)]
    fn routes() -> Vec<&'static str> {
        vec!["/health"]
    }

    #[hookimpl(Routes, crate = reexport_framework::hooks, tryfirst)]
    fn handler(path: &str) -> Option<&'static str> {
        (path == "/health").then_some("ok")
    }
}

/// A plugin type.
pub struct Api;

#[hookimpl(crate = reexport_framework::hooks, name = "api")]
impl Routes for Api {
    fn routes(&self) -> Vec<&'static str> {
        vec!["/api/users"]
    }
    fn handler(&self, path: &str) -> Option<&'static str> {
        path.starts_with("/api/").then_some("api")
    }
}
