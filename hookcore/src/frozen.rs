//! [`FrozenManager`]: a manager whose plugins no longer change, for hosts that
//! register everything at start-up (the chat-ops seed's rule: "never register
//! plugins after discovery").
//!
//! A live [`PluginManager`] publishes a new table on every change, so each
//! [`PluginManager::hook`] must load the current one and keep it alive for the
//! call: arc-swap's `load`, an `xchg` and a `lock cmpxchg`, about 12 ns, ten times
//! a one-implementation call. A frozen manager's table never changes, so its
//! `hook()` only borrows it: no atomic operation, no lock, nothing to drop, and
//! `frozen.hook().x()` on every call costs what a caller made once costs
//! (docs/benchmarks.md).

use std::fmt;
use std::sync::Arc;

use crate::error::Error;
use crate::info::{ImplInfo, PluginInfo};
use crate::manager::PluginManager;
use crate::spec::HookSpec;
use crate::table::{Dispatch, Snapshot};

/// The plugins of a [`PluginManager`] at one moment, fixed: made by
/// [`PluginManager::freeze`], or process-wide by [`FrozenManager::global`].
///
/// It calls hooks like the manager it was made from, with the same plugins,
/// wrappers and monitors, and answers the same introspection; it cannot register,
/// unregister or block. Its [`hook`](Self::hook) costs nothing but the call
/// itself. A historic call through it reaches its plugins now; no plugin can
/// register later.
///
/// ```
/// #[hookcore::hookspec]
/// pub trait Commands {
///     fn commands(&self) -> &'static str;
/// }
///
/// #[hookcore::hookimpl(Commands, name = "help")]
/// fn commands() -> &'static str {
///     "help"
/// }
///
/// struct Deploy;
///
/// #[hookcore::hookimpl(runtime)]
/// impl Commands for Deploy {
///     fn commands(&self) -> &'static str {
///         "deploy"
///     }
/// }
///
/// // Start-up: find the linked plugins, register the run-time ones, freeze.
/// let pm = hookcore::PluginManager::<dyn Commands>::linked()?;
/// pm.register("deploy", Deploy)?;
/// let frozen = pm.freeze();
///
/// // From here on, calls read a table that never changes.
/// assert_eq!(frozen.hook().commands(), ["deploy", "help"]);
/// // The live manager can still change; the frozen one does not see it.
/// pm.unregister("deploy")?;
/// assert_eq!(frozen.hook().commands(), ["deploy", "help"]);
/// assert_eq!(pm.hook().commands(), ["help"]);
/// # Ok::<(), hookcore::Error>(())
/// ```
pub struct FrozenManager<S: HookSpec + ?Sized> {
    /// A private manager holding the frozen registry: it answers introspection
    /// and records historic calls, and nothing can change it, since this type
    /// gives out no `&PluginManager`.
    manager: PluginManager<S>,
    /// The table `manager` publishes, kept here so that a call borrows it.
    snapshot: Arc<Snapshot<S>>,
}

impl<S: HookSpec + ?Sized> PluginManager<S> {
    /// A frozen copy of this manager: its plugins, order, wrappers and monitors
    /// as they are now, with a [`hook`](FrozenManager::hook) that costs no atomic
    /// operation. Later changes to this manager do not reach the copy.
    ///
    /// The copy shares the plugin objects: a run-time plugin unregistered here
    /// is dropped when the copy is dropped too.
    #[must_use]
    pub fn freeze(&self) -> FrozenManager<S> {
        let (registry, snapshot) = self.registry_and_table();
        FrozenManager {
            manager: PluginManager::from_parts(registry, Arc::clone(&snapshot)),
            snapshot,
        }
    }
}

impl<S: HookSpec + ?Sized> FrozenManager<S> {
    /// The process-wide frozen manager of `S`: [`PluginManager::global`]'s
    /// plugins as they are at the first call of this function, fixed.
    ///
    /// Register run-time plugins with the global manager before the first call;
    /// what changes after it is not seen here.
    ///
    /// ```
    /// #[hookcore::hookspec]
    /// pub trait Routes {
    ///     fn routes(&self) -> &'static str;
    /// }
    ///
    /// #[hookcore::hookimpl(Routes, name = "health")]
    /// fn routes() -> &'static str {
    ///     "/health"
    /// }
    ///
    /// let frozen = hookcore::FrozenManager::<dyn Routes>::global();
    /// assert!(std::ptr::eq(frozen, hookcore::FrozenManager::<dyn Routes>::global()));
    /// assert_eq!(frozen.hook().routes(), ["/health"]);
    /// ```
    ///
    /// # Panics
    ///
    /// As [`PluginManager::global`], if the linked plugins conflict;
    /// [`try_global`](Self::try_global) returns the error instead.
    #[must_use]
    pub fn global() -> &'static Self {
        match Self::try_global() {
            Ok(frozen) => frozen,
            Err(error) => panic!(
                "hookcore: cannot load the linked plugins of `{}`: {error}",
                S::NAME
            ),
        }
    }

    /// The process-wide frozen manager of `S`, or why the linked plugins cannot
    /// be loaded.
    ///
    /// # Errors
    ///
    /// As [`PluginManager::linked`].
    pub fn try_global() -> Result<&'static Self, Error> {
        let cell = S::__frozen();
        if let Some(frozen) = cell.get() {
            return Ok(frozen);
        }
        let frozen = PluginManager::<S>::try_global()?.freeze();
        Ok(cell.get_or_init(|| frozen))
    }

    /// The typed caller, as [`PluginManager::hook`]: one method per hook. It
    /// borrows the fixed table, so making one per call costs nothing.
    #[inline]
    #[must_use]
    pub fn hook(&self) -> S::Hooks<'_> {
        S::__hooks(Dispatch::borrowed(&self.snapshot, &self.manager))
    }

    /// The tagged caller, as [`PluginManager::tagged_hook`].
    #[inline]
    #[must_use]
    pub fn tagged_hook(&self) -> S::Tagged<'_> {
        S::__tagged(Dispatch::borrowed(&self.snapshot, &self.manager))
    }

    /// The plugins, as [`PluginManager::plugins`].
    #[must_use]
    pub fn plugins(&self) -> Vec<PluginInfo> {
        self.manager.plugins()
    }

    /// The plugin named `name`, as [`PluginManager::plugin`].
    #[must_use]
    pub fn plugin(&self, name: &str) -> Option<PluginInfo> {
        self.manager.plugin(name)
    }

    /// Whether a plugin named `name` is registered.
    #[must_use]
    pub fn is_registered(&self, name: &str) -> bool {
        self.manager.is_registered(name)
    }

    /// The wrappers and implementations of `hook` in call order, as
    /// [`PluginManager::hookimpls`].
    ///
    /// # Errors
    ///
    /// [`Error::UnknownHook`] if the spec has no hook of that name.
    pub fn hookimpls(&self, hook: &str) -> Result<Vec<ImplInfo>, Error> {
        self.manager.hookimpls(hook)
    }

    /// The hooks the plugin named `name` implements, as
    /// [`PluginManager::hooks_of`].
    ///
    /// # Errors
    ///
    /// [`Error::NotRegistered`] if no plugin has that name.
    pub fn hooks_of(&self, name: &str) -> Result<Vec<&'static str>, Error> {
        self.manager.hooks_of(name)
    }

    /// Fails unless every name is a registered plugin or package, as
    /// [`PluginManager::require`].
    ///
    /// # Errors
    ///
    /// [`Error::MissingPlugins`] with every name that is missing.
    pub fn require<I>(&self, names: I) -> Result<(), Error>
    where
        I: IntoIterator,
        I::Item: AsRef<str>,
    {
        self.manager.require(names)
    }
}

impl<S: HookSpec + ?Sized> fmt::Debug for FrozenManager<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<String> = self
            .plugins()
            .into_iter()
            .map(|plugin| plugin.name)
            .collect();
        f.debug_struct("FrozenManager")
            .field("spec", &S::NAME)
            .field("plugins", &names)
            .finish_non_exhaustive()
    }
}
