//! pluggy's `testing/test_hookcaller.py`, ported: where each implementation and
//! wrapper of a hook goes, the spec's options, `specname`, `call_extra`.
//!
//! pluggy's `get_hookimpls()` lists the implementations in reverse call order, then
//! the wrappers innermost first; `hookimpls()` lists the wrappers outermost first,
//! then the implementations in call order: pluggy's list reversed. Every plugin here
//! is registered at run time, so each test controls its own.

use std::cell::RefCell;

use hookcore::{Error, HookSpec, Order, PluginManager, hookimpl, hookspec};

#[hookspec]
pub trait Example {
    /// pluggy's `he_method1(arg)`; each implementation answers its plugin's name.
    fn he_method1(&self, arg: &str) -> String;
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

struct Normal(&'static str);

#[hookimpl(runtime)]
impl Example for Normal {
    fn he_method1(&self, _arg: &str) -> String {
        out(self.0);
        self.0.to_owned()
    }
}

struct TryFirst(&'static str);

#[hookimpl(runtime)]
impl Example for TryFirst {
    #[hookimpl(tryfirst)]
    fn he_method1(&self, _arg: &str) -> String {
        out(self.0);
        self.0.to_owned()
    }
}

struct TryLast(&'static str);

#[hookimpl(runtime)]
impl Example for TryLast {
    #[hookimpl(trylast)]
    fn he_method1(&self, _arg: &str) -> String {
        out(self.0);
        self.0.to_owned()
    }
}

struct Wrapper(&'static str);

#[hookimpl(runtime)]
impl Example for Wrapper {
    #[hookimpl(wrapper)]
    fn he_method1(&self, arg: &str, next: ExampleHeMethod1Next<'_>) -> Vec<String> {
        out(format!("{}pre", self.0));
        let result = next.call(arg);
        out(format!("{}post", self.0));
        result
    }
}

struct WrapperFirst(&'static str);

#[hookimpl(runtime)]
impl Example for WrapperFirst {
    #[hookimpl(wrapper, tryfirst)]
    fn he_method1(&self, arg: &str, next: ExampleHeMethod1Next<'_>) -> Vec<String> {
        out(format!("{}pre", self.0));
        let result = next.call(arg);
        out(format!("{}post", self.0));
        result
    }
}

struct WrapperLast(&'static str);

#[hookimpl(runtime)]
impl Example for WrapperLast {
    #[hookimpl(wrapper, trylast)]
    fn he_method1(&self, arg: &str, next: ExampleHeMethod1Next<'_>) -> Vec<String> {
        out(format!("{}pre", self.0));
        let result = next.call(arg);
        out(format!("{}post", self.0));
        result
    }
}

/// pluggy's `addmeth(...)` options; pluggy's `hookwrapper=True` and `wrapper=True`
/// are both a `wrapper` here.
#[derive(Clone, Copy)]
enum Kind {
    Normal,
    TryFirst,
    TryLast,
    Wrapper,
    WrapperFirst,
    WrapperLast,
}

/// pluggy's `addmeth`: registers a plugin named `name` with one implementation.
fn add(pm: &PluginManager<dyn Example>, name: &'static str, kind: Kind) {
    match kind {
        Kind::Normal => pm.register(name, Normal(name)),
        Kind::TryFirst => pm.register(name, TryFirst(name)),
        Kind::TryLast => pm.register(name, TryLast(name)),
        Kind::Wrapper => pm.register(name, Wrapper(name)),
        Kind::WrapperFirst => pm.register(name, WrapperFirst(name)),
        Kind::WrapperLast => pm.register(name, WrapperLast(name)),
    }
    .unwrap();
}

/// The plugins of `he_method1`: wrappers outermost first, then call order.
fn listed(pm: &PluginManager<dyn Example>) -> Vec<String> {
    pm.hookimpls("he_method1")
        .unwrap()
        .into_iter()
        .map(|imp| imp.plugin)
        .collect()
}

/// What a call of `he_method1` ran, in order.
fn called(pm: &PluginManager<dyn Example>) -> Vec<String> {
    take_out();
    pm.hook().he_method1("test");
    take_out()
}

#[test]
fn adding_nonwrappers() {
    let pm = PluginManager::<dyn Example>::new();
    add(&pm, "he_method1", Kind::Normal);
    add(&pm, "he_method2", Kind::Normal);
    add(&pm, "he_method3", Kind::Normal);
    assert_eq!(listed(&pm), ["he_method3", "he_method2", "he_method1"]);
    assert_eq!(called(&pm), listed(&pm));
    assert_eq!(
        pm.hook().he_method1("test"),
        ["he_method3", "he_method2", "he_method1"]
    );
}

#[test]
fn adding_nonwrappers_trylast() {
    let pm = PluginManager::<dyn Example>::new();
    add(&pm, "he_method1_middle", Kind::Normal);
    add(&pm, "he_method1", Kind::TryLast);
    add(&pm, "he_method1_b", Kind::Normal);
    assert_eq!(
        listed(&pm),
        ["he_method1_b", "he_method1_middle", "he_method1"]
    );
    assert_eq!(called(&pm), listed(&pm));
}

#[test]
fn adding_nonwrappers_trylast3() {
    let pm = PluginManager::<dyn Example>::new();
    add(&pm, "he_method1_a", Kind::Normal);
    add(&pm, "he_method1_b", Kind::TryLast);
    add(&pm, "he_method1_c", Kind::Normal);
    add(&pm, "he_method1_d", Kind::TryLast);
    // hookcore calls trylast ones most recent first (d, b); pluggy oldest first (b, d).
    assert_eq!(
        listed(&pm),
        [
            "he_method1_c",
            "he_method1_a",
            "he_method1_d",
            "he_method1_b"
        ]
    );
    assert_eq!(called(&pm), listed(&pm));
}

#[test]
fn adding_nonwrappers_trylast2() {
    let pm = PluginManager::<dyn Example>::new();
    add(&pm, "he_method1_middle", Kind::Normal);
    add(&pm, "he_method1_b", Kind::Normal);
    add(&pm, "he_method1", Kind::TryLast);
    assert_eq!(
        listed(&pm),
        ["he_method1_b", "he_method1_middle", "he_method1"]
    );
    assert_eq!(called(&pm), listed(&pm));
}

#[test]
fn adding_nonwrappers_tryfirst() {
    let pm = PluginManager::<dyn Example>::new();
    add(&pm, "he_method1", Kind::TryFirst);
    add(&pm, "he_method1_middle", Kind::Normal);
    add(&pm, "he_method1_b", Kind::Normal);
    assert_eq!(
        listed(&pm),
        ["he_method1", "he_method1_b", "he_method1_middle"]
    );
    assert_eq!(called(&pm), listed(&pm));
}

#[test]
fn adding_wrappers_ordering() {
    let pm = PluginManager::<dyn Example>::new();
    add(&pm, "he_method1", Kind::Wrapper);
    add(&pm, "he_method1_fun", Kind::Wrapper);
    add(&pm, "he_method1_middle", Kind::Normal);
    add(&pm, "he_method3_fun", Kind::Wrapper);
    add(&pm, "he_method3", Kind::Wrapper);
    assert_eq!(
        listed(&pm),
        [
            "he_method3",
            "he_method3_fun",
            "he_method1_fun",
            "he_method1",
            "he_method1_middle"
        ]
    );
    assert_eq!(
        called(&pm),
        [
            "he_method3pre",
            "he_method3_funpre",
            "he_method1_funpre",
            "he_method1pre",
            "he_method1_middle",
            "he_method1post",
            "he_method1_funpost",
            "he_method3_funpost",
            "he_method3post",
        ]
    );
}

#[test]
fn adding_wrappers_ordering_tryfirst() {
    let pm = PluginManager::<dyn Example>::new();
    add(&pm, "he_method1", Kind::WrapperFirst);
    add(&pm, "he_method2", Kind::Wrapper);
    add(&pm, "he_method3", Kind::WrapperFirst);
    assert_eq!(listed(&pm), ["he_method3", "he_method1", "he_method2"]);
    assert_eq!(
        called(&pm),
        [
            "he_method3pre",
            "he_method1pre",
            "he_method2pre",
            "he_method2post",
            "he_method1post",
            "he_method3post",
        ]
    );
}

#[test]
fn adding_wrappers_complex() {
    let pm = PluginManager::<dyn Example>::new();
    assert!(listed(&pm).is_empty());
    // pluggy's lists reversed, but trylast entries run most recent first (pluggy: oldest).
    let steps: [(&str, Kind, &[&str]); 13] = [
        ("m1", Kind::WrapperLast, &["m1"]),
        ("m2", Kind::Normal, &["m1", "m2"]),
        ("m3", Kind::TryLast, &["m1", "m2", "m3"]),
        ("m4", Kind::Wrapper, &["m4", "m1", "m2", "m3"]),
        ("m5", Kind::WrapperFirst, &["m5", "m4", "m1", "m2", "m3"]),
        ("m6", Kind::TryFirst, &["m5", "m4", "m1", "m6", "m2", "m3"]),
        (
            "m7",
            Kind::Normal,
            &["m5", "m4", "m1", "m6", "m7", "m2", "m3"],
        ),
        (
            "m8",
            Kind::Wrapper,
            &["m5", "m8", "m4", "m1", "m6", "m7", "m2", "m3"],
        ),
        (
            "m9",
            Kind::TryLast,
            &["m5", "m8", "m4", "m1", "m6", "m7", "m2", "m9", "m3"],
        ),
        (
            "m10",
            Kind::TryFirst,
            &["m5", "m8", "m4", "m1", "m10", "m6", "m7", "m2", "m9", "m3"],
        ),
        (
            "m11",
            Kind::WrapperLast,
            &[
                "m5", "m8", "m4", "m11", "m1", "m10", "m6", "m7", "m2", "m9", "m3",
            ],
        ),
        (
            "m12",
            Kind::Wrapper,
            &[
                "m5", "m12", "m8", "m4", "m11", "m1", "m10", "m6", "m7", "m2", "m9", "m3",
            ],
        ),
        (
            "m13",
            Kind::Normal,
            &[
                "m5", "m12", "m8", "m4", "m11", "m1", "m10", "m6", "m13", "m7", "m2", "m9", "m3",
            ],
        ),
    ];
    for (name, kind, expected) in steps {
        add(&pm, name, kind);
        assert_eq!(listed(&pm), expected, "after adding {name}");
    }
    let wrappers = ["m5", "m12", "m8", "m4", "m11", "m1"];
    let mut expected: Vec<String> = wrappers.iter().map(|w| format!("{w}pre")).collect();
    expected.extend(
        ["m10", "m6", "m13", "m7", "m2", "m9", "m3"]
            .iter()
            .map(|name| (*name).to_owned()),
    );
    expected.extend(wrappers.iter().rev().map(|w| format!("{w}post")));
    assert_eq!(called(&pm), expected);
}

#[hookspec]
pub trait Firstresults {
    fn he_myhook1(&self, arg1: u32) -> Option<u32>;
    #[hookspec(firstresult)]
    fn he_myhook2(&self, arg1: u32) -> Option<u32>;
}

#[test]
fn hookspec() {
    let firstresult: Vec<(&str, bool)> = <dyn Firstresults as HookSpec>::HOOKS
        .iter()
        .map(|hook| (hook.name, hook.firstresult))
        .collect();
    // pluggy's `firstresult=False` is the default: hookcore has no spelling for it.
    assert_eq!(firstresult, [("he_myhook1", false), ("he_myhook2", true)]);
    let pm = PluginManager::<dyn Firstresults>::new();
    let collected: Vec<u32> = pm.hook().he_myhook1(1);
    let first: Option<u32> = pm.hook().he_myhook2(1);
    assert!(collected.is_empty() && first.is_none());
}

#[test]
fn hookimpl() {
    // pluggy checks the marker's attributes; here the options show in `hookimpls`.
    // `optionalhook` has no counterpart, and `hookwrapper` is `wrapper`.
    let pm = PluginManager::<dyn Example>::new();
    add(&pm, "plain", Kind::Normal);
    add(&pm, "first", Kind::TryFirst);
    add(&pm, "last", Kind::TryLast);
    add(&pm, "wrap", Kind::Wrapper);
    let options: Vec<(String, bool, Order)> = pm
        .hookimpls("he_method1")
        .unwrap()
        .into_iter()
        .map(|imp| (imp.plugin, imp.wrapper, imp.order))
        .collect();
    assert_eq!(
        options,
        [
            ("wrap".into(), true, Order::Normal),
            ("first".into(), false, Order::TryFirst),
            ("plain".into(), false, Order::Normal),
            ("last".into(), false, Order::TryLast),
        ]
    );
}

#[hookspec]
pub trait Api {
    /// api hook 1
    fn hello(&self, arg: i64) -> i64;
}

#[test]
fn hookrelay_registry() {
    let hooks = <dyn Api as HookSpec>::HOOKS;
    assert_eq!(hooks.len(), 1);
    assert_eq!(hooks[0].name, "hello");
    assert!(hooks[0].signature.contains("hello"));

    struct Plugin;

    #[hookimpl(runtime)]
    impl Api for Plugin {
        fn hello(&self, arg: i64) -> i64 {
            arg + 1
        }
    }

    let pm = PluginManager::<dyn Api>::new();
    pm.register("plugin", Plugin).unwrap();
    assert_eq!(pm.hook().hello(3), [4]);
    // `pm.hook().world()` does not compile: tests/ui/calling-undeclared-hook.rs.
    pm.unregister("plugin").unwrap();
    assert!(pm.hook().hello(3).is_empty());
}

#[test]
fn hookrelay_registration_by_specname() {
    let pm = PluginManager::<dyn Api>::new();
    assert!(pm.hookimpls("hello").unwrap().is_empty());

    struct Plugin;

    #[hookimpl(runtime)]
    impl Api for Plugin {
        #[hookimpl(specname = "hello")]
        fn foo(&self, arg: i64) -> i64 {
            arg + 1
        }
    }

    pm.register("plugin", Plugin).unwrap();
    assert_eq!(pm.hook().hello(3), [4]);
    assert_eq!(pm.hookimpls("hello").unwrap().len(), 1);
}

#[hookspec]
pub trait Api1 {
    /// Api1 hook
    fn conflict(&self) -> &'static str;
}

#[hookspec]
pub trait Api2 {
    /// Api2 hook
    fn conflict(&self) -> &'static str;
}

#[test]
fn hook_conflict() {
    // hookcore: no conflict to report; each spec trait has its own manager and caller.
    struct Both;

    #[hookimpl(runtime)]
    impl Api1 for Both {
        fn conflict(&self) -> &'static str {
            "api1"
        }
    }

    #[hookimpl(runtime)]
    impl Api2 for Both {
        fn conflict(&self) -> &'static str {
            "api2"
        }
    }

    let pm1 = PluginManager::<dyn Api1>::new();
    let pm2 = PluginManager::<dyn Api2>::new();
    pm1.register("both", Both).unwrap();
    pm2.register("both", Both).unwrap();
    assert_eq!(pm1.hook().conflict(), ["api1"]);
    assert_eq!(pm2.hook().conflict(), ["api2"]);
}

#[test]
fn call_extra_hook_order() {
    let pm = PluginManager::<dyn Example>::new();
    add(&pm, "1", Kind::TryFirst);
    add(&pm, "2", Kind::Normal);
    add(&pm, "3", Kind::TryLast);
    add(&pm, "4", Kind::WrapperFirst);
    add(&pm, "5", Kind::Wrapper);
    add(&pm, "6", Kind::WrapperLast);
    take_out();
    // hookcore's extra is one plugin, not a list of functions; like pluggy's extras
    // it runs after the tryfirst implementations, before the other normal ones.
    let result = pm
        .extra_hook("extra", Normal("extra"))
        .unwrap()
        .he_method1("test");
    assert_eq!(
        take_out(),
        [
            "4pre", "5pre", "6pre", "1", "extra", "2", "3", "6post", "5post", "4post"
        ]
    );
    assert_eq!(result, ["1", "extra", "2", "3"]);
    assert!(!pm.is_registered("extra"));
}

#[test]
fn remove_plugin_not_found_raises() {
    let pm = PluginManager::<dyn Example>::new();
    add(&pm, "plugin", Kind::Normal);
    assert_eq!(pm.hookimpls("he_method1").unwrap().len(), 1);
    assert_eq!(
        pm.unregister("other"),
        Err(Error::NotRegistered {
            name: "other".into()
        })
    );
    // The failed removal did not touch the existing registration.
    assert_eq!(pm.hookimpls("he_method1").unwrap().len(), 1);
    pm.unregister("plugin").unwrap();
    assert!(pm.hookimpls("he_method1").unwrap().is_empty());
}
