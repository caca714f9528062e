//! The call order: `tryfirst`, normal, `trylast`; within each, run-time plugins
//! most recent first, then linked plugins by name, whatever the linker did.

use hookcore::{Order, Origin, PluginManager, hookimpl, hookspec};

#[hookspec]
pub trait Steps {
    fn step(&self, trace: &mut Vec<String>);
}

// Linked plugins, declared out of name order on purpose.
mod zeta {
    #[hookcore::hookimpl(super::Steps)]
    fn step(trace: &mut Vec<String>) {
        trace.push("ordering::zeta".into());
    }
}

mod late {
    #[hookcore::hookimpl(super::Steps, trylast)]
    fn step(trace: &mut Vec<String>) {
        trace.push("ordering::late".into());
    }
}

mod alpha {
    #[hookcore::hookimpl(super::Steps)]
    fn step(trace: &mut Vec<String>) {
        trace.push("ordering::alpha".into());
    }
}

mod early {
    #[hookcore::hookimpl(super::Steps, tryfirst)]
    fn step(trace: &mut Vec<String>) {
        trace.push("ordering::early".into());
    }
}

struct Beta;

#[hookimpl(name = "beta")]
impl Steps for Beta {
    fn step(&self, trace: &mut Vec<String>) {
        trace.push("beta".into());
    }
}

/// A run-time plugin that records its name.
struct Named(&'static str);

#[hookimpl(runtime)]
impl Steps for Named {
    fn step(&self, trace: &mut Vec<String>) {
        trace.push(self.0.into());
    }
}

struct NamedFirst(&'static str);

#[hookimpl(runtime)]
impl Steps for NamedFirst {
    #[hookimpl(tryfirst)]
    fn step(&self, trace: &mut Vec<String>) {
        trace.push(self.0.into());
    }
}

struct NamedLast(&'static str);

#[hookimpl(runtime)]
impl Steps for NamedLast {
    #[hookimpl(trylast)]
    fn step(&self, trace: &mut Vec<String>) {
        trace.push(self.0.into());
    }
}

fn called(pm: &PluginManager<dyn Steps>) -> Vec<String> {
    let mut trace = Vec::new();
    pm.hook().step(&mut trace);
    trace
}

fn listed(pm: &PluginManager<dyn Steps>) -> Vec<String> {
    pm.hookimpls("step")
        .unwrap()
        .into_iter()
        .map(|imp| imp.plugin)
        .collect()
}

#[test]
fn linked_plugins_run_by_order_option_then_name() {
    let pm = PluginManager::<dyn Steps>::linked().unwrap();
    let expected = [
        "ordering::early",
        "beta",
        "ordering::alpha",
        "ordering::zeta",
        "ordering::late",
    ];
    assert_eq!(called(&pm), expected);
    assert_eq!(listed(&pm), expected, "introspection shows the call order");
}

#[test]
fn run_time_plugins_go_first_within_their_order_most_recent_first() {
    let pm = PluginManager::<dyn Steps>::linked().unwrap();
    pm.register("r1", Named("r1")).unwrap();
    pm.register("r2", Named("r2")).unwrap();
    pm.register("first", NamedFirst("first")).unwrap();
    pm.register("last", NamedLast("last")).unwrap();
    let expected = [
        "first",
        "ordering::early",
        "r2",
        "r1",
        "beta",
        "ordering::alpha",
        "ordering::zeta",
        "last",
        "ordering::late",
    ];
    assert_eq!(called(&pm), expected);
    assert_eq!(listed(&pm), expected);
}

#[test]
fn order_options_and_origins_are_reported() {
    let pm = PluginManager::<dyn Steps>::linked().unwrap();
    pm.register("r1", Named("r1")).unwrap();
    let impls = pm.hookimpls("step").unwrap();
    let summary: Vec<(&str, Order, Origin)> = impls
        .iter()
        .map(|imp| (imp.plugin.as_str(), imp.order, imp.origin))
        .collect();
    assert_eq!(
        summary,
        [
            ("ordering::early", Order::TryFirst, Origin::Linked),
            ("r1", Order::Normal, Origin::Registered),
            ("beta", Order::Normal, Origin::Linked),
            ("ordering::alpha", Order::Normal, Origin::Linked),
            ("ordering::zeta", Order::Normal, Origin::Linked),
            ("ordering::late", Order::TryLast, Origin::Linked),
        ]
    );
    assert!(
        impls
            .iter()
            .all(|imp| imp.file.ends_with("tests/ordering.rs") && imp.line > 0)
    );
}

#[test]
fn the_order_is_the_same_for_every_manager() {
    let orders: Vec<Vec<String>> = (0..5)
        .map(|_| called(&PluginManager::<dyn Steps>::linked().unwrap()))
        .collect();
    assert!(orders.windows(2).all(|pair| pair[0] == pair[1]));
}

#[test]
fn re_registering_moves_a_plugin_to_the_front_of_its_order() {
    let pm = PluginManager::<dyn Steps>::new();
    pm.register("a", Named("a")).unwrap();
    pm.register("b", Named("b")).unwrap();
    assert_eq!(called(&pm), ["b", "a"]);
    pm.unregister("a").unwrap();
    pm.register("a", Named("a")).unwrap();
    assert_eq!(called(&pm), ["a", "b"]);
}

#[test]
fn a_reloaded_linked_plugin_keeps_its_place() {
    let pm = PluginManager::<dyn Steps>::linked().unwrap();
    let before = called(&pm);
    pm.unregister("ordering::alpha").unwrap();
    assert_eq!(pm.load_linked().unwrap(), 1);
    assert_eq!(called(&pm), before);
}

/// Runs before `ordering::alpha` and after `beta`, whatever their default places.
struct Pinned;

#[hookimpl(runtime)]
impl Steps for Pinned {
    #[hookimpl(before = "ordering::alpha", after = "beta")]
    fn step(&self, trace: &mut Vec<String>) {
        trace.push("pinned".into());
    }
}

/// Asks to run after `ordering::zeta`, even though it is `tryfirst`.
struct LateFirst;

#[hookimpl(runtime)]
impl Steps for LateFirst {
    #[hookimpl(tryfirst, after = ["ordering::zeta", "absent-plugin"])]
    fn step(&self, trace: &mut Vec<String>) {
        trace.push("late-first".into());
    }
}

/// Runs before `pinned`: with `Pinned` (after beta) and this (before beta via
/// `after`...) the constraints can close a cycle.
struct BeforePinnedAfterAlpha;

#[hookimpl(runtime)]
impl Steps for BeforePinnedAfterAlpha {
    #[hookimpl(before = "beta", after = "ordering::alpha")]
    fn step(&self, trace: &mut Vec<String>) {
        trace.push("cyclic".into());
    }
}

#[test]
fn before_and_after_move_an_implementation_among_the_others() {
    let pm = PluginManager::<dyn Steps>::linked().unwrap();
    pm.register("pinned", Pinned).unwrap();
    assert_eq!(
        called(&pm),
        [
            "ordering::early",
            "beta",
            "pinned",
            "ordering::alpha",
            "ordering::zeta",
            "ordering::late"
        ]
    );
}

#[test]
fn constraints_override_tryfirst_and_absent_names_are_ignored_visibly() {
    let pm = PluginManager::<dyn Steps>::linked().unwrap();
    pm.register("late-first", LateFirst).unwrap();
    assert_eq!(
        called(&pm),
        [
            "ordering::early",
            "beta",
            "ordering::alpha",
            "ordering::zeta",
            "late-first",
            "ordering::late"
        ]
    );
    let imp = pm
        .hookimpls("step")
        .unwrap()
        .into_iter()
        .find(|imp| imp.plugin == "late-first")
        .unwrap();
    assert_eq!(imp.after, ["ordering::zeta", "absent-plugin"]);
    assert_eq!(imp.ignored, ["absent-plugin"]);
}

#[test]
fn a_cycle_is_an_error_naming_its_plugins_and_changes_nothing() {
    let pm = PluginManager::<dyn Steps>::linked().unwrap();
    pm.register("pinned", Pinned).unwrap();
    let before = (called(&pm), pm.plugins());
    // pinned: after beta, before alpha; cyclic: after alpha, before beta.
    let err = pm.register("cyclic", BeforePinnedAfterAlpha).unwrap_err();
    assert_eq!(
        err,
        hookcore::Error::OrderCycle {
            hook: "step",
            plugins: vec![
                "cyclic".into(),
                "beta".into(),
                "pinned".into(),
                "ordering::alpha".into(),
                "cyclic".into()
            ],
        }
    );
    assert_eq!(
        err.to_string(),
        "the `before`/`after` constraints of hook `step` form a cycle: cyclic before beta before pinned before \
         ordering::alpha before cyclic; remove one of them"
    );
    assert_eq!((called(&pm), pm.plugins()), before);
    // Without `pinned`, the same plugin fits.
    pm.unregister("pinned").unwrap();
    pm.register("cyclic", BeforePinnedAfterAlpha).unwrap();
}

/// Four linked plugins, `a b c d` by name; `d` must run before `b`.
#[hookspec]
pub trait Letters {
    fn letter(&self) -> &'static str;
}

mod letters {
    #[hookcore::hookimpl(super::Letters, name = "a")]
    fn letter() -> &'static str {
        "a"
    }
}

mod letter_b {
    #[hookcore::hookimpl(super::Letters, name = "b")]
    fn letter() -> &'static str {
        "b"
    }
}

mod letter_c {
    #[hookcore::hookimpl(super::Letters, name = "c")]
    fn letter() -> &'static str {
        "c"
    }
}

mod letter_d {
    #[hookcore::hookimpl(super::Letters, name = "d", before = "b")]
    fn letter() -> &'static str {
        "d"
    }
}

#[test]
fn a_constraint_holds_back_the_implementation_that_must_wait() {
    // docs/guide.md, section 9: `b` waits for `d`; `c` is not pulled behind `d`.
    let pm = PluginManager::<dyn Letters>::linked().unwrap();
    assert_eq!(pm.hook().letter(), ["a", "c", "d", "b"]);
}
