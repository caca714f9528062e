//! One hook's plugin objects, resolved for the call path.
//!
//! [`Objects`] keeps each plugin twice: its owner ([`PluginRef`]: the `&'static`
//! object of a linked plugin, or an `Arc` of a registered one) and a plain pointer
//! to the same object ([`Object`]). A call goes through the pointers: one load and
//! the vtable call, as a hand-written loop over `&dyn Spec` does. Through the
//! owners it would also branch on the kind of plugin and, for an `Arc<dyn Spec>`,
//! read the object's alignment from its vtable to find the object inside the
//! allocation: 0.5–0.8 ns per call at N = 1, a quarter of the floor
//! (docs/benchmarks.md).
//!
//! This is one of the two modules of hookcore with `unsafe` (`frozen.rs` is the
//! other): one `unsafe` block (in [`Object::deref`]) and the `unsafe impl`s of
//! `Send` and `Sync` for [`Object`] (`tests/unsafe_confined.rs` checks that no
//! other file allows it). Why it is sound:
//!
//! 1. **The pointee outlives every [`Object`].** An `Object` is made only by
//!    [`Objects::new`], from an owner that the same `Objects` keeps, and is never
//!    handed out by value: `Object` is neither `Clone` nor `Copy`, its field is
//!    private, and `Objects` gives out only `&[Object]`, borrowed from itself. So an
//!    `Object` is alive only while its `Objects`, and therefore its owner, is. A
//!    `&'static` owner's object lives forever; an `Arc` owner keeps its allocation
//!    (which never moves) alive. `Objects` has private fields and no `&mut self`
//!    method, so nothing replaces an owner after it is built. This rests on
//!    [`PluginRef`]'s dereference giving an address outside the `PluginRef`
//!    itself, the same every time (a static, or the `Arc`'s allocation), so that
//!    moving the owners moves no object; `PluginRef` says so where it is defined.
//! 2. **Only shared references are made**, and the owners never give out `&mut`:
//!    `Arc::get_mut` cannot succeed while the owner's clone exists, and a
//!    `&'static` is shared by nature. Interior mutability in a plugin goes through
//!    its own `UnsafeCell`s, as with any `&S`.
//! 3. **The reference does not outlive its borrow**: [`Object::deref`] returns
//!    `&S` for the lifetime of `&self`, which is at most the lifetime of the
//!    `Objects` borrow it came from.
//! 4. **Threads**: an `Object` gives exactly what a `&S` gives, so it is `Send` and
//!    `Sync` exactly when `&S` is, that is when `S: Sync`.
//!

// One of two exceptions to hookcore's `#![deny(unsafe_code)]`; see the module docs.
#![allow(unsafe_code)]

use std::ops::Deref;
use std::ptr::NonNull;

use std::sync::Arc;

/// A plugin object's owner: a `'static` one found at link time, or one registered
/// at run time. Calls reach the object through an [`Object`] resolved from it.
///
/// `Object`'s soundness rests on this (see `object.rs`): dereferencing gives the
/// same address every time, outside the `PluginRef` itself (a static, or the
/// `Arc`'s allocation). A variant that held its object inline would break it.
pub(crate) enum PluginRef<S: ?Sized + 'static> {
    Linked(&'static S),
    Registered(Arc<S>),
}

impl<S: ?Sized> Clone for PluginRef<S> {
    fn clone(&self) -> Self {
        match self {
            PluginRef::Linked(object) => PluginRef::Linked(object),
            PluginRef::Registered(object) => PluginRef::Registered(Arc::clone(object)),
        }
    }
}

impl<S: ?Sized> Deref for PluginRef<S> {
    type Target = S;

    #[inline]
    fn deref(&self) -> &S {
        match self {
            PluginRef::Linked(object) => object,
            PluginRef::Registered(object) => object,
        }
    }
}

/// One plugin object, as a call reaches it: a plain pointer into an owner kept
/// by the same [`Objects`].
#[doc(hidden)]
/// Not public API; generated code calls hooks through `&**object`.
pub struct Object<S: ?Sized + 'static>(NonNull<S>);

impl<S: ?Sized> Deref for Object<S> {
    type Target = S;

    #[inline(always)]
    fn deref(&self) -> &S {
        // SAFETY: the pointer was made from a reference to an object that the
        // `Objects` holding this `Object` keeps alive and never changes, and the
        // result is borrowed from `self`, so from that `Objects` (module docs, 1–3).
        unsafe { self.0.as_ref() }
    }
}

// SAFETY: an `Object` is a `&S` in all but name (module docs, 4).
unsafe impl<S: ?Sized + Sync> Send for Object<S> {}
// SAFETY: as above.
unsafe impl<S: ?Sized + Sync> Sync for Object<S> {}

/// One hook's implementations or wrappers, in call order: the owners, and the
/// pointers a call uses.
pub(crate) struct Objects<S: ?Sized + 'static> {
    objects: Box<[Object<S>]>,
    owners: Box<[PluginRef<S>]>,
}

impl<S: ?Sized> Objects<S> {
    /// Keeps `owners` and resolves a pointer to each one's object.
    pub(crate) fn new(owners: Vec<PluginRef<S>>) -> Self {
        let owners = owners.into_boxed_slice();
        let objects = owners
            .iter()
            .map(|owner| Object(NonNull::from(&**owner)))
            .collect();
        Objects { objects, owners }
    }

    /// The objects, for calls.
    #[inline(always)]
    pub(crate) fn objects(&self) -> &[Object<S>] {
        &self.objects
    }

    /// The owners, for building other tables from this one.
    pub(crate) fn owners(&self) -> &[PluginRef<S>] {
        &self.owners
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.owners.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;

    trait Named: Send + Sync {
        fn name(&self) -> String;
    }

    struct Plugin(&'static str);

    impl Named for Plugin {
        fn name(&self) -> String {
            self.0.to_owned()
        }
    }

    /// Counts its drops.
    struct Counted(&'static str, Arc<AtomicUsize>);

    impl Named for Counted {
        fn name(&self) -> String {
            self.0.to_owned()
        }
    }

    impl Drop for Counted {
        fn drop(&mut self) {
            self.1.fetch_add(1, Ordering::SeqCst);
        }
    }

    static LINKED: Plugin = Plugin("linked");

    #[test]
    fn objects_are_the_owners_objects_in_order() {
        let registered: Arc<dyn Named> = Arc::new(Plugin("registered"));
        let objects = Objects::new(vec![
            PluginRef::Registered(Arc::clone(&registered)),
            PluginRef::Linked(&LINKED as &dyn Named),
        ]);
        let names: Vec<String> = objects.objects().iter().map(|o| o.name()).collect();
        assert_eq!(names, ["registered", "linked"]);
        assert!(std::ptr::addr_eq(&*objects.objects()[0], &*registered));
        assert!(std::ptr::addr_eq(&*objects.objects()[1], &LINKED));
        assert_eq!(objects.owners().len(), 2);
    }

    #[test]
    fn objects_keep_a_registered_plugin_alive_until_they_drop() {
        let drops = Arc::new(AtomicUsize::new(0));
        let plugin: Arc<dyn Named> = Arc::new(Counted("kept", Arc::clone(&drops)));
        let objects = Objects::new(vec![PluginRef::Registered(plugin)]);
        // The only owner is inside `objects`, and moving it moves no object.
        let before = std::ptr::from_ref::<dyn Named>(&*objects.objects()[0]);
        let moved = objects;
        assert!(std::ptr::addr_eq(&*moved.objects()[0], before));
        assert!(std::ptr::addr_eq(&*moved.owners()[0], before));
        assert_eq!(moved.objects()[0].name(), "kept");
        assert_eq!(drops.load(Ordering::SeqCst), 0);
        drop(moved);
        assert_eq!(drops.load(Ordering::SeqCst), 1);
    }

    #[test]
    fn objects_are_shared_across_threads() {
        let objects = Arc::new(Objects::new(vec![PluginRef::Registered(
            Arc::new(Plugin("shared")) as Arc<dyn Named>,
        )]));
        let handles: Vec<_> = (0..4)
            .map(|_| {
                let objects = Arc::clone(&objects);
                std::thread::spawn(move || objects.objects()[0].name())
            })
            .collect();
        for handle in handles {
            assert_eq!(handle.join().unwrap(), "shared");
        }
    }
}
