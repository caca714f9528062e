//! The rules that turn the registry into a dispatch table, and the way a change
//! rebuilds only what it changed.
//!
//! Call order of one hook:
//! 1. by [`Order`]: `tryfirst`, then normal, then `trylast`;
//! 2. within one order, plugins registered at run time first, the most recent first
//!    (pluggy's order, except that pluggy runs `trylast` ones oldest first);
//! 3. then linked plugins, by plugin name (byte order), so the order never depends
//!    on the linker or on LTO;
//! 4. `before`/`after` constraints applied to that order (`order::constrained`).
//!
//! Without constraints the order is a sort by a key that no two entries share,
//! so a table without constraints can be updated in place of being rebuilt: the
//! entries of the changed plugins are taken out and their new ones merged in by
//! key, which gives exactly the table a rebuild would (tested against it).

use std::cmp::Reverse;
use std::sync::Arc;

use crate::calls::{HookTable, ImplRecord};
use crate::error::Error;
use crate::info::{ImplMeta, Order, Origin};
use crate::object::ErasedEntry;
use crate::order;
use crate::registry::{Entry, Part, Registry};
use crate::spec::HookSpec;
use crate::table::Snapshot;

/// Past this many changed plugins, a table is rebuilt rather than updated: the
/// update looks each entry's plugin up among the changed ones.
const UPDATE_LIMIT: usize = 16;

/// The sort key of the ordering rules in this module's header.
type CallKey = (Order, Reverse<u64>, Option<Arc<str>>);

fn call_key(origin: Origin, seq: u64, name: &Arc<str>, order: Order) -> CallKey {
    match origin {
        // `Reverse(seq)` puts later registrations first; `None` sorts before any name.
        Origin::Registered => (order, Reverse(seq), None),
        // Every linked plugin shares `Reverse(0)`, so the name decides.
        Origin::Linked => (order, Reverse(0), Some(Arc::clone(name))),
    }
}

fn record_key(record: &ImplRecord) -> CallKey {
    call_key(record.origin, record.seq, &record.plugin, record.meta.order)
}

/// One implementation of a hook: its plugin, plugin object and metadata.
type Found<'r, S> = (&'r Entry<S>, &'r Part, &'static ImplMeta);

/// An implementation in its group's call order, with its ignored constraints.
type Placed<'f, 'r, S> = (&'f Found<'r, S>, Vec<&'static str>);

/// A table entry: the plugin's entry for the hook and what introspection
/// reports about it.
type TableEntry = (ErasedEntry, Arc<ImplRecord>);

impl<S: HookSpec + ?Sized> Registry<S> {
    /// The dispatch table for the current plugins, built from scratch. Pending
    /// plugins are ordered with the others, so that an order they would break is
    /// an error now, but left out of the table.
    pub(crate) fn snapshot(&self) -> Result<Snapshot<S>, Error> {
        let hooks = (0..S::HOOKS.len())
            .map(|index| self.hook_table(index))
            .collect::<Result<Vec<_>, Error>>()?;
        Ok(Snapshot::new(hooks, self.monitors()))
    }

    /// The table for the current plugins, made from `previous` (the table of
    /// the registry before a change) when only the plugins named in `changed`
    /// differ: a hook none of them implements keeps its entries, a hook without
    /// `before`/`after` constraints is updated, any other is rebuilt. The result
    /// is the table [`snapshot`](Self::snapshot) would build.
    pub(crate) fn snapshot_after(
        &self,
        previous: &Snapshot<S>,
        changed: &[Arc<str>],
    ) -> Result<Snapshot<S>, Error> {
        if changed.len() > UPDATE_LIMIT {
            return self.snapshot();
        }
        let mut current: Vec<&Entry<S>> =
            changed.iter().filter_map(|name| self.get(name)).collect();
        // A name given twice is one plugin.
        current.sort_by_key(|entry| entry.seq);
        current.dedup_by_key(|entry| entry.seq);
        let mut hooks = Vec::with_capacity(S::HOOKS.len());
        let mut rebuilt = Vec::with_capacity(S::HOOKS.len());
        for (index, (hook, old)) in S::HOOKS.iter().zip(previous.hooks.iter()).enumerate() {
            let is_changed = |record: &ImplRecord| changed.contains(&record.plugin);
            let added: Vec<Found<'_, S>> = current
                .iter()
                .flat_map(|entry| entry.parts.iter().map(move |part| (*entry, part)))
                .flat_map(|(entry, part)| part.impls.iter().map(move |meta| (entry, part, meta)))
                .filter(|(entry, _, meta)| meta.hook == hook.name && !entry.pending)
                .collect();
            let unchanged =
                added.is_empty() && !old.records.iter().any(|record| is_changed(record));
            rebuilt.push(!unchanged);
            if unchanged {
                hooks.push(old.clone());
                continue;
            }
            let constrained = |meta: &ImplMeta| !meta.before.is_empty() || !meta.after.is_empty();
            if old.records.iter().any(|record| constrained(&record.meta))
                || added.iter().any(|(_, _, meta)| constrained(meta))
            {
                hooks.push(self.hook_table(index)?);
                continue;
            }
            let group = |wrapper: bool| {
                let kept = old
                    .group(wrapper)
                    .filter(|(_, record)| !is_changed(record))
                    .map(|(object, record)| (object.clone(), Arc::clone(record)));
                let mut new: Vec<TableEntry> = added
                    .iter()
                    .filter(|(_, _, meta)| meta.wrapper == wrapper)
                    .filter_map(|&(entry, part, meta)| {
                        table_entry(index, entry, part, meta, Vec::new())
                    })
                    .collect();
                new.sort_by_key(|(_, record)| record_key(record));
                merge_by_key(kept, new)
            };
            hooks.push(HookTable::new(group(true), group(false)));
        }
        Ok(Snapshot::updated(
            previous.calls.clone(),
            hooks,
            &rebuilt,
            self.monitors(),
        ))
    }

    /// One hook's table, built from scratch.
    fn hook_table(&self, index: usize) -> Result<HookTable, Error> {
        let hook = S::HOOKS[index].name;
        let found: Vec<Found<'_, S>> = self
            .plugins()
            .iter()
            .flat_map(|entry| entry.parts.iter().map(move |part| (&**entry, part)))
            .flat_map(|(entry, part)| part.impls.iter().map(move |meta| (entry, part, meta)))
            .filter(|(_, _, meta)| meta.hook == hook)
            .collect();
        // Wrappers first (they are listed first), each group in call order.
        let wrappers = call_order(hook, found.iter().filter(|(_, _, meta)| meta.wrapper))?;
        let impls = call_order(hook, found.iter().filter(|(_, _, meta)| !meta.wrapper))?;
        let entries = |group: Vec<Placed<'_, '_, S>>| -> Vec<TableEntry> {
            group
                .into_iter()
                .filter(|((entry, _, _), _)| !entry.pending)
                .filter_map(|(&(entry, part, meta), ignored)| {
                    table_entry(index, entry, part, meta, ignored)
                })
                .collect()
        };
        Ok(HookTable::new(entries(wrappers), entries(impls)))
    }
}

/// The table entry of `meta`, an implementation of hook number `index`; `None`
/// only if the part has no entry for it, which its spec's generated code rules out.
fn table_entry<S: ?Sized>(
    index: usize,
    entry: &Entry<S>,
    part: &Part,
    meta: &'static ImplMeta,
    ignored: Vec<&'static str>,
) -> Option<TableEntry> {
    let object = part.entry(index, meta.wrapper)?.clone();
    let record = ImplRecord {
        plugin: Arc::clone(&entry.name),
        meta: *meta,
        origin: entry.origin,
        source: entry.source,
        seq: entry.seq,
        ignored: ignored.into(),
    };
    Some((object, Arc::new(record)))
}

/// Two lists sorted by call key, as one; the keys are distinct.
fn merge_by_key(kept: impl Iterator<Item = TableEntry>, new: Vec<TableEntry>) -> Vec<TableEntry> {
    let mut merged = Vec::with_capacity(new.len());
    let mut new = new.into_iter().peekable();
    for old in kept {
        while let Some(next) = new.next_if(|(_, record)| record_key(record) < record_key(&old.1)) {
            merged.push(next);
        }
        merged.push(old);
    }
    merged.extend(new);
    merged
}

/// One group (the wrappers, or the implementations) of a hook in call order, each
/// with the `before`/`after` names that matched nothing in the group.
fn call_order<'f, 'r, S: ?Sized>(
    hook: &'static str,
    group: impl Iterator<Item = &'f Found<'r, S>>,
) -> Result<Vec<Placed<'f, 'r, S>>, Error>
where
    'r: 'f,
{
    let mut group: Vec<&Found<'r, S>> = group.collect();
    group
        .sort_by_key(|(entry, _, meta)| call_key(entry.origin, entry.seq, &entry.name, meta.order));
    let named = |name: &str| -> Vec<usize> {
        (0..group.len())
            .filter(|&at| &*group[at].0.name == name)
            .collect()
    };
    let mut edges = Vec::new();
    let mut ignored = vec![Vec::new(); group.len()];
    for (at, (_, _, meta)) in group.iter().enumerate() {
        for (names, this_first) in [(meta.before, true), (meta.after, false)] {
            for &name in names {
                let others = named(name);
                if others.is_empty() {
                    ignored[at].push(name);
                }
                for other in others {
                    edges.push(if this_first { (at, other) } else { (other, at) });
                }
            }
        }
    }
    let order = order::constrained(group.len(), &edges).map_err(|cycle| Error::OrderCycle {
        hook,
        plugins: cycle
            .into_iter()
            .map(|at| group[at].0.name.to_string())
            .collect(),
    })?;
    let mut ignored: Vec<Option<Vec<&'static str>>> = ignored.into_iter().map(Some).collect();
    Ok(order
        .into_iter()
        .map(|at| (group[at], ignored[at].take().unwrap_or_default()))
        .collect())
}

/// The plugins that differ between a registry and the same registry after a
/// change: added, removed, or let into the table. Both list their plugins in
/// registration order, and an entry that did not change is the same `Arc`.
pub(crate) fn changed_plugins<S: HookSpec + ?Sized>(
    before: &Registry<S>,
    after: &Registry<S>,
) -> Vec<Arc<str>> {
    let (mut old, mut new) = (
        before.plugins().iter().peekable(),
        after.plugins().iter().peekable(),
    );
    let mut changed = Vec::new();
    loop {
        match (old.peek(), new.peek()) {
            (Some(a), Some(b)) if a.seq == b.seq => {
                if !Arc::ptr_eq(a, b) {
                    changed.push(Arc::clone(&b.name));
                }
                old.next();
                new.next();
            }
            (Some(a), Some(b)) if a.seq < b.seq => {
                changed.push(Arc::clone(&a.name));
                old.next();
            }
            (_, Some(b)) => {
                changed.push(Arc::clone(&b.name));
                new.next();
            }
            (Some(a), None) => {
                changed.push(Arc::clone(&a.name));
                old.next();
            }
            (None, None) => return changed,
        }
    }
}

#[cfg(test)]
mod tests;
