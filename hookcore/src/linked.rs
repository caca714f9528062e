//! Link-time discovery: one linkme slice that every `#[hookimpl]` in every linked
//! crate adds an entry to.
//!
//! One slice serves every spec. An entry holds its plugin type-erased: a
//! `&'static (dyn Any + Sync)` pointing at a [`LinkedEntries<dyn Spec>`], the
//! function that makes the plugin's entries from its static instance. A manager
//! keeps the entries that downcast to its own spec's type. This needs no `unsafe` and no per-spec slice,
//! whose names would have to be unique across crates; and a function pointer is
//! `Sync` whatever the spec, so a trait without `#[hookspec]` fails only where the
//! generated code asks for `HookSpec`, with one clear message.
//!
//! The slice's name is its linker section, so it carries hookcore's semver-breaking
//! version (`0_1` for 0.1.x): two incompatible hookcore versions in one binary get
//! two slices instead of linkme's "duplicate #[distributed_slice]" panic. A test
//! checks that the name follows the package version.

use std::any::Any;
use std::marker::PhantomData;

use linkme::distributed_slice;

use crate::identity::SpecIdentity;
use crate::info::{ImplMeta, Source};
use crate::object::ErasedEntry;
use crate::spec::HookSpec;

/// One `#[hookimpl]`: a free function or an `impl` block, with its plugin object.
#[doc(hidden)]
/// Not public API; built by generated code.
pub struct LinkedPlugin {
    /// A `&'static LinkedEntries<dyn Spec>`, erased.
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
    /// The plugin's entries, if this entry implements the spec `S`.
    pub(crate) fn entries<S: HookSpec + ?Sized>(&self) -> Option<Vec<ErasedEntry>> {
        let object: &'static dyn Any = self.object;
        object
            .downcast_ref::<LinkedEntries<S>>()
            .map(|entries| (entries.make)())
    }

    /// Whether this entry implements the spec `S`.
    pub(crate) fn is_of<S: HookSpec + ?Sized>(&self) -> bool {
        let object: &'static dyn Any = self.object;
        object.is::<LinkedEntries<S>>()
    }
}

/// What a linked entry of the spec `S` holds: the function that makes its
/// plugin's entries.
#[doc(hidden)]
/// Not public API; built by generated code.
pub struct LinkedEntries<S: ?Sized> {
    make: fn() -> Vec<ErasedEntry>,
    spec: PhantomData<fn() -> *const S>,
}

impl<S: ?Sized> LinkedEntries<S> {
    /// The entries `make` makes, for the spec `S`.
    #[must_use]
    pub const fn new(make: fn() -> Vec<ErasedEntry>) -> Self {
        LinkedEntries {
            make,
            spec: PhantomData,
        }
    }
}

/// Every `#[hookimpl]` of every linked crate, in the linker's (meaningless) order.
#[doc(hidden)]
/// Not public API; generated code adds to it.
#[distributed_slice]
pub static HOOKCORE_V0_1_LINKED: [LinkedPlugin];

/// The linked entries for the spec `S`, each with its plugin's entries.
pub(crate) fn entries<S: HookSpec + ?Sized>()
-> impl Iterator<Item = (&'static LinkedPlugin, Vec<ErasedEntry>)> {
    HOOKCORE_V0_1_LINKED
        .iter()
        .filter_map(|entry| Some((entry, entry.entries::<S>()?)))
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
