//! [`PluginManager::shutdown`]: the end of a manager's plugins, for a
//! process-wide manager, which is a static and never dropped.

use std::sync::Arc;

use crate::info::{Origin, PluginInfo};
use crate::manager::PluginManager;
use crate::registry::Entry;
use crate::spec::HookSpec;
use crate::table::Snapshot;

impl<S: HookSpec + ?Sized> PluginManager<S> {
    /// Unregisters every plugin, linked ones too, and forgets the historic
    /// calls, so that later calls reach nothing; returns the plugins it removed,
    /// in [`plugins`](Self::plugins)' order.
    ///
    /// A process-wide manager ([`global`](Self::global)) is a static: it is never
    /// dropped, so without this the `Drop` of its run-time plugins never runs,
    /// and what they hold (connections, files, caches) is never released. The
    /// manager lets go of its plugin objects after its lock is released, the
    /// most recently registered first (as `atexit` handlers run), so a plugin's
    /// `Drop` may use the manager. The historic calls' arguments and callbacks
    /// are dropped too.
    ///
    /// A plugin object lives on while something else holds it: a call still
    /// running, a caller from [`hook`](Self::hook) kept alive, an `Arc` passed to
    /// [`register_arc`](Self::register_arc), or a [frozen](Self::freeze)
    /// manager's kept tables, until the manager is dropped: freeze a manager
    /// whose plugins must be dropped at exit only if a `shutdown` hook releases
    /// what they hold. Blocked names and monitors stay;
    /// the manager stays usable, and [`load_linked`](Self::load_linked) would
    /// bring the linked plugins back.
    ///
    /// The pattern at exit: first a `shutdown` hook of the spec, which plugins
    /// implement to flush and close what they hold while every plugin is still
    /// there, then this.
    ///
    /// ```
    /// use std::sync::atomic::{AtomicUsize, Ordering};
    ///
    /// #[hookcore::hookspec]
    /// pub trait Service {
    ///     /// Flush and close what the plugin holds; called once, at exit.
    ///     fn shutdown(&self);
    /// }
    ///
    /// static FLUSHED: AtomicUsize = AtomicUsize::new(0);
    /// static DROPPED: AtomicUsize = AtomicUsize::new(0);
    ///
    /// struct Connection;
    ///
    /// #[hookcore::hookimpl(runtime)]
    /// impl Service for Connection {
    ///     fn shutdown(&self) {
    ///         FLUSHED.fetch_add(1, Ordering::SeqCst);
    ///     }
    /// }
    ///
    /// impl Drop for Connection {
    ///     fn drop(&mut self) {
    ///         DROPPED.fetch_add(1, Ordering::SeqCst);
    ///     }
    /// }
    ///
    /// let pm = hookcore::PluginManager::<dyn Service>::global();
    /// pm.register("db", Connection)?;
    ///
    /// // At exit: the hook first, while every plugin is there; then the end.
    /// pm.hook().shutdown();
    /// let ended = pm.shutdown();
    /// assert_eq!(ended.len(), 1);
    /// assert_eq!(ended[0].name, "db");
    /// assert_eq!((FLUSHED.load(Ordering::SeqCst), DROPPED.load(Ordering::SeqCst)), (1, 1));
    /// assert!(pm.plugins().is_empty());
    /// # Ok::<(), hookcore::Error>(())
    /// ```
    pub fn shutdown(&self) -> Vec<PluginInfo> {
        let (entries, history, previous, ended) = {
            let mut registry = self.lock();
            let entries = registry.take_plugins();
            let history = registry.take_history();
            let ended = in_listing_order(&entries);
            // No plugin is left, so nothing can be out of order: the table builds.
            let snapshot = registry.snapshot().unwrap_or_else(|_| Snapshot::empty());
            let previous = self.publish(snapshot);
            (entries, history, previous, ended)
        };
        // Outside the lock: the old table, the recorded calls, then the plugins,
        // the most recent registration first.
        drop(previous);
        drop(history);
        for entry in entries.into_iter().rev() {
            drop(entry);
        }
        ended
    }
}

/// The plugins as [`PluginManager::plugins`] lists them: run-time ones in
/// registration order, then linked ones by name.
fn in_listing_order<S: HookSpec + ?Sized>(entries: &[Arc<Entry<S>>]) -> Vec<PluginInfo> {
    let mut sorted: Vec<&Entry<S>> = entries.iter().map(|entry| &**entry).collect();
    sorted.sort_by_key(|entry| match entry.origin {
        Origin::Registered => (0, entry.seq, None),
        Origin::Linked => (1, 0, Some(Arc::clone(&entry.name))),
    });
    sorted.into_iter().map(Entry::info).collect()
}
