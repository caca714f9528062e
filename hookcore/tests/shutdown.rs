//! `pm.shutdown()`: every plugin unregistered, linked ones too; run-time ones
//! dropped outside the lock, the most recent first; historic calls forgotten.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use hookcore::{Origin, PluginManager, hookimpl, hookspec};

#[hookspec]
pub trait Service {
    fn name(&self) -> &'static str;
    /// Flush what the plugin holds; the host calls it first, at exit.
    fn shutdown(&self);
    #[hookspec(historic)]
    fn configure(&self, profile: String);
}

mod builtin {
    #[hookcore::hookimpl(super::Service, name = "builtin")]
    fn name() -> &'static str {
        "builtin"
    }
}

/// What the plugins did, in order.
static LOG: Mutex<Vec<String>> = Mutex::new(Vec::new());

fn log(line: String) {
    LOG.lock().unwrap().push(line);
}

/// The lines logged by the plugins whose names start with `prefix` (tests run
/// at once and share the log).
fn logged(prefix: &str) -> Vec<String> {
    LOG.lock()
        .unwrap()
        .iter()
        .filter(|line| line.starts_with(prefix))
        .cloned()
        .collect()
}

/// A run-time plugin holding a resource; its `Drop` releases it and looks at
/// the process-wide manager, which deadlocks if it runs under the manager's lock.
struct Connection(&'static str);

#[hookimpl(runtime)]
impl Service for Connection {
    fn name(&self) -> &'static str {
        self.0
    }

    fn shutdown(&self) {
        log(format!("{}: flushed", self.0));
    }

    fn configure(&self, profile: String) {
        log(format!("{}: configured for {profile}", self.0));
    }
}

impl Drop for Connection {
    fn drop(&mut self) {
        let pm = PluginManager::<dyn Service>::global();
        let left = pm.plugins().len();
        log(format!("{}: released, {left} plugins left", self.0));
    }
}

#[test]
fn every_plugin_ends_the_most_recent_first_and_later_calls_reach_nothing() {
    let pm = PluginManager::<dyn Service>::global();
    pm.register("main-db", Connection("main-db")).unwrap();
    pm.register("main-cache", Connection("main-cache")).unwrap();
    assert_eq!(pm.hook().name(), ["main-cache", "main-db", "builtin"]);

    pm.hook().shutdown();
    let ended: Vec<(String, Origin)> = pm
        .shutdown()
        .into_iter()
        .map(|plugin| (plugin.name, plugin.origin))
        .collect();
    assert_eq!(
        ended,
        [
            ("main-db".to_owned(), Origin::Registered),
            ("main-cache".to_owned(), Origin::Registered),
            ("builtin".to_owned(), Origin::Linked),
        ]
    );
    assert_eq!(
        logged("main-"),
        [
            "main-cache: flushed",
            "main-db: flushed",
            "main-cache: released, 0 plugins left",
            "main-db: released, 0 plugins left",
        ]
    );
    assert!(pm.plugins().is_empty());
    assert!(pm.hook().name().is_empty());
    assert!(!pm.is_registered("builtin"));
    assert_eq!(pm.shutdown(), [], "a second shutdown has nothing to end");
}

#[test]
fn historic_calls_are_forgotten() {
    let pm = PluginManager::<dyn Service>::new();
    pm.hook().configure("prod".into());
    pm.hook().configure("test".into());
    pm.register("hist-a", Connection("hist-a")).unwrap();
    assert_eq!(
        logged("hist-a: configured"),
        ["hist-a: configured for prod", "hist-a: configured for test"]
    );
    assert_eq!(pm.report().hooks()[2].recorded_calls, 2);
    pm.shutdown();
    assert_eq!(pm.report().hooks()[2].recorded_calls, 0);
    pm.register("hist-b", Connection("hist-b")).unwrap();
    assert_eq!(logged("hist-b: configured"), Vec::<String>::new());
}

#[hookspec]
pub trait Recorder {
    #[hookspec(historic)]
    fn record(&self, line: String) -> usize;
}

struct Counter;

#[hookimpl(runtime)]
impl Recorder for Counter {
    fn record(&self, line: String) -> usize {
        line.len()
    }
}

#[test]
fn a_historic_callback_is_dropped_with_the_history() {
    let pm = PluginManager::<dyn Recorder>::new();
    let results = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&results);
    pm.hook()
        .record("abc".into(), move |len| sink.lock().unwrap().push(len));
    pm.register("counter", Counter).unwrap();
    assert_eq!(*results.lock().unwrap(), [3]);
    assert_eq!(
        Arc::strong_count(&results),
        2,
        "the history holds the callback"
    );
    pm.shutdown();
    assert_eq!(Arc::strong_count(&results), 1, "dropped with the history");
}

static SHARED_DROPS: AtomicUsize = AtomicUsize::new(0);

struct Shared;

#[hookimpl(runtime)]
impl Service for Shared {
    fn name(&self) -> &'static str {
        "shared"
    }
}

impl Drop for Shared {
    fn drop(&mut self) {
        SHARED_DROPS.fetch_add(1, Ordering::SeqCst);
    }
}

#[test]
fn a_plugin_held_elsewhere_lives_until_its_last_holder_lets_go() {
    let pm = PluginManager::<dyn Service>::new();
    let shared = Arc::new(Shared);
    pm.register_arc("shared", Arc::clone(&shared)).unwrap();
    let caller = pm.hook();
    assert_eq!(pm.shutdown().len(), 1);
    // The caller made before still has the old table, and with it the plugin.
    assert_eq!(caller.name(), ["shared"]);
    assert!(pm.hook().name().is_empty());
    drop(caller);
    assert_eq!(
        SHARED_DROPS.load(Ordering::SeqCst),
        0,
        "`shared` still holds it"
    );
    drop(shared);
    assert_eq!(SHARED_DROPS.load(Ordering::SeqCst), 1);
}

#[test]
fn blocked_names_stay_and_linked_plugins_can_come_back() {
    let pm = PluginManager::<dyn Service>::linked().unwrap();
    pm.set_blocked("legacy");
    assert_eq!(pm.shutdown().len(), 1);
    assert!(pm.is_blocked("legacy"));
    assert_eq!(pm.load_linked().unwrap(), 1);
    assert_eq!(pm.hook().name(), ["builtin"]);
}
