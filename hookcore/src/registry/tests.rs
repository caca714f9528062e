//! The registry with a spec written by hand: the runtime needs no macro.

use std::sync::OnceLock;

use super::*;
use crate::info::{HookInfo, Order};
use crate::linked::LinkedPlugin;
use crate::manager::PluginManager;
use crate::table::Dispatch;

trait Hand: Send + Sync {
    fn hi(&self) -> u8;
}

struct HandHooks<'a>(Dispatch<'a, dyn Hand>);

impl HandHooks<'_> {
    fn hi(&self) -> Vec<u8> {
        crate::call::collect(self.0.impls(0), |plugin| plugin.hi())
    }
}

impl HookSpec for dyn Hand {
    const NAME: &'static str = "Hand";
    const __IDENTITY: crate::SpecIdentity =
        crate::SpecIdentity::__new("hookcore", "0.0.0", "hookcore::tests", "Hand");
    const HOOKS: &'static [HookInfo] = &[HookInfo::__new("hi", false, false, "fn hi(&self) -> u8")];
    type Hooks<'a> = HandHooks<'a>;
    type Tagged<'a> = HandHooks<'a>;
    type __Deprecations<const HOOK: u64> = crate::__private::NoDeprecations;

    fn __hooks(dispatch: Dispatch<'_, Self>) -> HandHooks<'_> {
        HandHooks(dispatch)
    }

    fn __tagged(dispatch: Dispatch<'_, Self>) -> HandHooks<'_> {
        HandHooks(dispatch)
    }

    fn __global() -> &'static OnceLock<PluginManager<Self>> {
        static GLOBAL: OnceLock<PluginManager<dyn Hand>> = OnceLock::new();
        &GLOBAL
    }
}

struct Answer(u8);

impl Hand for Answer {
    fn hi(&self) -> u8 {
        self.0
    }
}

static ONE: Answer = Answer(1);
static TWO: Answer = Answer(2);
const HI: &[ImplMeta] = &[ImplMeta {
    hook: "hi",
    wrapper: false,
    order: Order::Normal,
    before: &[],
    after: &[],
    file: "a.rs",
    line: 1,
}];
const HI_ELSEWHERE: &[ImplMeta] = &[ImplMeta {
    hook: "hi",
    wrapper: false,
    order: Order::Normal,
    before: &[],
    after: &[],
    file: "b.rs",
    line: 2,
}];

fn entry(
    name: &'static str,
    package: &'static str,
    impls: &'static [ImplMeta],
) -> &'static LinkedPlugin {
    fn unused() -> &'static dyn Hand {
        &ONE
    }
    static OBJECT: fn() -> &'static dyn Hand = unused;
    Box::leak(Box::new(LinkedPlugin {
        object: &OBJECT,
        name,
        source: Source::__new(package, "1.0.0", package),
        impls,
        spec: || Some(<dyn Hand as HookSpec>::__IDENTITY),
    }))
}

fn registry(
    entries: Vec<(&'static LinkedPlugin, &'static dyn Hand)>,
) -> Result<Registry<dyn Hand>, Error> {
    let mut registry = Registry::new();
    for (name, (source, parts)) in group_linked(entries)? {
        registry.push(name.into(), Origin::Linked, source, parts);
    }
    Ok(registry)
}

#[test]
fn one_name_from_two_packages_is_a_clash_reported_in_stable_order() {
    for entries in [
        vec![
            (entry("p", "zeta", HI), &ONE as &dyn Hand),
            (entry("p", "alpha", HI_ELSEWHERE), &TWO),
        ],
        vec![
            (entry("p", "alpha", HI_ELSEWHERE), &TWO as &dyn Hand),
            (entry("p", "zeta", HI), &ONE),
        ],
    ] {
        let err = registry(entries).err().unwrap();
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
    for entries in [
        vec![
            (entry("p", "x", HI_ELSEWHERE), &ONE as &dyn Hand),
            (entry("p", "x", HI), &TWO),
        ],
        vec![
            (entry("p", "x", HI), &TWO as &dyn Hand),
            (entry("p", "x", HI_ELSEWHERE), &ONE),
        ],
    ] {
        let err = registry(entries).err().unwrap();
        assert_eq!(
            err,
            Error::DuplicateImpl {
                plugin: "p".into(),
                hook: "hi",
                first: "a.rs:1".into(),
                second: "b.rs:2".into()
            }
        );
    }
}

#[test]
fn the_table_does_not_depend_on_the_linker_order() {
    let forward = vec![
        (entry("b", "x", HI), &TWO as &dyn Hand),
        (entry("a", "x", HI), &ONE),
    ];
    let backward = vec![
        (entry("a", "x", HI), &ONE as &dyn Hand),
        (entry("b", "x", HI), &TWO),
    ];
    for entries in [forward, backward] {
        let snapshot = registry(entries).unwrap().snapshot().unwrap();
        let values: Vec<u8> = snapshot.hooks[0]
            .impls
            .objects()
            .iter()
            .map(|plugin| plugin.hi())
            .collect();
        assert_eq!(values, [1, 2], "by plugin name: a, then b");
    }
}

#[test]
fn a_hand_written_spec_works_with_the_manager() {
    struct Three;
    impl Hand for Three {
        fn hi(&self) -> u8 {
            3
        }
    }
    impl crate::spec::Plugin<dyn Hand> for Three {
        const SOURCE: Source = Source::__new("hand", "0.0.0", "hand");
        const IMPLS: &'static [ImplMeta] = HI;
        fn __into_object(self: Arc<Self>) -> Arc<dyn Hand> {
            self
        }
    }
    let pm = PluginManager::<dyn Hand>::new();
    pm.register("three", Three).unwrap();
    assert_eq!(pm.hook().hi(), [3]);
}
