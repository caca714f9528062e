//! `PluginManager::freeze`: calls read the table with a plain load, and every
//! change still works; what a change replaces is kept until the manager drops.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use hookcore::{HookCall, Monitor, PluginManager};

#[hookcore::hookspec]
pub trait Shop {
    fn price(&self, item: &str) -> Option<u32>;
    #[hookspec(firstresult)]
    fn stock(&self, item: &str) -> Option<u32>;
    fn audit(&self, log: &mut Vec<String>);
    fn validate(&self, item: &str) -> Result<(), String>;
    #[hookspec(historic)]
    fn configure(&self, region: String) -> String;
}

struct Store(&'static str, u32);

#[hookcore::hookimpl(runtime)]
impl Shop for Store {
    fn price(&self, item: &str) -> Option<u32> {
        (item == "tea").then_some(self.1)
    }

    fn stock(&self, item: &str) -> Option<u32> {
        (item == self.0).then_some(self.1 * 10)
    }

    fn audit(&self, log: &mut Vec<String>) {
        log.push(self.0.to_owned());
    }

    fn validate(&self, item: &str) -> Result<(), String> {
        if item == self.0 {
            Err(format!("{} refuses {item}", self.0))
        } else {
            Ok(())
        }
    }

    fn configure(&self, region: String) -> String {
        format!("{} in {region}", self.0)
    }
}

struct Doubler;

#[hookcore::hookimpl(runtime)]
impl Shop for Doubler {
    #[hookimpl(wrapper)]
    fn stock(&self, item: &str, next: ShopStockNext<'_>) -> Option<u32> {
        next.call(item).map(|n| n * 2)
    }
}

fn manager() -> PluginManager<dyn Shop> {
    let pm = PluginManager::<dyn Shop>::new();
    pm.register("north", Store("north", 3)).unwrap();
    pm.register("south", Store("south", 5)).unwrap();
    pm.register("doubler", Doubler).unwrap();
    pm
}

#[test]
fn a_frozen_manager_answers_every_call_kind_as_before() {
    let pm = manager();
    let before = (pm.hook().price("tea"), pm.hook().stock("north"));
    assert!(!pm.is_frozen());
    assert!(std::ptr::eq(pm.freeze(), &pm));
    assert!(pm.is_frozen());
    assert_eq!((pm.hook().price("tea"), pm.hook().stock("north")), before);
    assert_eq!(pm.hook().price("tea"), [5, 3]);
    // The wrapper runs too.
    assert_eq!(pm.hook().stock("north"), Some(60));
    let mut log = Vec::new();
    pm.hook().audit(&mut log);
    assert_eq!(log, ["south", "north"]);
    // Stops at the first `Err`, in call order.
    assert_eq!(
        pm.hook().validate("south"),
        Err("south refuses south".to_owned())
    );
    let tagged = pm.tagged_hook().price("tea");
    let tags: Vec<(&str, u32)> = tagged.iter().map(|t| (&*t.plugin, t.value)).collect();
    assert_eq!(tags, [("south", 5), ("north", 3)]);
    assert_eq!(pm.kept_tables(), 1);
}

#[test]
fn changes_after_freezing_are_called_and_keep_the_tables_they_replace() {
    let pm = manager();
    pm.freeze();
    pm.unregister("south").unwrap();
    pm.register("east", Store("east", 7)).unwrap();
    pm.set_blocked("north");
    assert_eq!(pm.hook().price("tea"), [7]);
    assert_eq!(pm.kept_tables(), 4);
    // Freezing again changes nothing.
    pm.freeze();
    assert_eq!(pm.kept_tables(), 4);
    // A caller made before a change still calls what it started with.
    let kept = pm.hook();
    pm.register("west", Store("west", 1)).unwrap();
    assert_eq!(kept.price("tea"), [7]);
    assert_eq!(pm.hook().price("tea"), [1, 7]);
    // A failed change publishes nothing.
    assert!(pm.register("west", Store("west", 2)).is_err());
    assert_eq!(pm.kept_tables(), 5);
}

#[test]
fn a_plugin_unregistered_after_freezing_is_dropped_with_the_manager() {
    struct Counted(Arc<AtomicUsize>);
    impl Drop for Counted {
        fn drop(&mut self) {
            self.0.fetch_add(1, Ordering::SeqCst);
        }
    }
    #[hookcore::hookimpl(runtime)]
    impl Shop for Counted {
        fn price(&self, _item: &str) -> Option<u32> {
            Some(1)
        }
    }
    let drops = Arc::new(AtomicUsize::new(0));
    let live = PluginManager::<dyn Shop>::new();
    live.register("counted", Counted(Arc::clone(&drops)))
        .unwrap();
    live.unregister("counted").unwrap();
    assert_eq!(
        drops.load(Ordering::SeqCst),
        1,
        "a live manager drops it at once"
    );

    let pm = PluginManager::<dyn Shop>::new();
    pm.register("counted", Counted(Arc::clone(&drops))).unwrap();
    pm.freeze();
    pm.unregister("counted").unwrap();
    assert!(pm.hook().price("x").is_empty());
    assert_eq!(
        drops.load(Ordering::SeqCst),
        1,
        "kept with the table it was in"
    );
    drop(pm);
    assert_eq!(drops.load(Ordering::SeqCst), 2);
}

#[test]
fn historic_calls_on_a_frozen_manager_reach_later_plugins() {
    let pm = manager();
    pm.freeze();
    let got = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&got);
    pm.hook()
        .configure("eu".into(), move |line| sink.lock().unwrap().push(line));
    pm.register("west", Store("west", 1)).unwrap();
    assert_eq!(
        *got.lock().unwrap(),
        ["south in eu", "north in eu", "west in eu"]
    );
}

#[test]
fn monitors_added_after_freezing_see_calls() {
    struct Count(Arc<AtomicUsize>);
    impl Monitor for Count {
        fn before_call(&self, _call: &HookCall<'_>) {
            self.0.fetch_add(1, Ordering::SeqCst);
        }
    }
    let calls = Arc::new(AtomicUsize::new(0));
    let pm = manager();
    pm.freeze();
    let id = pm.add_monitor(Count(Arc::clone(&calls)));
    let _ = pm.hook().price("tea");
    let _ = pm.hook().stock("tea");
    assert!(pm.remove_monitor(id));
    let _ = pm.hook().price("tea");
    assert_eq!(calls.load(Ordering::SeqCst), 2);
}

#[test]
fn threads_call_a_frozen_manager_through_changes() {
    let pm = Arc::new(manager());
    pm.freeze();
    let callers: Vec<_> = (0..2)
        .map(|_| {
            let pm = Arc::clone(&pm);
            std::thread::spawn(move || {
                for _ in 0..20_000 {
                    // Every call sees a whole table: north and south, with or
                    // without the extra plugin.
                    let prices = pm.hook().price("tea");
                    assert!(prices == [5, 3] || prices == [9, 5, 3], "{prices:?}");
                }
            })
        })
        .collect();
    for _ in 0..200 {
        pm.register("extra", Store("extra", 9)).unwrap();
        pm.unregister("extra").unwrap();
    }
    for caller in callers {
        caller.join().unwrap();
    }
    assert_eq!(pm.kept_tables(), 401);
}

#[hookcore::hookspec]
pub trait Global {
    fn names(&self) -> &'static str;
}

#[hookcore::hookimpl(Global, name = "linked")]
fn names() -> &'static str {
    "linked"
}

#[test]
fn start_up_can_end_with_freezing_the_global_manager() {
    let pm = PluginManager::<dyn Global>::global().freeze();
    assert!(PluginManager::<dyn Global>::global().is_frozen());
    assert_eq!(pm.hook().names(), ["linked"]);
}

#[test]
fn shutdown_of_a_frozen_manager_ends_its_calls() {
    let pm = manager();
    pm.freeze();
    let ended: Vec<String> = pm.shutdown().into_iter().map(|p| p.name).collect();
    assert_eq!(ended, ["north", "south", "doubler"]);
    assert!(pm.hook().price("tea").is_empty());
    assert_eq!(pm.hook().stock("north"), None);
}
