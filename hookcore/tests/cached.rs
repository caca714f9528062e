//! `CachedCaller`: kept across calls, it sees every change to the manager, and it
//! calls the implementations the way `pm.hook()` does.

use std::sync::{Arc, Mutex};
use std::thread;

use hookcore::{HookCall, Monitor, PluginManager, hookimpl, hookspec};

#[hookspec]
pub trait Greet {
    fn greet(&self) -> String;
    #[hookspec(firstresult)]
    fn first(&self) -> Option<u32>;
}

struct Named(&'static str, u32);

#[hookimpl(runtime)]
impl Greet for Named {
    fn greet(&self) -> String {
        self.0.to_owned()
    }
    fn first(&self) -> Option<u32> {
        Some(self.1)
    }
}

struct Shout;

#[hookimpl(runtime)]
impl Greet for Shout {
    #[hookimpl(wrapper)]
    fn greet(&self, next: GreetGreetNext<'_>) -> Vec<String> {
        next.call().into_iter().map(|s| s.to_uppercase()).collect()
    }
}

#[test]
fn sees_registrations_and_unregistrations_made_after_it() {
    let pm = PluginManager::<dyn Greet>::new();
    let mut cached = pm.cached_caller();
    assert!(cached.hook().greet().is_empty());
    pm.register("a", Named("a", 1)).unwrap();
    pm.register("b", Named("b", 2)).unwrap();
    assert_eq!(cached.hook().greet(), ["b", "a"]);
    assert_eq!(cached.hook().first(), Some(2));
    pm.unregister("b").unwrap();
    assert_eq!(cached.hook().greet(), ["a"]);
    pm.set_blocked("a");
    assert!(cached.hook().greet().is_empty());
}

#[test]
fn runs_wrappers_added_after_it() {
    let pm = PluginManager::<dyn Greet>::new();
    pm.register("a", Named("a", 1)).unwrap();
    let mut cached = pm.cached_caller();
    assert_eq!(cached.hook().greet(), ["a"]);
    pm.register("shout", Shout).unwrap();
    assert_eq!(cached.hook().greet(), ["A"]);
    assert_eq!(cached.hook().greet(), pm.hook().greet());
}

#[derive(Default)]
struct Seen(Mutex<Vec<String>>);

impl Monitor for Seen {
    fn before_impl(&self, call: &HookCall<'_>, plugin: &str) {
        self.0
            .lock()
            .unwrap()
            .push(format!("{} {plugin}", call.hook));
    }
}

#[test]
fn reports_to_monitors_added_after_it_and_stops_when_removed() {
    let pm = PluginManager::<dyn Greet>::new();
    pm.register("a", Named("a", 1)).unwrap();
    let mut cached = pm.cached_caller();
    cached.hook().greet();
    let seen = Arc::new(Seen::default());
    let id = pm.add_monitor(Arc::clone(&seen));
    cached.hook().greet();
    assert!(pm.remove_monitor(id));
    cached.hook().greet();
    assert_eq!(*seen.0.lock().unwrap(), ["greet a"]);
}

#[test]
fn one_per_thread_sees_the_same_plugins() {
    let pm = PluginManager::<dyn Greet>::new();
    pm.register("a", Named("a", 1)).unwrap();
    let totals: Vec<u32> = thread::scope(|scope| {
        let workers: Vec<_> = (0..2)
            .map(|_| {
                scope.spawn(|| {
                    let mut cached = pm.cached_caller();
                    (0..1_000).map(|_| cached.hook().first().unwrap()).sum()
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().unwrap()).collect()
    });
    assert_eq!(totals, [1_000, 1_000]);
}
