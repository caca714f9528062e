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
    pub records: Box<[ImplRecord]>,
}

/// The whole table: one [`HookTable`] per hook, indexed like `S::HOOKS`.
pub(crate) struct Snapshot<S: ?Sized + 'static> {
    pub hooks: Box<[HookTable<S>]>,
}

impl<S: ?Sized> Snapshot<S> {
    pub(crate) fn empty(hook_count: usize) -> Self {
        Snapshot {
            hooks: (0..hook_count)
                .map(|_| HookTable {
                    wrappers: Box::new([]),
                    impls: Box::new([]),
                    impl_plugins: Box::new([]),
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
