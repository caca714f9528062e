//! What each kind of hook call returns, and which implementations it runs.
//! Plugins here are registered at run time, so each test controls its own order.

use std::cell::RefCell;

use hookcore::{PluginManager, hookimpl, hookspec};

#[hookspec]
pub trait Calls {
    fn unit(&self, seen: &mut Vec<&'static str>);
    fn plain(&self, x: u32) -> u32;
    fn optional(&self, x: u32) -> Option<u32>;
    #[hookspec(firstresult)]
    fn first(&self, x: u32) -> Option<u32>;
    fn fallible_unit(&self) -> Result<(), String>;
    fn fallible(&self) -> Result<u32, String>;
    fn fallible_optional(&self) -> Result<Option<u32>, String>;
    #[hookspec(firstresult)]
    fn fallible_first(&self) -> Result<Option<u32>, String>;
    fn io(&self) -> std::io::Result<u32>;
    fn owned(&self, text: String) -> usize;
    fn borrowed_out<'a>(&self, words: &'a [String]) -> Option<&'a str>;
}

/// A plugin that answers `value` and records every hook it runs in `LOG`.
struct Answer {
    name: &'static str,
    value: Option<u32>,
    fail: bool,
}

thread_local! {
    // Per thread: each test runs on its own thread, and calls run on the caller's.
    static LOG: RefCell<Vec<&'static str>> = const { RefCell::new(Vec::new()) };
}

fn ran(name: &'static str) {
    LOG.with_borrow_mut(|log| log.push(name));
}

fn take_log() -> Vec<&'static str> {
    LOG.with_borrow_mut(std::mem::take)
}

impl Answer {
    fn outcome(&self) -> Result<Option<u32>, String> {
        ran(self.name);
        if self.fail {
            Err(format!("{} failed", self.name))
        } else {
            Ok(self.value)
        }
    }
}

#[hookimpl(runtime)]
impl Calls for Answer {
    fn unit(&self, seen: &mut Vec<&'static str>) {
        seen.push(self.name);
    }
    fn plain(&self, x: u32) -> u32 {
        ran(self.name);
        x + self.value.unwrap_or(0)
    }
    fn optional(&self, x: u32) -> Option<u32> {
        ran(self.name);
        self.value.map(|v| v * x)
    }
    fn first(&self, x: u32) -> Option<u32> {
        ran(self.name);
        self.value.map(|v| v * x)
    }
    fn fallible_unit(&self) -> Result<(), String> {
        self.outcome().map(drop)
    }
    fn fallible(&self) -> Result<u32, String> {
        self.outcome().map(|v| v.unwrap_or(0))
    }
    fn fallible_optional(&self) -> Result<Option<u32>, String> {
        self.outcome()
    }
    fn fallible_first(&self) -> Result<Option<u32>, String> {
        self.outcome()
    }
    fn io(&self) -> std::io::Result<u32> {
        self.outcome()
            .map(|v| v.unwrap_or(0))
            .map_err(std::io::Error::other)
    }
    fn owned(&self, text: String) -> usize {
        text.len()
    }
    fn borrowed_out<'a>(&self, words: &'a [String]) -> Option<&'a str> {
        words.get(self.value? as usize).map(String::as_str)
    }
}

/// A manager whose call order is `plugins` as given (registered in reverse, since
/// run-time plugins are called most recent first).
fn manager(plugins: Vec<Answer>) -> PluginManager<dyn Calls> {
    let pm = PluginManager::new();
    for plugin in plugins.into_iter().rev() {
        pm.register(plugin.name, plugin).unwrap();
    }
    take_log();
    pm
}

fn answer(name: &'static str, value: Option<u32>) -> Answer {
    Answer {
        name,
        value,
        fail: false,
    }
}

fn failing(name: &'static str) -> Answer {
    Answer {
        name,
        value: None,
        fail: true,
    }
}

#[test]
fn unit_call_runs_every_implementation_in_order() {
    let pm = manager(vec![
        answer("a", None),
        answer("b", None),
        answer("c", None),
    ]);
    let mut seen = Vec::new();
    let returned: () = pm.hook().unit(&mut seen);
    assert_eq!(returned, ());
    assert_eq!(seen, ["a", "b", "c"]);
}

#[test]
fn plain_call_collects_every_value_in_call_order() {
    let pm = manager(vec![
        answer("a", Some(1)),
        answer("b", Some(2)),
        answer("c", None),
    ]);
    assert_eq!(pm.hook().plain(10), [11, 12, 10]);
    assert_eq!(take_log(), ["a", "b", "c"]);
}

#[test]
fn option_call_drops_nones() {
    let pm = manager(vec![
        answer("a", Some(1)),
        answer("b", None),
        answer("c", Some(3)),
    ]);
    assert_eq!(pm.hook().optional(2), [2, 6]);
    assert_eq!(take_log(), ["a", "b", "c"]);
}

#[test]
fn firstresult_stops_at_the_first_some() {
    let pm = manager(vec![
        answer("a", None),
        answer("b", Some(2)),
        answer("c", Some(3)),
    ]);
    assert_eq!(pm.hook().first(5), Some(10));
    assert_eq!(take_log(), ["a", "b"], "c must not run");
}

#[test]
fn firstresult_without_answer_is_none_after_asking_everyone() {
    let pm = manager(vec![answer("a", None), answer("b", None)]);
    assert_eq!(pm.hook().first(5), None);
    assert_eq!(take_log(), ["a", "b"]);
}

#[test]
fn calls_with_no_implementation() {
    let pm = PluginManager::<dyn Calls>::new();
    let hooks = pm.hook();
    assert!(hooks.plain(1).is_empty());
    assert!(hooks.optional(1).is_empty());
    assert_eq!(hooks.first(1), None);
    assert_eq!(hooks.fallible_unit(), Ok(()));
    assert_eq!(hooks.fallible(), Ok(vec![]));
    assert_eq!(hooks.fallible_first(), Ok(None));
}

#[test]
fn result_unit_call_stops_at_the_first_err() {
    let pm = manager(vec![answer("a", None), failing("b"), answer("c", None)]);
    assert_eq!(pm.hook().fallible_unit(), Err("b failed".to_owned()));
    assert_eq!(take_log(), ["a", "b"], "c must not run after the Err");
}

#[test]
fn result_call_collects_oks_or_returns_the_first_err() {
    let pm = manager(vec![answer("a", Some(1)), answer("b", Some(2))]);
    assert_eq!(pm.hook().fallible(), Ok(vec![1, 2]));
    let pm = manager(vec![answer("a", Some(1)), failing("b"), failing("c")]);
    assert_eq!(pm.hook().fallible(), Err("b failed".to_owned()));
    assert_eq!(take_log(), ["a", "b"]);
}

#[test]
fn result_option_call_drops_nones_and_stops_at_err() {
    let pm = manager(vec![
        answer("a", Some(1)),
        answer("b", None),
        answer("c", Some(3)),
    ]);
    assert_eq!(pm.hook().fallible_optional(), Ok(vec![1, 3]));
    let pm = manager(vec![answer("a", None), failing("b"), answer("c", Some(3))]);
    assert_eq!(pm.hook().fallible_optional(), Err("b failed".to_owned()));
    assert_eq!(take_log(), ["a", "b"]);
}

#[test]
fn result_firstresult_call_stops_at_first_some_or_err() {
    let pm = manager(vec![answer("a", None), answer("b", Some(2)), failing("c")]);
    assert_eq!(pm.hook().fallible_first(), Ok(Some(2)));
    assert_eq!(take_log(), ["a", "b"]);
    let pm = manager(vec![answer("a", None), failing("b"), answer("c", Some(3))]);
    assert_eq!(pm.hook().fallible_first(), Err("b failed".to_owned()));
    assert_eq!(take_log(), ["a", "b"]);
}

#[test]
fn a_one_parameter_result_alias_works_like_result() {
    let pm = manager(vec![
        answer("a", Some(1)),
        failing("b"),
        answer("c", Some(3)),
    ]);
    let err: std::io::Error = pm.hook().io().unwrap_err();
    assert_eq!(err.to_string(), "b failed");
    let pm = manager(vec![answer("a", Some(1))]);
    let values: Vec<u32> = pm.hook().io().unwrap();
    assert_eq!(values, [1]);
}

#[test]
fn owned_arguments_are_cloned_for_each_implementation() {
    let pm = manager(vec![answer("a", None), answer("b", None)]);
    assert_eq!(pm.hook().owned("four".to_owned()), [4, 4]);
}

#[test]
fn results_may_borrow_from_the_arguments() {
    let pm = manager(vec![
        answer("a", Some(1)),
        answer("b", Some(7)),
        answer("c", Some(0)),
    ]);
    let words = vec!["zero".to_owned(), "one".to_owned()];
    let picked: Vec<&str> = pm.hook().borrowed_out(&words);
    drop(pm);
    assert_eq!(picked, ["one", "zero"]);
}

#[test]
fn a_caller_keeps_the_table_it_was_made_with() {
    let pm = manager(vec![answer("a", Some(1))]);
    let before = pm.hook();
    pm.register("b", answer("b", Some(2))).unwrap();
    assert_eq!(before.plain(0), [1]);
    assert_eq!(pm.hook().plain(0), [2, 1]);
}

#[test]
fn a_hook_a_plugin_does_not_implement_has_a_neutral_default() {
    struct Quiet;
    #[hookimpl(runtime)]
    impl Calls for Quiet {}
    // Called directly, not through the manager: the defaults answer "nothing".
    assert_eq!(Quiet.optional(1), None);
    assert_eq!(Quiet.fallible_unit(), Ok(()));
    assert_eq!(Quiet.fallible_first(), Ok(None));
    let pm = PluginManager::<dyn Calls>::new();
    pm.register("quiet", Quiet).unwrap();
    assert_eq!(pm.hooks_of("quiet").unwrap(), Vec::<&str>::new());
    assert!(
        pm.hook().plain(1).is_empty(),
        "a plugin is called only for hooks it implements"
    );
}

#[test]
#[should_panic(expected = "`plain` was called directly on a plugin that does not implement it")]
fn a_default_without_neutral_value_panics_with_a_clear_message() {
    struct Quiet;
    #[hookimpl(runtime)]
    impl Calls for Quiet {}
    let _ = Quiet.plain(1);
}
