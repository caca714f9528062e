//! pluggy's `testing/test_pluginmanager.py`, ported: registration, blocking,
//! unregistration, historic hooks, subset and extra callers, introspection,
//! linked plugins (pluggy's entry points), monitoring and tracing.
//!
//! pluggy's plugins are objects with an optional name; here every plugin is
//! registered under a name, and known by it. Run-time plugins are called most
//! recent first, as in pluggy; `hookimpls()` lists them in call order, where
//! pluggy's `get_hookimpls()` lists them in reverse.

use std::cell::RefCell;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, Weak};

use hookcore::{Error, HookCall, Monitor, Origin, PluginManager, hookimpl, hookspec};

/// pluggy's `he_pm` fixture, with a second hook.
#[hookspec]
pub trait Example {
    fn he_method1(&self, arg: i64) -> i64;
    fn he_method2(&self, arg: i64) -> i64;
}

thread_local! {
    // Per thread: each test runs on its own thread, and calls run on the caller's.
    static OUT: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

fn out(event: impl Into<String>) {
    OUT.with_borrow_mut(|out| out.push(event.into()));
}

fn take_out() -> Vec<String> {
    OUT.with_borrow_mut(std::mem::take)
}

/// pluggy's `class A: pass`: a plugin that implements no hook.
struct A;

#[hookimpl(runtime)]
impl Example for A {}

/// Answers `arg * factor` and records `he_method1-<name>`.
struct Times(&'static str, i64);

#[hookimpl(runtime)]
impl Example for Times {
    fn he_method1(&self, arg: i64) -> i64 {
        out(format!("he_method1-{}", self.0));
        arg * self.1
    }
}

/// An implementation made from a closure (pluggy's `call_extra` functions).
struct With<F>(F);

#[hookimpl(runtime)]
impl<F: Fn(i64) -> i64 + Send + Sync + 'static> Example for With<F> {
    fn he_method1(&self, arg: i64) -> i64 {
        (self.0)(arg)
    }
}

fn names(pm: &PluginManager<dyn Example>) -> Vec<String> {
    pm.plugins().into_iter().map(|plugin| plugin.name).collect()
}

#[test]
fn plugin_double_register() {
    let pm = PluginManager::<dyn Example>::new();
    let plugin = Arc::new(A);
    pm.register_arc("abc", Arc::clone(&plugin)).unwrap();
    assert_eq!(
        pm.register_arc("abc", Arc::clone(&plugin)),
        Err(Error::AlreadyRegistered { name: "abc".into() })
    );
    assert_eq!(
        pm.register_arc("def", plugin),
        Err(Error::ObjectAlreadyRegistered {
            existing: "abc".into()
        })
    );
    assert_eq!(names(&pm), ["abc"]);
}

#[test]
fn pm() {
    let pm = PluginManager::<dyn Example>::new();
    pm.register("a1", A).unwrap();
    assert!(pm.is_registered("a1"));
    pm.register("hello", A).unwrap();
    assert!(pm.is_registered("hello"));
    assert_eq!(names(&pm), ["a1", "hello"]);
    let hello = pm.plugin("hello").unwrap();
    assert_eq!(
        (hello.name.as_str(), hello.origin),
        ("hello", Origin::Registered)
    );
    // hookcore's `unregister` takes the name and returns no plugin object.
    pm.unregister("a1").unwrap();
    assert!(!pm.is_registered("a1"));
    assert_eq!(names(&pm), ["hello"], "pluggy's list_name_plugin()");
}

#[test]
fn has_plugin() {
    let pm = PluginManager::<dyn Example>::new();
    pm.register("hello", A).unwrap();
    assert!(pm.is_registered("hello"));
}

#[test]
fn register_dynamic_attr() {
    // No attribute lookup: a plugin's hooks are the methods of its impl block.
    let pm = PluginManager::<dyn Example>::new();
    pm.register("a", A).unwrap();
    assert_eq!(pm.hooks_of("a").unwrap(), Vec::<&str>::new());
}

#[test]
fn pm_name() {
    let pm = PluginManager::<dyn Example>::new();
    pm.register("hello", A).unwrap();
    pm.unregister("hello").unwrap();
    assert_eq!(pm.plugin("hello"), None);
    assert!(!pm.is_registered("hello"));
    assert!(pm.plugins().is_empty());
    pm.register("hello", A).unwrap();
    assert!(pm.is_registered("hello"));
    pm.unregister("hello").unwrap();
    assert_eq!(pm.plugin("hello"), None);
    assert!(pm.plugins().is_empty());
}

#[test]
fn set_blocked() {
    let pm = PluginManager::<dyn Example>::new();
    pm.register("a1", A).unwrap();
    assert!(pm.is_registered("a1"));
    assert!(!pm.is_blocked("a1"));
    assert_eq!(names(&pm), ["a1"]);

    pm.set_blocked("a1");
    assert!(pm.is_blocked("a1"));
    assert!(!pm.is_registered("a1"));
    assert!(pm.plugins().is_empty());

    pm.set_blocked("somename");
    assert!(pm.is_blocked("somename"));
    // hookcore refuses with an error where pluggy returns None.
    assert_eq!(
        pm.register("somename", A),
        Err(Error::Blocked {
            name: "somename".into()
        })
    );
    // hookcore: unregistering a name nothing has is an error, pluggy ignores it.
    assert_eq!(
        pm.unregister("somename"),
        Err(Error::NotRegistered {
            name: "somename".into()
        })
    );
    assert!(pm.is_blocked("somename"));
    assert!(pm.plugins().is_empty());

    assert!(!pm.unblock("someothername"));
    assert!(pm.unblock("somename"));
    assert!(!pm.is_blocked("somename"));
    assert!(!pm.unblock("somename"));
    pm.register("somename", A).unwrap();
}

#[test]
fn register_validation_failure_leaves_no_state() {
    // pluggy's validation errors are compile errors here (tests/ui/signature-differs.rs);
    // the refusal left at run time, a `before`/`after` cycle, installs nothing either.
    struct BeforeY;

    #[hookimpl(runtime)]
    impl Example for BeforeY {
        #[hookimpl(before = "y")]
        fn he_method2(&self, arg: i64) -> i64 {
            arg
        }
    }

    struct Hello;

    #[hookimpl(runtime)]
    impl Example for Hello {
        fn he_method1(&self, arg: i64) -> i64 {
            arg
        }
        #[hookimpl(before = "x")]
        fn he_method2(&self, arg: i64) -> i64 {
            arg
        }
    }

    let pm = PluginManager::<dyn Example>::new();
    pm.register("x", BeforeY).unwrap();
    let err = pm.register("y", Hello).unwrap_err();
    assert!(
        matches!(
            err,
            Error::OrderCycle {
                hook: "he_method2",
                ..
            }
        ),
        "{err}"
    );
    assert!(!pm.is_registered("y"));
    assert!(pm.hookimpls("he_method1").unwrap().is_empty());
    assert!(pm.hook().he_method1(1).is_empty());
    assert_eq!(pm.hook().he_method2(1), [1], "only x");
}

#[test]
fn register() {
    struct MyPlugin;

    #[hookimpl(runtime)]
    impl Example for MyPlugin {
        fn he_method1(&self, arg: i64) -> i64 {
            arg
        }
    }

    let pm = PluginManager::<dyn Example>::new();
    pm.register("my", MyPlugin).unwrap();
    assert_eq!(names(&pm), ["my"]);
    pm.register("my2", MyPlugin).unwrap();
    assert_eq!(names(&pm), ["my", "my2"]);
    assert!(pm.is_registered("my") && pm.is_registered("my2"));
    pm.unregister("my").unwrap();
    assert!(!pm.is_registered("my"));
    assert_eq!(names(&pm), ["my2"]);
    assert_eq!(
        pm.unregister("my"),
        Err(Error::NotRegistered { name: "my".into() })
    );
}

#[test]
fn unregister_blocked() {
    let pm = PluginManager::<dyn Example>::new();
    pm.set_blocked("error");
    assert_eq!(
        pm.register("error", A),
        Err(Error::Blocked {
            name: "error".into()
        })
    );
    // pluggy lets a blocked name be unregistered again and again, silently;
    // hookcore reports each time that nothing has the name, and changes nothing.
    for _ in 0..2 {
        assert_eq!(
            pm.unregister("error"),
            Err(Error::NotRegistered {
                name: "error".into()
            })
        );
    }
    assert!(pm.is_blocked("error"));
}

#[hookspec]
pub trait Historic {
    #[hookspec(historic)]
    fn he_method1(&self, arg: i64);
    #[hookspec(historic)]
    fn he_method2(&self, arg: i64) -> i64;
}

/// Appends `arg * factor` to `out` (pluggy's `out.append(...)`) and answers it.
struct Recorder {
    factor: i64,
    out: Arc<Mutex<Vec<i64>>>,
}

#[hookimpl(runtime)]
impl Historic for Recorder {
    fn he_method1(&self, arg: i64) {
        self.out.lock().unwrap().push(arg * self.factor);
    }
    fn he_method2(&self, arg: i64) -> i64 {
        arg * self.factor
    }
}

fn recorder(factor: i64, out: &Arc<Mutex<Vec<i64>>>) -> Recorder {
    Recorder {
        factor,
        out: Arc::clone(out),
    }
}

/// A shared list and a callback that appends to it.
fn sink() -> (Arc<Mutex<Vec<i64>>>, impl Fn(i64) + Send + Sync + 'static) {
    let list = Arc::new(Mutex::new(Vec::new()));
    let push = {
        let list = Arc::clone(&list);
        move |value| list.lock().unwrap().push(value)
    };
    (list, push)
}

#[test]
fn register_historic() {
    let pm = PluginManager::<dyn Historic>::new();
    pm.hook().he_method1(1);
    let out = Arc::new(Mutex::new(Vec::new()));
    pm.register("plugin", recorder(1, &out)).unwrap();
    assert_eq!(*out.lock().unwrap(), [1]);
    pm.register("plugin2", recorder(10, &out)).unwrap();
    assert_eq!(*out.lock().unwrap(), [1, 10]);
    pm.hook().he_method1(12);
    assert_eq!(*out.lock().unwrap(), [1, 10, 120, 12]);
}

#[test]
fn historic_with_subset_hook_caller() {
    // The call skips the subset's removed plugin now; later plugins still get it.
    let pm = PluginManager::<dyn Historic>::new();
    let out = Arc::new(Mutex::new(Vec::new()));
    pm.register("plugin", recorder(1, &out)).unwrap();
    let shc = pm.subset_hook(["plugin"]);
    shc.hook().he_method1(1);
    assert!(out.lock().unwrap().is_empty());
    pm.register("plugin2", recorder(10, &out)).unwrap();
    assert_eq!(*out.lock().unwrap(), [10]);
    pm.register("plugin3", recorder(1, &out)).unwrap();
    assert_eq!(*out.lock().unwrap(), [10, 1]);
}

#[test]
fn with_result_memorized() {
    // pluggy's `result_callback=None` case: a hook with a result takes a callback
    // here, so that case is a callback that keeps nothing.
    for result_callback in [true, false] {
        let pm = PluginManager::<dyn Historic>::new();
        let unused = Arc::new(Mutex::new(Vec::new()));
        pm.register("plugin1", recorder(10, &unused)).unwrap();
        let (out, push) = sink();
        if result_callback {
            pm.hook().he_method2(1, push);
        } else {
            pm.hook().he_method2(1, |_| {});
        }
        pm.register("plugin2", recorder(10, &unused)).unwrap();
        let expected: &[i64] = if result_callback { &[10, 10] } else { &[] };
        assert_eq!(*out.lock().unwrap(), expected);
    }
}

#[test]
fn with_callbacks_immediately_executed() {
    let pm = PluginManager::<dyn Historic>::new();
    let unused = Arc::new(Mutex::new(Vec::new()));
    pm.register("plugin1", recorder(10, &unused)).unwrap();
    pm.register("plugin2", recorder(20, &unused)).unwrap();
    let (out, push) = sink();
    pm.hook().he_method2(1, push);
    assert_eq!(*out.lock().unwrap(), [20, 10]);
    pm.register("plugin3", recorder(30, &unused)).unwrap();
    assert_eq!(*out.lock().unwrap(), [20, 10, 30]);
}

#[test]
fn call_extra() {
    let pm = PluginManager::<dyn Example>::new();
    let hooks = pm.extra_hook("extra", With(|arg| arg * 10)).unwrap();
    assert_eq!(hooks.he_method1(1), [10]);
    assert!(pm.hook().he_method1(1).is_empty());
}

#[test]
fn call_with_too_few_args() {
    // The call with too few arguments does not compile (rustc E0061); the other
    // half: an implementation's panic (pluggy's ZeroDivisionError) reaches the caller.
    struct Plugin1;

    #[hookimpl(runtime)]
    impl Example for Plugin1 {
        fn he_method1(&self, arg: i64) -> i64 {
            1 / arg
        }
    }

    let pm = PluginManager::<dyn Example>::new();
    pm.register("plugin1", Plugin1).unwrap();
    let payload = catch_unwind(AssertUnwindSafe(|| pm.hook().he_method1(0))).unwrap_err();
    assert_eq!(
        payload.downcast_ref::<&str>(),
        Some(&"attempt to divide by zero")
    );
    assert_eq!(pm.hook().he_method1(1), [1], "the manager still works");
}

#[test]
fn subset_hook_caller() {
    let pm = PluginManager::<dyn Example>::new();
    pm.register("plugin1", Times("plugin1", 1)).unwrap();
    pm.register("plugin2", Times("plugin2", 10)).unwrap();
    pm.register("plugin3", A).unwrap();
    assert_eq!(pm.hook().he_method1(1), [10, 1]);

    let hc = pm.subset_hook(["plugin1"]);
    assert_eq!(hc.hook().he_method1(2), [20]);

    let hc = pm.subset_hook(["plugin2"]);
    assert_eq!(hc.hook().he_method1(2), [2]);

    pm.unregister("plugin1").unwrap();
    assert!(hc.hook().he_method1(2).is_empty());

    assert_eq!(pm.hook().he_method1(1), [10]);
}

#[test]
fn subset_hook_caller_with_specname() {
    struct Plugin1;

    #[hookimpl(runtime)]
    impl Example for Plugin1 {
        #[hookimpl(specname = "he_method1")]
        fn alias(&self, _arg: i64) -> i64 {
            1
        }
    }

    struct Plugin2;

    #[hookimpl(runtime)]
    impl Example for Plugin2 {
        fn he_method1(&self, _arg: i64) -> i64 {
            2
        }
    }

    struct Plugin3;

    #[hookimpl(runtime)]
    impl Example for Plugin3 {
        #[hookimpl(specname = "he_method2")]
        fn he_method1(&self, _arg: i64) -> i64 {
            3
        }
    }

    let pm = PluginManager::<dyn Example>::new();
    pm.register("plugin1", Plugin1).unwrap();
    pm.register("plugin2", Plugin2).unwrap();
    pm.register("plugin3", Plugin3).unwrap();
    let hc = pm.subset_hook(["plugin1"]);
    assert_eq!(hc.hook().he_method1(0), [2]);
    assert_eq!(pm.hook().he_method2(0), [3]);
}

#[test]
fn get_hookimpls() {
    let pm = PluginManager::<dyn Example>::new();
    assert!(pm.hookimpls("he_method1").unwrap().is_empty());
    pm.register("plugin1", Times("plugin1", 1)).unwrap();
    pm.register("plugin2", Times("plugin2", 1)).unwrap();
    pm.register("plugin3", A).unwrap();
    let hook_plugins: Vec<String> = pm
        .hookimpls("he_method1")
        .unwrap()
        .into_iter()
        .map(|imp| imp.plugin)
        .collect();
    // In call order: pluggy lists [plugin1, plugin2].
    assert_eq!(hook_plugins, ["plugin2", "plugin1"]);
}

#[test]
fn get_hookcallers() {
    struct Plugin1;

    #[hookimpl(runtime)]
    impl Example for Plugin1 {
        fn he_method1(&self, _arg: i64) -> i64 {
            1
        }
        fn he_method2(&self, _arg: i64) -> i64 {
            1
        }
    }

    struct Plugin2;

    #[hookimpl(runtime)]
    impl Example for Plugin2 {
        fn he_method1(&self, _arg: i64) -> i64 {
            2
        }
    }

    struct Plugin3;

    #[hookimpl(runtime)]
    impl Example for Plugin3 {
        fn he_method2(&self, _arg: i64) -> i64 {
            3
        }
    }

    let pm = PluginManager::<dyn Example>::new();
    pm.register("plugin1", Plugin1).unwrap();
    pm.register("plugin2", Plugin2).unwrap();
    pm.register("plugin3", Plugin3).unwrap();
    let hookcallers1 = pm.hooks_of("plugin1").unwrap();
    let hookcallers2 = pm.hooks_of("plugin2").unwrap();
    let hookcallers3 = pm.hooks_of("plugin3").unwrap();
    assert_eq!(hookcallers1, ["he_method1", "he_method2"]);
    assert_eq!(hookcallers2, ["he_method1"]);
    assert_eq!(hookcallers3, ["he_method2"]);
    assert_eq!(hookcallers1, [hookcallers2, hookcallers3].concat());
    assert_eq!(
        pm.hooks_of("object"),
        Err(Error::NotRegistered {
            name: "object".into()
        })
    );
}

#[hookspec]
pub trait Entry {
    fn x(&self) -> u32;
}

/// pluggy's entry point `myname`: here a linked plugin of its own spec, so that
/// it shows in no other test of this file.
mod entry_point {
    #[hookcore::hookimpl(super::Entry, name = "myname")]
    fn x() -> u32 {
        42
    }
}

#[test]
fn load_setuptools_instantiation() {
    // pluggy's entry points are linked plugins, `load_setuptools_entrypoints` is
    // `load_linked`; pluggy's parameters (the plugin's truthiness) have no counterpart.
    let pm = PluginManager::<dyn Entry>::new();
    assert_eq!(pm.load_linked(), Ok(1));
    let plugin = pm.plugin("myname").unwrap();
    assert_eq!(plugin.origin, Origin::Linked);
    assert_eq!(pm.hook().x(), [42]);
    // pluggy's list_plugin_distinfo(): the package of every plugin.
    let plugins = pm.plugins();
    assert_eq!(plugins.len(), 1);
    assert_eq!(plugins[0].name, "myname");
    assert_eq!(plugins[0].source.package, env!("CARGO_PKG_NAME"));
    assert_eq!(plugins[0].source.version, env!("CARGO_PKG_VERSION"));
    assert_eq!(pm.load_linked(), Ok(0), "no plugin loaded by this call");
}

/// pluggy's `before` and `after` monitoring functions.
struct Tracefuncs;

impl Monitor for Tracefuncs {
    fn before_call(&self, call: &HookCall<'_>) {
        out(format!("before {} {:?}", call.hook, call.plugins));
    }
    fn after_call(&self, call: &HookCall<'_>, outcome: Option<&dyn std::fmt::Debug>) {
        out(format!(
            "after {outcome:?} {} {:?}",
            call.hook, call.plugins
        ));
    }
}

#[test]
fn add_tracefuncs() {
    let pm = PluginManager::<dyn Example>::new();
    pm.register("api1", Times("api1", 0)).unwrap();
    pm.register("api2", Times("api2", 0)).unwrap();
    let undo = pm.add_monitor(Tracefuncs);
    pm.hook().he_method1(1);
    assert_eq!(
        take_out(),
        [
            r#"before he_method1 ["api2", "api1"]"#,
            "he_method1-api2",
            "he_method1-api1",
            r#"after Some([0, 0]) he_method1 ["api2", "api1"]"#,
        ]
    );
    assert!(pm.remove_monitor(undo));
    pm.hook().he_method1(1);
    assert_eq!(take_out(), ["he_method1-api2", "he_method1-api1"]);
}

#[cfg(feature = "tracing")]
mod tracing_support {
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

    use tracing::field::{Field, Visit};
    use tracing::span::{Attributes, Id, Record};
    use tracing::{Event, Metadata, Subscriber};

    /// pluggy's `trace.root`: the spans opened, and how deep the current one is.
    pub struct Root {
        pub indent: AtomicUsize,
        pub out: Mutex<Vec<String>>,
        next: AtomicU64,
    }

    pub static ROOT: Root = Root {
        indent: AtomicUsize::new(0),
        out: Mutex::new(Vec::new()),
        next: AtomicU64::new(1),
    };

    struct Fields<'a>(&'a mut String);

    impl Visit for Fields<'_> {
        fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
            self.0.push_str(&format!(" {}={value:?}", field.name()));
        }
    }

    pub struct Writer;

    impl Subscriber for Writer {
        fn enabled(&self, _: &Metadata<'_>) -> bool {
            true
        }
        fn new_span(&self, span: &Attributes<'_>) -> Id {
            let mut line = span.metadata().name().to_owned();
            span.record(&mut Fields(&mut line));
            ROOT.out.lock().unwrap().push(line);
            Id::from_u64(ROOT.next.fetch_add(1, Ordering::Relaxed))
        }
        fn record(&self, _: &Id, _: &Record<'_>) {}
        fn record_follows_from(&self, _: &Id, _: &Id) {}
        fn event(&self, event: &Event<'_>) {
            let mut line = "event".to_owned();
            event.record(&mut Fields(&mut line));
            ROOT.out.lock().unwrap().push(line);
        }
        fn enter(&self, _: &Id) {
            ROOT.indent.fetch_add(1, Ordering::Relaxed);
        }
        fn exit(&self, _: &Id) {
            ROOT.indent.fetch_sub(1, Ordering::Relaxed);
        }
    }
}

#[cfg(feature = "tracing")]
#[hookspec]
pub trait Traced {
    fn he_method1(&self, arg: i64) -> Result<i64, String>;
}

#[cfg(feature = "tracing")]
#[test]
fn hook_tracing() {
    use std::sync::atomic::Ordering;

    use tracing_support::{ROOT, Writer};

    static SAVEINDENT: Mutex<Vec<usize>> = Mutex::new(Vec::new());

    struct Api1;

    #[hookimpl(runtime)]
    impl Traced for Api1 {
        fn he_method1(&self, arg: i64) -> Result<i64, String> {
            SAVEINDENT
                .lock()
                .unwrap()
                .push(ROOT.indent.load(Ordering::Relaxed));
            Ok(arg)
        }
    }

    // pluggy's ValueError: an `Err`. (After a panic, hookcore's spans stay entered:
    // see `TracingMonitor`.)
    struct Api2;

    #[hookimpl(runtime)]
    impl Traced for Api2 {
        fn he_method1(&self, _arg: i64) -> Result<i64, String> {
            SAVEINDENT
                .lock()
                .unwrap()
                .push(ROOT.indent.load(Ordering::Relaxed));
            Err("ValueError".into())
        }
    }

    let take = |list: &Mutex<Vec<String>>| std::mem::take(&mut *list.lock().unwrap());
    let pm = PluginManager::<dyn Traced>::new();
    pm.register("api1", Api1).unwrap();
    let undo = pm.enable_tracing();
    tracing::subscriber::with_default(Writer, || {
        let indent = ROOT.indent.load(Ordering::Relaxed);
        assert_eq!(pm.hook().he_method1(1), Ok(vec![1]));
        assert_eq!(ROOT.indent.load(Ordering::Relaxed), indent);
        assert_eq!(
            take(&ROOT.out),
            [
                r#"hook spec="Traced" hook="he_method1""#,
                r#"hookimpl hook="he_method1" plugin="api1""#,
                "event message=hook returned outcome=Ok([1])",
            ]
        );

        pm.register("api2", Api2).unwrap();
        assert_eq!(pm.hook().he_method1(1), Err("ValueError".into()));
        assert_eq!(ROOT.indent.load(Ordering::Relaxed), indent);
        assert!(SAVEINDENT.lock().unwrap()[0] > indent);
    });
    assert!(pm.remove_monitor(undo));
}

#[hookspec]
pub trait Configure {
    fn configure(&self) -> i64;
    #[hookspec(historic)]
    fn configure_historic(&self) -> i64;
}

struct Plugin1;

#[hookimpl(runtime)]
impl Configure for Plugin1 {
    fn configure(&self) -> i64 {
        1
    }
    fn configure_historic(&self) -> i64 {
        1
    }
}

/// Registers plugins 4, 5 and 6 the first time it is called.
struct Plugin2 {
    pm: Weak<PluginManager<dyn Configure>>,
    already_registered: AtomicBool,
}

impl Plugin2 {
    fn configure_once(&self) -> i64 {
        if !self.already_registered.swap(true, Ordering::Relaxed) {
            let pm = self.pm.upgrade().unwrap();
            pm.register("plugin4", Plugin4).unwrap();
            pm.register("plugin5", Plugin5).unwrap();
            pm.register("plugin6", Plugin6).unwrap();
        }
        2
    }
}

#[hookimpl(runtime)]
impl Configure for Plugin2 {
    fn configure(&self) -> i64 {
        self.configure_once()
    }
    fn configure_historic(&self) -> i64 {
        self.configure_once()
    }
}

struct Plugin3;

#[hookimpl(runtime)]
impl Configure for Plugin3 {
    fn configure(&self) -> i64 {
        3
    }
    fn configure_historic(&self) -> i64 {
        3
    }
}

struct Plugin4;

#[hookimpl(runtime)]
impl Configure for Plugin4 {
    #[hookimpl(tryfirst)]
    fn configure(&self) -> i64 {
        4
    }
    #[hookimpl(tryfirst)]
    fn configure_historic(&self) -> i64 {
        4
    }
}

struct Plugin5;

#[hookimpl(runtime)]
impl Configure for Plugin5 {
    fn configure(&self) -> i64 {
        5
    }
    fn configure_historic(&self) -> i64 {
        5
    }
}

struct Plugin6;

#[hookimpl(runtime)]
impl Configure for Plugin6 {
    #[hookimpl(trylast)]
    fn configure(&self) -> i64 {
        6
    }
    #[hookimpl(trylast)]
    fn configure_historic(&self) -> i64 {
        6
    }
}

fn configure_manager() -> Arc<PluginManager<dyn Configure>> {
    let pm = Arc::new(PluginManager::<dyn Configure>::new());
    pm.register("plugin1", Plugin1).unwrap();
    pm.register(
        "plugin2",
        Plugin2 {
            pm: Arc::downgrade(&pm),
            already_registered: AtomicBool::new(false),
        },
    )
    .unwrap();
    pm.register("plugin3", Plugin3).unwrap();
    pm
}

#[test]
fn register_while_calling() {
    // Not historic: the running call keeps its table; the next call sees the new plugins.
    let pm = configure_manager();
    assert_eq!(pm.hook().configure(), [3, 2, 1]);
    assert_eq!(pm.hook().configure(), [4, 5, 3, 2, 1, 6]);

    // Historic: the plugins registered during the call get it at registration.
    // hookcore hands each result to the callback as its implementation returns, so
    // 3 comes first; pluggy's callback gets the call's results at its end: [4, 5, 6, 3, 2, 1].
    // The documented order (docs/pluggy.md section 4, docs/guide.md section 7).
    let pm = configure_manager();
    let (result, push) = sink();
    pm.hook().configure_historic(push);
    assert_eq!(*result.lock().unwrap(), [3, 4, 5, 6, 2, 1]);
    let (result, push) = sink();
    pm.hook().configure_historic(push);
    assert_eq!(*result.lock().unwrap(), [4, 5, 3, 2, 1, 6]);
}
