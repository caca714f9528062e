//! The dispatch table: for each hook, the plugin objects to call, in call order.
//!
//! A [`Snapshot`] is immutable. The manager builds a new one on every change and
//! publishes it atomically; a call holds the snapshot it started with ([`Dispatch`]),
//! so it never sees a half-made table and never takes a lock.

use std::sync::Arc;

use arc_swap::Guard;

use crate::frozen::TableRef;
use crate::info::{ImplMeta, Origin, Source};
use crate::manager::PluginManager;
use crate::monitor::{HookCall, Monitors};
use crate::object::{Object, Objects, PluginRef};
use crate::spec::HookSpec;

/// A recorded historic call: runs the hook, with the call's arguments, on one
/// plugin object and hands the result to the caller's callback.
#[doc(hidden)]
/// Not public API; built by generated code.
pub type Replay<S> = Arc<dyn Fn(&S) + Send + Sync>;

/// What introspection reports about one entry of a hook's table.
#[derive(Debug, Clone)]
pub(crate) struct ImplRecord {
    pub plugin: Arc<str>,
    pub meta: ImplMeta,
    pub origin: Origin,
    pub source: Source,
    /// The plugin's registration sequence number, for the call order.
    pub seq: u64,
    /// `before`/`after` names that matched no other entry of the hook.
    pub ignored: Box<[&'static str]>,
}

/// One hook's wrappers (outermost first) and implementations (in call order);
/// `records` describes the wrappers, then the implementations.
pub(crate) struct HookTable<S: ?Sized + 'static> {
    pub wrappers: Objects<S>,
    pub impls: Objects<S>,
    /// The plugin of each of `impls`.
    pub impl_plugins: Box<[Arc<str>]>,
    /// The plugin of each of `wrappers`.
    pub wrapper_plugins: Box<[Arc<str>]>,
    pub records: Box<[Arc<ImplRecord>]>,
    /// No wrapper and no monitor: a call is the strategy over `impls`, nothing
    /// else. Set by [`Snapshot::new`], the one place that knows both.
    plain: bool,
}

impl<S: ?Sized> HookTable<S> {
    /// A hook's table from its wrappers and implementations, each with what
    /// introspection reports about it, in call order.
    pub(crate) fn new(
        wrappers: impl IntoIterator<Item = (PluginRef<S>, Arc<ImplRecord>)>,
        impls: impl IntoIterator<Item = (PluginRef<S>, Arc<ImplRecord>)>,
    ) -> Self {
        let (wrappers, wrapper_records): (Vec<_>, Vec<_>) = wrappers.into_iter().unzip();
        let (impls, impl_records): (Vec<_>, Vec<_>) = impls.into_iter().unzip();
        let plugins = |records: &[Arc<ImplRecord>]| -> Box<[Arc<str>]> {
            records
                .iter()
                .map(|record| Arc::clone(&record.plugin))
                .collect()
        };
        HookTable {
            wrapper_plugins: plugins(&wrapper_records),
            impl_plugins: plugins(&impl_records),
            wrappers: Objects::new(wrappers),
            impls: Objects::new(impls),
            records: wrapper_records.into_iter().chain(impl_records).collect(),
            plain: false,
        }
    }

    /// The wrappers, then the implementations, each with its record.
    fn entries(&self) -> impl Iterator<Item = (&PluginRef<S>, &Arc<ImplRecord>)> {
        self.wrappers
            .owners()
            .iter()
            .chain(self.impls.owners())
            .zip(self.records.iter())
    }

    /// The wrappers (`true`) or the implementations, each with its record.
    pub(crate) fn group(
        &self,
        wrappers: bool,
    ) -> impl Iterator<Item = (&PluginRef<S>, &Arc<ImplRecord>)> {
        let (objects, records) = if wrappers {
            (
                &self.wrappers,
                &self.records[..self.wrappers.owners().len()],
            )
        } else {
            (&self.impls, &self.records[self.wrappers.owners().len()..])
        };
        objects.owners().iter().zip(records)
    }
}

#[cfg(test)]
impl<S: ?Sized> HookTable<S> {
    pub(crate) fn plain_for_tests(&self) -> bool {
        self.plain
    }
}

impl<S: ?Sized> Clone for HookTable<S> {
    fn clone(&self) -> Self {
        HookTable {
            wrappers: Objects::new(self.wrappers.owners().to_vec()),
            impls: Objects::new(self.impls.owners().to_vec()),
            impl_plugins: self.impl_plugins.clone(),
            wrapper_plugins: self.wrapper_plugins.clone(),
            records: self.records.clone(),
            plain: self.plain,
        }
    }
}

/// The whole table: one [`HookTable`] per hook, indexed like `S::HOOKS`.
pub(crate) struct Snapshot<S: ?Sized + 'static> {
    pub hooks: Box<[HookTable<S>]>,
    /// `None` when no monitor is added: the unmonitored path.
    pub monitors: Option<Arc<Monitors>>,
}

impl<S: ?Sized> Snapshot<S> {
    /// The table of `hooks` (indexed like `S::HOOKS`), seen by `monitors`.
    pub(crate) fn new(hooks: Vec<HookTable<S>>, monitors: Option<Arc<Monitors>>) -> Self {
        let mut hooks = hooks.into_boxed_slice();
        for table in &mut hooks {
            table.plain = monitors.is_none() && table.wrappers.is_empty();
        }
        Snapshot { hooks, monitors }
    }

    /// This table without the plugins named in `removed` (a subset caller's).
    pub(crate) fn without(&self, removed: &[String]) -> Self {
        let kept = |record: &ImplRecord| !is_removed(removed, &record.plugin);
        let hooks = self
            .hooks
            .iter()
            .map(|table| {
                let entries = table
                    .entries()
                    .filter(|(_, record)| kept(record))
                    .map(|(object, record)| (object.clone(), Arc::clone(record)));
                let (wrappers, impls): (Vec<_>, Vec<_>) =
                    entries.partition(|(_, record)| record.meta.wrapper);
                HookTable::new(wrappers, impls)
            })
            .collect();
        Snapshot::new(hooks, self.monitors.clone())
    }

    pub(crate) fn empty(hook_count: usize) -> Self {
        let hooks = (0..hook_count).map(|_| HookTable::new([], [])).collect();
        Snapshot::new(hooks, None)
    }
}

/// Whether `plugin` is one of the plugins a subset caller skips.
pub(crate) fn is_removed(removed: &[String], plugin: &str) -> bool {
    removed.iter().any(|name| name == plugin)
}

/// The table one call (or one caller value) works with, and the manager it came
/// from (for historic calls).
#[doc(hidden)]
/// Not public API; held by the caller struct that `#[hookspec]` generates.
pub struct Dispatch<'a, S: HookSpec + ?Sized> {
    snapshot: TableRef<'a, S>,
    manager: &'a PluginManager<S>,
    /// The plugins a subset caller skips, for its historic calls.
    removed: &'a [String],
}

impl<'a, S: HookSpec + ?Sized> Dispatch<'a, S> {
    pub(crate) fn new(snapshot: Guard<Arc<Snapshot<S>>>, manager: &'a PluginManager<S>) -> Self {
        Dispatch {
            snapshot: TableRef::guarded(snapshot),
            manager,
            removed: &[],
        }
    }

    /// A subset caller's: `snapshot` is without the plugins named in `removed`.
    pub(crate) fn subset(
        snapshot: Guard<Arc<Snapshot<S>>>,
        manager: &'a PluginManager<S>,
        removed: &'a [String],
    ) -> Self {
        Dispatch {
            snapshot: TableRef::guarded(snapshot),
            manager,
            removed,
        }
    }

    pub(crate) fn borrowed(snapshot: &'a Snapshot<S>, manager: &'a PluginManager<S>) -> Self {
        Dispatch {
            snapshot: TableRef::borrowed(snapshot),
            manager,
            removed: &[],
        }
    }

    /// Records a historic call of hook number `index` and runs it on every
    /// current implementation (a subset caller's skip its removed plugins);
    /// plugins registered later run it when they register.
    pub fn call_historic(&self, index: usize, replay: Replay<S>) {
        self.manager.call_historic(index, replay, self.removed);
    }

    /// The implementations of hook number `index` when a call of it is nothing
    /// but the strategy over them: no wrapper and no monitor. One check, so that
    /// the caller method stays small enough to inline into the user's code.
    #[inline]
    pub fn plain(&self, index: usize) -> Option<&[Object<S>]> {
        let table = &self.snapshot.get().hooks[index];
        if table.plain {
            Some(table.impls.objects())
        } else {
            None
        }
    }

    /// The monitors, if any: `None` is the unmonitored path.
    #[inline]
    pub fn monitors(&self) -> Option<&Monitors> {
        self.snapshot.get().monitors.as_deref()
    }

    /// Hook number `index` as monitors see it.
    pub fn hook_call(&self, index: usize) -> HookCall<'_> {
        let table = &self.snapshot.get().hooks[index];
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
        &self.snapshot.get().hooks[index].impl_plugins
    }

    /// The implementations of hook number `index`, in call order.
    #[inline]
    pub fn impls(&self, index: usize) -> &[Object<S>] {
        // `index` comes from the generated caller and is always in range; the
        // bounds check is one predicted branch.
        self.snapshot.get().hooks[index].impls.objects()
    }

    /// The wrappers of hook number `index`, outermost first.
    #[inline]
    pub fn wrappers(&self, index: usize) -> &[Object<S>] {
        self.snapshot.get().hooks[index].wrappers.objects()
    }
}
