//! Changes to a [`PluginManager`]: registration, unregistration, blocking and
//! monitors. Each is made to a copy of the registry and kept only if the new
//! table builds, so a change that fails leaves the manager as it was.

use std::ops::Range;
use std::sync::{Arc, MutexGuard};

use crate::build::changed_plugins;
use crate::error::Error;
use crate::manager::PluginManager;
use crate::monitor::{Monitor, MonitorId};
use crate::registration::Registration;
use crate::registry::{Entry, Registry, Replayed};
use crate::spec::HookSpec;

impl<S: HookSpec + ?Sized> PluginManager<S> {
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
                registry.register(plugin.name.clone(), plugin.part.clone(), plugin.source)?;
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
    fn replay_then_publish(&self, new: Range<u64>, mut replays: Vec<Replayed>, mut seen: usize) {
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
}
