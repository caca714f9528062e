//! [`PluginManager::freeze`]: the end of start-up, after which `hook()` is one
//! plain load (`frozen.rs` holds the table it reads and why that is sound).

use crate::manager::PluginManager;
use crate::spec::HookSpec;

impl<S: HookSpec + ?Sized> PluginManager<S> {
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
}
