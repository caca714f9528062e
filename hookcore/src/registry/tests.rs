//! The registry with a spec written by hand (`crate::testing`): the runtime
//! needs no macro.

use super::*;
use crate::linked::{LinkedEntries, LinkedPlugin};
use crate::manager::PluginManager;
use crate::object::Owner;
use crate::testing::{Answer, Two, entries, meta};

static ONE: Answer = Answer(1);
static TWO: Answer = Answer(2);
const HI: &[ImplMeta] = &[meta("a", false, "a.rs")];
const HI_ELSEWHERE: &[ImplMeta] = &[ImplMeta {
    line: 2,
    ..meta("a", false, "b.rs")
}];

/// A linked entry named `name`, from `package`, implementing `impls`.
fn entry(
    name: &'static str,
    package: &'static str,
    impls: &'static [ImplMeta],
) -> &'static LinkedPlugin {
    fn unused() -> Vec<ErasedEntry> {
        Vec::new()
    }
    static OBJECT: LinkedEntries<dyn Two> = LinkedEntries::new(unused);
    Box::leak(Box::new(LinkedPlugin {
        object: &OBJECT,
        name,
        source: Source::__new(package, "1.0.0", package),
        impls,
        spec: || Some(<dyn Two as HookSpec>::__IDENTITY),
    }))
}

/// The registry of linked `plugins`, each a linked entry and its static object.
fn registry(
    plugins: Vec<(&'static LinkedPlugin, &'static Answer)>,
) -> Result<Registry<dyn Two>, Error> {
    let linked = plugins
        .into_iter()
        .map(|(linked, object)| (linked, entries(&Owner::Static(object), linked.impls)));
    let mut registry = Registry::new();
    for (name, (source, parts)) in group_linked(linked)? {
        registry.push(name.into(), Origin::Linked, source, parts);
    }
    Ok(registry)
}

#[test]
fn one_name_from_two_packages_is_a_clash_reported_in_stable_order() {
    for plugins in [
        vec![
            (entry("p", "zeta", HI), &ONE),
            (entry("p", "alpha", HI_ELSEWHERE), &TWO),
        ],
        vec![
            (entry("p", "alpha", HI_ELSEWHERE), &TWO),
            (entry("p", "zeta", HI), &ONE),
        ],
    ] {
        let err = registry(plugins).err().unwrap();
        assert_eq!(
            err,
            Error::NameClash {
                plugin: "p".into(),
                first: "alpha 1.0.0".into(),
                second: "zeta 1.0.0".into()
            }
        );
    }
}

#[test]
fn one_hook_twice_under_one_name_is_reported_in_stable_order() {
    for plugins in [
        vec![
            (entry("p", "x", HI_ELSEWHERE), &ONE),
            (entry("p", "x", HI), &TWO),
        ],
        vec![
            (entry("p", "x", HI), &TWO),
            (entry("p", "x", HI_ELSEWHERE), &ONE),
        ],
    ] {
        let err = registry(plugins).err().unwrap();
        assert_eq!(
            err,
            Error::DuplicateImpl {
                plugin: "p".into(),
                hook: "a",
                first: "a.rs:1".into(),
                second: "b.rs:2".into()
            }
        );
    }
}

#[test]
fn the_table_does_not_depend_on_the_linker_order() {
    let forward = vec![(entry("b", "x", HI), &TWO), (entry("a", "x", HI), &ONE)];
    let backward = vec![(entry("a", "x", HI), &ONE), (entry("b", "x", HI), &TWO)];
    for plugins in [forward, backward] {
        let snapshot = registry(plugins).unwrap().snapshot().unwrap();
        let values: Vec<u8> = snapshot
            .calls
            .a
            .impls()
            .iter()
            .map(|plugin| plugin.call())
            .collect();
        assert_eq!(values, [1, 2], "by plugin name: a, then b");
        assert!(snapshot.calls.b.impls().is_empty(), "nothing implements b");
    }
}

#[test]
fn a_hand_written_spec_works_with_the_manager() {
    let pm = PluginManager::<dyn Two>::new();
    pm.register("three", Answer(3)).unwrap();
    pm.register("four", Answer(4)).unwrap();
    assert_eq!(pm.hook().a(), [4, 3]);
    // `Answer` implements `a` only: `b`'s body is never called.
    assert_eq!(pm.hook().b(), Vec::<u8>::new());
}

#[test]
fn a_plugin_object_is_registered_once() {
    let pm = PluginManager::<dyn Two>::new();
    let shared = Arc::new(Answer(5));
    pm.register_arc("first", Arc::clone(&shared)).unwrap();
    assert_eq!(
        pm.register_arc("second", shared),
        Err(Error::ObjectAlreadyRegistered {
            existing: "first".into()
        })
    );
    assert_eq!(pm.hook().a(), [5]);
}
