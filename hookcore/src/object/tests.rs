//! Entries and calls keep what they point to, and point to the right object.

use std::sync::atomic::{AtomicUsize, Ordering};

use super::*;

trait Named: Sync {
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

fn named<T: Named + Send + Sync + 'static>(owner: &Owner<T>) -> ErasedEntry {
    owner.entry(0, false, |plugin| -> &dyn Named { plugin })
}

fn list<const N: usize>(entries: [ErasedEntry; N]) -> Arc<[ErasedEntry]> {
    Arc::new(entries)
}

#[test]
fn calls_reach_each_entrys_object_in_order() {
    let registered = Arc::new(Plugin("registered"));
    let entries: Arc<[ErasedEntry]> = Arc::new([
        named(&Owner::Shared(Arc::clone(&registered))),
        named(&Owner::Static(&LINKED)),
    ]);
    let calls = Calls::<dyn Named>::new(&entries);
    let names: Vec<String> = calls.objects().iter().map(|o| o.name()).collect();
    assert_eq!(names, ["registered", "linked"]);
    assert!(std::ptr::addr_eq(&*calls.objects()[0], &*registered));
    assert!(std::ptr::addr_eq(&*calls.objects()[1], &LINKED));
    assert_eq!(entries[1].get::<dyn Named>().unwrap().name(), "linked");
}

#[test]
fn an_entry_of_another_type_is_not_taken() {
    trait Other: Sync {}
    impl Other for Plugin {}
    let other = Owner::Static(&LINKED).entry(0, false, |plugin| -> &dyn Other { plugin });
    assert!(other.get::<dyn Named>().is_none());
    assert!(other.get::<dyn Other>().is_some());
    let calls = Calls::<dyn Named>::new(&list([other, named(&Owner::Static(&LINKED))]));
    assert_eq!(calls.objects().len(), 1);
}

#[test]
fn an_entry_keeps_a_registered_plugin_alive_until_the_last_clone_drops() {
    let drops = Arc::new(AtomicUsize::new(0));
    let owner = Owner::Shared(Arc::new(Counted("kept", Arc::clone(&drops))));
    let entry = named(&owner);
    drop(owner);
    let calls = Calls::<dyn Named>::new(&list([entry]));
    // The only owner is inside `calls` now, and moving it moves no object.
    let before = std::ptr::from_ref::<dyn Named>(&*calls.objects()[0]);
    let moved = calls.clone();
    drop(calls);
    assert!(std::ptr::addr_eq(&*moved.objects()[0], before));
    assert_eq!(moved.objects()[0].name(), "kept");
    assert_eq!(drops.load(Ordering::SeqCst), 0);
    drop(moved);
    assert_eq!(drops.load(Ordering::SeqCst), 1);
}

#[test]
fn calls_are_shared_across_threads() {
    let entry = named(&Owner::Shared(Arc::new(Plugin("shared"))));
    let calls = Arc::new(Calls::<dyn Named>::new(&list([entry])));
    let handles: Vec<_> = (0..4)
        .map(|_| {
            let calls = Arc::clone(&calls);
            std::thread::spawn(move || calls.objects()[0].name())
        })
        .collect();
    for handle in handles {
        assert_eq!(handle.join().unwrap(), "shared");
    }
}
