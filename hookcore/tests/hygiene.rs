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
    }
}

#[test]
fn generated_code_uses_only_absolute_paths() {
    use plugin::Shadowed;
    let pm = hookcore::PluginManager::<dyn Shadowed>::linked().unwrap();
    assert_eq!(pm.hook().first("a"), Some(b'a'));
    assert_eq!(pm.hook().all("abc".to_owned()), [3]);
    assert_eq!(pm.hook().fallible(), Ok(()));
}
