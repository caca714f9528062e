//! Monitors see every call: the hook, each implementation that runs, the outcome.

use std::sync::{Arc, Mutex};

use hookcore::{HookCall, Monitor, PluginManager, hookimpl, hookspec};

#[hookspec]
pub trait Lookup {
    #[hookspec(firstresult)]
    fn find(&self, key: &str) -> Option<String>;
    fn all(&self) -> Vec<u8>;
    fn borrowed<'a>(&self, words: &'a [String]) -> Option<&'a str>;
    /// Its outcome type does not implement `Debug`.
    fn opaque(&self) -> Opaque;
}

pub struct Opaque;

struct Answer(&'static str, Option<&'static str>);

#[hookimpl(runtime)]
impl Lookup for Answer {
    fn find(&self, _key: &str) -> Option<String> {
        self.1.map(str::to_owned)
    }
    fn all(&self) -> Vec<u8> {
        vec![self.0.len() as u8]
    }
    fn borrowed<'a>(&self, words: &'a [String]) -> Option<&'a str> {
        words.first().map(String::as_str)
    }
    fn opaque(&self) -> Opaque {
        Opaque
    }
}

struct Around;

#[hookimpl(runtime)]
impl Lookup for Around {
    #[hookimpl(wrapper)]
    fn find(&self, key: &str, next: LookupFindNext<'_>) -> Option<String> {
        next.call(key).map(|found| format!("<{found}>"))
    }
}

#[derive(Default)]
struct Log(Mutex<Vec<String>>);

impl Monitor for Log {
    fn before_call(&self, call: &HookCall<'_>) {
        let plugins: Vec<&str> = call.plugins.iter().map(|p| &**p).collect();
        let wrappers: Vec<&str> = call.wrappers.iter().map(|p| &**p).collect();
        self.0.lock().unwrap().push(format!(
            "{}.{} wrappers={wrappers:?} plugins={plugins:?}",
            call.spec, call.hook
        ));
    }
    fn before_impl(&self, call: &HookCall<'_>, plugin: &str) {
        self.0
            .lock()
            .unwrap()
            .push(format!("  {} runs {plugin}", call.hook));
    }
    fn after_impl(&self, _call: &HookCall<'_>, plugin: &str) {
        self.0.lock().unwrap().push(format!("  {plugin} done"));
    }
    fn after_call(&self, call: &HookCall<'_>, outcome: Option<&dyn std::fmt::Debug>) {
        self.0
            .lock()
            .unwrap()
            .push(format!("{} -> {outcome:?}", call.hook));
    }
}

fn manager() -> PluginManager<dyn Lookup> {
    let pm = PluginManager::new();
    pm.register("late", Answer("late", Some("L"))).unwrap();
    pm.register("early", Answer("early", None)).unwrap();
    pm
}

fn take(log: &Log) -> Vec<String> {
    std::mem::take(&mut *log.0.lock().unwrap())
}

#[test]
fn a_monitor_sees_the_call_each_implementation_that_ran_and_the_outcome() {
    let pm = manager();
    pm.register("around", Around).unwrap();
    let log = Arc::new(Log::default());
    pm.add_monitor(Arc::clone(&log));
    assert_eq!(
        pm.hook().find("k").as_deref(),
        Some("<L>"),
        "monitoring changes no result"
    );
    assert_eq!(
        take(&log),
        [
            r#"Lookup.find wrappers=["around"] plugins=["early", "late"]"#,
            "  find runs early",
            "  early done",
            "  find runs late",
            "  late done",
            r#"find -> Some(Some("<L>"))"#,
        ]
    );
}

#[test]
fn outcomes_without_debug_and_hooks_with_lifetimes_are_monitored_too() {
    let pm = manager();
    let log = Arc::new(Log::default());
    pm.add_monitor(Arc::clone(&log));
    let _ = pm.hook().opaque();
    assert_eq!(take(&log).last().unwrap(), "opaque -> None");
    let words = vec!["w".to_owned()];
    assert_eq!(pm.hook().borrowed(&words), ["w", "w"]);
    assert_eq!(
        take(&log).last().unwrap(),
        r#"borrowed -> Some(["w", "w"])"#
    );
}

#[test]
fn removed_monitors_see_nothing_more() {
    let pm = manager();
    let log = Arc::new(Log::default());
    let id = pm.add_monitor(Arc::clone(&log));
    pm.hook().all();
    assert!(pm.remove_monitor(id));
    assert!(!pm.remove_monitor(id));
    take(&log);
    pm.hook().all();
    assert!(take(&log).is_empty());
}

#[test]
fn monitors_run_in_the_order_they_were_added() {
    let pm = manager();
    let shared = Arc::new(Log::default());
    struct Named(&'static str, Arc<Log>);
    impl Monitor for Named {
        fn before_call(&self, _call: &HookCall<'_>) {
            self.1.0.lock().unwrap().push(self.0.to_owned());
        }
    }
    pm.add_monitor(Named("first", Arc::clone(&shared)));
    pm.add_monitor(Named("second", Arc::clone(&shared)));
    pm.hook().all();
    assert_eq!(take(&shared), ["first", "second"]);
}
