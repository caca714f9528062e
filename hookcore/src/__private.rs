//! The one door generated code uses. Not public API: nothing here is covered by
//! semver, and it changes with the macros, which are pinned to this exact version.

use std::marker::PhantomData;

pub use std::sync::{Arc, OnceLock};

pub use linkme;

/// Call strategies; see the module docs of `hookcore::call` in the source.
pub mod call {
    pub use crate::call::*;
}
pub use crate::awaited::CallSpan;
pub use crate::calls::{ErasedCalls, HookCalls, Replay, Table};
pub use crate::dispatch::Dispatch;
pub use crate::entries::{
    EntryProbe, ForType, KeepProbe, KeyedEntry, ViaKeep, ViaNoEntry, ViaNoKeep, ViaSpecEntry,
    one_entry,
};
pub use crate::identity::SpecIdentity;
pub use crate::info::{HookInfo, ImplMeta, Order, Source, Tagged};
pub use crate::linked::LinkedEntries;
pub use crate::linked::{HOOKCORE_V0_1_LINKED as LINKED, LinkedPlugin};
pub use crate::manager::{PluginManager, SpecCallers};
pub use crate::monitor::{DebugProbe, HookCall, Monitors, ViaDebug, ViaNothing};
pub use crate::object::{ErasedEntry, Object, Owner};
pub use crate::spec::{HistoricHook, HookSpec, Kept, Plugin, Wrappable, WrappableHook};

/// What the wrappers of a hook that takes none are typed by: no type
/// implements it, so such a hook's wrapper list is always empty.
pub trait NoWrapper: Sync {}

/// What a `#[hookimpl]` asks which hooks are deprecated: hook key `KEY` of spec
/// `S` (see `HookSpec::__Deprecations`).
pub struct DeprecationProbe<S: ?Sized, const KEY: u64>(PhantomData<S>);

impl<S: ?Sized, const KEY: u64> DeprecationProbe<S, KEY> {
    /// The probe; it holds nothing.
    #[must_use]
    pub const fn new() -> Self {
        DeprecationProbe(PhantomData)
    }
}

impl<S: ?Sized, const KEY: u64> Default for DeprecationProbe<S, KEY> {
    fn default() -> Self {
        Self::new()
    }
}

/// `(&probe).deprecations()` for a spec: the spec's deprecations type. Preferred
/// by method lookup over [`ViaNoSpec`], which needs one more `&`.
pub trait ViaSpecDeprecations {
    /// The spec's deprecations type.
    type Deprecations;
    /// A value of it.
    fn deprecations(&self) -> Self::Deprecations;
}

impl<S: ?Sized + HookSpec, const KEY: u64> ViaSpecDeprecations for DeprecationProbe<S, KEY> {
    type Deprecations = S::__Deprecations<KEY>;
    fn deprecations(&self) -> Self::Deprecations {
        Default::default()
    }
}

/// `(&probe).deprecations()` for a trait that is not a spec: no deprecation, and
/// no second error next to the one that says it is not a spec.
pub trait ViaNoSpec {
    /// None.
    fn deprecations(&self) -> NoDeprecations {
        NoDeprecations
    }
}

impl<S: ?Sized, const KEY: u64> ViaNoSpec for &DeprecationProbe<S, KEY> {}

/// The `hook` method every type has: what a deprecation check finds for a hook
/// that is not deprecated. A spec's deprecations type has an inherent, deprecated
/// `hook` at the key of each deprecated hook, which method lookup prefers.
pub trait NotDeprecated {
    /// Not deprecated.
    fn hook(&self) {}
}

impl<T: ?Sized> NotDeprecated for T {}

/// `HookSpec::__Deprecations` of a spec with no deprecated hook.
#[derive(Default)]
pub struct NoDeprecations;

/// What a `#[hookimpl]` asks for the identity of the spec it implements: `S`'s,
/// through [`ViaSpecIdentity`], or none through [`ViaNoSpecIdentity`] when `S` is
/// not a spec (already a compile error; this adds none).
pub struct IdentityProbe<S: ?Sized>(PhantomData<S>);

impl<S: ?Sized> IdentityProbe<S> {
    /// The probe; it holds nothing.
    #[must_use]
    pub const fn new() -> Self {
        IdentityProbe(PhantomData)
    }
}

impl<S: ?Sized> Default for IdentityProbe<S> {
    fn default() -> Self {
        Self::new()
    }
}

/// `(&probe).identity()` for a spec. Preferred by method lookup over
/// [`ViaNoSpecIdentity`], which needs one more `&`.
pub trait ViaSpecIdentity {
    /// The spec's identity.
    fn identity(&self) -> Option<SpecIdentity>;
}

impl<S: ?Sized + HookSpec> ViaSpecIdentity for IdentityProbe<S> {
    fn identity(&self) -> Option<SpecIdentity> {
        Some(S::__IDENTITY)
    }
}

/// `(&probe).identity()` for a trait that is not a spec: none.
pub trait ViaNoSpecIdentity {
    /// None.
    fn identity(&self) -> Option<SpecIdentity> {
        None
    }
}

impl<S: ?Sized> ViaNoSpecIdentity for &IdentityProbe<S> {}

/// The `wrapper` method every type has: a hook that is not historic.
pub trait MaybeHistoric {
    /// Wrappable.
    fn wrapper(&self) -> WrappableHook {
        WrappableHook
    }
}

impl<T: ?Sized> MaybeHistoric for T {}

/// How many of `keep` are `true`: the length of a table whose entries are cfg'd,
/// or the position of an entry after cfg'd ones.
#[must_use]
pub const fn kept_len(keep: &[bool]) -> usize {
    let (mut at, mut count) = (0, 0);
    while at < keep.len() {
        if keep[at] {
            count += 1;
        }
        at += 1;
    }
    count
}

/// The entries of `all` whose `keep` is `true`, in order: a table with the entries
/// of switched-off (cfg'd) hooks and implementations left out. `M` is
/// `kept_len(keep)`.
#[must_use]
pub const fn kept<T: Copy, const N: usize, const M: usize>(
    keep: &[bool; N],
    all: &[T; N],
) -> [T; M] {
    assert!(
        N > 0 && M == kept_len(keep),
        "M is the number of kept entries"
    );
    let mut kept = [all[0]; M];
    let (mut at, mut next) = (0, 0);
    while at < N {
        if keep[at] {
            kept[next] = all[at];
            next += 1;
        }
        at += 1;
    }
    kept
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

#[cfg(test)]
mod tests {
    use super::{kept, kept_len};

    #[test]
    fn kept_entries_keep_their_order_and_the_rest_are_dropped() {
        const KEEP: [bool; 4] = [true, false, true, false];
        const KEPT: [u8; kept_len(&KEEP)] = kept(&KEEP, &[1, 2, 3, 4]);
        assert_eq!(KEPT, [1, 3]);
        assert_eq!(kept_len(&[]), 0);
        let none: [u8; 0] = kept(&[false], &[9]);
        assert_eq!(none, []);
    }
}
