//! Hooks that trip clippy's `too_many_arguments` and `type_complexity` by their
//! nature: the user's `#[allow(..)]` on the hook covers what is generated for it,
//! and what the macros add (a continuation, a callback, `&self`; `Vec<T>` or
//! `Tagged<T>` around a type the hook declares without tripping the lint) trips
//! nothing.
//! Part of the workspace's targets, so CI's `cargo clippy --all-targets -- -D
//! warnings` checks it.

#![deny(clippy::all)]

use hookcore::{PluginManager, hookimpl, hookspec};

/// A callback returned by a hook.
pub type Callback = Box<dyn Fn(&str) -> Option<Box<dyn Fn(u8) -> u8 + Send>> + Send>;

#[hookspec]
pub trait Heavy {
    /// Nine arguments.
    #[allow(clippy::too_many_arguments)]
    fn nine(&self, a: u8, b: u8, c: u8, d: u8, e: u8, f: u8, g: u8, h: u8, i: u8) -> u32;
    /// Six arguments: the wrapper's continuation makes seven.
    fn six(&self, a: u8, b: u8, c: u8, d: u8, e: u8, f: u8) -> u32;
    /// Six kept arguments: the callback makes seven.
    #[hookspec(historic)]
    fn six_kept(&self, a: u8, b: u8, c: u8, d: u8, e: u8, f: u8) -> u32;
    /// A boxed closure, written out; `expect` holds on the hook, and the
    /// generated copies allow.
    #[expect(clippy::type_complexity)]
    fn closure(&self) -> Box<dyn Fn(&str) -> Option<Box<dyn Fn(u8) -> u8 + Send>> + Send>;
    /// Just under the threshold on the hook; the call's `Vec` and `Tagged` are
    /// the macros' doing.
    fn near(&self) -> Box<dyn Fn(&str) -> u8 + Send>;
    /// The same through an alias.
    fn aliased(&self) -> Option<Callback>;
}

/// `expect` holds on the function; the generated trait method allows.
#[hookimpl(Heavy)]
#[expect(clippy::too_many_arguments)]
fn nine(a: u8, b: u8, c: u8, d: u8, e: u8, f: u8, g: u8, h: u8, i: u8) -> u32 {
    [a, b, c, d, e, f, g, h, i]
        .iter()
        .map(|&x| u32::from(x))
        .sum()
}

/// Six arguments: `&self` of the generated method makes seven.
#[hookimpl(Heavy)]
fn six(a: u8, b: u8, c: u8, d: u8, e: u8, f: u8) -> u32 {
    [a, b, c, d, e, f].iter().map(|&x| u32::from(x)).sum()
}

pub struct Block;

#[hookimpl(name = "block")]
impl Heavy for Block {
    #[hookimpl(wrapper)]
    fn six(&self, a: u8, b: u8, c: u8, d: u8, e: u8, f: u8, next: HeavySixNext<'_>) -> Vec<u32> {
        let mut all = next.call(a, b, c, d, e, f);
        all.push(0);
        all
    }
    fn six_kept(&self, a: u8, b: u8, c: u8, d: u8, e: u8, f: u8) -> u32 {
        u32::from(a + b + c + d + e + f)
    }
    #[allow(clippy::type_complexity)]
    fn closure(&self) -> Box<dyn Fn(&str) -> Option<Box<dyn Fn(u8) -> u8 + Send>> + Send> {
        Box::new(|_| Some(Box::new(|x| x + 1)))
    }
    fn aliased(&self) -> Option<Callback> {
        None
    }
    fn near(&self) -> Box<dyn Fn(&str) -> u8 + Send> {
        Box::new(|text| u8::try_from(text.len()).unwrap_or(u8::MAX))
    }
}

#[test]
fn heavy_hooks_are_called() {
    let pm = PluginManager::<dyn Heavy>::linked().unwrap();
    assert_eq!(pm.hook().nine(1, 1, 1, 1, 1, 1, 1, 1, 1), [9]);
    assert_eq!(pm.hook().six(1, 1, 1, 1, 1, 1), [6, 0]);
    let closures = pm.hook().closure();
    assert_eq!(closures[0]("x").unwrap()(1), 2);
    assert!(pm.hook().aliased().is_empty());
    assert_eq!(pm.hook().near()[0]("abc"), 3);
    assert_eq!((pm.tagged_hook().near()[0].value)("ab"), 2);
    let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let sink = std::sync::Arc::clone(&seen);
    pm.hook()
        .six_kept(1, 1, 1, 1, 1, 1, move |sum| sink.lock().unwrap().push(sum));
    assert_eq!(*seen.lock().unwrap(), [6]);
}
