//! Observing calls: pluggy's `add_hookcall_monitoring` and `enable_tracing`.
//!
//! A [`Monitor`] added to a manager sees every hook call made through
//! [`PluginManager::hook`](crate::PluginManager::hook) (and the subset and extra
//! callers): before it, each implementation as it runs, and the outcome. Tagged
//! calls and historic calls are not monitored; a monitor sees no arguments. With no monitor, a call checks one
//! field of its table and takes the unmonitored path.

use std::fmt::Debug;
use std::sync::Arc;

/// Observes hook calls; every method has an empty default.
///
/// ```
/// use std::sync::{Arc, Mutex};
///
/// #[hookcore::hookspec]
/// pub trait Jobs {
///     fn run(&self) -> u32;
/// }
///
/// #[hookcore::hookimpl(Jobs, name = "nightly")]
/// fn run() -> u32 {
///     7
/// }
///
/// #[derive(Default)]
/// struct Log(Mutex<Vec<String>>);
///
/// impl hookcore::Monitor for Log {
///     fn before_impl(&self, call: &hookcore::HookCall<'_>, plugin: &str) {
///         self.0.lock().unwrap().push(format!("{}: {plugin}", call.hook));
///     }
///     fn after_call(&self, call: &hookcore::HookCall<'_>, outcome: Option<&dyn std::fmt::Debug>) {
///         self.0.lock().unwrap().push(format!("{} -> {outcome:?}", call.hook));
///     }
/// }
///
/// let pm = hookcore::PluginManager::<dyn Jobs>::linked()?;
/// let log = Arc::new(Log::default());
/// let id = pm.add_monitor(log.clone());
/// pm.hook().run();
/// assert!(pm.remove_monitor(id));
/// pm.hook().run();
/// assert_eq!(*log.0.lock().unwrap(), ["run: nightly", "run -> Some([7])"]);
/// # Ok::<(), hookcore::Error>(())
/// ```
pub trait Monitor: Send + Sync + 'static {
    /// Before the call: its hook and the plugins it will call, in call order.
    fn before_call(&self, call: &HookCall<'_>) {
        let _ = call;
    }

    /// Before one implementation runs.
    fn before_impl(&self, call: &HookCall<'_>, plugin: &str) {
        let _ = (call, plugin);
    }

    /// After one implementation returned.
    fn after_impl(&self, call: &HookCall<'_>, plugin: &str) {
        let _ = (call, plugin);
    }

    /// After the call, with its outcome if the outcome's type implements `Debug`.
    /// A call that panics has no `after_call`.
    fn after_call(&self, call: &HookCall<'_>, outcome: Option<&dyn Debug>) {
        let _ = (call, outcome);
    }

    #[doc(hidden)]
    /// Not public API. Whether this is a [`TracingMonitor`], whose spans follow
    /// an async call's future instead of this monitor's callbacks (`awaited.rs`).
    fn __follows_futures(&self) -> bool {
        false
    }
}

impl<M: Monitor + ?Sized> Monitor for Arc<M> {
    fn before_call(&self, call: &HookCall<'_>) {
        (**self).before_call(call);
    }
    fn before_impl(&self, call: &HookCall<'_>, plugin: &str) {
        (**self).before_impl(call, plugin);
    }
    fn after_impl(&self, call: &HookCall<'_>, plugin: &str) {
        (**self).after_impl(call, plugin);
    }
    fn after_call(&self, call: &HookCall<'_>, outcome: Option<&dyn Debug>) {
        (**self).after_call(call, outcome);
    }
    fn __follows_futures(&self) -> bool {
        (**self).__follows_futures()
    }
}

/// One hook call, as monitors see it.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct HookCall<'a> {
    /// The spec trait's name.
    pub spec: &'static str,
    /// The hook's name.
    pub hook: &'static str,
    /// The plugins whose wrappers run, outermost first.
    pub wrappers: &'a [Arc<str>],
    /// The plugins whose implementations may run, in call order (a `firstresult`
    /// or `Result` call may stop early; `before_impl` tells which ran).
    pub plugins: &'a [Arc<str>],
}

/// What [`PluginManager::add_monitor`](crate::PluginManager::add_monitor) returns,
/// to remove the monitor again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MonitorId(pub(crate) u64);

/// The monitors of a manager, in the order they were added.
#[doc(hidden)]
/// Not public API; generated code calls them on the monitored path.
pub struct Monitors {
    pub(crate) list: Box<[(MonitorId, Arc<dyn Monitor>)]>,
}

impl Monitors {
    #[doc(hidden)]
    pub fn before_call(&self, call: &HookCall<'_>) {
        self.list
            .iter()
            .for_each(|(_, monitor)| monitor.before_call(call));
    }
    #[doc(hidden)]
    pub fn before_impl(&self, call: &HookCall<'_>, plugin: &str) {
        self.list
            .iter()
            .for_each(|(_, monitor)| monitor.before_impl(call, plugin));
    }
    #[doc(hidden)]
    pub fn after_impl(&self, call: &HookCall<'_>, plugin: &str) {
        self.list
            .iter()
            .for_each(|(_, monitor)| monitor.after_impl(call, plugin));
    }
    #[doc(hidden)]
    pub fn after_call(&self, call: &HookCall<'_>, outcome: Option<&dyn Debug>) {
        self.list
            .iter()
            .for_each(|(_, monitor)| monitor.after_call(call, outcome));
    }
}

/// The outcome as `&dyn Debug` when its type implements `Debug`, else `None`:
/// `(&DebugProbe(&outcome)).probe()` with [`ViaDebug`] and [`ViaNothing`] in scope
/// picks the first by method resolution, which tries `DebugProbe` before
/// `&DebugProbe`.
#[doc(hidden)]
pub struct DebugProbe<'a, T>(pub &'a T);

#[doc(hidden)]
pub trait ViaDebug {
    fn probe(&self) -> Option<&dyn Debug>;
}

impl<T: Debug> ViaDebug for DebugProbe<'_, T> {
    fn probe(&self) -> Option<&dyn Debug> {
        Some(self.0)
    }
}

#[doc(hidden)]
pub trait ViaNothing {
    fn probe(&self) -> Option<&dyn Debug>;
}

impl<T> ViaNothing for &DebugProbe<'_, T> {
    fn probe(&self) -> Option<&dyn Debug> {
        None
    }
}

#[cfg(feature = "tracing")]
pub use tracing_monitor::TracingMonitor;

#[cfg(feature = "tracing")]
mod tracing_monitor {
    use std::cell::RefCell;
    use std::fmt::Debug;

    use super::{HookCall, Monitor};

    thread_local! {
        // Entered spans of the calls running on this thread, innermost last.
        static ENTERED: RefCell<Vec<tracing::span::EnteredSpan>> = const { RefCell::new(Vec::new()) };
    }

    /// A [`Monitor`] that emits a `tracing` span per hook call (`hook`, with the
    /// `spec` and `hook` fields) and per implementation (`hookimpl`, with the
    /// `plugin` field). Added by
    /// [`PluginManager::enable_tracing`](crate::PluginManager::enable_tracing).
    ///
    /// For a sync call, the entered spans are kept on a per-thread stack between
    /// the monitor's callbacks. A call that panics gets no `after_call`, so its
    /// spans stay on that thread's stack and later spans there nest under them.
    /// For an async call, each span instruments its future instead: it is entered
    /// whenever the future is polled, on whatever thread polls it.
    #[derive(Debug, Default, Clone, Copy)]
    pub struct TracingMonitor;

    impl Monitor for TracingMonitor {
        fn before_call(&self, call: &HookCall<'_>) {
            let span = tracing::debug_span!("hook", spec = call.spec, hook = call.hook).entered();
            ENTERED.with_borrow_mut(|entered| entered.push(span));
        }

        fn before_impl(&self, call: &HookCall<'_>, plugin: &str) {
            let span = tracing::debug_span!("hookimpl", hook = call.hook, plugin).entered();
            ENTERED.with_borrow_mut(|entered| entered.push(span));
        }

        fn after_impl(&self, _call: &HookCall<'_>, _plugin: &str) {
            ENTERED.with_borrow_mut(|entered| drop(entered.pop()));
        }

        fn after_call(&self, _call: &HookCall<'_>, outcome: Option<&dyn Debug>) {
            if let Some(outcome) = outcome {
                tracing::trace!(?outcome, "hook returned");
            }
            ENTERED.with_borrow_mut(|entered| drop(entered.pop()));
        }

        fn __follows_futures(&self) -> bool {
            true
        }
    }
}
