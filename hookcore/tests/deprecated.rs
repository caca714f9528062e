//! A deprecated hook still works: its implementations run and its calls return
//! their results. (That implementing or calling it warns is shown by the ui cases
//! `implementing-deprecated-hook` and `calling-deprecated-hook`.)

use hookcore::{PluginManager, hookimpl, hookspec};

#[hookspec]
pub trait Greetings {
    #[deprecated(note = "use `greeting`")]
    fn hello(&self) -> &'static str;
    fn greeting(&self) -> &'static str;
}

#[allow(deprecated)]
mod old_plugin {
    #[super::hookimpl(super::Greetings)]
    fn hello() -> &'static str {
        "hello"
    }
}

mod new_plugin {
    #[super::hookimpl(super::Greetings)]
    fn greeting() -> &'static str {
        "hi"
    }
}

#[test]
fn a_deprecated_hook_is_called_like_any_other() {
    let pm = PluginManager::<dyn Greetings>::linked().unwrap();
    #[allow(deprecated)]
    let hello = pm.hook().hello();
    assert_eq!(hello, ["hello"]);
    assert_eq!(pm.hook().greeting(), ["hi"]);
    let hooks: Vec<&str> = pm
        .hookimpls("hello")
        .unwrap()
        .iter()
        .map(|i| i.hook)
        .collect();
    assert_eq!(hooks, ["hello"]);
}
