//! pluggy's `testing/test_multicall.py`, ported: one call through implementations
//! and wrappers, its results, and what an implementation's failure does.
//!
//! pluggy's `MC([a, b, c], ...)` calls the last of the list first; here the same
//! plugins are registered in the list's order, and run-time plugins are called most
//! recent first. pluggy's old-style `hookwrapper` and new-style `wrapper` are both
//! a `wrapper` here (it gets the outcome as a value and returns the one it wants).
//! An exception is an `Err` from a hook returning `Result`; pluggy's `SystemExit`
//! cases (a `BaseException`) are panics.

use std::cell::RefCell;
use std::panic::{AssertUnwindSafe, catch_unwind};

use hookcore::{PluginManager, hookimpl, hookspec};

/// An implementation's failure: pluggy's exception, with its `__cause__` (or
/// `__context__`) as `cause`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    message: &'static str,
    cause: Option<Box<Failure>>,
}

fn failure(message: &'static str) -> Failure {
    Failure {
        message,
        cause: None,
    }
}

#[hookspec]
pub trait Multi {
    /// pluggy's `MC(methods, {})`: every non-`None` result.
    fn m(&self) -> Option<u32>;
    /// pluggy's `MC(methods, {}, firstresult=True)`.
    #[hookspec(firstresult)]
    fn first(&self) -> Option<u32>;
    /// A hook whose implementations may raise.
    fn fallible(&self) -> Result<u32, Failure>;
}

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

/// An implementation that records its name and answers `value`.
struct Value(&'static str, Option<u32>);

#[hookimpl(runtime)]
impl Multi for Value {
    fn m(&self) -> Option<u32> {
        out(self.0);
        self.1
    }
    fn first(&self) -> Option<u32> {
        out(self.0);
        self.1
    }
}

/// A wrapper that records `<name> init` and `<name> finish` around the rest of
/// the call and passes its outcome on unchanged.
struct Around(&'static str);

#[hookimpl(runtime)]
impl Multi for Around {
    #[hookimpl(wrapper)]
    fn m(&self, next: MultiMNext<'_>) -> Vec<u32> {
        out(format!("{} init", self.0));
        let result = next.call();
        out(format!("{} finish", self.0));
        result
    }
    #[hookimpl(wrapper)]
    fn first(&self, next: MultiFirstNext<'_>) -> Option<u32> {
        out(format!("{} init", self.0));
        let result = next.call();
        out(format!("{} finish", self.0));
        result
    }
    #[hookimpl(wrapper)]
    fn fallible(&self, next: MultiFallibleNext<'_>) -> Result<Vec<u32>, Failure> {
        out(format!("{} init", self.0));
        let result = next.call();
        out(format!("{} finish", self.0));
        result
    }
}

/// Records `<name>` when dropped: pluggy's `finally:`, which also runs when a
/// panic unwinds through the wrapper.
struct Finally(String);

impl Drop for Finally {
    fn drop(&mut self) {
        out(std::mem::take(&mut self.0));
    }
}

/// A wrapper whose `<name> finish` is in a `Drop` guard, so it is recorded even
/// when a panic passes through.
struct Guarded(&'static str);

#[hookimpl(runtime)]
impl Multi for Guarded {
    #[hookimpl(wrapper)]
    fn fallible(&self, next: MultiFallibleNext<'_>) -> Result<Vec<u32>, Failure> {
        out(format!("{} init", self.0));
        let _finish = Finally(format!("{} finish", self.0));
        next.call()
    }
}

/// An implementation that fails: an `Err`, or a panic.
struct Raises {
    message: &'static str,
    panics: bool,
}

#[hookimpl(runtime)]
impl Multi for Raises {
    fn fallible(&self) -> Result<u32, Failure> {
        assert!(!self.panics, "{}", self.message);
        Err(failure(self.message))
    }
}

/// A wrapper that replaces an `Err` with its own, the original as its cause
/// (pluggy's `raise Exception(name) from e`), recording `<name> init` and
/// `<name> finish`.
struct Rethrow(&'static str);

#[hookimpl(runtime)]
impl Multi for Rethrow {
    #[hookimpl(wrapper)]
    fn fallible(&self, next: MultiFallibleNext<'_>) -> Result<Vec<u32>, Failure> {
        out(format!("{} init", self.0));
        let result = next.call().map_err(|cause| Failure {
            message: self.0,
            cause: Some(Box::new(cause)),
        });
        out(format!("{} finish", self.0));
        result
    }
}

/// Registers `plugins` in the order of pluggy's `MC` list.
macro_rules! mc {
    ($pm:expr, $($name:literal => $plugin:expr),+ $(,)?) => {
        $( $pm.register($name, $plugin).unwrap(); )+
    };
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| payload.downcast_ref::<&str>().map(|s| (*s).to_owned()))
        .unwrap_or_default()
}

#[test]
fn call_none_is_no_result() {
    let pm = PluginManager::<dyn Multi>::new();
    mc!(pm, "m1" => Value("m1", Some(1)), "m2" => Value("m2", None));
    assert_eq!(pm.hook().first(), Some(1));
    assert_eq!(pm.hook().m(), [1]);
}

#[test]
fn hookwrapper() {
    let pm = PluginManager::<dyn Multi>::new();
    mc!(pm, "m2" => Value("m2", Some(2)), "m1" => Around("m1"));
    assert_eq!(pm.hook().m(), [2]);
    assert_eq!(take_out(), ["m1 init", "m2", "m1 finish"]);
    assert_eq!(pm.hook().first(), Some(2));
    assert_eq!(take_out(), ["m1 init", "m2", "m1 finish"]);
}

#[test]
fn wrapper() {
    struct Doubles;

    #[hookimpl(runtime)]
    impl Multi for Doubles {
        #[hookimpl(wrapper)]
        fn m(&self, next: MultiMNext<'_>) -> Vec<u32> {
            out("m1 init");
            let result = next.call();
            out("m1 finish");
            result.repeat(2) // Python's `list * 2`
        }
        #[hookimpl(wrapper)]
        fn first(&self, next: MultiFirstNext<'_>) -> Option<u32> {
            out("m1 init");
            let result = next.call();
            out("m1 finish");
            result.map(|value| value * 2)
        }
    }

    let pm = PluginManager::<dyn Multi>::new();
    mc!(pm, "m2" => Value("m2", Some(2)), "m1" => Doubles);
    assert_eq!(pm.hook().m(), [2, 2]);
    assert_eq!(take_out(), ["m1 init", "m2", "m1 finish"]);
    assert_eq!(pm.hook().first(), Some(4));
    assert_eq!(take_out(), ["m1 init", "m2", "m1 finish"]);
}

#[test]
fn hookwrapper_order() {
    let pm = PluginManager::<dyn Multi>::new();
    mc!(pm, "m4" => Around("m4"), "m3" => Around("m3"), "m2" => Around("m2"), "m1" => Around("m1"));
    assert!(pm.hook().m().is_empty());
    assert_eq!(
        take_out(),
        [
            "m1 init",
            "m2 init",
            "m3 init",
            "m4 init",
            "m4 finish",
            "m3 finish",
            "m2 finish",
            "m1 finish",
        ]
    );
}

#[test]
fn wrapper_yield_not_executed() {
    // hookcore: a wrapper that skips `next` answers the call (docs §4, Wrappers); pluggy raises.
    struct Answers;

    #[hookimpl(runtime)]
    impl Multi for Answers {
        #[hookimpl(wrapper)]
        fn m(&self, next: MultiMNext<'_>) -> Vec<u32> {
            let _ = next;
            vec![7]
        }
    }

    let pm = PluginManager::<dyn Multi>::new();
    mc!(pm, "inner" => Value("inner", Some(1)), "m1" => Answers);
    assert_eq!(pm.hook().m(), [7]);
    assert!(take_out().is_empty(), "the implementation did not run");
}

#[test]
fn hookwrapper_exception() {
    struct Inspects;

    #[hookimpl(runtime)]
    impl Multi for Inspects {
        #[hookimpl(wrapper)]
        fn fallible(&self, next: MultiFallibleNext<'_>) -> Result<Vec<u32>, Failure> {
            out("m1 init");
            let result = next.call();
            assert_eq!(result, Err(failure("ValueError")));
            out("m1 finish");
            result
        }
    }

    // ValueError: an `Err`, seen by the wrapper, returned by the call.
    let pm = PluginManager::<dyn Multi>::new();
    mc!(pm, "m2" => Raises { message: "ValueError", panics: false }, "m1" => Inspects);
    assert_eq!(pm.hook().fallible(), Err(failure("ValueError")));
    assert_eq!(take_out(), ["m1 init", "m1 finish"]);

    // SystemExit: a panic, which reaches the caller; the wrapper's code after
    // `next.call` does not run, its `Drop` guard does.
    let pm = PluginManager::<dyn Multi>::new();
    mc!(pm, "m2" => Raises { message: "SystemExit", panics: true }, "m1" => Guarded("m1"));
    let payload = catch_unwind(AssertUnwindSafe(|| pm.hook().fallible())).unwrap_err();
    assert_eq!(panic_message(&*payload), "SystemExit");
    assert_eq!(take_out(), ["m1 init", "m1 finish"]);
}

#[test]
fn hookwrapper_force_exception() {
    // pluggy's `result.force_exception(e)` is returning `Err(e)` from the wrapper.
    let pm = PluginManager::<dyn Multi>::new();
    mc!(
        pm,
        "m4" => Raises { message: "m4", panics: false },
        "m3" => Around("m3"),
        "m2" => Rethrow("m2"),
        "m1" => Around("m1"),
    );
    let err = pm.hook().fallible().unwrap_err();
    assert_eq!(
        take_out(),
        [
            "m1 init",
            "m2 init",
            "m3 init",
            "m3 finish",
            "m2 finish",
            "m1 finish",
        ]
    );
    assert_eq!(err.message, "m2");
    assert_eq!(err.cause.as_deref(), Some(&failure("m4")));
}

#[test]
fn wrapper_exception() {
    struct AnnouncesAndRaises {
        panics: bool,
    }

    #[hookimpl(runtime)]
    impl Multi for AnnouncesAndRaises {
        fn fallible(&self) -> Result<u32, Failure> {
            out("m2 init");
            assert!(!self.panics, "SystemExit");
            Err(failure("ValueError"))
        }
    }

    // ValueError: an `Err`.
    let pm = PluginManager::<dyn Multi>::new();
    mc!(pm, "m2" => AnnouncesAndRaises { panics: false }, "m1" => Guarded("m1"));
    assert_eq!(pm.hook().fallible(), Err(failure("ValueError")));
    assert_eq!(take_out(), ["m1 init", "m2 init", "m1 finish"]);

    // SystemExit: a panic; `finally:` is the wrapper's `Drop` guard.
    let pm = PluginManager::<dyn Multi>::new();
    mc!(pm, "m2" => AnnouncesAndRaises { panics: true }, "m1" => Guarded("m1"));
    let payload = catch_unwind(AssertUnwindSafe(|| pm.hook().fallible())).unwrap_err();
    assert_eq!(panic_message(&*payload), "SystemExit");
    assert_eq!(take_out(), ["m1 init", "m2 init", "m1 finish"]);
}

#[test]
fn wrapper_exception_chaining() {
    struct TenUnlessErr;

    #[hookimpl(runtime)]
    impl Multi for TenUnlessErr {
        #[hookimpl(wrapper)]
        fn fallible(&self, next: MultiFallibleNext<'_>) -> Result<Vec<u32>, Failure> {
            next.call()?;
            Ok(vec![10])
        }
    }

    let pm = PluginManager::<dyn Multi>::new();
    mc!(
        pm,
        "m1" => Raises { message: "m1", panics: false },
        "m2" => Rethrow("m2"),
        "m3" => TenUnlessErr,
        "m4" => Rethrow("m4"),
    );
    let err = pm.hook().fallible().unwrap_err();
    assert_eq!(err.message, "m4");
    let cause = err.cause.expect("m4 has a cause");
    assert_eq!(cause.message, "m2");
    // pluggy's `__cause__.__context__`: here one chain of causes.
    assert_eq!(cause.cause.as_deref(), Some(&failure("m1")));
}

/// pluggy's inner wrapper that raises after `yield`: an `Err` after `next.call`.
struct RaisesAfter(&'static str);

#[hookimpl(runtime)]
impl Multi for RaisesAfter {
    #[hookimpl(wrapper)]
    fn fallible(&self, next: MultiFallibleNext<'_>) -> Result<Vec<u32>, Failure> {
        out(format!("{} init", self.0));
        let _ = next.call();
        out(format!("{} raise", self.0));
        Err(failure("ValueError"))
    }
}

#[test]
fn unwind_inner_wrapper_teardown_exc() {
    struct Teardown;

    #[hookimpl(runtime)]
    impl Multi for Teardown {
        #[hookimpl(wrapper)]
        fn fallible(&self, next: MultiFallibleNext<'_>) -> Result<Vec<u32>, Failure> {
            out("m1 init");
            let _cleanup = Finally("m1 cleanup".into());
            match next.call() {
                Ok(values) => {
                    out("m1 unreachable");
                    Ok(values)
                }
                Err(err) => {
                    out("m1 teardown");
                    Err(err)
                }
            }
        }
    }

    let pm = PluginManager::<dyn Multi>::new();
    mc!(pm, "m2" => RaisesAfter("m2"), "m1" => Teardown);
    let result = pm.hook().fallible();
    out("finally");
    assert_eq!(result, Err(failure("ValueError")));
    assert_eq!(
        take_out(),
        [
            "m1 init",
            "m2 init",
            "m2 raise",
            "m1 teardown",
            "m1 cleanup",
            "finally",
        ]
    );
}

/// pluggy's `raise StopIteration`, as a panic payload.
#[derive(Debug, PartialEq)]
struct StopIteration;

#[test]
fn wrapper_stopiteration_passtrough() {
    // pluggy special-cases StopIteration inside its generators; here any panic
    // payload passes through the wrappers unchanged, and their `Drop` guards run.
    // Both of pluggy's parameters (the outer wrapper old- or new-style) are this case.
    struct Wrap;

    #[hookimpl(runtime)]
    impl Multi for Wrap {
        #[hookimpl(wrapper)]
        fn fallible(&self, next: MultiFallibleNext<'_>) -> Result<Vec<u32>, Failure> {
            out("wrap");
            let _done = Finally("wrap done".into());
            next.call()
        }
    }

    struct WrapPath2;

    #[hookimpl(runtime)]
    impl Multi for WrapPath2 {
        #[hookimpl(wrapper)]
        fn fallible(&self, next: MultiFallibleNext<'_>) -> Result<Vec<u32>, Failure> {
            next.call()
        }
    }

    struct Stop;

    #[hookimpl(runtime)]
    impl Multi for Stop {
        fn fallible(&self) -> Result<u32, Failure> {
            out("stop");
            std::panic::panic_any(StopIteration)
        }
    }

    let pm = PluginManager::<dyn Multi>::new();
    mc!(pm, "stop" => Stop, "wrap" => Wrap, "wrap_path2" => WrapPath2);
    let caught = catch_unwind(AssertUnwindSafe(|| pm.hook().fallible()));
    out("finally");
    assert_eq!(
        caught.unwrap_err().downcast_ref::<StopIteration>(),
        Some(&StopIteration)
    );
    assert_eq!(take_out(), ["wrap", "stop", "wrap done", "finally"]);
}

#[test]
fn suppress_inner_wrapper_teardown_exc() {
    struct Suppress;

    #[hookimpl(runtime)]
    impl Multi for Suppress {
        #[hookimpl(wrapper)]
        fn fallible(&self, next: MultiFallibleNext<'_>) -> Result<Vec<u32>, Failure> {
            out("m2 init");
            match next.call() {
                Ok(values) => {
                    out("m2 unreachable");
                    Ok(values)
                }
                Err(_) => {
                    out("m2 suppress");
                    Ok(vec![22])
                }
            }
        }
    }

    let pm = PluginManager::<dyn Multi>::new();
    mc!(pm, "m3" => RaisesAfter("m3"), "m2" => Suppress, "m1" => Around("m1"));
    // pluggy's wrapper returns a bare 22; here the outcome keeps the call's type.
    assert_eq!(pm.hook().fallible(), Ok(vec![22]));
    assert_eq!(
        take_out(),
        [
            "m1 init",
            "m2 init",
            "m3 init",
            "m3 raise",
            "m2 suppress",
            "m1 finish",
        ]
    );
}
