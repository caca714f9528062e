//! [`PluginManager`]: the manager, the typed caller, and the methods that take
//! a plugin type. Its other changes are in `changes.rs`, freezing in
//! `freeze.rs`, what it reports in `introspect.rs`, its other callers in
//! `callers.rs`. (The methods generic over the plugin type stay here: rustc
//! names a method by the module of its `impl` block, and their bounds are what
//! users' errors point at.)

use std::fmt;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use arc_swap::{ArcSwap, Guard};

use crate::dispatch::Dispatch;
use crate::error::Error;
use crate::frozen::FrozenTable;
use crate::registration::Registration;
use crate::registry::Registry;
use crate::spec::{HookSpec, Plugin};
use crate::table::Snapshot;

/// The callers of a spec and the cell of its global manager: implemented by
/// `#[hookspec]` next to [`HookSpec`]. Apart from `HookSpec` because it names
/// the manager and the table readers, which are built on `HookSpec`.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a hook spec",
    label = "this trait was not declared with #[hookspec]",
    note = "put #[hookcore::hookspec] on the trait that declares the hooks"
)]
pub trait SpecCallers: HookSpec {
    /// Not public API; used by generated code.
    fn __hooks(dispatch: Dispatch<'_, Self>) -> Self::Hooks<'_>;

    /// Not public API; used by generated code.
    fn __tagged(dispatch: Dispatch<'_, Self>) -> Self::Tagged<'_>;

    /// Not public API; used by generated code. The cell behind [`PluginManager::global`].
    fn __global() -> &'static std::sync::OnceLock<PluginManager<Self>>;
}

/// The plugins of one spec and the dispatch table built from them.
///
/// `S` is the spec trait object, `dyn YourSpec`. Calls go through
/// [`hook`](Self::hook), which returns the typed caller `#[hookspec]` generated; a
/// call reads an immutable table and takes no lock. Registration, unregistration and
/// blocking build a new table and swap it in; calls already running finish on the
/// table they started with.
///
/// ```
/// #[hookcore::hookspec]
/// pub trait Tasks {
///     /// Names of the tasks this plugin offers.
///     fn tasks(&self) -> Vec<&'static str>;
/// }
///
/// #[hookcore::hookimpl(Tasks, name = "builtin")]
/// fn tasks() -> Vec<&'static str> {
///     vec!["build", "test"]
/// }
///
/// // Every `#[hookimpl]` in every linked crate, in a deterministic order.
/// let pm = hookcore::PluginManager::<dyn Tasks>::linked()?;
/// assert_eq!(pm.hook().tasks(), [vec!["build", "test"]]);
/// assert_eq!(pm.plugins()[0].name, "builtin");
/// # Ok::<(), hookcore::Error>(())
/// ```
pub struct PluginManager<S: HookSpec + ?Sized> {
    pub(crate) table: ArcSwap<Snapshot<S>>,
    /// Once frozen, the same tables, kept: what `hook()` reads.
    pub(crate) frozen: FrozenTable<S>,
    registry: Mutex<Registry<S>>,
}

impl<S: HookSpec + ?Sized> PluginManager<S> {
    /// An empty manager: no plugin until [`register`](Self::register) or
    /// [`load_linked`](Self::load_linked). For tests and hosts that choose by hand.
    ///
    /// ```
    /// #[hookcore::hookspec]
    /// pub trait Jobs {
    ///     fn run(&self) -> u32;
    /// }
    ///
    /// let pm = hookcore::PluginManager::<dyn Jobs>::new();
    /// assert!(pm.plugins().is_empty());
    /// assert!(pm.hook().run().is_empty());
    /// ```
    #[must_use]
    pub fn new() -> Self {
        PluginManager {
            table: ArcSwap::from_pointee(Snapshot::empty()),
            frozen: FrozenTable::new(),
            registry: Mutex::new(Registry::new()),
        }
    }

    /// A manager holding every linked plugin of `S`: each `#[hookimpl]` in a crate
    /// the binary links, found with no registration code.
    ///
    /// # Errors
    ///
    /// [`Error::DuplicateImpl`] or [`Error::NameClash`] when `name = "..."` gives
    /// one plugin name to implementations that collide; [`Error::OrderCycle`] when
    /// the linked plugins' `before`/`after` constraints form a cycle.
    pub fn linked() -> Result<Self, Error> {
        let pm = Self::new();
        pm.load_linked()?;
        Ok(pm)
    }

    /// The process-wide manager of `S`, built from the linked plugins on first use
    /// (the seeds' `@lru_cache(maxsize=1)` singleton).
    ///
    /// ```
    /// #[hookcore::hookspec]
    /// pub trait Commands {
    ///     fn commands(&self) -> &'static str;
    /// }
    ///
    /// #[hookcore::hookimpl(Commands)]
    /// fn commands() -> &'static str {
    ///     "help"
    /// }
    ///
    /// let pm = hookcore::PluginManager::<dyn Commands>::global();
    /// assert!(std::ptr::eq(pm, hookcore::PluginManager::<dyn Commands>::global()));
    /// assert_eq!(pm.hook().commands(), ["help"]);
    /// ```
    ///
    /// # Panics
    ///
    /// If the linked plugins conflict (see [`linked`](Self::linked)), with the
    /// error's message. [`try_global`](Self::try_global) returns the error instead.
    #[must_use]
    pub fn global() -> &'static Self
    where
        S: SpecCallers,
    {
        match Self::try_global() {
            Ok(pm) => pm,
            Err(error) => panic!(
                "hookcore: cannot load the linked plugins of `{}`: {error}",
                S::NAME
            ),
        }
    }

    /// The process-wide manager of `S`, or why the linked plugins cannot be loaded.
    ///
    /// # Errors
    ///
    /// As [`linked`](Self::linked).
    pub fn try_global() -> Result<&'static Self, Error>
    where
        S: SpecCallers,
    {
        let cell = S::__global();
        if let Some(pm) = cell.get() {
            return Ok(pm);
        }
        // Two threads may both build one; `get_or_init` keeps the first.
        let pm = Self::linked()?;
        Ok(cell.get_or_init(|| pm))
    }

    /// The typed caller: one method per hook, named as in the spec.
    ///
    /// The caller holds the table as it is now: a caller kept across a change
    /// goes on calling the plugins it started with, and the next `hook()` sees
    /// the change (pluggy's `pm.hook` is live instead; a [`CachedCaller`](crate::CachedCaller) is,
    /// too). So call `pm.hook().name(..)` where you call the hook, as pluggy
    /// users write `pm.hook.name(..)`.
    ///
    /// On a [frozen](Self::freeze) manager this costs one plain load; on a live
    /// one it is arc-swap's `load`, 12–16 ns of atomic operations, which keeps
    /// the table alive while the caller uses it (docs/benchmarks.md).
    ///
    /// ```
    /// #[hookcore::hookspec]
    /// pub trait Math {
    ///     #[hookspec(firstresult)]
    ///     fn square(&self, x: i64) -> Option<i64>;
    /// }
    ///
    /// struct Squarer;
    ///
    /// #[hookcore::hookimpl(runtime)]
    /// impl Math for Squarer {
    ///     fn square(&self, x: i64) -> Option<i64> {
    ///         Some(x * x)
    ///     }
    /// }
    ///
    /// let pm = hookcore::PluginManager::<dyn Math>::new();
    /// assert_eq!(pm.hook().square(7), None);
    /// pm.register("squarer", Squarer)?;
    /// assert_eq!(pm.hook().square(7), Some(49));
    /// # Ok::<(), hookcore::Error>(())
    /// ```
    #[inline]
    #[must_use]
    pub fn hook(&self) -> S::Hooks<'_>
    where
        S: SpecCallers,
    {
        match self.frozen.current() {
            Some(table) => S::__hooks(Dispatch::borrowed(table, self)),
            None => S::__hooks(Dispatch::new(self.table.load(), self)),
        }
    }

    /// The tagged caller: like [`hook`](Self::hook), but each result comes with the
    /// name of the plugin that returned it. It runs the implementations without the
    /// wrappers, whose outcome has no plugin to name.
    ///
    /// ```
    /// #[hookcore::hookspec]
    /// pub trait Health {
    ///     fn status(&self) -> &'static str;
    /// }
    ///
    /// #[hookcore::hookimpl(Health, name = "database")]
    /// fn status() -> &'static str {
    ///     "up"
    /// }
    ///
    /// let pm = hookcore::PluginManager::<dyn Health>::linked()?;
    /// let statuses = pm.tagged_hook().status();
    /// assert_eq!((&*statuses[0].plugin, statuses[0].value), ("database", "up"));
    /// # Ok::<(), hookcore::Error>(())
    /// ```
    #[inline]
    #[must_use]
    pub fn tagged_hook(&self) -> S::Tagged<'_>
    where
        S: SpecCallers,
    {
        match self.frozen.current() {
            Some(table) => S::__tagged(Dispatch::borrowed(table, self)),
            None => S::__tagged(Dispatch::new(self.table.load(), self)),
        }
    }

    /// Registers `plugin` under `name`, placed in every hook it implements.
    ///
    /// Run-time plugins are called before linked ones of the same `tryfirst`/`trylast`
    /// order, the most recently registered first.
    ///
    /// # Errors
    ///
    /// [`Error::Blocked`] if `name` is blocked, [`Error::AlreadyRegistered`] if a
    /// plugin has that name, [`Error::OrderCycle`] if the plugin's `before`/`after`
    /// constraints close a cycle. Nothing changes on error.
    pub fn register<P: Plugin<S>>(&self, name: impl Into<String>, plugin: P) -> Result<(), Error> {
        self.register_arc(name, Arc::new(plugin))
    }

    /// Registers a shared plugin: the caller keeps a handle to its state.
    ///
    /// # Errors
    ///
    /// As [`register`](Self::register), and [`Error::ObjectAlreadyRegistered`] if
    /// this `Arc` is registered under another name.
    pub fn register_arc<P: Plugin<S>>(
        &self,
        name: impl Into<String>,
        plugin: Arc<P>,
    ) -> Result<(), Error> {
        self.register_all([Registration::from_arc(name, plugin)])
    }

    /// A caller that also calls `plugin`, registered under `name` for this caller
    /// only, as the most recent registration (pluggy's `call_extra`). The manager
    /// does not change.
    ///
    /// A historic call through it is the manager's: it runs on the manager's
    /// plugins, not on `plugin`, which is never registered (pluggy's `call_extra`
    /// refuses historic hooks).
    ///
    /// ```
    /// #[hookcore::hookspec]
    /// pub trait Greet {
    ///     fn greet(&self, name: &str) -> String;
    /// }
    ///
    /// /// An implementation made from a closure, for one call.
    /// struct With<F>(F);
    ///
    /// #[hookcore::hookimpl(runtime)]
    /// impl<F: Fn(&str) -> String + Send + Sync + 'static> Greet for With<F> {
    ///     fn greet(&self, name: &str) -> String {
    ///         (self.0)(name)
    ///     }
    /// }
    ///
    /// let pm = hookcore::PluginManager::<dyn Greet>::new();
    /// let hooks = pm.extra_hook("temporary", With(|name: &str| format!("hi {name}")))?;
    /// assert_eq!(hooks.greet("ada"), ["hi ada"]);
    /// assert!(pm.hook().greet("ada").is_empty());
    /// # Ok::<(), hookcore::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`register`](Self::register), without changing the manager.
    pub fn extra_hook<P: Plugin<S>>(
        &self,
        name: impl Into<String>,
        plugin: P,
    ) -> Result<S::Hooks<'_>, Error>
    where
        S: SpecCallers,
    {
        let part = crate::registration::part(Arc::new(plugin));
        let snapshot = {
            let registry = self.lock();
            let mut extra = registry.clone();
            extra.register(name.into(), part.clone(), P::SOURCE)?;
            extra.snapshot()?
        };
        // Dropped outside the lock, as the plugin is if the registration fails.
        drop(part);
        Ok(S::__hooks(Dispatch::new(
            Guard::from_inner(Arc::new(snapshot)),
            self,
        )))
    }

    /// Makes `snapshot` the table calls read; returns the one it replaces.
    /// Called under the registry's lock.
    pub(crate) fn publish(&self, snapshot: Snapshot<S>) -> Arc<Snapshot<S>> {
        let snapshot = Arc::new(snapshot);
        if self.frozen.current().is_some() {
            self.frozen.publish(Arc::clone(&snapshot));
        }
        self.table.swap(snapshot)
    }

    /// The registry. No code that can panic runs while it is held (plugin objects
    /// are dropped outside), but a poisoned lock is taken over anyway: the registry
    /// is only changed after every check has passed, so it is never half-changed.
    pub(crate) fn lock(&self) -> MutexGuard<'_, Registry<S>> {
        self.registry.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl<S: HookSpec + ?Sized> Default for PluginManager<S> {
    fn default() -> Self {
        Self::new()
    }
}

impl<S: HookSpec + ?Sized> fmt::Debug for PluginManager<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<String> = self
            .plugins()
            .into_iter()
            .map(|plugin| plugin.name)
            .collect();
        f.debug_struct("PluginManager")
            .field("spec", &S::NAME)
            .field("plugins", &names)
            .finish_non_exhaustive()
    }
}
