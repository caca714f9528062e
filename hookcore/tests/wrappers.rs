//! `#[hookimpl(wrapper)]`: code around the rest of the call, with a typed
//! continuation that runs at most once.

use std::cell::RefCell;

use hookcore::{PluginManager, hookimpl, hookspec};

#[hookspec]
pub trait Pipeline {
    fn collect(&self, trace: &mut Vec<String>) -> u32;
    #[hookspec(firstresult)]
    fn lookup(&self, key: &str) -> Option<String>;
    fn validate(&self, input: &str) -> Result<(), String>;
    fn owned(&self, text: String) -> usize;
}

thread_local! {
    static TRACE: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

fn note(event: impl Into<String>) {
    TRACE.with_borrow_mut(|trace| trace.push(event.into()));
}

fn take_trace() -> Vec<String> {
    TRACE.with_borrow_mut(std::mem::take)
}

/// A plain implementation answering `value`.
struct Impl {
    name: &'static str,
    value: u32,
}

#[hookimpl(runtime)]
impl Pipeline for Impl {
    fn collect(&self, trace: &mut Vec<String>) -> u32 {
        trace.push(self.name.into());
        self.value
    }
    fn lookup(&self, key: &str) -> Option<String> {
        note(format!("{} looks up {key}", self.name));
        (self.value > 0).then(|| format!("{}={}", key, self.value))
    }
    fn validate(&self, input: &str) -> Result<(), String> {
        note(format!("{} validates", self.name));
        if input == "bad" {
            Err(format!("{} refused", self.name))
        } else {
            Ok(())
        }
    }
    fn owned(&self, text: String) -> usize {
        text.len()
    }
}

/// A wrapper that records its setup and teardown around the rest of the call.
struct Around(&'static str);

#[hookimpl(runtime)]
impl Pipeline for Around {
    #[hookimpl(wrapper)]
    fn collect(&self, trace: &mut Vec<String>, next: PipelineCollectNext<'_>) -> Vec<u32> {
        trace.push(format!("{} before", self.0));
        let outcome = next.call(trace);
        trace.push(format!("{} after {outcome:?}", self.0));
        outcome
    }
}

struct AroundFirst(&'static str);

#[hookimpl(runtime)]
impl Pipeline for AroundFirst {
    #[hookimpl(wrapper, tryfirst)]
    fn collect(&self, trace: &mut Vec<String>, next: PipelineCollectNext<'_>) -> Vec<u32> {
        trace.push(format!("{} before", self.0));
        let outcome = next.call(trace);
        trace.push(format!("{} after {outcome:?}", self.0));
        outcome
    }
}

struct AroundLast(&'static str);

#[hookimpl(runtime)]
impl Pipeline for AroundLast {
    #[hookimpl(wrapper, trylast)]
    fn collect(&self, trace: &mut Vec<String>, next: PipelineCollectNext<'_>) -> Vec<u32> {
        trace.push(format!("{} before", self.0));
        let outcome = next.call(trace);
        trace.push(format!("{} after {outcome:?}", self.0));
        outcome
    }
}

#[test]
fn wrappers_go_around_all_implementations_setups_in_order_teardowns_reversed() {
    let pm = PluginManager::<dyn Pipeline>::new();
    pm.register("last", AroundLast("last")).unwrap();
    pm.register(
        "i1",
        Impl {
            name: "i1",
            value: 1,
        },
    )
    .unwrap();
    pm.register("normal", Around("normal")).unwrap();
    pm.register(
        "i2",
        Impl {
            name: "i2",
            value: 2,
        },
    )
    .unwrap();
    pm.register("first", AroundFirst("first")).unwrap();
    let mut trace = Vec::new();
    let outcome = pm.hook().collect(&mut trace);
    assert_eq!(outcome, [2, 1]);
    assert_eq!(
        trace,
        [
            "first before",
            "normal before",
            "last before",
            "i2",
            "i1",
            "last after [2, 1]",
            "normal after [2, 1]",
            "first after [2, 1]",
        ]
    );
    let listed: Vec<(String, bool)> = pm
        .hookimpls("collect")
        .unwrap()
        .into_iter()
        .map(|imp| (imp.plugin, imp.wrapper))
        .collect();
    assert_eq!(
        listed,
        [
            ("first".into(), true),
            ("normal".into(), true),
            ("last".into(), true),
            ("i2".into(), false),
            ("i1".into(), false),
        ]
    );
}

/// Replaces the outcome, or answers without calling the rest.
struct Override {
    call_rest: bool,
}

#[hookimpl(runtime)]
impl Pipeline for Override {
    #[hookimpl(wrapper)]
    fn collect(&self, trace: &mut Vec<String>, next: PipelineCollectNext<'_>) -> Vec<u32> {
        if self.call_rest {
            let mut outcome = next.call(trace);
            outcome.push(99);
            outcome
        } else {
            // `next` is not called: the rest of the chain does not run.
            let _ = next;
            vec![0]
        }
    }

    #[hookimpl(wrapper)]
    fn lookup(&self, key: &str, next: PipelineLookupNext<'_>) -> Option<String> {
        if key == "secret" {
            note("override answers");
            return Some("redacted".into());
        }
        next.call(key).map(|value| value.to_uppercase())
    }

    #[hookimpl(wrapper)]
    fn validate(&self, input: &str, next: PipelineValidateNext<'_>) -> Result<(), String> {
        match next.call(input) {
            Err(reason) if self.call_rest => {
                note(format!("override recovers from: {reason}"));
                Ok(())
            }
            outcome => outcome,
        }
    }

    #[hookimpl(wrapper)]
    fn owned(&self, text: String, next: PipelineOwnedNext<'_>) -> Vec<usize> {
        next.call(format!("{text}!"))
    }
}

#[test]
fn a_wrapper_may_replace_the_outcome() {
    let pm = PluginManager::<dyn Pipeline>::new();
    pm.register(
        "i1",
        Impl {
            name: "i1",
            value: 1,
        },
    )
    .unwrap();
    pm.register("override", Override { call_rest: true })
        .unwrap();
    assert_eq!(pm.hook().collect(&mut Vec::new()), [1, 99]);
    assert_eq!(pm.hook().lookup("k").as_deref(), Some("K=1"));
}

#[test]
fn a_wrapper_may_answer_without_running_the_rest() {
    let pm = PluginManager::<dyn Pipeline>::new();
    pm.register(
        "i1",
        Impl {
            name: "i1",
            value: 1,
        },
    )
    .unwrap();
    pm.register("override", Override { call_rest: false })
        .unwrap();
    let mut trace = Vec::new();
    assert_eq!(pm.hook().collect(&mut trace), [0]);
    assert!(trace.is_empty(), "no implementation ran");
    take_trace();
    assert_eq!(pm.hook().lookup("secret").as_deref(), Some("redacted"));
    assert_eq!(take_trace(), ["override answers"]);
}

#[test]
fn an_err_travels_out_through_the_wrappers_which_may_recover() {
    let pm = PluginManager::<dyn Pipeline>::new();
    pm.register(
        "i2",
        Impl {
            name: "i2",
            value: 2,
        },
    )
    .unwrap();
    pm.register(
        "i1",
        Impl {
            name: "i1",
            value: 1,
        },
    )
    .unwrap();
    take_trace();
    assert_eq!(pm.hook().validate("bad"), Err("i1 refused".into()));
    assert_eq!(
        take_trace(),
        ["i1 validates"],
        "i2 does not run after the Err"
    );

    pm.register("override", Override { call_rest: true })
        .unwrap();
    assert_eq!(pm.hook().validate("bad"), Ok(()));
    assert_eq!(
        take_trace(),
        ["i1 validates", "override recovers from: i1 refused"]
    );

    pm.unregister("override").unwrap();
    pm.register("passthrough", Override { call_rest: false })
        .unwrap();
    assert_eq!(pm.hook().validate("bad"), Err("i1 refused".into()));
}

#[test]
fn a_wrapper_may_pass_other_arguments_on() {
    let pm = PluginManager::<dyn Pipeline>::new();
    pm.register(
        "i1",
        Impl {
            name: "i1",
            value: 1,
        },
    )
    .unwrap();
    assert_eq!(pm.hook().owned("abc".into()), [3]);
    pm.register("override", Override { call_rest: true })
        .unwrap();
    assert_eq!(pm.hook().owned("abc".into()), [4]);
}

#[test]
fn a_firstresult_call_through_a_wrapper_still_stops_at_the_first_some() {
    let pm = PluginManager::<dyn Pipeline>::new();
    pm.register(
        "late",
        Impl {
            name: "late",
            value: 7,
        },
    )
    .unwrap();
    pm.register(
        "early",
        Impl {
            name: "early",
            value: 3,
        },
    )
    .unwrap();
    pm.register("override", Override { call_rest: true })
        .unwrap();
    take_trace();
    assert_eq!(pm.hook().lookup("k").as_deref(), Some("K=3"));
    assert_eq!(take_trace(), ["early looks up k"]);
}

// Wrappers as free functions, linked; `wrapper` and the hook in one module need
// distinct function names, so these live in their own modules.
mod timing {
    use super::{Pipeline, PipelineCollectNext};

    #[hookcore::hookimpl(Pipeline, wrapper)]
    fn collect(trace: &mut Vec<String>, next: PipelineCollectNext<'_>) -> Vec<u32> {
        trace.push("timing before".into());
        let outcome = next.call(trace);
        trace.push("timing after".into());
        outcome
    }
}

mod answer {
    #[hookcore::hookimpl(super::Pipeline)]
    fn collect(trace: &mut Vec<String>) -> u32 {
        trace.push("answer".into());
        42
    }
}

#[test]
fn linked_free_function_wrappers() {
    let pm = PluginManager::<dyn Pipeline>::linked().unwrap();
    let mut trace = Vec::new();
    assert_eq!(pm.hook().collect(&mut trace), [42]);
    assert_eq!(trace, ["timing before", "answer", "timing after"]);
    let timing = pm.plugin("wrappers::timing").unwrap();
    assert_eq!(timing.hooks, ["collect"]);
    let imps = pm.hookimpls("collect").unwrap();
    assert!(imps[0].wrapper && !imps[1].wrapper);
    assert_eq!(
        imps[0].to_string(),
        format!(
            "wrappers::timing (hookcore {}, wrapper) at hookcore/tests/wrappers.rs:{}",
            env!("CARGO_PKG_VERSION"),
            imps[0].line
        )
    );
}

#[test]
fn a_wrapper_is_not_called_for_other_hooks() {
    let pm = PluginManager::<dyn Pipeline>::new();
    pm.register("around", Around("around")).unwrap();
    pm.register(
        "i1",
        Impl {
            name: "i1",
            value: 5,
        },
    )
    .unwrap();
    take_trace();
    assert_eq!(pm.hook().lookup("k").as_deref(), Some("k=5"));
    assert_eq!(pm.hooks_of("around").unwrap(), ["collect"]);
}
