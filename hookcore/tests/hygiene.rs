//! Generated code compiles next to user items that shadow the prelude, and passes
//! strict lints.

#![deny(warnings, clippy::all, clippy::pedantic)]
#![allow(dead_code, clippy::needless_pass_by_value, clippy::unnecessary_wraps)]

#[allow(non_upper_case_globals)]
mod shadowed {
    // Everything generated code might reach for without a full path.
    pub struct Option;
    pub struct Result;
    pub struct Vec;
    pub struct String;
    pub struct Box;
    pub struct Arc;
    pub struct Send;
    pub struct Sync;
    pub struct Clone;
    pub const Some: () = ();
    pub const None: () = ();
    pub const Ok: () = ();
    pub const Err: () = ();
    pub mod core {}
    pub mod std {}
    pub mod hookcore {}
    pub mod linkme {}
    pub fn module_path() {}
}

#[allow(unused_imports, non_upper_case_globals)]
mod plugin {
    use super::shadowed::*;

    /// A spec declared where the prelude is shadowed.
    #[::hookcore::hookspec]
    pub trait Shadowed {
        /// A firstresult hook.
        #[hookspec(firstresult)]
        fn first(&self, key: &str) -> ::core::option::Option<u8>;
        /// A collecting hook with an owned argument.
        fn all(&self, value: ::std::string::String) -> usize;
        /// A fallible hook.
        fn fallible(&self) -> ::core::result::Result<(), &'static str>;
        /// Switched off: the tables are built with `cfg!`, next to a shadowed
        /// prelude.
        #[cfg(any())]
        fn gone(&self) -> bool;
        /// After a switched-off hook.
        fn after_gone(&self) -> u8;
    }

    /// A free-function plugin.
    #[::hookcore::hookimpl(Shadowed)]
    pub fn first(key: &str) -> ::core::option::Option<u8> {
        key.bytes().next()
    }

    /// A plugin type.
    pub struct Typed;

    #[::hookcore::hookimpl]
    impl Shadowed for Typed {
        fn all(&self, value: ::std::string::String) -> usize {
            value.len()
        }
        #[cfg(any())]
        fn gone(&self) -> bool {
            true
        }
        fn after_gone(&self) -> u8 {
            1
        }
    }
}

#[test]
fn generated_code_uses_only_absolute_paths() {
    use plugin::Shadowed;
    let pm = hookcore::PluginManager::<dyn Shadowed>::linked().unwrap();
    assert_eq!(pm.hook().first("a"), Some(b'a'));
    assert_eq!(pm.hook().all("abc".to_owned()), [3]);
    assert_eq!(pm.hook().fallible(), Ok(()));
    assert_eq!(pm.hook().after_gone(), [1]);
}

/// Hook arguments named like the locals and items of generated code.
#[::hookcore::hookspec]
pub trait Collisions {
    /// Arguments named like generated locals.
    fn locals(&self, dispatch: u8, next: u8, plugin: u8, value: u8, monitor: u8) -> u8;
    /// A historic hook with arguments named like generated items, one of them a
    /// raw identifier.
    #[hookspec(historic)]
    fn items(&self, replay: u8, saved: u8, r#call: u8) -> u8;
    /// A wrappable hook with an argument named `next`.
    #[hookspec(firstresult)]
    fn wrapped(&self, next: u8) -> Option<u8>;
}

/// A module named like a hook function, used in that function's signature.
pub mod locals {
    /// A type the signature names through the module.
    pub type Input = u8;
}

#[::hookcore::hookimpl(Collisions)]
fn locals(dispatch: locals::Input, next: u8, plugin: u8, value: u8, monitor: u8) -> u8 {
    dispatch + next + plugin + value + monitor
}

struct Wraps;

#[::hookcore::hookimpl(runtime)]
impl Collisions for Wraps {
    fn items(&self, replay: u8, saved: u8, r#call: u8) -> u8 {
        replay * saved + r#call
    }
    fn wrapped(&self, next: u8) -> Option<u8> {
        Some(next)
    }
}

#[test]
fn argument_and_module_names_do_not_collide_with_generated_ones() {
    let pm = hookcore::PluginManager::<dyn Collisions>::linked().unwrap();
    assert_eq!(pm.hook().locals(1, 2, 3, 4, 5), [15]);
    assert_eq!(pm.tagged_hook().locals(1, 1, 1, 1, 1)[0].value, 5);
    pm.register("wraps", Wraps).unwrap();
    assert_eq!(pm.hook().wrapped(7), Some(7));
    let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let sink = std::sync::Arc::clone(&seen);
    pm.hook()
        .items(2, 3, 1, move |product| sink.lock().unwrap().push(product));
    assert_eq!(*seen.lock().unwrap(), [7]);
}

/// Constants named like the items a `#[hookimpl]` block generates: its
/// `instance` expression must see these, not the generated ones.
const SOURCE: &str = "the user's source";
const IMPLS: u8 = 1;
const OBJECT: u8 = 2;
const INSTANCE: u8 = 4;
const ENTRY: u8 = 8;

/// A spec for the plugin built from those constants.
#[::hookcore::hookspec]
pub trait Described {
    /// What the plugin holds.
    fn describe(&self) -> (&'static str, u8);
}

/// A plugin whose linked instance is built from the user's constants.
pub struct Holder {
    text: &'static str,
    sum: u8,
}

#[::hookcore::hookimpl(instance = Holder { text: SOURCE, sum: IMPLS + OBJECT + INSTANCE + ENTRY })]
impl Described for Holder {
    fn describe(&self) -> (&'static str, u8) {
        (self.text, self.sum)
    }
}

/// A unit plugin type named like a generated item: its default instance is
/// the user's type.
mod unit {
    #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
    pub struct SOURCE;

    #[::hookcore::hookimpl(name = "unit")]
    impl super::Described for SOURCE {
        fn describe(&self) -> (&'static str, u8) {
            ("unit", super::OBJECT)
        }
    }
}

#[test]
fn an_instance_expression_sees_the_users_names() {
    let pm = hookcore::PluginManager::<dyn Described>::linked().unwrap();
    let mut all = pm.hook().describe();
    all.sort_unstable();
    assert_eq!(all, [("the user's source", 15), ("unit", 2)]);
}
