//! Registration, unregistration, blocking, introspection and every error: each
//! failed call leaves the manager exactly as it was.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use hookcore::{Error, HookSpec, Origin, PluginInfo, PluginManager, hookimpl, hookspec};

#[hookspec]
pub trait Service {
    /// Which plugin answered.
    fn who(&self) -> &'static str;
    fn count(&self);
}

mod builtin {
    #[hookcore::hookimpl(super::Service, name = "builtin")]
    fn who() -> &'static str {
        "builtin"
    }
}

struct Extra;

#[hookimpl(name = "extra")]
impl Service for Extra {
    fn who(&self) -> &'static str {
        "extra"
    }
}

#[derive(Default)]
struct Counter {
    calls: AtomicUsize,
}

#[hookimpl(runtime)]
impl Service for Counter {
    fn who(&self) -> &'static str {
        "counter"
    }
    fn count(&self) {
        self.calls.fetch_add(1, Ordering::Relaxed);
    }
}

/// Everything observable about a manager, to compare before and after a call.
fn state(pm: &PluginManager<dyn Service>) -> (Vec<PluginInfo>, Vec<&'static str>, Vec<String>) {
    let order = pm
        .hookimpls("who")
        .unwrap()
        .into_iter()
        .map(|imp| imp.plugin)
        .collect();
    (pm.plugins(), pm.hook().who(), order)
}

fn linked() -> PluginManager<dyn Service> {
    PluginManager::linked().unwrap()
}

#[test]
fn linked_manager_holds_the_linked_plugins() {
    let pm = linked();
    assert_eq!(pm.hook().who(), ["builtin", "extra"]);
    let names: Vec<String> = pm.plugins().into_iter().map(|p| p.name).collect();
    assert_eq!(names, ["builtin", "extra"]);
    assert!(pm.is_registered("builtin") && pm.is_registered("extra"));
}

#[test]
fn new_manager_is_empty() {
    let pm = PluginManager::<dyn Service>::new();
    assert!(pm.plugins().is_empty());
    assert!(pm.hook().who().is_empty());
    assert_eq!(pm.hookimpls("who").unwrap(), []);
    let pm = PluginManager::<dyn Service>::default();
    assert!(pm.plugins().is_empty());
}

#[test]
fn register_adds_to_every_hook_it_implements() {
    let pm = linked();
    let counter = Arc::new(Counter::default());
    pm.register_arc("counter", Arc::clone(&counter)).unwrap();
    assert_eq!(pm.hook().who(), ["counter", "builtin", "extra"]);
    pm.hook().count();
    pm.hook().count();
    assert_eq!(counter.calls.load(Ordering::Relaxed), 2);
    assert_eq!(pm.hooks_of("counter").unwrap(), ["who", "count"]);
    let info = pm.plugin("counter").unwrap();
    assert_eq!(info.origin, Origin::Registered);
    assert_eq!(
        (info.source.package, info.source.module),
        ("hookcore", "manager")
    );
}

#[test]
fn plugins_lists_run_time_plugins_in_registration_order_then_linked_by_name() {
    let pm = linked();
    pm.register("z", Counter::default()).unwrap();
    pm.register("a", Counter::default()).unwrap();
    let names: Vec<String> = pm.plugins().into_iter().map(|p| p.name).collect();
    assert_eq!(names, ["z", "a", "builtin", "extra"]);
}

#[test]
fn registering_a_taken_name_fails_and_changes_nothing() {
    let pm = linked();
    pm.register("counter", Counter::default()).unwrap();
    let before = state(&pm);
    for name in ["counter", "builtin"] {
        let err = pm.register(name, Counter::default()).unwrap_err();
        assert_eq!(err, Error::AlreadyRegistered { name: name.into() });
        assert_eq!(state(&pm), before);
    }
}

#[test]
fn registering_one_object_twice_fails_and_changes_nothing() {
    let pm = PluginManager::<dyn Service>::new();
    let counter = Arc::new(Counter::default());
    pm.register_arc("first", Arc::clone(&counter)).unwrap();
    let before = state(&pm);
    let err = pm.register_arc("second", counter).unwrap_err();
    assert_eq!(
        err,
        Error::ObjectAlreadyRegistered {
            existing: "first".into()
        }
    );
    assert_eq!(state(&pm), before);
}

#[test]
fn unregister_removes_from_every_hook() {
    let pm = linked();
    pm.unregister("extra").unwrap();
    assert_eq!(pm.hook().who(), ["builtin"]);
    assert!(!pm.is_registered("extra"));
    assert_eq!(
        pm.hooks_of("extra"),
        Err(Error::NotRegistered {
            name: "extra".into()
        })
    );
}

#[test]
fn unregistering_an_unknown_name_fails_and_changes_nothing() {
    let pm = linked();
    let before = state(&pm);
    assert_eq!(
        pm.unregister("nope"),
        Err(Error::NotRegistered {
            name: "nope".into()
        })
    );
    assert_eq!(state(&pm), before);
}

#[test]
fn unregister_drops_the_plugin_when_the_manager_held_the_last_reference() {
    let pm = PluginManager::<dyn Service>::new();
    let counter = Arc::new(Counter::default());
    pm.register_arc("counter", Arc::clone(&counter)).unwrap();
    // Ours, the registry's, and one in the table of each of its two hooks.
    assert_eq!(Arc::strong_count(&counter), 4);
    pm.unregister("counter").unwrap();
    assert_eq!(Arc::strong_count(&counter), 1);
}

#[test]
fn blocking_unregisters_and_refuses_registration_until_unblocked() {
    let pm = linked();
    pm.set_blocked("extra");
    assert!(pm.is_blocked("extra"));
    assert!(!pm.is_registered("extra"));
    assert_eq!(pm.hook().who(), ["builtin"]);

    let before = state(&pm);
    let err = pm.register("extra", Counter::default()).unwrap_err();
    assert_eq!(
        err,
        Error::Blocked {
            name: "extra".into()
        }
    );
    assert_eq!(state(&pm), before);
    assert_eq!(pm.load_linked(), Ok(0), "load_linked skips blocked names");
    assert_eq!(state(&pm), before);

    assert!(pm.unblock("extra"));
    assert!(
        !pm.unblock("extra"),
        "unblocking twice reports it was not blocked"
    );
    assert!(!pm.is_blocked("extra"));
    assert_eq!(
        pm.hook().who(),
        ["builtin"],
        "unblocking does not re-register"
    );
    assert_eq!(pm.load_linked(), Ok(1));
    assert_eq!(pm.hook().who(), ["builtin", "extra"]);
}

#[test]
fn a_name_can_be_blocked_before_anything_has_it() {
    let pm = PluginManager::<dyn Service>::new();
    pm.set_blocked("builtin");
    assert_eq!(pm.load_linked(), Ok(1));
    assert_eq!(pm.hook().who(), ["extra"]);
}

#[test]
fn load_linked_skips_names_that_are_registered() {
    let pm = PluginManager::<dyn Service>::new();
    pm.register("builtin", Counter::default()).unwrap();
    assert_eq!(pm.load_linked(), Ok(1));
    assert_eq!(pm.hook().who(), ["counter", "extra"]);
    assert_eq!(pm.plugin("builtin").unwrap().origin, Origin::Registered);
    assert_eq!(pm.load_linked(), Ok(0));
}

#[test]
fn introspection_of_unknown_names_is_an_error() {
    let pm = linked();
    assert_eq!(
        pm.hookimpls("whom"),
        Err(Error::UnknownHook {
            spec: "Service",
            hook: "whom".into()
        })
    );
    assert_eq!(
        pm.hooks_of("nope"),
        Err(Error::NotRegistered {
            name: "nope".into()
        })
    );
    assert_eq!(pm.plugin("nope"), None);
}

#[test]
fn the_spec_describes_its_hooks() {
    assert_eq!(<dyn Service as HookSpec>::NAME, "Service");
    let hooks: Vec<(&str, bool, &str)> = <dyn Service as HookSpec>::HOOKS
        .iter()
        .map(|hook| (hook.name, hook.firstresult, hook.signature))
        .collect();
    assert_eq!(
        hooks,
        [
            ("who", false, "fn who(&self) -> &'static str"),
            ("count", false, "fn count(&self)"),
        ]
    );
}

#[test]
fn require_accepts_plugin_names_and_package_names() {
    let pm = linked();
    assert_eq!(pm.require(["builtin", "extra"]), Ok(()));
    assert_eq!(
        pm.require(["hookcore"]),
        Ok(()),
        "the package of a registered plugin"
    );
    assert_eq!(
        pm.require(["manager"]),
        Ok(()),
        "the crate of a registered plugin: this test's, `manager`"
    );
    assert_eq!(pm.require(Vec::<String>::new()), Ok(()));
    let err = pm
        .require(["geolocate", "builtin", "incident"])
        .unwrap_err();
    assert_eq!(
        err,
        Error::MissingPlugins {
            names: vec!["geolocate".into(), "incident".into()]
        }
    );
}

#[test]
fn the_global_manager_is_built_once() {
    let pm = PluginManager::<dyn Service>::global();
    assert!(std::ptr::eq(
        pm,
        PluginManager::<dyn Service>::try_global().unwrap()
    ));
    assert_eq!(pm.hook().who(), ["builtin", "extra"]);
}

#[test]
fn debug_shows_the_spec_and_plugin_names() {
    let pm = linked();
    assert_eq!(
        format!("{pm:?}"),
        r#"PluginManager { spec: "Service", plugins: ["builtin", "extra"], .. }"#
    );
}

#[test]
fn every_error_says_what_to_do() {
    let cases = [
        (
            Error::AlreadyRegistered { name: "a".into() },
            "a plugin named `a` is already registered; unregister it first or register under another name",
        ),
        (
            Error::ObjectAlreadyRegistered {
                existing: "a".into(),
            },
            "this plugin object is already registered as `a`; one object is registered once",
        ),
        (
            Error::Blocked { name: "a".into() },
            "the plugin name `a` is blocked; call `unblock(\"a\")` before registering it",
        ),
        (
            Error::NotRegistered { name: "a".into() },
            "no plugin named `a` is registered",
        ),
        (
            Error::UnknownHook {
                spec: "S",
                hook: "h".into(),
            },
            "`S` has no hook named `h`",
        ),
        (
            Error::MissingPlugins {
                names: vec![
                    "a".into(),
                    "plugin-feeds".into(),
                    "plugin_feeds::rss".into(),
                    "my feeds".into(),
                ],
            },
            "required plugins are missing: a, plugin-feeds, plugin_feeds::rss, my feeds; \
             a plugin crate is linked only if the binary names it: \
             if `a` is a crate, add `use a as _;` to the binary's crate root; \
             if it is a plugin's name, add `use <crate> as _;` for the crate that defines it; \
             `plugin-feeds` is a package: add `use plugin_feeds as _;` to the binary's crate root; \
             `plugin_feeds::rss` is a plugin named after its module: add `use plugin_feeds as _;` \
             to the binary's crate root; \
             `my feeds` is a plugin's name: add `use <crate> as _;` for the crate that defines it",
        ),
    ];
    for (error, message) in cases {
        assert_eq!(error.to_string(), message);
    }
}
