//! pluggy's `testing/test_invocations.py`, ported: how a call passes its arguments
//! and what `firstresult` and wrappers make of the results.
//!
//! Every plugin here is registered at run time; run-time plugins are called most
//! recent first, as in pluggy. pluggy's old-style `hookwrapper` and new-style
//! `wrapper` are both a `wrapper` here: it gets the outcome as a value, and
//! pluggy's `outcome.force_result(x)` is returning `x`.

use std::cell::RefCell;

use hookcore::{PluginManager, hookimpl, hookspec};

thread_local! {
    // Per thread: each test runs on its own thread, and calls run on the caller's.
    static OUT: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

fn out(event: impl Into<String>) {
    OUT.with_borrow_mut(|out| out.push(event.into()));
}

fn take_out() -> Vec<String> {
    OUT.with_borrow_mut(std::mem::take)
}

#[hookspec]
pub trait Api {
    /// api hook 1
    fn hello(&self, arg: i64) -> i64;
}

/// Answers `value`, whatever the argument.
struct Returns(i64);

#[hookimpl(runtime)]
impl Api for Returns {
    fn hello(&self, _arg: i64) -> i64 {
        self.0
    }
}

#[test]
fn argmismatch() {
    // hookcore: arguments are positional, any names do (docs §4, Arguments); pluggy refuses.
    struct Plugin;

    #[hookimpl(runtime)]
    impl Api for Plugin {
        fn hello(&self, argwrong: i64) -> i64 {
            argwrong * 2
        }
    }

    let pm = PluginManager::<dyn Api>::new();
    pm.register("plugin", Plugin).unwrap();
    assert_eq!(pm.hook().hello(21), [42]);
}

#[test]
fn call_order() {
    struct Plugin4;

    #[hookimpl(runtime)]
    impl Api for Plugin4 {
        #[hookimpl(wrapper)]
        fn hello(&self, arg: i64, next: ApiHelloNext<'_>) -> Vec<i64> {
            assert_eq!(arg, 0);
            let outcome = next.call(arg);
            assert_eq!(outcome, [3, 2, 1]);
            out("plugin4 saw [3, 2, 1]");
            outcome
        }
    }

    struct Plugin5;

    #[hookimpl(runtime)]
    impl Api for Plugin5 {
        #[hookimpl(wrapper)]
        fn hello(&self, arg: i64, next: ApiHelloNext<'_>) -> Vec<i64> {
            assert_eq!(arg, 0);
            let result = next.call(arg);
            assert_eq!(result, [3, 2, 1]);
            out("plugin5 saw [3, 2, 1]");
            result
        }
    }

    let pm = PluginManager::<dyn Api>::new();
    pm.register("plugin1", Returns(1)).unwrap();
    pm.register("plugin2", Returns(2)).unwrap();
    pm.register("plugin3", Returns(3)).unwrap();
    pm.register("plugin4", Plugin4).unwrap(); // wrapper: gets the same list
    pm.register("plugin5", Plugin5).unwrap(); // wrapper: gets the same list
    assert_eq!(pm.hook().hello(0), [3, 2, 1]);
    assert_eq!(
        take_out(),
        ["plugin4 saw [3, 2, 1]", "plugin5 saw [3, 2, 1]"],
        "plugin5 is outermost"
    );
}

#[hookspec]
pub trait FirstApi {
    /// api hook 1
    #[hookspec(firstresult)]
    fn hello(&self, arg: i64) -> Option<i64>;
}

/// pluggy's `return arg + 1`: records that it ran.
struct PlusOne;

#[hookimpl(runtime)]
impl FirstApi for PlusOne {
    fn hello(&self, arg: i64) -> Option<i64> {
        out("plus one");
        Some(arg + 1)
    }
}

/// pluggy's `return None`.
struct NoAnswer;

#[hookimpl(runtime)]
impl FirstApi for NoAnswer {
    fn hello(&self, _arg: i64) -> Option<i64> {
        out("no answer");
        None
    }
}

/// A wrapper that checks the outcome is `expected` and replaces it with `forced`
/// (pluggy's `force_result`), or passes it on if `forced` is `None`.
struct Forces {
    expected: Option<i64>,
    forced: Option<i64>,
}

#[hookimpl(runtime)]
impl FirstApi for Forces {
    #[hookimpl(wrapper)]
    fn hello(&self, arg: i64, next: FirstApiHelloNext<'_>) -> Option<i64> {
        assert_eq!(arg, 3);
        let outcome = next.call(arg);
        assert_eq!(outcome, self.expected, "the same non-list result");
        self.forced.or(outcome)
    }
}

#[test]
fn firstresult_definition() {
    struct MinusOne;

    #[hookimpl(runtime)]
    impl FirstApi for MinusOne {
        fn hello(&self, arg: i64) -> Option<i64> {
            out("minus one");
            Some(arg - 1)
        }
    }

    let pm = PluginManager::<dyn FirstApi>::new();
    pm.register("plugin1", PlusOne).unwrap(); // not reached: not the last registered
    pm.register("plugin2", MinusOne).unwrap(); // used as result
    pm.register("plugin3", NoAnswer).unwrap(); // None is ignored
    let expects_two = || Forces {
        expected: Some(2),
        forced: None,
    };
    pm.register("plugin4", expects_two()).unwrap();
    pm.register("plugin5", expects_two()).unwrap();
    assert_eq!(pm.hook().hello(3), Some(2));
    assert_eq!(take_out(), ["no answer", "minus one"]);
}

#[test]
fn firstresult_force_result_hookwrapper() {
    let pm = PluginManager::<dyn FirstApi>::new();
    pm.register("plugin1", PlusOne).unwrap();
    pm.register(
        "plugin2",
        Forces {
            expected: Some(4),
            forced: Some(0),
        },
    )
    .unwrap();
    pm.register("plugin3", NoAnswer).unwrap(); // ignored since it answers None
    assert_eq!(pm.hook().hello(3), Some(0), "forced, and not a list");
}

#[test]
fn firstresult_force_result() {
    struct Plugin2;

    #[hookimpl(runtime)]
    impl FirstApi for Plugin2 {
        #[hookimpl(wrapper)]
        fn hello(&self, arg: i64, next: FirstApiHelloNext<'_>) -> Option<i64> {
            assert_eq!(arg, 3);
            let outcome = next.call(arg);
            assert_eq!(outcome, Some(4));
            Some(0)
        }
    }

    let pm = PluginManager::<dyn FirstApi>::new();
    pm.register("plugin1", PlusOne).unwrap();
    pm.register("plugin2", Plugin2).unwrap();
    pm.register("plugin3", NoAnswer).unwrap();
    assert_eq!(pm.hook().hello(3), Some(0), "forced, and not a list");
}

#[test]
fn firstresult_returns_none() {
    let pm = PluginManager::<dyn FirstApi>::new();
    pm.register("plugin1", NoAnswer).unwrap();
    assert_eq!(pm.hook().hello(3), None);
}

#[test]
fn firstresult_no_plugin() {
    let pm = PluginManager::<dyn FirstApi>::new();
    assert_eq!(pm.hook().hello(3), None);
}

#[hookspec]
pub trait WrapApi {
    fn wrap(&self) -> u32;
}

#[test]
fn wrappers_yield_never_fails() {
    // hookcore: a wrapper that skips `next` answers the call (docs §4, Wrappers); pluggy raises.
    struct Inner;

    #[hookimpl(runtime)]
    impl WrapApi for Inner {
        fn wrap(&self) -> u32 {
            out("inner");
            1
        }
    }

    struct Plugin;

    #[hookimpl(runtime)]
    impl WrapApi for Plugin {
        #[hookimpl(wrapper)]
        fn wrap(&self, next: WrapApiWrapNext<'_>) -> Vec<u32> {
            let _ = next;
            Vec::new()
        }
    }

    let pm = PluginManager::<dyn WrapApi>::new();
    pm.register("inner", Inner).unwrap();
    pm.register("plugin", Plugin).unwrap();
    assert!(pm.hook().wrap().is_empty());
    assert!(take_out().is_empty(), "the implementation did not run");
}
