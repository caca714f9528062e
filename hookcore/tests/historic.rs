//! `#[hookspec(historic)]`: a call is remembered and replayed to every plugin
//! registered later; results go to a callback.

use std::sync::{Arc, Mutex};

use hookcore::{PluginManager, hookimpl, hookspec};

#[hookspec]
pub trait Config {
    /// Every plugin configures itself from the settings; the answer is a summary.
    #[hookspec(historic)]
    fn configure(&self, settings: Vec<(String, String)>, profile: String) -> Option<String>;
    /// A historic hook without result.
    #[hookspec(historic)]
    fn started(&self, at: u64);
    /// Not historic.
    fn plain(&self) -> u32;
}

/// Records what it was configured with.
#[derive(Default)]
struct Recorder {
    name: &'static str,
    seen: Mutex<Vec<String>>,
}

#[hookimpl(runtime)]
impl Config for Recorder {
    fn configure(&self, settings: Vec<(String, String)>, profile: String) -> Option<String> {
        self.seen
            .lock()
            .unwrap()
            .push(format!("{profile}:{}", settings.len()));
        (self.name != "quiet").then(|| format!("{} configured", self.name))
    }
    fn started(&self, at: u64) {
        self.seen.lock().unwrap().push(format!("started at {at}"));
    }
}

fn recorder(name: &'static str) -> Arc<Recorder> {
    Arc::new(Recorder {
        name,
        ..Recorder::default()
    })
}

fn settings() -> Vec<(String, String)> {
    vec![("region".into(), "eu".into())]
}

#[test]
fn a_historic_call_reaches_current_and_later_plugins_once_each() {
    let pm = PluginManager::<dyn Config>::new();
    let early = recorder("early");
    pm.register_arc("early", Arc::clone(&early)).unwrap();

    let results = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&results);
    pm.hook()
        .configure(settings(), "prod".into(), move |summary| {
            sink.lock().unwrap().push(summary)
        });
    pm.hook().started(7);
    assert_eq!(*results.lock().unwrap(), ["early configured"]);
    assert_eq!(*early.seen.lock().unwrap(), ["prod:1", "started at 7"]);

    let late = recorder("late");
    pm.register_arc("late", Arc::clone(&late)).unwrap();
    assert_eq!(
        *late.seen.lock().unwrap(),
        ["prod:1", "started at 7"],
        "replayed in call order"
    );
    assert_eq!(
        *results.lock().unwrap(),
        ["early configured", "late configured"]
    );
    assert_eq!(
        early.seen.lock().unwrap().len(),
        2,
        "earlier plugins are not called again"
    );
}

#[test]
fn none_results_do_not_reach_the_callback() {
    let pm = PluginManager::<dyn Config>::new();
    pm.register_arc("quiet", recorder("quiet")).unwrap();
    let results = Arc::new(Mutex::new(Vec::<String>::new()));
    let sink = Arc::clone(&results);
    pm.hook()
        .configure(settings(), "dev".into(), move |summary| {
            sink.lock().unwrap().push(summary)
        });
    pm.register_arc("loud", recorder("loud")).unwrap();
    assert_eq!(*results.lock().unwrap(), ["loud configured"]);
}

#[test]
fn a_plugin_registered_again_gets_the_calls_again() {
    let pm = PluginManager::<dyn Config>::new();
    pm.hook().started(1);
    let plugin = recorder("p");
    pm.register_arc("p", Arc::clone(&plugin)).unwrap();
    pm.unregister("p").unwrap();
    pm.register_arc("p", Arc::clone(&plugin)).unwrap();
    assert_eq!(
        *plugin.seen.lock().unwrap(),
        ["started at 1", "started at 1"]
    );
}

#[test]
fn a_refused_registration_replays_nothing() {
    let pm = PluginManager::<dyn Config>::new();
    pm.register_arc("p", recorder("p")).unwrap();
    pm.hook().started(1);
    let refused = recorder("p");
    assert!(pm.register_arc("p", Arc::clone(&refused)).is_err());
    assert!(refused.seen.lock().unwrap().is_empty());
}

mod linked {
    use std::sync::Mutex;

    pub static SEEN: Mutex<Vec<u64>> = Mutex::new(Vec::new());

    #[hookcore::hookimpl(super::Config)]
    fn started(at: u64) {
        SEEN.lock().unwrap().push(at);
    }
}

#[test]
fn linked_plugins_loaded_later_get_the_calls_too() {
    let pm = PluginManager::<dyn Config>::new();
    pm.hook().started(41);
    pm.hook().started(42);
    assert_eq!(pm.load_linked(), Ok(1));
    assert_eq!(*linked::SEEN.lock().unwrap(), [41, 42]);
}

#[test]
fn the_spec_says_which_hooks_are_historic() {
    use hookcore::HookSpec;
    let historic: Vec<(&str, bool)> = <dyn Config as HookSpec>::HOOKS
        .iter()
        .map(|hook| (hook.name, hook.historic))
        .collect();
    assert_eq!(
        historic,
        [("configure", true), ("started", true), ("plain", false)]
    );
}

#[test]
fn a_historic_call_through_a_subset_caller_skips_its_plugins_now_but_not_later_ones() {
    let pm = PluginManager::<dyn Config>::new();
    let kept = recorder("kept");
    let skipped = recorder("skipped");
    pm.register_arc("kept", Arc::clone(&kept)).unwrap();
    pm.register_arc("skipped", Arc::clone(&skipped)).unwrap();
    pm.subset_hook(["skipped"]).hook().started(7);
    assert_eq!(*kept.seen.lock().unwrap(), ["started at 7"]);
    assert!(skipped.seen.lock().unwrap().is_empty());
    // The history is the hook's: a plugin registered later gets the call.
    let late = recorder("late");
    pm.register_arc("late", Arc::clone(&late)).unwrap();
    assert_eq!(*late.seen.lock().unwrap(), ["started at 7"]);
}

/// Takes a historic `configure` call slowly: the first one waits for the test.
struct Slow {
    seen: Mutex<Vec<u64>>,
    entered: std::sync::mpsc::SyncSender<()>,
    gate: Mutex<std::sync::mpsc::Receiver<()>>,
}

#[hookspec]
pub trait Setup {
    #[hookspec(historic)]
    fn configure(&self, n: u64);
    fn ready(&self) -> &'static str;
}

#[hookimpl(runtime)]
impl Setup for Slow {
    fn configure(&self, n: u64) {
        self.seen.lock().unwrap().push(n);
        if n == 1 {
            self.entered.send(()).unwrap();
            self.gate.lock().unwrap().recv().unwrap();
        }
    }
    fn ready(&self) -> &'static str {
        "slow"
    }
}

#[test]
fn a_new_plugin_is_called_only_after_its_historic_calls_and_misses_none_made_meanwhile() {
    let pm = PluginManager::<dyn Setup>::new();
    pm.hook().configure(1);
    let (entered_tx, entered) = std::sync::mpsc::sync_channel(1);
    let (release, gate) = std::sync::mpsc::sync_channel(1);
    let slow = Arc::new(Slow {
        seen: Mutex::new(Vec::new()),
        entered: entered_tx,
        gate: Mutex::new(gate),
    });
    std::thread::scope(|scope| {
        let registering = scope.spawn(|| pm.register_arc("slow", Arc::clone(&slow)));
        // The plugin is taking the historic call from before its registration.
        entered.recv().unwrap();
        assert!(pm.is_registered("slow"));
        assert!(
            pm.hook().ready().is_empty(),
            "not called before it is configured"
        );
        // A historic call made meanwhile reaches it too, once.
        pm.hook().configure(2);
        release.send(()).unwrap();
        registering.join().unwrap().unwrap();
    });
    assert_eq!(*slow.seen.lock().unwrap(), [1, 2]);
    assert_eq!(pm.hook().ready(), ["slow"]);
    pm.hook().configure(3);
    assert_eq!(*slow.seen.lock().unwrap(), [1, 2, 3]);
}

/// Panics on its historic call.
struct Fragile;

#[hookimpl(runtime)]
impl Setup for Fragile {
    fn configure(&self, _n: u64) {
        panic!("cannot configure");
    }
    fn ready(&self) -> &'static str {
        "fragile"
    }
}

#[test]
fn a_panicking_historic_call_leaves_the_plugin_registered_and_in_the_table() {
    let pm = PluginManager::<dyn Setup>::new();
    pm.hook().configure(1);
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        pm.register("fragile", Fragile)
    }));
    assert!(outcome.is_err());
    assert!(pm.is_registered("fragile"));
    assert_eq!(pm.hook().ready(), ["fragile"]);
}
