//! The one door generated code uses. Not public API: nothing here is covered by
//! semver, and it changes with the macros, which are pinned to this exact version.

pub use std::sync::{Arc, OnceLock};

pub use linkme;

/// Call strategies; see the module docs of `hookcore::call` in the source.
pub mod call {
    pub use crate::call::*;
}
pub use crate::info::{HookInfo, ImplMeta, Order, Source};
pub use crate::linked::{HOOKCORE_V0_1_LINKED as LINKED, LinkedPlugin};
pub use crate::manager::PluginManager;
pub use crate::spec::{HookSpec, Plugin};
pub use crate::table::Dispatch;

/// Compiles only if `S` is a hook spec. `#[hookimpl(Spec)]` on a function names its
/// spec with this, so a trait without `#[hookspec]` is one error at the user's path.
pub const fn assert_spec<S: HookSpec + ?Sized>() {}

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
