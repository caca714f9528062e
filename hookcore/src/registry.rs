//! The manager's mutable state: plugins, blocked names, historic calls and
//! monitors. `build.rs` turns it into a dispatch table.

use std::any::Any;
use std::collections::BTreeSet;
use std::ops::Range;
use std::sync::Arc;

use crate::calls::Replay;
use crate::error::Error;
use crate::info::{ImplMeta, Origin, PluginInfo, Source};
use crate::linked;
use crate::monitor::{Monitor, MonitorId, Monitors};
use crate::object::ErasedEntry;
use crate::spec::HookSpec;

impl<S: ?Sized> Clone for Entry<S> {
    fn clone(&self) -> Self {
        Entry {
            name: Arc::clone(&self.name),
            origin: self.origin,
            source: self.source,
            seq: self.seq,
            parts: self.parts.clone(),
            pending: self.pending,
            spec: std::marker::PhantomData,
        }
    }
}

impl<S: ?Sized> Clone for Registry<S> {
    fn clone(&self) -> Self {
        Registry {
            plugins: self.plugins.clone(),
            blocked: self.blocked.clone(),
            next_seq: self.next_seq,
            history: self.history.clone(),
            monitors: self.monitors.clone(),
        }
    }
}

/// One plugin object's entries and the hooks it implements. A linked plugin
/// made of free functions has one part per function; any other plugin has one
/// part.
#[derive(Clone)]
pub(crate) struct Part {
    /// One per implementation and wrapper, each typed by its hook's trait.
    pub entries: Box<[ErasedEntry]>,
    pub impls: &'static [ImplMeta],
    /// A registered plugin's object, kept for as long as the plugin is (also
    /// when it implements no hook), by which the same object registered twice
    /// is recognised; `None` for a linked one.
    pub object: Option<Arc<dyn Any + Send + Sync>>,
}

impl Part {
    /// The entry of hook number `hook` (its wrapper, with `wrapper`), if any.
    pub(crate) fn entry(&self, hook: usize, wrapper: bool) -> Option<&ErasedEntry> {
        self.entries
            .iter()
            .find(|entry| entry.hook == hook && entry.wrapper == wrapper)
    }
}

/// A registered plugin.
pub(crate) struct Entry<S: ?Sized + 'static> {
    pub spec: std::marker::PhantomData<fn() -> *const S>,
    pub name: Arc<str>,
    pub origin: Origin,
    pub source: Source,
    /// Registration sequence number: later registrations are called earlier.
    pub seq: u64,
    pub parts: Vec<Part>,
    /// Registered, but kept out of the dispatch table until the historic calls
    /// made before its registration have reached it.
    pub pending: bool,
}

impl<S: HookSpec + ?Sized> Entry<S> {
    pub(crate) fn info(&self) -> PluginInfo {
        PluginInfo {
            name: self.name.to_string(),
            source: self.source,
            origin: self.origin,
            hooks: self.hooks(),
        }
    }

    /// The hooks this plugin implements, in the spec's order.
    pub(crate) fn hooks(&self) -> Vec<&'static str> {
        S::HOOKS
            .iter()
            .map(|hook| hook.name)
            .filter(|name| self.metas().any(|meta| meta.hook == *name))
            .collect()
    }

    fn metas(&self) -> impl Iterator<Item = &'static ImplMeta> + '_ {
        self.parts.iter().flat_map(|part| part.impls)
    }
}

/// Plugins in registration order, the blocked names, and the historic calls.
///
/// Each change is made to a clone, which is kept only if the new table builds;
/// the entries are shared, so a clone costs a pointer per plugin, not the
/// plugins' parts.
pub(crate) struct Registry<S: ?Sized + 'static> {
    plugins: Vec<Arc<Entry<S>>>,
    blocked: BTreeSet<String>,
    next_seq: u64,
    /// Historic calls in call order: the hook's index and the recorded call.
    history: Vec<(usize, Replay)>,
    /// Monitors in the order they were added.
    monitors: Vec<(MonitorId, Arc<dyn Monitor>)>,
}

impl<S: HookSpec + ?Sized> Registry<S> {
    pub(crate) fn new() -> Self {
        Registry {
            plugins: Vec::new(),
            blocked: BTreeSet::new(),
            next_seq: 0,
            history: Vec::new(),
            monitors: Vec::new(),
        }
    }

    pub(crate) fn next_seq(&self) -> u64 {
        self.next_seq
    }

    pub(crate) fn record_historic(&mut self, hook: usize, replay: Replay) {
        self.history.push((hook, replay));
    }

    /// How many historic calls have been recorded.
    pub(crate) fn history_len(&self) -> usize {
        self.history.len()
    }

    /// Removes every plugin; returned, to be dropped outside the lock.
    pub(crate) fn take_plugins(&mut self) -> Vec<Arc<Entry<S>>> {
        std::mem::take(&mut self.plugins)
    }

    /// Forgets the historic calls; returned, to be dropped outside the lock.
    pub(crate) fn take_history(&mut self) -> Vec<(usize, Replay)> {
        std::mem::take(&mut self.history)
    }

    /// How many historic calls of hook number `hook` have been recorded.
    pub(crate) fn history_of(&self, hook: usize) -> usize {
        self.history
            .iter()
            .filter(|(index, _)| *index == hook)
            .count()
    }

    /// Keeps the plugins registered with a sequence number in `seqs` out of the
    /// dispatch table (`true`), or lets them in.
    /// Returns their names.
    pub(crate) fn set_pending(&mut self, seqs: &Range<u64>, pending: bool) -> Vec<Arc<str>> {
        let mut names = Vec::new();
        for entry in self
            .plugins
            .iter_mut()
            .filter(|entry| seqs.contains(&entry.seq))
        {
            Arc::make_mut(entry).pending = pending;
            names.push(Arc::clone(&entry.name));
        }
        names
    }

    /// Removes the plugins with a sequence number in `seqs` above `reached` that
    /// are still pending: those of a batch whose historic calls never started,
    /// because an earlier plugin's panicked. Returned, to be dropped outside the lock.
    pub(crate) fn remove_unreached(
        &mut self,
        seqs: &Range<u64>,
        reached: u64,
    ) -> Vec<Arc<Entry<S>>> {
        let (unreached, kept) = std::mem::take(&mut self.plugins)
            .into_iter()
            .partition(|entry| entry.pending && seqs.contains(&entry.seq) && entry.seq > reached);
        self.plugins = kept;
        unreached
    }

    /// The historic calls owed to the plugins registered with a sequence number in
    /// `seqs`, from recorded call number `from` on: each implementation of a
    /// historic hook, with every such call of that hook, in call order; plugin by
    /// plugin, in registration order, each with its sequence number.
    pub(crate) fn replays(&self, seqs: &Range<u64>, from: usize) -> Vec<Replayed> {
        let mut replays = Vec::new();
        let history = self.history.get(from..).unwrap_or_default();
        for entry in self
            .plugins
            .iter()
            .filter(|entry| seqs.contains(&entry.seq))
        {
            for part in &entry.parts {
                for meta in part.impls.iter().filter(|meta| !meta.wrapper) {
                    let Some(index) = S::HOOKS
                        .iter()
                        .position(|hook| hook.historic && hook.name == meta.hook)
                    else {
                        continue;
                    };
                    let Some(object) = part.entry(index, false) else {
                        continue;
                    };
                    for (_, replay) in history.iter().filter(|(hook, _)| *hook == index) {
                        replays.push((entry.seq, object.clone(), Arc::clone(replay)));
                    }
                }
            }
        }
        replays
    }

    pub(crate) fn plugins(&self) -> &[Arc<Entry<S>>] {
        &self.plugins
    }

    pub(crate) fn get(&self, name: &str) -> Option<&Entry<S>> {
        self.plugins
            .iter()
            .find(|entry| &*entry.name == name)
            .map(|entry| &**entry)
    }

    pub(crate) fn is_blocked(&self, name: &str) -> bool {
        self.blocked.contains(name)
    }

    /// The blocked names, sorted.
    pub(crate) fn blocked(&self) -> impl Iterator<Item = &str> {
        self.blocked.iter().map(String::as_str)
    }

    /// Adds a run-time plugin; on error nothing changes.
    pub(crate) fn register(
        &mut self,
        name: String,
        part: Part,
        source: Source,
    ) -> Result<(), Error> {
        self.check_free(&name)?;
        let address = |part: &Part| {
            part.object
                .as_ref()
                .map(|object| Arc::as_ptr(object).cast::<()>())
        };
        let same_object =
            |existing: &Part| address(existing).is_some() && address(existing) == address(&part);
        if let Some(entry) = self
            .plugins
            .iter()
            .find(|entry| entry.parts.iter().any(same_object))
        {
            return Err(Error::ObjectAlreadyRegistered {
                existing: entry.name.to_string(),
            });
        }
        self.push(name.into(), Origin::Registered, source, vec![part]);
        Ok(())
    }

    /// Registers every linked plugin of `S` that is neither registered nor blocked;
    /// returns how many. If the linked plugins conflict, nothing changes.
    pub(crate) fn load_linked(&mut self) -> Result<usize, Error> {
        let mut loaded = 0;
        for (name, (source, parts)) in group_linked(linked::entries::<S>())? {
            if self.check_free(name).is_ok() {
                self.push(name.into(), Origin::Linked, source, parts);
                loaded += 1;
            }
        }
        Ok(loaded)
    }

    pub(crate) fn unregister(&mut self, name: &str) -> Result<Arc<Entry<S>>, Error> {
        let index = self
            .plugins
            .iter()
            .position(|entry| &*entry.name == name)
            .ok_or_else(|| Error::NotRegistered { name: name.into() })?;
        Ok(self.plugins.remove(index))
    }

    /// Blocks `name`, unregistering the plugin that has it, if any.
    pub(crate) fn block(&mut self, name: &str) -> Option<Arc<Entry<S>>> {
        self.blocked.insert(name.into());
        self.unregister(name).ok()
    }

    pub(crate) fn unblock(&mut self, name: &str) -> bool {
        self.blocked.remove(name)
    }

    fn check_free(&self, name: &str) -> Result<(), Error> {
        if self.is_blocked(name) {
            return Err(Error::Blocked { name: name.into() });
        }
        if self.get(name).is_some() {
            return Err(Error::AlreadyRegistered { name: name.into() });
        }
        Ok(())
    }

    fn push(&mut self, name: Arc<str>, origin: Origin, source: Source, parts: Vec<Part>) {
        let seq = self.next_seq;
        self.next_seq += 1;
        self.plugins.push(Arc::new(Entry {
            name,
            origin,
            source,
            seq,
            parts,
            pending: false,
            spec: std::marker::PhantomData,
        }));
    }

    /// The monitors, as a table holds them: `None` when there is none.
    pub(crate) fn monitors(&self) -> Option<Arc<Monitors>> {
        (!self.monitors.is_empty()).then(|| {
            Arc::new(Monitors {
                list: self.monitors.clone().into_boxed_slice(),
            })
        })
    }

    pub(crate) fn add_monitor(&mut self, monitor: Arc<dyn Monitor>) -> MonitorId {
        let id = MonitorId(self.next_seq);
        self.next_seq += 1;
        self.monitors.push((id, monitor));
        id
    }

    pub(crate) fn remove_monitor(&mut self, id: MonitorId) -> Option<Arc<dyn Monitor>> {
        let at = self.monitors.iter().position(|(added, _)| *added == id)?;
        Some(self.monitors.remove(at).1)
    }
}

/// A historic call owed to a plugin: its sequence number, the entry, the call.
pub(crate) type Replayed = (u64, ErasedEntry, Replay);

mod grouping;
#[cfg(test)]
mod tests;

use grouping::group_linked;
