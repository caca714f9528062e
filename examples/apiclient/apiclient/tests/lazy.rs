//! The scrub plugin's automaton is not built when the plugins are enabled, nor
//! when a client with the `scrub` transform is built, only when a body is first
//! scrubbed. One test in this binary, so nothing builds it first.

use std::fs;

use apiclient::Plugins;
use apiclient_core_adapters::FileAdapter;
use apiclient_hookspecs::{ApiPlugins, Options};
use hookcore::PluginManager;

#[tokio::test]
async fn the_automaton_is_built_on_first_use() {
    let pm = PluginManager::<dyn ApiPlugins>::linked().unwrap();
    let plugins = Plugins::enable(&pm, None).unwrap();
    assert!(plugins.transforms().contains("scrub"));
    let client = plugins
        .client("file:///")
        .transform("scrub", Options::new())
        .build()
        .unwrap();
    assert!(!apiclient_scrub::is_built(), "built before first use");

    let path = std::env::temp_dir().join(format!("apiclient-lazy-{}.txt", std::process::id()));
    fs::write(&path, "deploy key: glpat-EXAMPLE0000demo, ok").unwrap();
    let url = FileAdapter::url_for(&path).unwrap();
    let response = client.get(&url).await;
    fs::remove_file(&path).unwrap();
    let response = response.unwrap();

    assert!(apiclient_scrub::is_built());
    assert_eq!(response.text(), "deploy key: glpat-[redacted], ok");
    assert_eq!(response.headers.get("x-scrubbed"), Some("1"));
    assert_eq!(
        apiclient_scrub::stats().unwrap().patterns,
        apiclient_scrub::PATTERNS.len()
    );
}
