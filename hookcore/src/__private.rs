//! The one door generated code uses. Not public API: nothing here is covered by
//! semver, and it changes with the macros, which are pinned to this exact version.

pub use std::sync::{Arc, OnceLock};

pub use linkme;

/// Call strategies; see the module docs of `hookcore::call` in the source.
pub mod call {
    pub use crate::call::*;
}
pub use crate::info::{HookInfo, ImplMeta, Order, Source, Tagged};
pub use crate::linked::{HOOKCORE_V0_1_LINKED as LINKED, LinkedPlugin};
pub use crate::manager::PluginManager;
pub use crate::monitor::{DebugProbe, HookCall, Monitors, ViaDebug, ViaNothing};
pub use crate::spec::{HookSpec, Plugin};
pub use crate::table::{Dispatch, PluginRef, Replay};

/// Compiles only if `S` is a hook spec. `#[hookimpl(Spec)]` on a function names its
/// spec with this, so a trait without `#[hookspec]` is one error at the user's path.
pub const fn assert_spec<S: HookSpec + ?Sized>() {}

const HISTORIC_WRAPPER: &str = "a historic hook cannot have a wrapper: its calls are replayed to plugins registered later, outside any wrapper";

/// Fails to compile (a panic in constant evaluation) if `hook` of `S` is
/// historic: a `#[hookimpl(wrapper)]` names its hook with this.
pub const fn assert_wrappable<S: HookSpec + ?Sized>(hook: &str) {
    let mut at = 0;
    while at < S::HOOKS.len() {
        let info = &S::HOOKS[at];
        if info.historic && same(info.name.as_bytes(), hook.as_bytes()) {
            panic!("{}", HISTORIC_WRAPPER);
        }
        at += 1;
    }
}

const fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut at = 0;
    while at < a.len() {
        if a[at] != b[at] {
            return false;
        }
        at += 1;
    }
    true
}

/// The body of a hook's default method when its return type has no neutral value.
/// The manager never calls it: it calls only the hooks a plugin implements.
#[cold]
#[track_caller]
pub fn not_implemented(spec: &str, hook: &str) -> ! {
    panic!(
        "`{hook}` was called directly on a plugin that does not implement it; \
         call hooks through `PluginManager::<dyn {spec}>::hook()`"
    )
}
