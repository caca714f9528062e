//! Hooks named with raw identifiers (`fn r#type`): called and wrapped under the
//! raw name, known to tables, introspection and messages by the plain one.

use hookcore::{HookSpec, PluginManager, hookimpl, hookspec};

#[hookspec]
pub trait Keywords {
    fn r#type(&self) -> u8;
    #[hookspec(firstresult)]
    fn r#match(&self, r#in: u8) -> Option<u8>;
    fn plain(&self) -> u8;
}

#[hookimpl(Keywords, name = "free")]
fn r#type() -> u8 {
    1
}

pub struct Block;

#[hookimpl(name = "block")]
impl Keywords for Block {
    #[hookimpl(wrapper)]
    fn r#type(&self, next: KeywordsTypeNext<'_>) -> Vec<u8> {
        next.call().into_iter().map(|value| value * 10).collect()
    }
    // `specname` names a keyword hook with or without `r#`.
    #[hookimpl(specname = "match")]
    fn matches(&self, r#in: u8) -> Option<u8> {
        (r#in > 1).then_some(r#in)
    }
    #[hookimpl(specname = "r#type")]
    fn kind(&self) -> u8 {
        2
    }
}

#[test]
fn tables_know_raw_hooks_by_their_plain_names() {
    let names: Vec<&str> = <dyn Keywords as HookSpec>::HOOKS
        .iter()
        .map(|hook| hook.name)
        .collect();
    assert_eq!(names, ["type", "match", "plain"]);
    let pm = PluginManager::<dyn Keywords>::linked().unwrap();
    let impls = pm.hookimpls("type").unwrap();
    let mut plugins: Vec<(&str, bool)> = impls
        .iter()
        .map(|info| (info.plugin.as_str(), info.wrapper))
        .collect();
    plugins.sort_unstable();
    assert_eq!(
        plugins,
        [("block", false), ("block", true), ("free", false)]
    );
    assert!(impls.iter().all(|info| info.hook == "type"));
    assert_eq!(pm.hooks_of("block").unwrap(), ["type", "match"]);
    assert!(pm.hookimpls("r#type").is_err());
}

#[test]
fn raw_hooks_are_called_and_wrapped() {
    let pm = PluginManager::<dyn Keywords>::linked().unwrap();
    let mut all = pm.hook().r#type();
    all.sort_unstable();
    assert_eq!(all, [10, 20]);
    assert_eq!(pm.hook().r#match(3), Some(3));
    assert_eq!(pm.hook().r#match(1), None);
}
