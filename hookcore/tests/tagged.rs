//! The tagged caller: which plugin returned what (pluggy issues #235, #485).

use hookcore::{PluginManager, Tagged, hookimpl, hookspec};

#[hookspec]
pub trait Adapters {
    fn describe(&self) -> String;
    fn maybe(&self, key: &str) -> Option<u32>;
    #[hookspec(firstresult)]
    fn get_adapter(&self, name: &str) -> Option<String>;
    fn fallible(&self) -> Result<u32, String>;
    #[hookspec(firstresult)]
    fn fallible_first(&self) -> Result<Option<u32>, String>;
}

struct Answer(&'static str, Option<u32>);

#[hookimpl(runtime)]
impl Adapters for Answer {
    fn describe(&self) -> String {
        format!("{} adapter", self.0)
    }
    fn maybe(&self, _key: &str) -> Option<u32> {
        self.1
    }
    fn get_adapter(&self, _name: &str) -> Option<String> {
        self.1.map(|n| format!("{}#{n}", self.0))
    }
    fn fallible(&self) -> Result<u32, String> {
        self.1.ok_or_else(|| format!("{} has nothing", self.0))
    }
    fn fallible_first(&self) -> Result<Option<u32>, String> {
        Ok(self.1)
    }
}

fn tag<T>(plugin: &str, value: T) -> Tagged<T> {
    Tagged {
        plugin: plugin.into(),
        value,
    }
}

fn manager() -> PluginManager<dyn Adapters> {
    let pm = PluginManager::new();
    pm.register("c", Answer("c", Some(3))).unwrap();
    pm.register("b", Answer("b", None)).unwrap();
    pm.register("a", Answer("a", Some(1))).unwrap();
    pm
}

#[test]
fn every_kind_of_call_names_the_plugins() {
    let pm = manager();
    let tagged = pm.tagged_hook();
    assert_eq!(
        tagged.describe(),
        [
            tag("a", "a adapter".to_owned()),
            tag("b", "b adapter".to_owned()),
            tag("c", "c adapter".to_owned())
        ]
    );
    assert_eq!(tagged.maybe("k"), [tag("a", 1), tag("c", 3)]);
    assert_eq!(tagged.get_adapter("x"), Some(tag("a", "a#1".to_owned())));
    assert_eq!(tagged.fallible(), Err("b has nothing".to_owned()));
    assert_eq!(tagged.fallible_first(), Ok(Some(tag("a", 1))));
    pm.unregister("b").unwrap();
    assert_eq!(
        pm.tagged_hook().fallible(),
        Ok(vec![tag("a", 1), tag("c", 3)])
    );
}

#[test]
fn tagged_and_plain_calls_agree() {
    let pm = manager();
    let plain = pm.hook().maybe("k");
    let tagged: Vec<u32> = pm
        .tagged_hook()
        .maybe("k")
        .into_iter()
        .map(|t| t.value)
        .collect();
    assert_eq!(plain, tagged);
}
