//! A panicking implementation propagates to the caller and leaves the manager
//! fully usable: no poisoned lock, no half-changed table.

use std::panic::{AssertUnwindSafe, catch_unwind};

use hookcore::{PluginManager, hookimpl, hookspec};

#[hookspec]
pub trait Risky {
    fn go(&self, input: u32) -> u32;
}

struct Fine;

#[hookimpl(runtime)]
impl Risky for Fine {
    fn go(&self, input: u32) -> u32 {
        input
    }
}

struct Explodes;

#[hookimpl(runtime)]
impl Risky for Explodes {
    fn go(&self, input: u32) -> u32 {
        assert!(input != 13, "unlucky input");
        input + 1
    }
}

/// Panics when dropped: its `Drop` must not run under the manager's lock.
struct ExplodesOnDrop;

#[hookimpl(runtime)]
impl Risky for ExplodesOnDrop {}

impl Drop for ExplodesOnDrop {
    fn drop(&mut self) {
        panic!("drop panicked");
    }
}

#[test]
fn a_panic_propagates_and_the_manager_keeps_working() {
    let pm = PluginManager::<dyn Risky>::new();
    pm.register("fine", Fine).unwrap();
    pm.register("explodes", Explodes).unwrap();
    let before = pm.plugins();

    let caught = catch_unwind(AssertUnwindSafe(|| pm.hook().go(13)));
    let message = caught.unwrap_err();
    assert_eq!(message.downcast_ref::<&str>(), Some(&"unlucky input"));

    assert_eq!(pm.plugins(), before);
    assert_eq!(pm.hook().go(1), [2, 1]);
    pm.unregister("explodes").unwrap();
    pm.register("again", Explodes).unwrap();
    assert_eq!(pm.hook().go(1), [2, 1]);
}

#[test]
fn a_panicking_drop_on_unregister_leaves_the_manager_usable() {
    let pm = PluginManager::<dyn Risky>::new();
    pm.register("fine", Fine).unwrap();
    pm.register("bomb", ExplodesOnDrop).unwrap();
    let caught = catch_unwind(AssertUnwindSafe(|| pm.unregister("bomb")));
    assert!(caught.is_err(), "the plugin's Drop panicked");
    assert!(
        !pm.is_registered("bomb"),
        "the unregistration itself completed"
    );
    pm.register("later", Explodes).unwrap();
    assert_eq!(pm.hook().go(1), [2, 1]);
}

/// Looks at the global manager when dropped: if its `Drop` ran under the
/// manager's lock, that would deadlock.
struct ReadsManagerOnDrop;

#[hookimpl(runtime)]
impl Risky for ReadsManagerOnDrop {}

impl Drop for ReadsManagerOnDrop {
    fn drop(&mut self) {
        let _ = PluginManager::<dyn Risky>::global().plugins();
    }
}

#[test]
fn no_plugin_is_dropped_under_the_lock() {
    let (done, finished) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let pm = PluginManager::<dyn Risky>::global();
        pm.register("reader", ReadsManagerOnDrop).unwrap();
        // Refused: the new object is dropped.
        assert!(pm.register("reader", ReadsManagerOnDrop).is_err());
        // Blocked and unregistered: the registered object is dropped.
        pm.set_blocked("reader");
        pm.unblock("reader");
        pm.register("reader", ReadsManagerOnDrop).unwrap();
        pm.unregister("reader").unwrap();
        done.send(()).unwrap();
    });
    let outcome = finished.recv_timeout(std::time::Duration::from_secs(20));
    assert!(
        outcome.is_ok(),
        "a plugin's Drop ran under the manager's lock and deadlocked"
    );
}

struct ExplodingWrapper;

#[hookimpl(runtime)]
impl Risky for ExplodingWrapper {
    #[hookimpl(wrapper)]
    fn go(&self, input: u32, next: RiskyGoNext<'_>) -> Vec<u32> {
        let outcome = next.call(input);
        assert!(outcome.len() < 2, "wrapper saw too much");
        outcome
    }
}

#[test]
fn a_panicking_wrapper_propagates_and_the_manager_keeps_working() {
    let pm = PluginManager::<dyn Risky>::new();
    pm.register("fine", Fine).unwrap();
    pm.register("wrapper", ExplodingWrapper).unwrap();
    assert_eq!(pm.hook().go(1), [1]);
    pm.register("explodes", Explodes).unwrap();
    let caught = catch_unwind(AssertUnwindSafe(|| pm.hook().go(1)));
    assert_eq!(
        caught.unwrap_err().downcast_ref::<&str>(),
        Some(&"wrapper saw too much")
    );
    pm.unregister("wrapper").unwrap();
    assert_eq!(pm.hook().go(1), [2, 1]);
}

struct PanickingMonitor;

impl hookcore::Monitor for PanickingMonitor {
    fn before_impl(&self, _call: &hookcore::HookCall<'_>, plugin: &str) {
        assert_ne!(plugin, "explodes", "monitor refuses");
    }
}

#[test]
fn a_panicking_monitor_propagates_and_the_manager_keeps_working() {
    let pm = PluginManager::<dyn Risky>::new();
    pm.register("fine", Fine).unwrap();
    let id = pm.add_monitor(PanickingMonitor);
    assert_eq!(pm.hook().go(1), [1]);
    pm.register("explodes", Explodes).unwrap();
    let caught = catch_unwind(AssertUnwindSafe(|| pm.hook().go(1)));
    assert!(caught.is_err());
    assert!(pm.remove_monitor(id));
    assert_eq!(pm.hook().go(1), [2, 1]);
}
