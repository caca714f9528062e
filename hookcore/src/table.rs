//! The dispatch table: for each hook, the plugin objects to call, in call order.
//!
//! A [`Snapshot`] is immutable. The manager builds a new one on every change and
//! publishes it atomically; a call holds the snapshot it started with ([`Dispatch`]),
//! so it never sees a half-made table and never takes a lock.

use std::ops::Deref;
use std::sync::Arc;

use arc_swap::Guard;

use crate::info::{ImplMeta, Origin, Source};
use crate::manager::PluginManager;
use crate::monitor::{HookCall, Monitors};
use crate::spec::HookSpec;

/// A recorded historic call: runs the hook, with the call's arguments, on one
/// plugin object and hands the result to the caller's callback.
#[doc(hidden)]
/// Not public API; built by generated code.
pub type Replay<S> = Arc<dyn Fn(&S) + Send + Sync>;

/// A plugin object: a `'static` one found at link time, or one registered at run time.
#[doc(hidden)]
/// Not public API; used by generated code through [`Dispatch::impls`].
pub enum PluginRef<S: ?Sized + 'static> {
    Linked(&'static S),
    Registered(Arc<S>),
}

impl<S: ?Sized> Clone for PluginRef<S> {
    fn clone(&self) -> Self {
        match self {
            PluginRef::Linked(object) => PluginRef::Linked(object),
            PluginRef::Registered(object) => PluginRef::Registered(Arc::clone(object)),
        }
    }
}

impl<S: ?Sized> Deref for PluginRef<S> {
    type Target = S;

    #[inline]
    fn deref(&self) -> &S {
        match self {
            PluginRef::Linked(object) => object,
            PluginRef::Registered(object) => object,
        }
    }
}

/// What introspection reports about one entry of a hook's table.
#[derive(Debug, Clone)]
pub(crate) struct ImplRecord {
    pub plugin: Arc<str>,
    pub meta: ImplMeta,
    pub origin: Origin,
    pub source: Source,
    /// `before`/`after` names that matched no other entry of the hook.
    pub ignored: Box<[&'static str]>,
}

/// One hook's wrappers (outermost first) and implementations (in call order);
/// `records` describes the wrappers, then the implementations.
pub(crate) struct HookTable<S: ?Sized + 'static> {
    pub wrappers: Box<[PluginRef<S>]>,
    pub impls: Box<[PluginRef<S>]>,
    /// The plugin of each of `impls`.
    pub impl_plugins: Box<[Arc<str>]>,
    /// The plugin of each of `wrappers`.
    pub wrapper_plugins: Box<[Arc<str>]>,
    pub records: Box<[ImplRecord]>,
}

/// The whole table: one [`HookTable`] per hook, indexed like `S::HOOKS`.
pub(crate) struct Snapshot<S: ?Sized + 'static> {
    pub hooks: Box<[HookTable<S>]>,
    /// `None` when no monitor is added: the unmonitored path.
    pub monitors: Option<Arc<Monitors>>,
}

impl<S: ?Sized> Snapshot<S> {
    /// This table without the plugins named in `removed` (a subset caller's).
    pub(crate) fn without(&self, removed: &[String]) -> Self {
        let kept = |name: &Arc<str>| !removed.iter().any(|removed| **removed == **name);
        Snapshot {
            hooks: self
                .hooks
                .iter()
                .map(|table| {
                    let (wrapper_records, impl_records) =
                        table.records.split_at(table.wrappers.len());
                    let keep =
                        |objects: &[PluginRef<S>], records: &[ImplRecord]| -> Box<[PluginRef<S>]> {
                            objects
                                .iter()
                                .zip(records)
                                .filter(|(_, record)| kept(&record.plugin))
                                .map(|(object, _)| object.clone())
                                .collect()
                        };
                    HookTable {
                        wrappers: keep(&table.wrappers, wrapper_records),
                        impls: keep(&table.impls, impl_records),
                        impl_plugins: table
                            .impl_plugins
                            .iter()
                            .filter(|name| kept(name))
                            .cloned()
                            .collect(),
                        wrapper_plugins: table
                            .wrapper_plugins
                            .iter()
                            .filter(|name| kept(name))
                            .cloned()
                            .collect(),
                        records: table
                            .records
                            .iter()
                            .filter(|record| kept(&record.plugin))
                            .cloned()
                            .collect(),
                    }
                })
                .collect(),
            monitors: self.monitors.clone(),
        }
    }

    pub(crate) fn empty(hook_count: usize) -> Self {
        Snapshot {
            monitors: None,
            hooks: (0..hook_count)
                .map(|_| HookTable {
                    wrappers: Box::new([]),
                    impls: Box::new([]),
                    impl_plugins: Box::new([]),
                    wrapper_plugins: Box::new([]),
                    records: Box::new([]),
                })
                .collect(),
        }
    }
}

/// The table one call (or one caller value) works with, and the manager it came
/// from (for historic calls).
#[doc(hidden)]
/// Not public API; held by the caller struct that `#[hookspec]` generates.
pub struct Dispatch<'a, S: HookSpec + ?Sized> {
    snapshot: Guard<Arc<Snapshot<S>>>,
    manager: &'a PluginManager<S>,
}

impl<'a, S: HookSpec + ?Sized> Dispatch<'a, S> {
    pub(crate) fn new(snapshot: Guard<Arc<Snapshot<S>>>, manager: &'a PluginManager<S>) -> Self {
        Dispatch { snapshot, manager }
    }

    /// Records a historic call of hook number `index` and runs it on every
    /// implementation; plugins registered later run it when they register.
    pub fn call_historic(&self, index: usize, replay: Replay<S>) {
        self.manager.call_historic(index, replay);
    }

    /// The monitors, if any: `None` is the unmonitored path.
    #[inline]
    pub fn monitors(&self) -> Option<&Monitors> {
        self.snapshot.monitors.as_deref()
    }

    /// Hook number `index` as monitors see it.
    pub fn hook_call(&self, index: usize) -> HookCall<'_> {
        let table = &self.snapshot.hooks[index];
        HookCall {
            spec: S::NAME,
            hook: S::HOOKS[index].name,
            wrappers: &table.wrapper_plugins,
            plugins: &table.impl_plugins,
        }
    }

    /// The plugin of each of [`impls`](Self::impls).
    #[inline]
    pub fn impl_plugins(&self, index: usize) -> &[Arc<str>] {
        &self.snapshot.hooks[index].impl_plugins
    }

    /// The implementations of hook number `index`, in call order.
    #[inline]
    pub fn impls(&self, index: usize) -> &[PluginRef<S>] {
        // `index` comes from the generated caller and is always in range; a slice
        // lookup keeps the call path free of `unsafe`.
        &self.snapshot.hooks[index].impls
    }

    /// The wrappers of hook number `index`, outermost first.
    #[inline]
    pub fn wrappers(&self, index: usize) -> &[PluginRef<S>] {
        &self.snapshot.hooks[index].wrappers
    }
}
