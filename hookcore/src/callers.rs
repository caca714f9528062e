//! The callers beside [`PluginManager::hook`]: without some plugins
//! ([`SubsetCaller`], pluggy's `subset_hook_caller`), with one more for a single
//! caller (pluggy's `call_extra`), and the way a historic call is recorded.

use std::sync::Arc;

use arc_swap::Guard;

use crate::calls::Replay;
use crate::dispatch::{Dispatch, Historic};
use crate::manager::{PluginManager, SpecCallers};
use crate::spec::HookSpec;
use crate::table::is_removed;

impl<S: HookSpec + ?Sized> PluginManager<S> {
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

    /// Records a historic call and runs it on the current implementations. Under
    /// the registry's lock, so that a plugin registering meanwhile either is in the
    /// table read here or finds the call in the history, never both, never neither.
    /// `removed` names the plugins a subset caller skips now; the call still
    /// reaches every plugin registered later, as pluggy's subset callers share
    /// the hook's history.
    pub(crate) fn call_historic(&self, index: usize, replay: Replay, removed: &[String]) {
        let current = {
            let mut registry = self.lock();
            registry.record_historic(index, Arc::clone(&replay));
            self.table.load_full()
        };
        let table = &current.hooks[index];
        for (plugin, name) in table.impls.iter().zip(table.impl_plugins.iter()) {
            if !is_removed(removed, name) {
                replay(plugin);
            }
        }
    }
}

impl<S: HookSpec + ?Sized> Historic for PluginManager<S> {
    fn call_historic(&self, index: usize, replay: Replay, removed: &[String]) {
        PluginManager::call_historic(self, index, replay, removed);
    }
}

/// A caller without some plugins, from [`PluginManager::subset_hook`].
pub struct SubsetCaller<'a, S: HookSpec + ?Sized> {
    manager: &'a PluginManager<S>,
    removed: Vec<String>,
}

impl<S: SpecCallers + ?Sized> SubsetCaller<'_, S> {
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
