//! The conditional plugins: the experimental one, registered at run time only
//! when the flag's value is `1`, and the data: URL adapter, linked only with the
//! host's `data-url` feature.
//!
//! The flag's value is passed in, never read here, and nothing sets an
//! environment variable: each test registers on a fresh `PluginManager::linked()`,
//! never the process-wide one.

use apiclient::{EXPERIMENTAL_PLUGIN, Plugins, register_conditional_plugins};
use apiclient_hookspecs::ApiPlugins;
use hookcore::{Order, Origin, PluginManager};

fn fresh() -> PluginManager<dyn ApiPlugins> {
    PluginManager::linked().unwrap()
}

#[test]
fn without_the_flag_the_experimental_plugin_is_absent() {
    for flag in [None, Some(""), Some("0"), Some("true"), Some("yes")] {
        let pm = fresh();
        assert!(
            !register_conditional_plugins(&pm, flag).unwrap(),
            "{flag:?}"
        );
        assert!(!pm.is_registered(EXPERIMENTAL_PLUGIN));
        let plugins = Plugins::enable(&pm, flag).unwrap();
        assert!(!plugins.experimental());
        assert!(!plugins.adapters().contains("cached-http"));
    }
}

#[test]
fn with_the_flag_it_is_registered_at_run_time_and_its_adapter_comes_last() {
    let pm = fresh();
    let plugins = Plugins::enable(&pm, Some("1")).unwrap();
    assert!(plugins.experimental());

    let info = pm.plugin(EXPERIMENTAL_PLUGIN).unwrap();
    assert_eq!(info.origin, Origin::Registered);
    assert_eq!(info.source.package, "apiclient-experimental");
    assert_eq!(info.source.version, "0.0.1");
    assert_eq!(info.hooks, ["register_adapters", "shutdown"]);
    // Run-time plugins are listed first.
    assert_eq!(pm.plugins()[0].name, EXPERIMENTAL_PLUGIN);

    // `trylast`: after every linked adapter, though run-time plugins otherwise
    // come first.
    let last = pm.hookimpls("register_adapters").unwrap().pop().unwrap();
    assert_eq!(
        (last.plugin.as_str(), last.order),
        (EXPERIMENTAL_PLUGIN, Order::TryLast)
    );
    assert_eq!(plugins.list_adapters().last().unwrap(), "cached-http");

    // Enabling again on the same manager is fine, and registers nothing new.
    assert!(register_conditional_plugins(&pm, Some("1")).unwrap());
    assert_eq!(
        pm.plugins()
            .iter()
            .filter(|p| p.origin == Origin::Registered)
            .count(),
        1
    );
}

#[test]
fn a_blocked_experimental_plugin_is_an_error() {
    let pm = fresh();
    pm.set_blocked(EXPERIMENTAL_PLUGIN);
    let err = register_conditional_plugins(&pm, Some("1")).unwrap_err();
    assert!(matches!(err, hookcore::Error::Blocked { .. }), "{err}");
}

#[cfg(feature = "data-url")]
#[tokio::test]
async fn with_the_data_url_feature_the_data_adapter_is_linked() {
    assert!(apiclient::REQUIRED.contains(&"apiclient-data-url"));
    let pm = fresh();
    assert_eq!(pm.require(["apiclient-data-url"]), Ok(()));
    let plugins = Plugins::enable(&pm, None).unwrap();
    let data = plugins
        .get_adapter("data", &apiclient_hookspecs::Options::new())
        .unwrap();
    let request = apiclient_hookspecs::Request::get("data:,hello%2C%20world");
    let response = data.send(&request).await.unwrap();
    assert_eq!(response.text(), "hello, world");
}

#[cfg(not(feature = "data-url"))]
#[test]
fn without_the_data_url_feature_the_data_adapter_is_absent() {
    assert!(!apiclient::REQUIRED.contains(&"apiclient-data-url"));
    let pm = fresh();
    assert!(pm.require(["apiclient-data-url"]).is_err());
    let plugins = Plugins::enable(&pm, None).unwrap();
    assert!(!plugins.adapters().contains("data"));
}
