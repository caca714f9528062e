//! Specs, implementations and options written by `macro_rules!`: types, literals,
//! paths and expressions from fragments reach the attributes inside invisible
//! groups, and mean what they would mean written out.

use std::sync::atomic::{AtomicBool, Ordering};

use hookcore::PluginManager;

/// A spec whose return types, and the path to hookcore, are fragments.
macro_rules! spec {
    ($spec:ident, $krate:path, $fallible:ty, $optional:ty, $plain:ty, $unit:ty) => {
        #[hookcore::hookspec(crate = $krate)]
        pub trait $spec {
            /// Stops at the first `Err`.
            fn check(&self, text: &str) -> $fallible;
            /// Stops at the first `Some`.
            #[hookspec(firstresult)]
            fn find(&self, key: u8) -> $optional;
            /// Every value.
            fn each(&self) -> $plain;
            /// Nothing to collect.
            fn note(&self) -> $unit;
        }
    };
}

spec!(
    Checks,
    ::hookcore,
    Result<(), String>,
    Option<u8>,
    u8,
    ()
);

static THIRD_RAN: AtomicBool = AtomicBool::new(false);

/// A free-function implementation; spec, name, order, hook and path to
/// hookcore are fragments.
macro_rules! check {
    ($spec:path, $krate:path, $fn:ident, $name:literal, after = $after:expr, $hook:literal, $ty:ty, $body:expr) => {
        #[hookcore::hookimpl($spec, name = $name, after = $after, specname = $hook, crate = $krate)]
        fn $fn(text: &str) -> $ty {
            ($body)(text)
        }
    };
}

#[hookcore::hookimpl(Checks, name = "first")]
fn check(_text: &str) -> Result<(), String> {
    Ok(())
}

check!(
    Checks,
    ::hookcore,
    refuse,
    "second",
    after = "first",
    "check",
    Result<(), String>,
    |text: &str| Err(format!("no {text}"))
);
check!(
    crate::Checks,
    hookcore,
    never,
    "third",
    after = ["first", "second"],
    "check",
    Result<(), String>,
    |_: &str| {
        THIRD_RAN.store(true, Ordering::Relaxed);
        Ok(())
    }
);

/// An impl block whose type, spec, name and hook options are fragments.
macro_rules! plugin {
    ($spec:path, $ty:ty, $name:literal, $before:literal, $next:ty, $krate:path) => {
        #[hookcore::hookimpl(name = $name, crate = $krate)]
        impl $spec for $ty {
            #[hookimpl(before = $before)]
            fn find(&self, key: u8) -> Option<u8> {
                (key > 1).then_some(key * 10)
            }
            fn each(&self) -> u8 {
                7
            }
            #[hookimpl(wrapper)]
            fn each(&self, next: $next) -> Vec<u8> {
                let mut all = next.call();
                all.push(0);
                all
            }
        }
    };
}

pub struct Finder;
plugin!(
    Checks,
    Finder,
    "finder",
    "lookup",
    ChecksEachNext<'_>,
    ::hookcore
);

#[hookcore::hookimpl(Checks, name = "lookup")]
fn find(key: u8) -> Option<u8> {
    Some(key)
}

#[test]
fn a_result_from_a_fragment_stops_at_the_first_err() {
    let pm = PluginManager::<dyn Checks>::linked().unwrap();
    let outcome: Result<(), String> = pm.hook().check("way");
    assert_eq!(outcome, Err("no way".to_owned()));
    assert!(!THIRD_RAN.load(Ordering::Relaxed));
}

#[test]
fn firstresult_on_an_option_from_a_fragment_returns_an_option() {
    let pm = PluginManager::<dyn Checks>::linked().unwrap();
    // `before = "lookup"`: the finder answers first.
    let found: Option<u8> = pm.hook().find(2);
    assert_eq!(found, Some(20));
    assert_eq!(pm.hook().find(1), Some(1));
    let each: Vec<u8> = pm.hook().each();
    assert_eq!(each, [7, 0]);
    let (): () = pm.hook().note();
}

#[test]
fn names_and_hooks_are_as_the_fragments_give_them() {
    let pm = PluginManager::<dyn Checks>::linked().unwrap();
    let order: Vec<String> = pm
        .hookimpls("check")
        .unwrap()
        .into_iter()
        .map(|info| info.plugin)
        .collect();
    assert_eq!(order, ["first", "second", "third"]);
    assert_eq!(pm.hooks_of("second").unwrap(), ["check"]);
    assert_eq!(pm.hooks_of("finder").unwrap(), ["find", "each"]);
    let finder = pm.hookimpls("find").unwrap();
    assert_eq!(finder[0].plugin, "finder");
    assert_eq!(finder[0].before, ["lookup"]);
}

/// A spec whose hooks and their attributes are fragments: `$(#[$attr:meta])*`,
/// as macros that pass docs through write them.
macro_rules! hooks {
    ($spec:ident { $($(#[$attr:meta])* fn $hook:ident(&self) -> $ty:ty;)* }) => {
        #[hookcore::hookspec]
        pub trait $spec {
            $($(#[$attr])* fn $hook(&self) -> $ty;)*
        }
    };
}

hooks!(Passed {
    /// The first answer.
    #[hookspec(firstresult)]
    fn answer(&self) -> Option<u8>;
    #[cfg(any())]
    fn absent(&self) -> u8;
    #[allow(clippy::type_complexity)]
    fn present(&self) -> u8;
});

#[hookcore::hookimpl(Passed)]
fn answer() -> Option<u8> {
    Some(42)
}

#[test]
fn attributes_from_meta_fragments_are_read() {
    let pm = PluginManager::<dyn Passed>::linked().unwrap();
    let answer: Option<u8> = pm.hook().answer();
    assert_eq!(answer, Some(42));
    let names: Vec<&str> = <dyn Passed as hookcore::HookSpec>::HOOKS
        .iter()
        .map(|hook| hook.name)
        .collect();
    assert_eq!(names, ["answer", "present"]);
    assert!(pm.hook().present().is_empty());
}
