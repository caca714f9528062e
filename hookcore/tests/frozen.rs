//! `FrozenManager`: the same calls and answers as the manager it was frozen
//! from, and none of that manager's later changes.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use hookcore::{FrozenManager, HookCall, Monitor, PluginManager};

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
fn a_frozen_manager_answers_every_call_kind_as_its_manager_does() {
    let pm = manager();
    let frozen = pm.freeze();
    assert_eq!(frozen.hook().price("tea"), pm.hook().price("tea"));
    assert_eq!(frozen.hook().price("tea"), [5, 3]);
    // The wrapper runs too.
    assert_eq!(frozen.hook().stock("north"), Some(60));
    let (mut live, mut fixed) = (Vec::new(), Vec::new());
    pm.hook().audit(&mut live);
    frozen.hook().audit(&mut fixed);
    assert_eq!(fixed, ["south", "north"]);
    assert_eq!(live, fixed);
    // Stops at the first `Err`, in call order.
    assert_eq!(
        frozen.hook().validate("south"),
        Err("south refuses south".to_owned())
    );
    let tagged = frozen.tagged_hook().price("tea");
    let tags: Vec<(&str, u32)> = tagged.iter().map(|t| (&*t.plugin, t.value)).collect();
    assert_eq!(tags, [("south", 5), ("north", 3)]);
}

#[test]
fn a_frozen_manager_does_not_see_later_changes() {
    let pm = manager();
    let frozen = pm.freeze();
    pm.unregister("south").unwrap();
    pm.register("east", Store("east", 7)).unwrap();
    pm.set_blocked("north");
    assert_eq!(pm.hook().price("tea"), [7]);
    assert_eq!(frozen.hook().price("tea"), [5, 3]);
    let names: Vec<String> = frozen.plugins().into_iter().map(|p| p.name).collect();
    assert_eq!(names, ["north", "south", "doubler"]);
    assert!(frozen.is_registered("south") && !frozen.is_registered("east"));
    assert_eq!(frozen.hooks_of("doubler").unwrap(), ["stock"]);
    let stock: Vec<(String, bool)> = frozen
        .hookimpls("stock")
        .unwrap()
        .into_iter()
        .map(|i| (i.plugin, i.wrapper))
        .collect();
    assert_eq!(
        stock,
        [
            ("doubler".to_owned(), true),
            ("south".to_owned(), false),
            ("north".to_owned(), false)
        ]
    );
    assert!(frozen.require(["south", "north"]).is_ok());
    assert!(frozen.require(["east"]).is_err());
}

#[test]
fn a_plugin_unregistered_from_the_live_manager_lives_as_long_as_the_frozen_copy() {
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
    let pm = PluginManager::<dyn Shop>::new();
    pm.register("counted", Counted(Arc::clone(&drops))).unwrap();
    let frozen = pm.freeze();
    pm.unregister("counted").unwrap();
    assert_eq!(drops.load(Ordering::SeqCst), 0);
    assert_eq!(frozen.hook().price("x"), [1]);
    drop(frozen);
    assert_eq!(drops.load(Ordering::SeqCst), 1);
}

#[test]
fn a_historic_call_through_a_frozen_manager_reaches_its_plugins_now() {
    let pm = manager();
    let frozen = pm.freeze();
    let got = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&got);
    frozen
        .hook()
        .configure("eu".into(), move |line| sink.lock().unwrap().push(line));
    assert_eq!(*got.lock().unwrap(), ["south in eu", "north in eu"]);
    // The live manager recorded nothing: a plugin registered there later is
    // not replayed the frozen copy's call: the call was not the live manager's.
    let later = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&later);
    pm.register("west", Store("west", 1)).unwrap();
    pm.hook()
        .configure("us".into(), move |line| sink.lock().unwrap().push(line));
    assert_eq!(
        *later.lock().unwrap(),
        ["west in us", "south in us", "north in us"]
    );
}

#[test]
fn monitors_of_the_manager_see_the_frozen_copys_calls() {
    struct Count(Arc<AtomicUsize>);
    impl Monitor for Count {
        fn before_call(&self, _call: &HookCall<'_>) {
            self.0.fetch_add(1, Ordering::SeqCst);
        }
    }
    let calls = Arc::new(AtomicUsize::new(0));
    let pm = manager();
    pm.add_monitor(Count(Arc::clone(&calls)));
    let frozen = pm.freeze();
    let _ = frozen.hook().price("tea");
    let _ = frozen.hook().stock("tea");
    assert_eq!(calls.load(Ordering::SeqCst), 2);
}

#[hookcore::hookspec]
pub trait Global {
    fn names(&self) -> &'static str;
}

#[hookcore::hookimpl(Global, name = "linked")]
fn names() -> &'static str {
    "linked"
}

struct Late;

#[hookcore::hookimpl(runtime)]
impl Global for Late {
    fn names(&self) -> &'static str {
        "late"
    }
}

#[test]
fn the_global_frozen_manager_is_the_global_manager_at_its_first_use() {
    let live = PluginManager::<dyn Global>::global();
    live.register("early", Late).unwrap();
    let frozen = FrozenManager::<dyn Global>::global();
    assert!(std::ptr::eq(frozen, FrozenManager::<dyn Global>::global()));
    assert_eq!(frozen.hook().names(), ["late", "linked"]);
    live.unregister("early").unwrap();
    assert_eq!(frozen.hook().names(), ["late", "linked"]);
    assert_eq!(live.hook().names(), ["linked"]);
    assert!(format!("{frozen:?}").contains("\"early\""));
}
