//! The automaton is built on first use, not when the plugin is linked, its
//! transform registered or built. One test in this binary, so nothing else
//! builds it first.

use apiclient_hookspecs::{ApiPlugins, Options, Response, TransformRegistry};
use hookcore::PluginManager;

#[test]
fn the_automaton_is_built_on_the_first_scrub_and_only_once() {
    let pm = PluginManager::<dyn ApiPlugins>::linked().unwrap();
    assert_eq!(pm.plugins()[0].name, "scrub");
    let mut registry = TransformRegistry::new("transform");
    pm.hook().register_transforms(&mut registry);
    assert_eq!(registry.names(), ["scrub"]);
    let transform = registry.create("scrub", &Options::new()).unwrap();
    assert!(!apiclient_scrub::is_built());
    assert_eq!(apiclient_scrub::stats(), None);

    let mut clean = Response::new("http://h/", 200, "OK");
    clean.body = b"{\"ok\": true}".to_vec();
    transform.apply(&mut clean).unwrap();
    assert!(apiclient_scrub::is_built());
    assert_eq!(clean.headers.get("x-scrubbed"), None);
    let stats = apiclient_scrub::stats().unwrap();
    assert!(stats.states > apiclient_scrub::PATTERNS.len());

    let mut leaky = Response::new("http://h/", 200, "OK");
    leaky.body = b"{\"token\": \"github_pat_11EXAMPLE0000\"}".to_vec();
    transform.apply(&mut leaky).unwrap();
    assert_eq!(leaky.text(), "{\"token\": \"github_pat_[redacted]\"}");
    assert_eq!(leaky.headers.get("x-scrubbed"), Some("1"));
    // Still the first automaton: same build time, so built once.
    assert_eq!(apiclient_scrub::stats(), Some(stats));
}
