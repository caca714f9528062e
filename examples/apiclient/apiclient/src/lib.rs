//! apiclient, the host: the seed's `dc_api_x` with its plugin registries.
//!
//! Plugin crates fill four registries through the hooks of
//! `apiclient-hookspecs`: adapters, auth providers, transforms and paginators.
//! [`enable_plugins`] (the seed's `enable_plugins()`) builds them once from the
//! process-wide plugin manager; [`get_adapter`] and [`list_adapters`] read them;
//! an [`ApiClient`] combines an adapter, an auth provider, transforms and a
//! paginator chosen by name. The client is async (tokio): it awaits the
//! plugins' `authenticate` hook, the `on_request` observers, the adapter and the
//! `on_response` observers for each request.
//!
//! Which plugins there are:
//!
//! - linked: every plugin crate named below (a crate the binary never names is
//!   not linked), checked at startup with `require` ([`REQUIRED`]);
//! - behind a Cargo feature: `apiclient-data-url`, an optional dependency,
//!   named only with the `data-url` feature;
//! - at run time: `apiclient-experimental`'s plugin, registered by
//!   [`register_conditional_plugins`] only when `APICLIENT_EXPERIMENTAL=1`.

#![warn(missing_docs)]

use std::fmt;
use std::sync::OnceLock;

use apiclient_experimental::Experimental;
use apiclient_hookspecs::{
    Adapter, AdapterRegistry, ApiError, ApiPlugins, AuthRegistry, Options, PaginatorRegistry,
    TransformRegistry,
};
use hookcore::PluginManager;

mod client;
pub mod demo;
mod session;

pub use client::{ApiClient, ClientBuilder};
pub use session::{DEMO_PASSWORD, DEMO_TOKEN, DEMO_USER, Settings, run, run_with, write_shutdown};

// Link the plugin crates: nothing else here names them.
use apiclient_auth as _;
use apiclient_core_adapters as _;
#[cfg(feature = "data-url")]
use apiclient_data_url as _;
use apiclient_logging as _;
use apiclient_rest as _;
use apiclient_scrub as _;

/// The linked plugin crates this build cannot work without.
pub const REQUIRED: &[&str] = &[
    "apiclient-core-adapters",
    "apiclient-auth",
    "apiclient-rest",
    "apiclient-scrub",
    "apiclient-logging",
    #[cfg(feature = "data-url")]
    "apiclient-data-url",
];

/// The environment variable that enables the experimental plugin: `1` does.
pub const EXPERIMENTAL_FLAG: &str = apiclient_experimental::FLAG;

/// The name the experimental plugin is registered under.
pub const EXPERIMENTAL_PLUGIN: &str = "experimental";

/// A plugin problem or an API problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// The plugins could not be loaded or checked.
    Plugins(hookcore::Error),
    /// An adapter, provider, transform or paginator failed.
    Api(ApiError),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Plugins(error) => write!(f, "plugins: {error}"),
            Error::Api(error) => error.fmt(f),
        }
    }
}

impl std::error::Error for Error {}

impl From<hookcore::Error> for Error {
    fn from(error: hookcore::Error) -> Self {
        Error::Plugins(error)
    }
}

impl From<ApiError> for Error {
    fn from(error: ApiError) -> Self {
        Error::Api(error)
    }
}

/// Registers the plugins that depend on the environment: the experimental one
/// if `experimental_flag` (the value of [`EXPERIMENTAL_FLAG`], `None` when
/// unset) is `1`. Returns whether it is registered. Registering twice is fine.
///
/// The caller reads the environment; this function does not, so tests pass
/// values on a fresh manager instead of setting variables.
///
/// # Errors
///
/// If the name is blocked on `manager`.
pub fn register_conditional_plugins(
    manager: &PluginManager<dyn ApiPlugins>,
    experimental_flag: Option<&str>,
) -> Result<bool, hookcore::Error> {
    if !apiclient_experimental::enabled(experimental_flag) {
        return Ok(false);
    }
    match manager.register(EXPERIMENTAL_PLUGIN, Experimental::default()) {
        Ok(()) | Err(hookcore::Error::AlreadyRegistered { .. }) => Ok(true),
        Err(error) => Err(error),
    }
}

/// The enabled plugins and the registries they filled.
pub struct Plugins<'pm> {
    manager: &'pm PluginManager<dyn ApiPlugins>,
    experimental: bool,
    adapters: AdapterRegistry,
    auth_providers: AuthRegistry,
    transforms: TransformRegistry,
    paginators: PaginatorRegistry,
}

impl<'pm> Plugins<'pm> {
    /// Checks `manager` holds every [`REQUIRED`] plugin crate, registers the
    /// conditional plugins ([`register_conditional_plugins`]), and fills the
    /// registries by calling each `register_*` hook once.
    ///
    /// # Errors
    ///
    /// [`hookcore::Error::MissingPlugins`] if a required crate is not linked.
    pub fn enable(
        manager: &'pm PluginManager<dyn ApiPlugins>,
        experimental_flag: Option<&str>,
    ) -> Result<Self, hookcore::Error> {
        manager.require(REQUIRED)?;
        let experimental = register_conditional_plugins(manager, experimental_flag)?;
        let hooks = manager.hook();
        let mut plugins = Plugins {
            manager,
            experimental,
            adapters: AdapterRegistry::new("adapter"),
            auth_providers: AuthRegistry::new("auth provider"),
            transforms: TransformRegistry::new("transform"),
            paginators: PaginatorRegistry::new("paginator"),
        };
        hooks.register_adapters(&mut plugins.adapters);
        hooks.register_auth_providers(&mut plugins.auth_providers);
        hooks.register_transforms(&mut plugins.transforms);
        hooks.register_paginators(&mut plugins.paginators);
        Ok(plugins)
    }

    /// The plugin manager the registries were filled from.
    #[must_use]
    pub fn manager(&self) -> &'pm PluginManager<dyn ApiPlugins> {
        self.manager
    }

    /// Whether the experimental plugin is registered.
    #[must_use]
    pub fn experimental(&self) -> bool {
        self.experimental
    }

    /// The protocol adapters.
    #[must_use]
    pub fn adapters(&self) -> &AdapterRegistry {
        &self.adapters
    }

    /// The authentication providers.
    #[must_use]
    pub fn auth_providers(&self) -> &AuthRegistry {
        &self.auth_providers
    }

    /// The response transforms.
    #[must_use]
    pub fn transforms(&self) -> &TransformRegistry {
        &self.transforms
    }

    /// The pagination handlers.
    #[must_use]
    pub fn paginators(&self) -> &PaginatorRegistry {
        &self.paginators
    }

    /// The adapter `name`, built from `options` (the seed's `get_adapter`).
    ///
    /// # Errors
    ///
    /// [`ApiError::Unknown`] for a name no plugin registered; the factory's error.
    pub fn get_adapter(&self, name: &str, options: &Options) -> Result<Box<dyn Adapter>, ApiError> {
        self.adapters.create(name, options)
    }

    /// The adapters' names, in registration order (the seed's `list_adapters`).
    #[must_use]
    pub fn list_adapters(&self) -> Vec<String> {
        self.adapters
            .names()
            .into_iter()
            .map(str::to_owned)
            .collect()
    }

    /// A client for `base_url`, to configure by name.
    #[must_use]
    pub fn client(&self, base_url: &str) -> ClientBuilder<'_> {
        ClientBuilder::new(self, base_url)
    }
}

impl fmt::Debug for Plugins<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Plugins")
            .field("experimental", &self.experimental)
            .field("adapters", &self.adapters)
            .field("auth_providers", &self.auth_providers)
            .field("transforms", &self.transforms)
            .field("paginators", &self.paginators)
            .finish_non_exhaustive()
    }
}

static ENABLED: OnceLock<Plugins<'static>> = OnceLock::new();

/// Enables the plugins of the process-wide manager (the seed's
/// `enable_plugins()`), reading [`EXPERIMENTAL_FLAG`] from the environment.
/// The first call does the work; later calls return the same plugins.
///
/// # Errors
///
/// As [`Plugins::enable`].
pub fn enable_plugins() -> Result<&'static Plugins<'static>, Error> {
    let flag = std::env::var(EXPERIMENTAL_FLAG).ok();
    enable_plugins_with(flag.as_deref())
}

/// [`enable_plugins`] with the flag's value given rather than read. Only the
/// first call of either decides.
///
/// # Errors
///
/// As [`Plugins::enable`].
pub fn enable_plugins_with(
    experimental_flag: Option<&str>,
) -> Result<&'static Plugins<'static>, Error> {
    if let Some(plugins) = ENABLED.get() {
        return Ok(plugins);
    }
    let manager = PluginManager::<dyn ApiPlugins>::try_global()?;
    let plugins = Plugins::enable(manager, experimental_flag)?;
    Ok(ENABLED.get_or_init(|| plugins))
}

/// What [`shutdown`] did: what the plugins said they released, and the plugins
/// it ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ended {
    /// Each plugin's answer to the `shutdown` hook, in call order.
    pub released: Vec<String>,
    /// The plugins unregistered, as `PluginManager::plugins` listed them.
    pub plugins: Vec<String>,
}

/// Ends the plugins of `manager` at exit (the seed's `atexit` handlers): the
/// `shutdown` hook first, while every plugin is still registered, then
/// `PluginManager::shutdown`, which unregisters them all and drops the run-time
/// ones, so that their `Drop` runs even for the process-wide manager, a static.
#[must_use = "the plugins say what they released"]
pub fn shutdown(manager: &PluginManager<dyn ApiPlugins>) -> Ended {
    let released = manager.hook().shutdown();
    let plugins = manager
        .shutdown()
        .into_iter()
        .map(|plugin| plugin.name)
        .collect();
    Ended { released, plugins }
}

/// The adapter `name` of the enabled plugins, built from `options`; enables
/// them first if needed.
///
/// # Errors
///
/// As [`enable_plugins`] and [`Plugins::get_adapter`].
pub fn get_adapter(name: &str, options: &Options) -> Result<Box<dyn Adapter>, Error> {
    Ok(enable_plugins()?.get_adapter(name, options)?)
}

/// The adapters of the enabled plugins; enables them first if needed.
///
/// # Errors
///
/// As [`enable_plugins`].
pub fn list_adapters() -> Result<Vec<String>, Error> {
    Ok(enable_plugins()?.list_adapters())
}
