//! [`HttpRoutes`]: the HTTP routes plugins register, onto one axum `Router`.

use axum::Router;
use axum::handler::Handler;
use axum::routing::{self, MethodRouter};

/// The routes plugins register in `register_http_routes`, collected onto one axum
/// [`Router`] (FastAPI's `api_router.include_router`).
///
/// axum's `Router` is built by value (`router.route(..)` returns a new one); this
/// wrapper lets every plugin add to the same router through `&mut`, and keeps a
/// list of what was added for the host to report.
///
/// ```
/// let mut routes = chatops_hookspecs::HttpRoutes::new();
/// routes.get("/ping", || async { "pong" });
/// assert_eq!(routes.routes(), ["GET /ping"]);
/// let router: axum::Router = routes.into_router();
/// ```
#[derive(Debug, Default)]
pub struct HttpRoutes {
    router: Router,
    routes: Vec<String>,
}

impl HttpRoutes {
    /// No routes yet.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Serves `GET path` with `handler`. `path` is in axum's syntax: `/items/{id}`.
    ///
    /// # Panics
    ///
    /// As axum's `Router::route` does: if `path` is invalid or its `GET` is
    /// already registered.
    pub fn get<H, T>(&mut self, path: &str, handler: H) -> &mut Self
    where
        H: Handler<T, ()>,
        T: 'static,
    {
        self.add("GET", path, routing::get(handler))
    }

    /// Serves `POST path` with `handler`.
    ///
    /// # Panics
    ///
    /// As [`get`](Self::get).
    pub fn post<H, T>(&mut self, path: &str, handler: H) -> &mut Self
    where
        H: Handler<T, ()>,
        T: 'static,
    {
        self.add("POST", path, routing::post(handler))
    }

    /// Adds every route of `router`: for a feature that builds its own router. Its
    /// routes are listed as `* <router>` in [`routes`](Self::routes), since a
    /// `Router` does not tell its paths.
    ///
    /// # Panics
    ///
    /// As axum's `Router::merge` does, if a route of `router` is already registered.
    pub fn merge(&mut self, router: Router) -> &mut Self {
        self.router = std::mem::take(&mut self.router).merge(router);
        self.routes.push("* <router>".to_owned());
        self
    }

    /// What was registered, in order: `GET /incidents`, `POST /incidents`, ...
    #[must_use]
    pub fn routes(&self) -> &[String] {
        &self.routes
    }

    /// The router serving every registered route.
    pub fn into_router(self) -> Router {
        self.router
    }

    fn add(&mut self, method: &str, path: &str, method_router: MethodRouter) -> &mut Self {
        self.router = std::mem::take(&mut self.router).route(path, method_router);
        self.routes.push(format!("{method} {path}"));
        self
    }
}
