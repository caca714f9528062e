//! The logging plugin's wrappers record what each `register_*` call added, and
//! its async observers every request and response. One test in this binary: the logs are
//! process-wide.

use std::fs;

use apiclient::Plugins;
use apiclient_core_adapters::FileAdapter;
use apiclient_hookspecs::ApiPlugins;
use hookcore::PluginManager;

#[tokio::test]
async fn the_wrapper_logs_each_registration_and_the_observers_each_exchange() {
    let data = if cfg!(feature = "data-url") {
        ", data"
    } else {
        ""
    };
    let count = if cfg!(feature = "data-url") { 3 } else { 2 };

    let pm = PluginManager::<dyn ApiPlugins>::linked().unwrap();
    let plugins = Plugins::enable(&pm, None).unwrap();
    let log: Vec<String> = apiclient_logging::registrations()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        log,
        [
            format!("register_adapters: {count} adapters added (http, file{data}), {count} in all"),
            "register_auth_providers: 3 auth providers added (bearer, basic, refresh), 3 in all"
                .into(),
            "register_transforms: 3 transforms added (json-pretty, redact-headers, scrub), 3 in all"
                .into(),
            "register_paginators: 2 paginators added (link, page), 2 in all".into(),
        ]
    );

    // Another manager, with the experimental plugin: the wrapper sees its adapter too.
    let other = PluginManager::<dyn ApiPlugins>::linked().unwrap();
    Plugins::enable(&other, Some("1")).unwrap();
    let last = &apiclient_logging::registrations()[4];
    assert_eq!(last.hook, "register_adapters");
    assert_eq!(last.added.last().map(String::as_str), Some("cached-http"));
    assert_eq!(apiclient_logging::registrations().len(), 8);

    assert!(apiclient_logging::requests().is_empty());
    assert!(apiclient_logging::responses().is_empty());
    let path = std::env::temp_dir().join(format!("apiclient-log-{}.txt", std::process::id()));
    fs::write(&path, "twelve bytes").unwrap();
    let url = FileAdapter::url_for(&path).unwrap();
    let client = plugins.client(&url).build().unwrap();
    let response = client.get(&url).await;
    fs::remove_file(&path).unwrap();
    assert_eq!(response.unwrap().status, 200);
    assert_eq!(
        apiclient_logging::requests(),
        [format!("GET {url}, no credentials")]
    );
    assert_eq!(
        apiclient_logging::responses(),
        [format!("GET {url} -> 200 OK, 12 bytes")]
    );
}
