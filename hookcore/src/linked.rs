//! Link-time discovery: one linkme slice that every `#[hookimpl]` in every linked
//! crate adds an entry to.
//!
//! One slice serves every spec. An entry holds its plugin object type-erased: a
//! `&'static (dyn Any + Sync)` pointing at a `fn() -> &'static dyn Spec`, which
//! returns the plugin's static instance. A manager keeps the entries that downcast
//! to its own spec's function type. This needs no `unsafe` and no per-spec slice,
//! whose names would have to be unique across crates; and a function pointer is
//! `Sync` whatever the spec, so a trait without `#[hookspec]` fails only where the
//! generated code asks for `HookSpec`, with one clear message.
//!
//! The slice's name is its linker section, so it carries hookcore's semver-breaking
//! version (`0_1` for 0.1.x): two incompatible hookcore versions in one binary get
//! two slices instead of linkme's "duplicate #[distributed_slice]" panic. A test
//! checks that the name follows the package version.

use std::any::Any;

use linkme::distributed_slice;

use crate::info::{ImplMeta, Source};
use crate::skew::SpecIdentity;
use crate::spec::HookSpec;

/// One `#[hookimpl]`: a free function or an `impl` block, with its plugin object.
#[doc(hidden)]
/// Not public API; built by generated code.
pub struct LinkedPlugin {
    /// A `&'static fn() -> &'static dyn Spec`, erased.
    pub object: &'static (dyn Any + Sync),
    /// The plugin name: `name = "..."`, else the module path (functions) or the
    /// module path and type name (`impl` blocks).
    pub name: &'static str,
    pub source: Source,
    pub impls: &'static [ImplMeta],
    /// The spec the entry implements, as that spec recorded it (`None` if the
    /// trait is not a spec, which is a compile error anyway).
    pub spec: fn() -> Option<SpecIdentity>,
}

impl LinkedPlugin {
    /// The plugin object, if this entry implements the spec `S`.
    pub(crate) fn object<S: HookSpec + ?Sized>(&self) -> Option<&'static S> {
        let object: &'static dyn Any = self.object;
        object
            .downcast_ref::<fn() -> &'static S>()
            .map(|instance| instance())
    }
}

/// Every `#[hookimpl]` of every linked crate, in the linker's (meaningless) order.
#[doc(hidden)]
/// Not public API; generated code adds to it.
#[distributed_slice]
pub static HOOKCORE_V0_1_LINKED: [LinkedPlugin];

/// The linked entries for the spec `S`.
pub(crate) fn entries<S: HookSpec + ?Sized>()
-> impl Iterator<Item = (&'static LinkedPlugin, &'static S)> {
    HOOKCORE_V0_1_LINKED
        .iter()
        .filter_map(|entry| Some((entry, entry.object::<S>()?)))
}

/// The version in the slice's name; must follow `CARGO_PKG_VERSION` (tested).
#[cfg(test)]
const SLICE_VERSION: &str = "0.1.";

#[cfg(test)]
mod tests {
    #[test]
    fn slice_name_follows_package_version() {
        assert!(
            env!("CARGO_PKG_VERSION").starts_with(super::SLICE_VERSION),
            "hookcore's version changed: rename HOOKCORE_V0_1_LINKED and SLICE_VERSION to match"
        );
    }
}
