//! `PluginManager::register_all`: a batch of run-time plugins of any types, in
//! one update: the same outcome as registering them one by one, or nothing at all.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use hookcore::{Error, PluginManager, Registration, hookimpl, hookspec};

#[hookspec]
pub trait Inventory {
    /// Which plugin answered.
    fn who(&self) -> String;
    /// Remembered and replayed to plugins registered later.
    #[hookspec(historic)]
    fn started(&self, at: u64);
}

/// Counts how often it is dropped and records the historic calls it gets.
struct Shelf {
    name: &'static str,
    drops: Arc<AtomicUsize>,
    started: Mutex<Vec<u64>>,
}

#[hookimpl(runtime)]
impl Inventory for Shelf {
    fn who(&self) -> String {
        self.name.to_owned()
    }
    fn started(&self, at: u64) {
        self.started.lock().unwrap().push(at);
    }
}

impl Drop for Shelf {
    fn drop(&mut self) {
        self.drops.fetch_add(1, Ordering::SeqCst);
    }
}

/// Another plugin type, in the same batch.
struct Bin;

#[hookimpl(runtime)]
impl Inventory for Bin {
    #[hookimpl(tryfirst)]
    fn who(&self) -> String {
        "bin".to_owned()
    }
}

fn shelf(name: &'static str, drops: &Arc<AtomicUsize>) -> Shelf {
    Shelf {
        name,
        drops: Arc::clone(drops),
        started: Mutex::new(Vec::new()),
    }
}

/// The call order of `who`, by plugin name.
fn order(pm: &PluginManager<dyn Inventory>) -> Vec<String> {
    pm.hookimpls("who")
        .unwrap()
        .into_iter()
        .map(|imp| imp.plugin)
        .collect()
}

#[test]
fn a_batch_gives_the_same_table_as_registering_one_by_one() {
    let drops = Arc::new(AtomicUsize::new(0));
    let one_by_one = PluginManager::<dyn Inventory>::new();
    one_by_one.register("a", shelf("a", &drops)).unwrap();
    one_by_one.register("bin", Bin).unwrap();
    one_by_one.register("b", shelf("b", &drops)).unwrap();

    let batched = PluginManager::<dyn Inventory>::new();
    batched
        .register_all([
            Registration::new("a", shelf("a", &drops)),
            Registration::new("bin", Bin),
            Registration::new("b", shelf("b", &drops)),
        ])
        .unwrap();

    assert_eq!(
        order(&batched),
        ["bin", "b", "a"],
        "tryfirst, then most recent first"
    );
    assert_eq!(order(&batched), order(&one_by_one));
    assert_eq!(batched.hook().who(), one_by_one.hook().who());
    let names = |pm: &PluginManager<dyn Inventory>| -> Vec<String> {
        pm.plugins().into_iter().map(|info| info.name).collect()
    };
    assert_eq!(names(&batched), ["a", "bin", "b"]);
    assert_eq!(names(&batched), names(&one_by_one));
}

#[test]
fn a_batch_with_a_taken_name_registers_nothing_and_drops_only_its_own_plugins() {
    let drops = Arc::new(AtomicUsize::new(0));
    let pm = PluginManager::<dyn Inventory>::new();
    pm.register("taken", shelf("taken", &drops)).unwrap();
    let before = (order(&pm), pm.hook().who());

    let outcome = pm.register_all([
        Registration::new("fresh", shelf("fresh", &drops)),
        Registration::new("taken", shelf("taken again", &drops)),
        Registration::new("later", shelf("later", &drops)),
    ]);

    assert!(
        matches!(&outcome, Err(Error::AlreadyRegistered { name }) if name == "taken"),
        "{outcome:?}"
    );
    assert_eq!((order(&pm), pm.hook().who()), before);
    assert!(!pm.is_registered("fresh") && !pm.is_registered("later"));
    assert_eq!(drops.load(Ordering::SeqCst), 3, "the batch's three plugins");
}

#[test]
fn a_name_twice_in_one_batch_is_an_error() {
    let drops = Arc::new(AtomicUsize::new(0));
    let pm = PluginManager::<dyn Inventory>::new();
    let outcome = pm.register_all([
        Registration::new("twin", shelf("first", &drops)),
        Registration::new("twin", shelf("second", &drops)),
    ]);
    assert!(
        matches!(&outcome, Err(Error::AlreadyRegistered { name }) if name == "twin"),
        "{outcome:?}"
    );
    assert!(pm.plugins().is_empty());
}

#[test]
fn one_object_twice_in_one_batch_is_an_error() {
    let drops = Arc::new(AtomicUsize::new(0));
    let pm = PluginManager::<dyn Inventory>::new();
    let shared = Arc::new(shelf("shared", &drops));
    let outcome = pm.register_all([
        Registration::from_arc("one", Arc::clone(&shared)),
        Registration::from_arc("two", Arc::clone(&shared)),
    ]);
    assert!(
        matches!(&outcome, Err(Error::ObjectAlreadyRegistered { existing }) if existing == "one"),
        "{outcome:?}"
    );
    assert!(pm.plugins().is_empty());
    assert_eq!(Arc::strong_count(&shared), 1, "the manager kept no handle");
}

#[test]
fn a_blocked_name_in_a_batch_is_an_error() {
    let drops = Arc::new(AtomicUsize::new(0));
    let pm = PluginManager::<dyn Inventory>::new();
    pm.set_blocked("banned");
    let outcome = pm.register_all([
        Registration::new("ok", shelf("ok", &drops)),
        Registration::new("banned", shelf("banned", &drops)),
    ]);
    assert!(
        matches!(&outcome, Err(Error::Blocked { .. })),
        "{outcome:?}"
    );
    assert!(!pm.is_registered("ok"));
}

#[test]
fn an_empty_batch_changes_nothing() {
    let drops = Arc::new(AtomicUsize::new(0));
    let pm = PluginManager::<dyn Inventory>::new();
    pm.register("a", shelf("a", &drops)).unwrap();
    pm.register("bin", Bin).unwrap();
    let before = (order(&pm), pm.plugins(), pm.hook().who());
    pm.register_all(std::iter::empty()).unwrap();
    assert_eq!((order(&pm), pm.plugins(), pm.hook().who()), before);
}

/// Runs after the plugin `later` and before the plugin `earlier`.
struct Between;

#[hookimpl(runtime)]
impl Inventory for Between {
    #[hookimpl(after = "later", before = "earlier")]
    fn who(&self) -> String {
        "between".to_owned()
    }
}

/// Runs after the plugin `earlier` and before the plugin `later`.
struct Around;

#[hookimpl(runtime)]
impl Inventory for Around {
    #[hookimpl(after = "earlier", before = "later")]
    fn who(&self) -> String {
        "around".to_owned()
    }
}

#[test]
fn a_batch_whose_order_constraints_form_a_cycle_registers_nothing() {
    let drops = Arc::new(AtomicUsize::new(0));
    let pm = PluginManager::<dyn Inventory>::new();
    pm.register("earlier", shelf("earlier", &drops)).unwrap();
    let before = (order(&pm), pm.plugins());
    // Each alone is fine; together with `later`, they form a cycle only once
    // the whole batch is in: the error comes when the batch's table is built.
    let outcome = pm.register_all([
        Registration::new("between", Between),
        Registration::new("around", Around),
        Registration::new("later", shelf("later", &drops)),
    ]);
    assert!(
        matches!(&outcome, Err(Error::OrderCycle { hook: "who", .. })),
        "{outcome:?}"
    );
    assert_eq!((order(&pm), pm.plugins()), before);
    assert_eq!(drops.load(Ordering::SeqCst), 1, "the batch's `later` only");
}

#[test]
fn every_plugin_of_a_batch_gets_earlier_historic_calls_once() {
    let drops = Arc::new(AtomicUsize::new(0));
    let pm = PluginManager::<dyn Inventory>::new();
    pm.hook().started(1);
    pm.hook().started(2);
    let first = Arc::new(shelf("first", &drops));
    let second = Arc::new(shelf("second", &drops));
    pm.register_all([
        Registration::from_arc("first", Arc::clone(&first)),
        Registration::new("bin", Bin),
        Registration::from_arc("second", Arc::clone(&second)),
    ])
    .unwrap();
    assert_eq!(*first.started.lock().unwrap(), [1, 2]);
    assert_eq!(*second.started.lock().unwrap(), [1, 2]);
    pm.hook().started(3);
    assert_eq!(*first.started.lock().unwrap(), [1, 2, 3]);
    assert_eq!(*second.started.lock().unwrap(), [1, 2, 3]);
}

/// Panics on its historic call.
struct Fuse;

#[hookimpl(runtime)]
impl Inventory for Fuse {
    fn who(&self) -> String {
        "fuse".to_owned()
    }
    fn started(&self, _at: u64) {
        panic!("the fuse blew");
    }
}

#[test]
fn a_panicking_replay_ends_a_batch_as_one_by_one_would() {
    let drops = Arc::new(AtomicUsize::new(0));
    let pm = PluginManager::<dyn Inventory>::new();
    pm.hook().started(1);
    let first = Arc::new(shelf("first", &drops));
    let last = Arc::new(shelf("last", &drops));
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        pm.register_all([
            Registration::from_arc("first", Arc::clone(&first)),
            Registration::new("fuse", Fuse),
            Registration::from_arc("last", Arc::clone(&last)),
        ])
    }));
    assert!(outcome.is_err(), "the replay's panic propagates");
    // One by one: `first` registered and configured, `fuse` registered (its
    // registration ran), `last` never registered.
    assert_eq!(*first.started.lock().unwrap(), [1]);
    assert!(last.started.lock().unwrap().is_empty());
    assert!(pm.is_registered("first") && pm.is_registered("fuse"));
    assert!(!pm.is_registered("last"));
    assert_eq!(pm.hook().who(), ["fuse", "first"]);
    assert_eq!(
        Arc::strong_count(&last),
        1,
        "the manager kept no handle on `last`"
    );
    pm.unregister("fuse").unwrap();
    pm.hook().started(2);
    assert_eq!(*first.started.lock().unwrap(), [1, 2]);
}

/// Looks at the global manager when dropped: if its `Drop` ran under the
/// manager's lock, that would deadlock.
struct ReadsManagerOnDrop;

#[hookimpl(runtime)]
impl Inventory for ReadsManagerOnDrop {}

impl Drop for ReadsManagerOnDrop {
    fn drop(&mut self) {
        let _ = PluginManager::<dyn Inventory>::global().plugins();
    }
}

#[test]
fn a_refused_batch_is_dropped_outside_the_lock() {
    let (done, finished) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let pm = PluginManager::<dyn Inventory>::global();
        let outcome = pm.register_all([
            Registration::new("reader", ReadsManagerOnDrop),
            Registration::new("reader", ReadsManagerOnDrop),
        ]);
        assert!(outcome.is_err());
        done.send(()).unwrap();
    });
    let outcome = finished.recv_timeout(std::time::Duration::from_secs(20));
    assert!(
        outcome.is_ok(),
        "a plugin's Drop ran under the manager's lock and deadlocked"
    );
}

#[test]
fn a_registration_says_what_it_holds() {
    let registration = Registration::<dyn Inventory>::new("bin", Bin);
    assert_eq!(registration.name(), "bin");
    let shown = format!("{registration:?}");
    assert!(
        shown.contains("Inventory") && shown.contains("\"bin\""),
        "{shown}"
    );
}
