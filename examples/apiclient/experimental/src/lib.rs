//! An experimental adapter for apiclient: `cached-http`, the `http` adapter with
//! an in-memory cache of `GET` responses that honours `Cache-Control`.
//!
//! The seed's conditional plugin: it registers only when a feature flag is set.
//! Here the plugin type is `#[hookimpl(runtime)]`, so linking this crate
//! registers nothing; the host registers an [`Experimental`] at run time when
//! [`enabled`] says the flag ([`FLAG`], `APICLIENT_EXPERIMENTAL=1`) is on. Its
//! `register_adapters` is `trylast`: its adapter comes after the stable ones.
//!
//! It is also the seed's lifecycle plugin: it holds a resource, the cache its
//! `cached-http` adapters share (the seed's `_resources`), and releases it at
//! exit (the seed's `atexit` cleanup) in its `shutdown` hook, and at the latest
//! when it is dropped, which `PluginManager::shutdown` does even for a
//! process-wide manager. [`Resources`] shows what is held and what was released.

#![warn(missing_docs)]

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use apiclient_core_adapters::HttpAdapter;
use apiclient_hookspecs::{
    Adapter, AdapterRegistry, ApiError, ApiPlugins, BoxFuture, Options, Request, Response,
};
use hookcore::hookimpl;

/// The environment variable that turns the plugin on.
pub const FLAG: &str = "APICLIENT_EXPERIMENTAL";

/// Whether the flag's value (`None` when unset) turns the plugin on: only `1`.
///
/// The host reads the environment once and passes the value here, so tests
/// pass values without touching the process environment.
///
/// ```
/// use apiclient_experimental::enabled;
/// assert!(enabled(Some("1")));
/// assert!(!enabled(Some("0")) && !enabled(Some("yes")) && !enabled(None));
/// ```
#[must_use]
pub fn enabled(flag: Option<&str>) -> bool {
    flag.map(str::trim) == Some("1")
}

/// The plugin; the host registers it at run time under the name `experimental`.
///
/// ```
/// use apiclient_experimental::Experimental;
///
/// let plugin = Experimental::default();
/// let resources = plugin.resources();
/// assert_eq!((resources.held(), resources.released()), (0, 0));
/// drop(plugin);
/// assert!(resources.plugin_dropped());
/// ```
#[derive(Debug, Default)]
pub struct Experimental {
    resources: Arc<Resources>,
}

impl Experimental {
    /// What the plugin holds and has released, to look at after it is gone.
    #[must_use]
    pub fn resources(&self) -> Arc<Resources> {
        Arc::clone(&self.resources)
    }
}

#[hookimpl(runtime)]
impl ApiPlugins for Experimental {
    /// Registers `cached-http`, after the stable adapters. Options: those of
    /// `http`, and `ttl_ms`, how long to keep a response that has no `max-age`
    /// (default 30 s). Every adapter it builds shares the plugin's cache.
    #[hookimpl(trylast)]
    fn register_adapters(&self, registry: &mut AdapterRegistry) {
        let cache = Arc::clone(&self.resources.cache);
        registry.register("cached-http", move |options| {
            let mut adapter = CachedHttp::from_options(options)?;
            adapter.cache = Arc::clone(&cache);
            Ok(Box::new(adapter))
        });
    }

    /// Empties the cache; says how much it released.
    fn shutdown(&self) -> Option<String> {
        let responses = self.resources.release();
        let plural = if responses == 1 { "" } else { "s" };
        Some(format!(
            "experimental: cache emptied, {responses} cached response{plural} released"
        ))
    }
}

impl Drop for Experimental {
    /// Releases what the `shutdown` hook did not (a host that never called it).
    fn drop(&mut self) {
        self.resources.release();
        self.resources.dropped.store(true, Ordering::SeqCst);
    }
}

/// A `cached-http` adapter's cache.
type Cache = Mutex<HashMap<CacheKey, Cached>>;

/// What an [`Experimental`] plugin holds (the seed's `_resources`): the cache
/// its `cached-http` adapters share, and what it has released.
#[derive(Debug, Default)]
pub struct Resources {
    cache: Arc<Cache>,
    released: AtomicUsize,
    dropped: AtomicBool,
}

impl Resources {
    /// Cached responses held now.
    #[must_use]
    pub fn held(&self) -> usize {
        self.cache
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .len()
    }

    /// Cached responses released so far (at shutdown or drop).
    #[must_use]
    pub fn released(&self) -> usize {
        self.released.load(Ordering::SeqCst)
    }

    /// Whether the plugin has been dropped.
    #[must_use]
    pub fn plugin_dropped(&self) -> bool {
        self.dropped.load(Ordering::SeqCst)
    }

    /// Empties the cache; returns how many responses it held.
    fn release(&self) -> usize {
        let mut cache = self.cache.lock().unwrap_or_else(PoisonError::into_inner);
        let responses = cache.len();
        cache.clear();
        self.released.fetch_add(responses, Ordering::SeqCst);
        responses
    }
}

/// A cached response's key: URL and `Authorization`.
type CacheKey = (String, String);
/// When it was stored, how long it may be kept, and the response.
type Cached = (Instant, Duration, Response);

/// The `http` adapter with a cache: a `GET` answered `200` is kept for its
/// `Cache-Control: max-age` (or the default time to live) unless `no-store` or
/// `no-cache`, per URL and `Authorization`. Responses say `X-Cache: HIT` or
/// `MISS`.
#[derive(Debug)]
pub struct CachedHttp {
    inner: HttpAdapter,
    default_ttl: Duration,
    cache: Arc<Cache>,
    hits: AtomicUsize,
    misses: AtomicUsize,
}

impl CachedHttp {
    /// A cache in front of `inner`, keeping responses without `max-age` for
    /// `default_ttl`.
    #[must_use]
    pub fn new(inner: HttpAdapter, default_ttl: Duration) -> Self {
        CachedHttp {
            inner,
            default_ttl,
            cache: Arc::new(Mutex::new(HashMap::new())),
            hits: AtomicUsize::new(0),
            misses: AtomicUsize::new(0),
        }
    }

    /// From the options of `http` and `ttl_ms`.
    ///
    /// # Errors
    ///
    /// [`ApiError::Config`] for a number that does not parse.
    pub fn from_options(options: &Options) -> Result<Self, ApiError> {
        let ttl = options.parse::<u64>("ttl_ms")?.unwrap_or(30_000);
        Ok(CachedHttp::new(
            HttpAdapter::from_options(options)?,
            Duration::from_millis(ttl),
        ))
    }

    /// Responses served from the cache so far.
    pub fn hits(&self) -> usize {
        self.hits.load(Ordering::Relaxed)
    }

    /// Requests sent on so far.
    pub fn misses(&self) -> usize {
        self.misses.load(Ordering::Relaxed)
    }

    /// How long `response` may be kept, or `None` if it may not.
    fn ttl(&self, response: &Response) -> Option<Duration> {
        if response.status != 200 {
            return None;
        }
        let mut ttl = self.default_ttl;
        for directive in response
            .headers
            .get_all("cache-control")
            .iter()
            .flat_map(|value| value.split(','))
        {
            let directive = directive.trim().to_ascii_lowercase();
            if directive == "no-store" || directive == "no-cache" {
                return None;
            }
            if let Some(seconds) = directive.strip_prefix("max-age=") {
                ttl = Duration::from_secs(seconds.trim_matches('"').parse().ok()?);
            }
        }
        (!ttl.is_zero()).then_some(ttl)
    }
}

impl CachedHttp {
    /// The fresh cached answer under `key`, if there is one; drops a stale one.
    /// The cache's lock is held here only, never across an `.await`.
    fn lookup(&self, key: &(String, String)) -> Option<Response> {
        let mut cache = self.cache.lock().unwrap_or_else(PoisonError::into_inner);
        let (stored, ttl, response) = cache.get(key)?;
        let age = stored.elapsed();
        if age < *ttl {
            let mut response = response.clone();
            response.headers.set("Age", age.as_secs().to_string());
            response.headers.set("X-Cache", "HIT");
            return Some(response);
        }
        cache.remove(key);
        None
    }

    async fn exchange(&self, request: &Request) -> Result<Response, ApiError> {
        if request.method != "GET" {
            return self.inner.send(request).await;
        }
        let key = (
            request.url.clone(),
            request
                .headers
                .get("authorization")
                .unwrap_or_default()
                .to_owned(),
        );
        if let Some(response) = self.lookup(&key) {
            self.hits.fetch_add(1, Ordering::Relaxed);
            return Ok(response);
        }
        self.misses.fetch_add(1, Ordering::Relaxed);
        let mut response = self.inner.send(request).await?;
        if let Some(ttl) = self.ttl(&response) {
            let mut cache = self.cache.lock().unwrap_or_else(PoisonError::into_inner);
            cache.insert(key, (Instant::now(), ttl, response.clone()));
        }
        response.headers.set("X-Cache", "MISS");
        Ok(response)
    }
}

impl Adapter for CachedHttp {
    fn send<'a>(&'a self, request: &'a Request) -> BoxFuture<'a, Result<Response, ApiError>> {
        Box::pin(self.exchange(request))
    }
}
