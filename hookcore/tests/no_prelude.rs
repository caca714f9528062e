//! Generated code names everything by its full path: specs and plugins compile
//! in a `#![no_implicit_prelude]` module. The module is private, so an unused
//! generated item would warn (a historic hook's hidden wrapper method did).

#![deny(warnings)]

mod plain {
    #![no_implicit_prelude]

    use ::core::option::Option::{self, None, Some};
    use ::core::result::Result::{self, Err, Ok};
    use ::std::string::String;
    use ::std::vec::Vec;

    /// Every return kind, a wrapped hook and a historic one.
    #[::hookcore::hookspec]
    pub trait Bare {
        fn unit(&self, log: &mut Vec<u8>);
        fn plain(&self) -> u8;
        fn some(&self) -> Option<u8>;
        #[hookspec(firstresult)]
        fn first(&self, key: u8) -> Option<u8>;
        fn try_unit(&self) -> Result<(), String>;
        fn try_plain(&self) -> Result<u8, String>;
        fn try_some(&self) -> Result<Option<u8>, String>;
        #[hookspec(firstresult)]
        fn try_first(&self) -> Result<Option<u8>, String>;
        #[hookspec(historic)]
        fn remember(&self, value: u8) -> u8;
    }

    #[::hookcore::hookimpl(Bare)]
    pub fn unit(log: &mut Vec<u8>) {
        log.push(1);
    }

    #[::hookcore::hookimpl(Bare, wrapper)]
    pub fn plain(next: BarePlainNext<'_>) -> Vec<u8> {
        let mut all = next.call();
        all.push(0);
        all
    }

    pub struct Block;

    #[::hookcore::hookimpl(name = "block")]
    impl Bare for Block {
        fn plain(&self) -> u8 {
            2
        }
        fn some(&self) -> Option<u8> {
            Some(3)
        }
        fn first(&self, key: u8) -> Option<u8> {
            Some(key)
        }
        fn try_unit(&self) -> Result<(), String> {
            Err(::std::borrow::ToOwned::to_owned("no"))
        }
        fn try_plain(&self) -> Result<u8, String> {
            Ok(4)
        }
        fn try_some(&self) -> Result<Option<u8>, String> {
            Ok(None)
        }
        fn try_first(&self) -> Result<Option<u8>, String> {
            Ok(Some(5))
        }
        fn remember(&self, value: u8) -> u8 {
            value + 1
        }
    }

    pub struct Runtime;

    #[::hookcore::hookimpl(runtime)]
    impl Bare for Runtime {
        #[hookimpl(wrapper)]
        fn first(&self, key: u8, next: BareFirstNext<'_>) -> Option<u8> {
            next.call(key * 2)
        }
    }
}

#[test]
fn every_kind_of_hook_works_without_the_prelude() {
    use plain::Bare;
    let pm = hookcore::PluginManager::<dyn Bare>::linked().unwrap();
    pm.register("runtime", plain::Runtime).unwrap();
    let mut log = Vec::new();
    pm.hook().unit(&mut log);
    assert_eq!(log, [1]);
    assert_eq!(pm.hook().plain(), [2, 0]);
    assert_eq!(pm.hook().some(), [3]);
    assert_eq!(pm.hook().first(4), Some(8));
    assert_eq!(pm.hook().try_unit(), Err("no".to_owned()));
    assert_eq!(pm.hook().try_plain(), Ok(vec![4]));
    assert_eq!(pm.hook().try_some(), Ok(vec![]));
    assert_eq!(pm.hook().try_first(), Ok(Some(5)));
    assert_eq!(pm.tagged_hook().plain()[0].value, 2);
    let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let sink = std::sync::Arc::clone(&seen);
    pm.hook()
        .remember(1, move |value| sink.lock().unwrap().push(value));
    assert_eq!(*seen.lock().unwrap(), [2]);
}
