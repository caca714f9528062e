//! How a plugin type becomes its entries: one per hook it implements, typed by
//! that hook's trait, and nothing for the others.
//!
//! `#[hookspec]` implements [`BuildEntries`] for every plugin type of its spec
//! (`ForType<T>` for each `T: Spec + Plugin<dyn Spec>`): for each hook, under
//! `if const { implements(T::IMPLS, "hook", wrapper) }`, the entry with `T`'s
//! object typed `&dyn` the hook's trait. The condition is a constant of `T`, so
//! the compiler does not even instantiate the branches of the hooks `T` does not
//! implement: a plugin costs its own hooks, not the spec's. `#[hookimpl]` asks
//! for the entries through [`EntriesProbe`], which finds none (and adds no error
//! to the one already reported) when the trait is not a spec.

use std::any::Any;
use std::marker::PhantomData;
use std::sync::Arc;

use crate::info::ImplMeta;
use crate::object::{ErasedEntry, Owner};

/// The plugin type `T`, as the spec's [`BuildEntries`] implementation names it.
#[doc(hidden)]
/// Not public API.
pub struct ForType<T: ?Sized>(PhantomData<fn() -> *const T>);

/// The entries of a plugin type `T` for the spec `S`: implemented by
/// `#[hookspec]` for `ForType<T>`, every `T` that implements the spec.
#[doc(hidden)]
/// Not public API.
pub trait BuildEntries<S: ?Sized, T: 'static> {
    /// One entry per implementation and wrapper of `T`, in the spec's hook order.
    fn entries(owner: &Owner<T>) -> Vec<ErasedEntry>;

    /// The object, as the manager keeps it: `T` is `Send + Sync` as the spec
    /// requires, which only the spec's implementation can say without a second
    /// error where `T` is not.
    fn keep(object: Arc<T>) -> Arc<dyn Any + Send + Sync>;
}

/// What `#[hookimpl]` asks for its plugin type's entries.
#[doc(hidden)]
/// Not public API.
pub struct EntriesProbe<T: ?Sized, S: ?Sized>(PhantomData<fn() -> (*const T, *const S)>);

impl<T: ?Sized, S: ?Sized> EntriesProbe<T, S> {
    /// The probe; it holds nothing.
    #[must_use]
    pub const fn new() -> Self {
        EntriesProbe(PhantomData)
    }
}

impl<T: ?Sized, S: ?Sized> Default for EntriesProbe<T, S> {
    fn default() -> Self {
        Self::new()
    }
}

/// `(&probe).entries(owner)` for a spec: the entries its [`BuildEntries`]
/// makes. Preferred by method lookup over [`ViaNoEntries`], which needs one
/// more `&`.
#[doc(hidden)]
pub trait ViaSpecEntries<T: 'static> {
    /// The entries.
    fn entries(&self, owner: &Owner<T>) -> Vec<ErasedEntry>;
    /// The object, as the manager keeps it.
    fn keep(&self, object: Arc<T>) -> Option<Arc<dyn Any + Send + Sync>>;
}

impl<T: 'static, S: ?Sized> ViaSpecEntries<T> for EntriesProbe<T, S>
where
    ForType<T>: BuildEntries<S, T>,
{
    fn entries(&self, owner: &Owner<T>) -> Vec<ErasedEntry> {
        <ForType<T> as BuildEntries<S, T>>::entries(owner)
    }

    fn keep(&self, object: Arc<T>) -> Option<Arc<dyn Any + Send + Sync>> {
        Some(<ForType<T> as BuildEntries<S, T>>::keep(object))
    }
}

/// `(&probe).entries(owner)` for a trait that is not a spec: none, and no
/// second error next to the one that says it is not a spec.
#[doc(hidden)]
pub trait ViaNoEntries<T: 'static> {
    /// None.
    fn entries(&self, _owner: &Owner<T>) -> Vec<ErasedEntry> {
        Vec::new()
    }

    /// None.
    fn keep(&self, _object: Arc<T>) -> Option<Arc<dyn Any + Send + Sync>> {
        None
    }
}

impl<T: 'static, S: ?Sized> ViaNoEntries<T> for &EntriesProbe<T, S> {}

/// Whether `impls` holds an implementation (or, with `wrapper`, a wrapper) of
/// `hook`: the constant a spec's [`BuildEntries`] decides each hook's entry by.
#[doc(hidden)]
#[must_use]
pub const fn implements(impls: &[ImplMeta], hook: &str, wrapper: bool) -> bool {
    let mut at = 0;
    while at < impls.len() {
        if impls[at].wrapper == wrapper && same(impls[at].hook, hook) {
            return true;
        }
        at += 1;
    }
    false
}

const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
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

#[cfg(test)]
mod tests {
    use super::implements;
    use crate::info::{ImplMeta, Order};

    const fn meta(hook: &'static str, wrapper: bool) -> ImplMeta {
        ImplMeta {
            hook,
            wrapper,
            order: Order::Normal,
            before: &[],
            after: &[],
            file: "t.rs",
            line: 1,
        }
    }

    #[test]
    fn implements_matches_the_hook_name_and_kind() {
        const IMPLS: &[ImplMeta] = &[meta("greet", false), meta("nick", true)];
        // Usable where the spec's code uses it: in a constant.
        const { assert!(implements(IMPLS, "greet", false)) };
        assert!(!implements(IMPLS, "greet", true));
        assert!(implements(IMPLS, "nick", true));
        assert!(!implements(IMPLS, "nick", false));
        assert!(!implements(IMPLS, "gree", false));
        assert!(!implements(IMPLS, "greets", false));
        assert!(!implements(&[], "greet", false));
    }
}
