//! Two linked implementations of one hook under one plugin name (`name = "..."`
//! given twice) are an error when the manager is built, never a silent pick.

use hookcore::{Error, PluginManager, hookspec};

#[hookspec]
pub trait Jobs {
    fn run(&self) -> &'static str;
    fn stop(&self);
}

mod nightly {
    #[hookcore::hookimpl(super::Jobs, name = "jobs")]
    fn run() -> &'static str {
        "nightly"
    }
}

mod hourly {
    #[hookcore::hookimpl(super::Jobs, name = "jobs")]
    fn run() -> &'static str {
        "hourly"
    }

    // Another hook under the same name is fine: functions of one plugin.
    #[hookcore::hookimpl(super::Jobs, name = "jobs")]
    fn stop() {}
}

fn duplicate() -> Error {
    Error::DuplicateImpl {
        plugin: "jobs".into(),
        hook: "run",
        first: "hookcore/tests/linked_conflicts.rs:14".into(),
        second: "hookcore/tests/linked_conflicts.rs:21".into(),
    }
}

#[test]
fn linked_reports_the_hook_and_both_places() {
    let err = PluginManager::<dyn Jobs>::linked().unwrap_err();
    assert_eq!(err, duplicate());
    assert_eq!(
        err.to_string(),
        "plugin `jobs` implements hook `run` twice, at hookcore/tests/linked_conflicts.rs:14 and at \
         hookcore/tests/linked_conflicts.rs:21; give one of them another `name = \"...\"`"
    );
}

#[test]
fn a_failed_load_changes_nothing() {
    let pm = PluginManager::<dyn Jobs>::new();
    assert_eq!(pm.load_linked(), Err(duplicate()));
    assert!(pm.plugins().is_empty());
    assert!(pm.hook().run().is_empty());
}

#[test]
fn try_global_returns_the_error() {
    assert_eq!(
        PluginManager::<dyn Jobs>::try_global().unwrap_err(),
        duplicate()
    );
}

#[test]
#[should_panic(
    expected = "hookcore: cannot load the linked plugins of `Jobs`: plugin `jobs` implements hook `run` twice"
)]
fn global_panics_with_the_error() {
    let _ = PluginManager::<dyn Jobs>::global();
}
