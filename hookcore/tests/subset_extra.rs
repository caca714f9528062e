//! Calls without some plugins (pluggy's `subset_hook_caller`) and with temporary
//! extra ones (pluggy's `call_extra`).

use hookcore::{Error, PluginManager, hookimpl, hookspec};

#[hookspec]
pub trait Names {
    fn name(&self) -> &'static str;
}

struct Named(&'static str);

#[hookimpl(runtime)]
impl Names for Named {
    fn name(&self) -> &'static str {
        self.0
    }
}

/// A temporary implementation made from a closure.
struct With<F>(F);

#[hookimpl(runtime)]
impl<F: Fn() -> &'static str + Send + Sync + 'static> Names for With<F> {
    fn name(&self) -> &'static str {
        (self.0)()
    }
}

fn manager() -> PluginManager<dyn Names> {
    let pm = PluginManager::new();
    for name in ["c", "b", "a"] {
        pm.register(name, Named(name)).unwrap();
    }
    pm
}

#[test]
fn a_subset_caller_skips_the_named_plugins() {
    let pm = manager();
    let subset = pm.subset_hook(["b", "nonexistent"]);
    assert_eq!(subset.hook().name(), ["a", "c"]);
    assert_eq!(
        pm.hook().name(),
        ["a", "b", "c"],
        "the manager is unchanged"
    );
}

#[test]
fn a_subset_caller_sees_later_registrations() {
    let pm = manager();
    let subset = pm.subset_hook(["a"]);
    pm.register("d", Named("d")).unwrap();
    pm.unregister("c").unwrap();
    assert_eq!(subset.hook().name(), ["d", "b"]);
}

#[test]
fn extra_implementations_run_as_the_most_recent_registration_for_one_caller() {
    let pm = manager();
    let hooks = pm.extra_hook("extra", With(|| "extra")).unwrap();
    assert_eq!(hooks.name(), ["extra", "a", "b", "c"]);
    assert_eq!(pm.hook().name(), ["a", "b", "c"]);
    assert!(!pm.is_registered("extra"));
}

#[test]
fn an_extra_implementation_under_a_taken_name_is_refused() {
    let pm = manager();
    let err = pm.extra_hook("a", With(|| "x")).err().unwrap();
    assert_eq!(err, Error::AlreadyRegistered { name: "a".into() });
    assert_eq!(pm.hook().name(), ["a", "b", "c"]);
}
