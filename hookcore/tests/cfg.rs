//! `#[cfg(..)]` on hooks and implementations: a switched-off hook or method is
//! absent from everything (tables, callers, introspection), a switched-on one
//! works as if written without it. `cfg(any())` is always off, `cfg(all())`
//! always on.

// `all()` and `any()` are the point: cfgs whose value needs no build setting.
#![allow(clippy::non_minimal_cfg)]

use hookcore::{HookSpec, PluginManager, hookimpl, hookspec};

#[hookspec]
pub trait Gated {
    fn first(&self) -> u8;
    /// Off: later hooks' table indexes must not count it.
    #[cfg(any())]
    fn gone(&self) -> u8;
    #[cfg(all())]
    fn kept(&self) -> Vec<u8>;
    /// Off through `cfg_attr`.
    #[cfg_attr(all(), cfg(any()))]
    fn also_gone(&self, missing: Missing) -> Option<u8>;
    #[hookspec(firstresult)]
    fn last(&self, key: u8) -> Option<u8>;
    #[hookspec(historic)]
    fn remember(&self, value: u8) -> u8;
}

/// Also off.
#[cfg(any())]
pub struct Missing;

pub struct Block;

#[hookimpl(name = "block")]
impl Gated for Block {
    fn first(&self) -> u8 {
        1
    }
    #[cfg(any())]
    fn last(&self, _key: u8) -> Option<u8> {
        Some(0)
    }
    #[cfg(all())]
    fn kept(&self) -> Vec<u8> {
        vec![1]
    }
    // Alternatives under opposite cfgs: one of them is the implementation.
    #[cfg(any())]
    fn remember(&self, value: u8) -> u8 {
        value
    }
    #[cfg(not(any()))]
    fn remember(&self, value: u8) -> u8 {
        value * 2
    }
    #[hookimpl(wrapper)]
    #[cfg(any())]
    fn first(&self, next: GatedFirstNext<'_>) -> Vec<u8> {
        vec![next.call()[0] + 100]
    }
}

/// A whole block switched off: no plugin, though the type exists. (rustc decides
/// a cfg on the item itself before the attribute runs, in either order.)
pub struct Never;

#[hookimpl(name = "never")]
#[cfg(any())]
impl Gated for Never {
    fn first(&self) -> u8 {
        0
    }
}

#[hookimpl(Gated, name = "on")]
#[cfg(all())]
fn last(key: u8) -> Option<u8> {
    Some(key + 1)
}

#[hookimpl(Gated, name = "off")]
#[cfg(any())]
fn first() -> u8 {
    9
}

/// A wrapper of a hook after switched-off ones: the wrapped path uses the
/// table's index too.
pub struct Wraps;

#[hookimpl(runtime)]
impl Gated for Wraps {
    #[hookimpl(wrapper)]
    fn last(&self, key: u8, next: GatedLastNext<'_>) -> Option<u8> {
        next.call(key * 10)
    }
}

/// A spec switched off as a whole, and one switched on (decided by rustc before
/// the attribute runs).
#[hookspec]
#[cfg(any())]
pub trait Nowhere {
    fn hook(&self) -> u8;
}

#[hookspec]
#[cfg(all())]
pub trait Somewhere {
    #[deprecated(note = "gone soon")]
    fn hook(&self, value: u8) -> u8;
    #[hookspec(firstresult)]
    fn first(&self, next: u8) -> Option<u8>;
}

#[hookimpl(Somewhere)]
fn first(next: u8) -> Option<u8> {
    Some(next)
}

#[test]
fn a_cfg_on_the_spec_trait_switches_all_of_it() {
    let pm = PluginManager::<dyn Somewhere>::linked().unwrap();
    assert_eq!(pm.hook().first(3), Some(3));
    assert_eq!(<dyn Somewhere as HookSpec>::HOOKS.len(), 2);
}

#[test]
fn a_wrapper_after_cfgd_hooks_wraps_its_own_hook() {
    let pm = PluginManager::<dyn Gated>::linked().unwrap();
    pm.register("wraps", Wraps).unwrap();
    assert_eq!(pm.hook().last(4), Some(41));
    assert_eq!(pm.hook().first(), [1]);
}

#[test]
fn a_cfgd_hook_is_absent_and_later_hooks_still_dispatch() {
    let names: Vec<&str> = <dyn Gated as HookSpec>::HOOKS
        .iter()
        .map(|hook| hook.name)
        .collect();
    assert_eq!(names, ["first", "kept", "last", "remember"]);
    let pm = PluginManager::<dyn Gated>::linked().unwrap();
    assert_eq!(pm.hook().first(), [1]);
    assert_eq!(pm.hook().kept(), [vec![1]]);
    assert_eq!(pm.hook().last(4), Some(5));
    assert_eq!(pm.tagged_hook().last(4).unwrap().plugin.as_ref(), "on");
    let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let sink = std::sync::Arc::clone(&seen);
    pm.hook()
        .remember(3, move |value| sink.lock().unwrap().push(value));
    assert_eq!(*seen.lock().unwrap(), [6]);
}

#[test]
fn a_cfgd_method_or_function_is_not_listed_and_does_not_run() {
    let pm = PluginManager::<dyn Gated>::linked().unwrap();
    assert_eq!(pm.hooks_of("block").unwrap(), ["first", "kept", "remember"]);
    assert!(pm.hooks_of("off").is_err());
    assert!(pm.hooks_of("never").is_err());
    assert_eq!(pm.hooks_of("on").unwrap(), ["last"]);
    let last: Vec<String> = pm
        .hookimpls("last")
        .unwrap()
        .into_iter()
        .map(|info| info.plugin)
        .collect();
    assert_eq!(last, ["on"]);
    let first = pm.hookimpls("first").unwrap();
    assert_eq!(first.len(), 1);
    assert!(!first[0].wrapper);
    assert!(pm.hookimpls("gone").is_err());
}
