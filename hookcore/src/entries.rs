//! How a plugin type becomes its entries: one per hook it implements, typed by
//! that hook's trait, and nothing for the others.
//!
//! `#[hookspec]` implements [`KeyedEntry<dyn Spec, KEY, T>`] for `ForType<T>`,
//! every plugin type `T` of the spec, once per hook (and once per hook's
//! wrapper), at the hook's key: a hash of its name that `#[hookimpl]` computes
//! too. A `#[hookimpl]` asks, for each hook it implements, for the entry at that
//! key through [`EntryProbe`], which finds none (and adds no error to the one
//! rustc already reports there) when the name is no hook or the trait no spec.
//! So a plugin type instantiates the entries of its own hooks only.

use std::any::Any;
use std::marker::PhantomData;
use std::sync::Arc;

use crate::object::{ErasedEntry, Owner};

/// The plugin type `T`, as the spec's [`KeyedEntry`] implementations name it.
#[doc(hidden)]
/// Not public API.
pub struct ForType<T: ?Sized>(PhantomData<fn() -> *const T>);

/// The entry of one hook (at `KEY`) of the spec `S` for the plugin type `T`:
/// implemented by `#[hookspec]` for `ForType<T>`, every `T` that implements the
/// spec.
#[doc(hidden)]
/// Not public API.
pub trait KeyedEntry<S: ?Sized, const KEY: u64, T: 'static> {
    /// A linked plugin's static object, typed by the hook's trait.
    fn linked(object: &'static T) -> ErasedEntry;
    /// A registered plugin's object, typed by the hook's trait.
    fn shared(object: &Arc<T>) -> ErasedEntry;
}

/// What `#[hookimpl]` asks for the entry of the hook at `KEY` of `S`.
#[doc(hidden)]
/// Not public API.
pub struct EntryProbe<T: ?Sized, S: ?Sized, const KEY: u64>(
    PhantomData<fn() -> (*const T, *const S)>,
);

impl<T: ?Sized, S: ?Sized, const KEY: u64> EntryProbe<T, S, KEY> {
    /// The probe; it holds nothing.
    #[must_use]
    pub const fn new() -> Self {
        EntryProbe(PhantomData)
    }
}

impl<T: ?Sized, S: ?Sized, const KEY: u64> Default for EntryProbe<T, S, KEY> {
    fn default() -> Self {
        Self::new()
    }
}

/// `(&probe).entry(owner)` for a hook of a spec: the entry. Preferred by method
/// lookup over [`ViaNoEntry`], which needs one more `&`.
#[doc(hidden)]
pub trait ViaSpecEntry<T: 'static> {
    /// The entry of `owner`'s object.
    fn entry(&self, owner: &Owner<T>) -> Option<ErasedEntry>;
    /// The entry of a linked plugin's static object.
    fn linked(&self, object: &'static T) -> Option<ErasedEntry>;
}

impl<T: 'static, S: ?Sized, const KEY: u64> ViaSpecEntry<T> for EntryProbe<T, S, KEY>
where
    ForType<T>: KeyedEntry<S, KEY, T>,
{
    fn entry(&self, owner: &Owner<T>) -> Option<ErasedEntry> {
        Some(match owner {
            Owner::Static(object) => <ForType<T> as KeyedEntry<S, KEY, T>>::linked(object),
            Owner::Shared(object) => <ForType<T> as KeyedEntry<S, KEY, T>>::shared(object),
        })
    }

    fn linked(&self, object: &'static T) -> Option<ErasedEntry> {
        Some(<ForType<T> as KeyedEntry<S, KEY, T>>::linked(object))
    }
}

/// `(&probe).entry(owner)` for a name that is no hook, or a trait that is no
/// spec: none, and no second error next to the one already reported.
#[doc(hidden)]
pub trait ViaNoEntry<T: 'static> {
    /// None.
    fn entry(&self, _owner: &Owner<T>) -> Option<ErasedEntry> {
        None
    }
    /// None.
    fn linked(&self, _object: &'static T) -> Option<ErasedEntry> {
        None
    }
}

impl<T: 'static, S: ?Sized, const KEY: u64> ViaNoEntry<T> for &EntryProbe<T, S, KEY> {}

/// What `#[hookimpl]` asks for its plugin object as the manager keeps it.
#[doc(hidden)]
/// Not public API.
pub struct KeepProbe<T: ?Sized>(PhantomData<fn() -> *const T>);

impl<T: ?Sized> KeepProbe<T> {
    /// The probe; it holds nothing.
    #[must_use]
    pub const fn new() -> Self {
        KeepProbe(PhantomData)
    }
}

/// A linked function's entries: its one entry, or none.
#[doc(hidden)]
#[must_use]
#[inline(never)]
pub fn one_entry(entry: Option<ErasedEntry>) -> Vec<ErasedEntry> {
    entry.into_iter().collect()
}

impl<T: ?Sized> Default for KeepProbe<T> {
    fn default() -> Self {
        Self::new()
    }
}

/// `(&probe).keep(object)` for a `Send + Sync` plugin type, as every spec
/// requires: the object. Preferred by method lookup over [`ViaNoKeep`].
#[doc(hidden)]
pub trait ViaKeep<T> {
    /// The object, erased.
    fn keep(&self, object: Arc<T>) -> Option<Arc<dyn Any + Send + Sync>>;
}

impl<T: Send + Sync + 'static> ViaKeep<T> for KeepProbe<T> {
    fn keep(&self, object: Arc<T>) -> Option<Arc<dyn Any + Send + Sync>> {
        Some(object)
    }
}

/// `(&probe).keep(object)` for a type that is not `Send + Sync`: none, and no
/// second error next to the spec's, which requires both.
#[doc(hidden)]
pub trait ViaNoKeep<T> {
    /// None.
    fn keep(&self, _object: Arc<T>) -> Option<Arc<dyn Any + Send + Sync>> {
        None
    }
}

impl<T> ViaNoKeep<T> for &KeepProbe<T> {}
