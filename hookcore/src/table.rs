//! The dispatch table: for each hook, the plugin objects to call, in call order.
//!
//! A [`Snapshot`] is immutable. The manager builds a new one on every change and
//! publishes it atomically; a call holds the snapshot it started with
//! ([`Dispatch`](crate::dispatch::Dispatch)), so it never sees a half-made table
//! and never takes a lock.
//!
//! A snapshot holds each hook twice: as entries of any type with their records
//! ([`HookTable`]: what the runtime orders, filters, replays and reports), and in
//! the spec's typed table ([`HookSpec::__Table`], generated: a `HookCalls`
//! field per hook, its implementations as pointers typed by the hook's own
//! trait), which calls read.

use std::sync::Arc;

use crate::calls::{HookTable, ImplRecord, Table};
use crate::monitor::Monitors;
use crate::spec::HookSpec;

/// The whole table: the typed calls, and one [`HookTable`] per hook, indexed
/// like `S::HOOKS`.
pub(crate) struct Snapshot<S: HookSpec + ?Sized> {
    pub calls: S::__Table,
    pub hooks: Box<[HookTable]>,
    /// `None` when no monitor is added: the unmonitored path.
    pub monitors: Option<Arc<Monitors>>,
}

impl<S: HookSpec + ?Sized> Snapshot<S> {
    /// The table of `hooks` (indexed like `S::HOOKS`), seen by `monitors`.
    pub(crate) fn new(hooks: Vec<HookTable>, monitors: Option<Arc<Monitors>>) -> Self {
        let rebuilt = vec![true; hooks.len()];
        Self::updated(S::__Table::default(), hooks, &rebuilt, monitors)
    }

    /// The table of `hooks`, whose typed calls are `calls` except for the hooks
    /// marked in `rebuilt`, which are made from `hooks`.
    pub(crate) fn updated(
        mut calls: S::__Table,
        hooks: Vec<HookTable>,
        rebuilt: &[bool],
        monitors: Option<Arc<Monitors>>,
    ) -> Self {
        for (index, table) in hooks.iter().enumerate() {
            if let Some(hook) = calls.hook_mut(index) {
                if rebuilt.get(index).copied().unwrap_or(true) {
                    hook.set(table);
                }
                hook.set_monitored(monitors.is_some());
            }
        }
        Snapshot {
            calls,
            hooks: hooks.into_boxed_slice(),
            monitors,
        }
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
                    .map(|(entry, record)| (entry.clone(), Arc::clone(record)));
                let (wrappers, impls): (Vec<_>, Vec<_>) =
                    entries.partition(|(_, record)| record.meta.wrapper);
                HookTable::new(wrappers, impls)
            })
            .collect();
        Snapshot::new(hooks, self.monitors.clone())
    }

    /// The table without plugins.
    pub(crate) fn empty() -> Self {
        let hooks = S::HOOKS.iter().map(|_| HookTable::new([], [])).collect();
        Snapshot::new(hooks, None)
    }
}

/// Whether `plugin` is one of the plugins a subset caller skips.
pub(crate) fn is_removed(removed: &[String], plugin: &str) -> bool {
    removed.iter().any(|name| name == plugin)
}
