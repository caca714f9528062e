//! [`PluginManager`]: registration, blocking, introspection, and the typed caller.

use std::fmt;
use std::ops::Range;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use arc_swap::{ArcSwap, Guard};

use crate::build::changed_plugins;
use crate::cached::CachedCaller;
use crate::error::Error;
use crate::frozen::FrozenTable;
use crate::info::{ImplInfo, Origin, PluginInfo};
use crate::monitor::{Monitor, MonitorId};
use crate::registration::Registration;
use crate::registry::{Entry, Registry, Replayed};
use crate::spec::{HookSpec, Plugin};
use crate::table::{Dispatch, Replay, Snapshot, is_removed};

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
    frozen: FrozenTable<S>,
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
            table: ArcSwap::from_pointee(Snapshot::empty(S::HOOKS.len())),
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
    pub fn global() -> &'static Self {
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
    pub fn try_global() -> Result<&'static Self, Error> {
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
    /// the change (pluggy's `pm.hook` is live instead; a [`CachedCaller`] is,
    /// too). So call `pm.hook().name(..)` where you call the hook, as pluggy
    /// users write `pm.hook.name(..)`.
    ///
    /// On a [frozen](Self::freeze) manager this costs one plain load; on a live
    /// one it is arc-swap's `load`, about 12 ns of atomic operations, which keeps
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
    pub fn hook(&self) -> S::Hooks<'_> {
        match self.frozen.current() {
            Some(table) => S::__hooks(Dispatch::borrowed(table, self)),
            None => S::__hooks(Dispatch::new(self.table.load(), self)),
        }
    }

    /// Freezes the manager for calls: from now on [`hook`](Self::hook) reads
    /// the current table with one plain load, no atomic read-modify-write, no
    /// lock, nothing to release, so `pm.hook().x()` costs what a caller made
    /// once costs. The price: the manager frees no table until it is dropped.
    ///
    /// Freeze once registration is over, as a host that registers everything
    /// at start-up does (pluggy users' "never register after discovery"). The
    /// manager still accepts every change, and calls see it, but each change
    /// keeps the table it replaces, and the run-time plugins in it, until the
    /// manager is dropped: an unregistered plugin is no longer called, and its
    /// `Drop` runs with the manager's (never, for [`global`](Self::global)).
    /// [`kept_tables`](Self::kept_tables) counts them. Freezing twice does
    /// nothing more. Returns `self`, so that start-up can end with
    /// `PluginManager::global().freeze()`.
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
    /// // Start-up: the linked plugins, the run-time ones, then freeze.
    /// let pm = hookcore::PluginManager::<dyn Commands>::linked()?;
    /// pm.register("deploy", Deploy)?;
    /// pm.freeze();
    /// assert_eq!(pm.hook().commands(), ["deploy", "help"]);
    ///
    /// // A later change still works; the replaced table is kept.
    /// pm.unregister("deploy")?;
    /// assert_eq!(pm.hook().commands(), ["help"]);
    /// assert_eq!(pm.kept_tables(), 2);
    /// # Ok::<(), hookcore::Error>(())
    /// ```
    pub fn freeze(&self) -> &Self {
        // Under the lock, so that no change publishes between the read of the
        // current table and the switch.
        let _registry = self.lock();
        if self.frozen.current().is_none() {
            self.frozen.publish(self.table.load_full());
        }
        self
    }

    /// Whether [`freeze`](Self::freeze) was called.
    #[must_use]
    pub fn is_frozen(&self) -> bool {
        self.frozen.current().is_some()
    }

    /// How many tables a frozen manager keeps: the one it was frozen with and
    /// one per change since; 0 while it is not frozen.
    #[must_use]
    pub fn kept_tables(&self) -> usize {
        self.frozen.kept()
    }

    /// A caller to keep across calls in a hot loop: [`CachedCaller::hook`] costs
    /// one plain atomic load when nothing changed, where [`hook`](Self::hook)
    /// costs a few nanoseconds of atomic operations per call, and it still sees
    /// every change to the manager.
    ///
    /// ```
    /// #[hookcore::hookspec]
    /// pub trait Ticks {
    ///     fn tick(&self, n: u64);
    /// }
    ///
    /// let pm = hookcore::PluginManager::<dyn Ticks>::linked()?;
    /// let mut cached = pm.cached_caller();
    /// for n in 0..1_000 {
    ///     cached.hook().tick(n);
    /// }
    /// # Ok::<(), hookcore::Error>(())
    /// ```
    #[must_use]
    pub fn cached_caller(&self) -> CachedCaller<'_, S> {
        CachedCaller::new(self)
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
    pub fn tagged_hook(&self) -> S::Tagged<'_> {
        match self.frozen.current() {
            Some(table) => S::__tagged(Dispatch::borrowed(table, self)),
            None => S::__tagged(Dispatch::new(self.table.load(), self)),
        }
    }

    /// A caller that skips the plugins named in `removed` (pluggy's
    /// `subset_hook_caller`). Each [`SubsetCaller::hook`] reads the current
    /// plugins, so it sees registrations made after the subset caller was.
    ///
    /// A historic call through it runs now on the current plugins less the
    /// removed ones and, like every historic call, on each plugin registered later
    /// (pluggy's subset callers share the hook's history).
    ///
    /// ```
    /// #[hookcore::hookspec]
    /// pub trait Checks {
    ///     fn check(&self) -> &'static str;
    /// }
    ///
    /// #[hookcore::hookimpl(Checks, name = "lint")]
    /// fn check() -> &'static str {
    ///     "lint"
    /// }
    ///
    /// let pm = hookcore::PluginManager::<dyn Checks>::linked()?;
    /// let without_lint = pm.subset_hook(["lint"]);
    /// assert!(without_lint.hook().check().is_empty());
    /// assert_eq!(pm.hook().check(), ["lint"]);
    /// # Ok::<(), hookcore::Error>(())
    /// ```
    #[must_use]
    pub fn subset_hook<I>(&self, removed: I) -> SubsetCaller<'_, S>
    where
        I: IntoIterator,
        I::Item: AsRef<str>,
    {
        SubsetCaller {
            manager: self,
            removed: removed
                .into_iter()
                .map(|name| name.as_ref().to_owned())
                .collect(),
        }
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
    ) -> Result<S::Hooks<'_>, Error> {
        let object = Arc::new(plugin).__into_object();
        let snapshot = {
            let registry = self.lock();
            let mut extra = registry.clone();
            extra.register(name.into(), Arc::clone(&object), P::IMPLS, P::SOURCE)?;
            extra.snapshot()?
        };
        Ok(S::__hooks(Dispatch::new(
            Guard::from_inner(Arc::new(snapshot)),
            self,
        )))
    }

    /// Adds a monitor that sees every call from now on (pluggy's
    /// `add_hookcall_monitoring`); returns its id for
    /// [`remove_monitor`](Self::remove_monitor).
    pub fn add_monitor(&self, monitor: impl Monitor) -> MonitorId {
        let monitor: Arc<dyn Monitor> = Arc::new(monitor);
        self.update(|registry| Ok(registry.add_monitor(monitor)))
            .unwrap_or_else(|_| {
                unreachable!("adding a monitor changes no plugin, so the table builds as before")
            })
    }

    /// Removes a monitor; returns whether it was there.
    pub fn remove_monitor(&self, id: MonitorId) -> bool {
        self.update(|registry| Ok(registry.remove_monitor(id)))
            .is_ok_and(|removed| removed.is_some())
    }

    /// Emits a `tracing` span per hook call and per implementation, named `hook`
    /// and `hookimpl`, with the plugin's name (pluggy's `enable_tracing`). Returns
    /// the monitor's id, to stop with [`remove_monitor`](Self::remove_monitor).
    #[cfg(feature = "tracing")]
    pub fn enable_tracing(&self) -> MonitorId {
        self.add_monitor(crate::monitor::TracingMonitor)
    }

    /// Records a historic call and runs it on the current implementations. Under
    /// the registry's lock, so that a plugin registering meanwhile either is in the
    /// table read here or finds the call in the history, never both, never neither.
    /// `removed` names the plugins a subset caller skips now; the call still
    /// reaches every plugin registered later, as pluggy's subset callers share
    /// the hook's history.
    pub(crate) fn call_historic(&self, index: usize, replay: Replay<S>, removed: &[String]) {
        let current = {
            let mut registry = self.lock();
            registry.record_historic(index, Arc::clone(&replay));
            self.table.load_full()
        };
        let table = &current.hooks[index];
        for (plugin, name) in table.impls.objects().iter().zip(&table.impl_plugins) {
            if !is_removed(removed, name) {
                replay(plugin);
            }
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

    /// Registers several plugins, of any types, in one update: all of them or,
    /// on an error, none. The result is the same as registering them one by one
    /// in this order, but the table is built once instead of once per plugin, so
    /// a thousand plugins take milliseconds rather than seconds.
    ///
    /// ```
    /// #[hookcore::hookspec]
    /// pub trait Shards {
    ///     fn shard(&self) -> u32;
    /// }
    ///
    /// struct Shard(u32);
    ///
    /// #[hookcore::hookimpl(runtime)]
    /// impl Shards for Shard {
    ///     fn shard(&self) -> u32 {
    ///         self.0
    ///     }
    /// }
    ///
    /// use hookcore::{Error, PluginManager, Registration};
    ///
    /// let pm = PluginManager::<dyn Shards>::new();
    /// pm.register_all((0..3).map(|n| Registration::new(format!("shard-{n}"), Shard(n))))?;
    /// assert_eq!(pm.hook().shard(), [2, 1, 0]);
    ///
    /// // One name already taken: nothing is registered.
    /// let clash = [Registration::new("shard-3", Shard(3)), Registration::new("shard-0", Shard(9))];
    /// assert!(matches!(pm.register_all(clash), Err(Error::AlreadyRegistered { .. })));
    /// assert!(!pm.is_registered("shard-3"));
    /// # Ok::<(), Error>(())
    /// ```
    ///
    /// The batch's plugins enter the dispatch table together, once the historic
    /// calls made before (if any) have reached every one of them. If such a call
    /// panics, the panic propagates and the registration ends as one by one
    /// would: the plugins up to the one whose call panicked stay registered, the
    /// later ones are not.
    ///
    /// # Errors
    ///
    /// Any error that [`register_arc`](Self::register_arc) returns for one of the
    /// plugins; a name or an `Arc` that appears twice in the batch is an error too.
    /// When several apply, which one is returned is unspecified. Nothing changes
    /// on error.
    pub fn register_all<I>(&self, plugins: I) -> Result<(), Error>
    where
        I: IntoIterator<Item = Registration<S>>,
    {
        let plugins: Vec<Registration<S>> = plugins.into_iter().collect();
        if plugins.is_empty() {
            return Ok(());
        }
        let outcome = self.update(|registry| {
            for plugin in &plugins {
                registry.register(
                    plugin.name.clone(),
                    Arc::clone(&plugin.object),
                    plugin.impls,
                    plugin.source,
                )?;
            }
            Ok(())
        });
        // Dropped after the lock is released: when the registration was refused, the
        // plugins' `Drop` runs here, never under the lock.
        drop(plugins);
        outcome
    }

    /// Registers every linked plugin that is neither registered nor blocked (pluggy's
    /// `load_setuptools_entrypoints`); returns how many it registered.
    ///
    /// After [`unblock`](Self::unblock), this brings a linked plugin back.
    ///
    /// # Errors
    ///
    /// As [`linked`](Self::linked); nothing changes on error.
    pub fn load_linked(&self) -> Result<usize, Error> {
        self.update(Registry::load_linked)
    }

    /// Removes the plugin named `name` from every hook.
    ///
    /// ```
    /// #[hookcore::hookspec]
    /// pub trait Jobs {
    ///     fn run(&self) -> &'static str;
    /// }
    ///
    /// struct Nightly;
    ///
    /// #[hookcore::hookimpl(runtime)]
    /// impl Jobs for Nightly {
    ///     fn run(&self) -> &'static str {
    ///         "nightly"
    ///     }
    /// }
    ///
    /// let pm = hookcore::PluginManager::<dyn Jobs>::new();
    /// pm.register("nightly", Nightly)?;
    /// pm.unregister("nightly")?;
    /// assert!(pm.hook().run().is_empty());
    /// # Ok::<(), hookcore::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::NotRegistered`] if no plugin has that name.
    pub fn unregister(&self, name: &str) -> Result<(), Error> {
        self.update(|registry| registry.unregister(name)).map(drop)
    }

    /// Blocks `name`: unregisters the plugin that has it, if any, and refuses future
    /// registrations under it until [`unblock`](Self::unblock).
    ///
    /// ```
    /// # #[hookcore::hookspec] pub trait Jobs { fn run(&self); }
    /// let pm = hookcore::PluginManager::<dyn Jobs>::new();
    /// pm.set_blocked("legacy");
    /// assert!(pm.is_blocked("legacy"));
    /// assert!(pm.unblock("legacy"));
    /// assert!(!pm.is_blocked("legacy"));
    /// ```
    pub fn set_blocked(&self, name: &str) {
        // The removed plugin, if any, is dropped after the lock is released.
        let removed: Result<Option<Arc<Entry<S>>>, Error> =
            self.update(|registry| Ok(registry.block(name)));
        drop(removed);
    }

    /// Allows `name` again; returns whether it was blocked. A linked plugin blocked
    /// earlier comes back with [`load_linked`](Self::load_linked).
    pub fn unblock(&self, name: &str) -> bool {
        self.lock().unblock(name)
    }

    /// Whether `name` is blocked.
    #[must_use]
    pub fn is_blocked(&self, name: &str) -> bool {
        self.lock().is_blocked(name)
    }

    /// Whether a plugin named `name` is registered.
    #[must_use]
    pub fn is_registered(&self, name: &str) -> bool {
        self.lock().get(name).is_some()
    }

    /// Fails unless every name in `names` is registered: as a plugin name, as the
    /// package of a registered plugin (`-` and `_` alike: `plugin-feeds` or
    /// `plugin_feeds`), or as the crate its implementations are in (the first
    /// segment of their module path, which differs from the package when the
    /// package sets `[lib] name`).
    ///
    /// A plugin crate that the binary never names is not linked, and its plugins are
    /// silently absent; calling this at startup turns that into an error that says
    /// which are missing and which `use` line to add. Require package or crate
    /// names where you can: the error then names the crate exactly, where a plugin
    /// name does not say which crate defines it.
    ///
    /// ```
    /// # #[hookcore::hookspec] pub trait Jobs { fn run(&self); }
    /// #[hookcore::hookimpl(Jobs, name = "nightly")]
    /// fn run() {}
    ///
    /// let pm = hookcore::PluginManager::<dyn Jobs>::linked()?;
    /// // The plugin's name, its package (this doctest's), or its crate.
    /// let crate_name = module_path!().split("::").next().unwrap();
    /// pm.require(["nightly", env!("CARGO_PKG_NAME"), crate_name])?;
    ///
    /// let err = pm.require(["plugin-feeds", "nightly"]).unwrap_err();
    /// assert_eq!(err, hookcore::Error::MissingPlugins { names: vec!["plugin-feeds".into()] });
    /// assert!(err.to_string().ends_with("add `use plugin_feeds as _;` to the binary's crate root"));
    /// # Ok::<(), hookcore::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::MissingPlugins`] with every name that is missing.
    pub fn require<I>(&self, names: I) -> Result<(), Error>
    where
        I: IntoIterator,
        I::Item: AsRef<str>,
    {
        let registry = self.lock();
        let present = |wanted: &str| {
            registry.plugins().iter().any(|entry| {
                &*entry.name == wanted
                    || same_package(entry.source.package, wanted)
                    || entry.source.module.split("::").next() == Some(wanted)
            })
        };
        let missing: Vec<String> = names
            .into_iter()
            .filter(|name| !present(name.as_ref()))
            .map(|name| name.as_ref().to_owned())
            .collect();
        if missing.is_empty() {
            Ok(())
        } else {
            Err(Error::MissingPlugins { names: missing })
        }
    }

    /// The registered plugins: run-time ones in registration order, then linked
    /// ones by name (pluggy's `list_name_plugin` and `list_plugin_distinfo`).
    #[must_use]
    pub fn plugins(&self) -> Vec<PluginInfo> {
        let registry = self.lock();
        let mut plugins: Vec<&Entry<S>> = registry.plugins().iter().map(|entry| &**entry).collect();
        plugins.sort_by_key(|entry| match entry.origin {
            Origin::Registered => (0, entry.seq, None),
            Origin::Linked => (1, 0, Some(Arc::clone(&entry.name))),
        });
        plugins.into_iter().map(Entry::info).collect()
    }

    /// The plugin named `name`, if registered.
    #[must_use]
    pub fn plugin(&self, name: &str) -> Option<PluginInfo> {
        self.lock().get(name).map(Entry::info)
    }

    /// The wrappers of `hook`, outermost first, then its implementations in call
    /// order, with their options and source locations (pluggy's `get_hookimpls`).
    ///
    /// # Errors
    ///
    /// [`Error::UnknownHook`] if the spec has no hook of that name.
    pub fn hookimpls(&self, hook: &str) -> Result<Vec<ImplInfo>, Error> {
        let index = S::HOOKS
            .iter()
            .position(|info| info.name == hook)
            .ok_or_else(|| Error::UnknownHook {
                spec: S::NAME,
                hook: hook.into(),
            })?;
        let snapshot = self.table.load();
        Ok(snapshot.hooks[index]
            .records
            .iter()
            .map(|record| ImplInfo {
                plugin: record.plugin.to_string(),
                hook: record.meta.hook,
                wrapper: record.meta.wrapper,
                order: record.meta.order,
                before: record.meta.before,
                after: record.meta.after,
                ignored: record.ignored.to_vec(),
                origin: record.origin,
                source: record.source,
                file: record.meta.file,
                line: record.meta.line,
            })
            .collect())
    }

    /// The hooks the plugin named `name` implements, in the spec's order (pluggy's
    /// `get_hookcallers`).
    ///
    /// # Errors
    ///
    /// [`Error::NotRegistered`] if no plugin has that name.
    pub fn hooks_of(&self, name: &str) -> Result<Vec<&'static str>, Error> {
        self.lock()
            .get(name)
            .map(Entry::hooks)
            .ok_or_else(|| Error::NotRegistered { name: name.into() })
    }

    /// Runs `change` on a copy of the registry and builds its table; only if both
    /// succeed do the copy and the table replace the current ones, so a failed call
    /// changes nothing. Whatever the change removed is dropped after the lock is
    /// released, so a plugin's `Drop` never runs under the lock.
    fn update<T>(
        &self,
        change: impl FnOnce(&mut Registry<S>) -> Result<T, Error>,
    ) -> Result<T, Error> {
        let mut registry = self.lock();
        let mut next = registry.clone();
        // On an error, `next` is dropped here, under the lock; every plugin object
        // in it is also held by `registry` (or by the caller), so no `Drop` runs.
        let outcome = change(&mut next)?;
        let new = registry.next_seq()..next.next_seq();
        let replays = next.replays(&new, 0);
        // Plugins that are owed historic calls enter the table only once the calls
        // have reached them: no other thread calls them unconfigured.
        next.set_pending(&new, !replays.is_empty());
        let snapshot =
            next.snapshot_after(&self.table.load(), &changed_plugins(&registry, &next))?;
        let seen = next.history_len();
        let previous_registry = std::mem::replace(&mut *registry, next);
        let previous_table = self.publish(snapshot);
        drop(registry);
        drop(previous_registry);
        drop(previous_table);
        if !replays.is_empty() {
            self.replay_then_publish(new, replays, seen);
        }
        Ok(outcome)
    }

    /// Runs the historic calls owed to the plugins registered with a sequence
    /// number in `new`, outside the lock, then those recorded meanwhile, until
    /// none is left; then puts the plugins in the table, under the lock, so that
    /// no call recorded in between can miss them. If a call panics, the plugins
    /// up to the one it was made to enter the table without the rest of their
    /// calls (as pluggy's registration stops), and the later plugins of the same
    /// batch are removed, as if the batch had been registered one by one.
    fn replay_then_publish(&self, new: Range<u64>, mut replays: Vec<Replayed<S>>, mut seen: usize) {
        /// If a historic call panics, ends the registration as registering the
        /// plugins one by one would have: the plugins up to the one whose call
        /// panicked enter the table, the later ones of the batch are removed.
        struct OnPanic<'m, S: HookSpec + ?Sized> {
            manager: &'m PluginManager<S>,
            new: Range<u64>,
            /// The sequence number of the plugin whose historic calls run.
            reached: u64,
        }
        impl<S: HookSpec + ?Sized> Drop for OnPanic<'_, S> {
            fn drop(&mut self) {
                if std::thread::panicking() {
                    let mut registry = self.manager.lock();
                    let unreached = registry.remove_unreached(&self.new, self.reached);
                    self.manager.publish_pending(registry, &self.new);
                    // Dropped outside the lock, which `publish_pending` released.
                    drop(unreached);
                }
            }
        }
        let mut on_panic = OnPanic {
            manager: self,
            new: new.clone(),
            reached: new.start,
        };
        loop {
            for (seq, plugin, replay) in replays {
                on_panic.reached = on_panic.reached.max(seq);
                replay(&plugin);
            }
            let registry = self.lock();
            replays = registry.replays(&new, seen);
            seen = registry.history_len();
            if replays.is_empty() {
                // Under the same lock as the check: no historic call in between.
                self.publish_pending(registry, &new);
                return;
            }
        }
    }

    /// Lets the plugins registered with a sequence number in `new` into the table.
    fn publish_pending(&self, mut registry: MutexGuard<'_, Registry<S>>, new: &Range<u64>) {
        let entered = registry.set_pending(new, false);
        // The registry was checked with these plugins in it, so the table builds.
        let previous = registry
            .snapshot_after(&self.table.load(), &entered)
            .ok()
            .map(|snapshot| self.publish(snapshot));
        drop(registry);
        drop(previous);
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

/// Whether the package name `package` is `wanted`, with `-` and `_` alike.
fn same_package(package: &str, wanted: &str) -> bool {
    package.len() == wanted.len()
        && package
            .bytes()
            .zip(wanted.bytes())
            .all(|(a, b)| a == b || (a == b'-' && b == b'_') || (a == b'_' && b == b'-'))
}

/// A caller without some plugins, from [`PluginManager::subset_hook`].
pub struct SubsetCaller<'a, S: HookSpec + ?Sized> {
    manager: &'a PluginManager<S>,
    removed: Vec<String>,
}

impl<S: HookSpec + ?Sized> SubsetCaller<'_, S> {
    /// The typed caller over the current plugins, less the removed ones.
    #[must_use]
    pub fn hook(&self) -> S::Hooks<'_> {
        let snapshot = self.manager.table.load().without(&self.removed);
        S::__hooks(Dispatch::subset(
            Guard::from_inner(Arc::new(snapshot)),
            self.manager,
            &self.removed,
        ))
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
