//! Discovery: every plugin crate is found at link time with its package and
//! version, each hook's implementations are in the documented order, `require`
//! names what is missing, and the seed's module-level API (`enable_plugins`,
//! `get_adapter`, `list_adapters`) works on the process-wide manager.

use apiclient_hookspecs::{ApiPlugins, Options};
use hookcore::{HookSpec, Order, Origin, PluginManager};

fn plugins_found(pm: &PluginManager<dyn ApiPlugins>) -> Vec<(String, &'static str, &'static str)> {
    pm.plugins()
        .into_iter()
        .inspect(|plugin| assert_eq!(plugin.origin, Origin::Linked))
        .map(|plugin| (plugin.name, plugin.source.package, plugin.source.version))
        .collect()
}

#[test]
fn every_plugin_crate_is_linked_with_its_package_and_version() {
    let pm = PluginManager::<dyn ApiPlugins>::linked().unwrap();
    assert_eq!(pm.require(apiclient::REQUIRED), Ok(()));
    let mut expected = vec![
        (
            "apiclient_core_adapters",
            "apiclient-core-adapters",
            "1.0.0",
        ),
        ("apiclient_data_url", "apiclient-data-url", "0.9.0"),
        ("apiclient_logging", "apiclient-logging", "0.1.3"),
        ("apiclient_rest::pagination", "apiclient-rest", "0.4.0"),
        ("apiclient_rest::transforms", "apiclient-rest", "0.4.0"),
        ("auth", "apiclient-auth", "0.6.1"),
        ("scrub", "apiclient-scrub", "0.2.0"),
    ];
    if cfg!(not(feature = "data-url")) {
        expected.remove(1);
    }
    let expected: Vec<_> = expected
        .into_iter()
        .map(|(name, package, version)| (name.to_owned(), package, version))
        .collect();
    assert_eq!(plugins_found(&pm), expected);
}

#[test]
fn each_hook_has_its_implementations_in_the_documented_order() {
    let pm = PluginManager::<dyn ApiPlugins>::linked().unwrap();
    let order = |hook: &str| -> Vec<(String, bool, Order)> {
        pm.hookimpls(hook)
            .unwrap()
            .into_iter()
            .map(|imp| (imp.plugin, imp.wrapper, imp.order))
            .collect()
    };
    let wrapper = || ("apiclient_logging".to_owned(), true, Order::Normal);
    let normal = |plugin: &str| (plugin.to_owned(), false, Order::Normal);

    let mut adapters = vec![wrapper(), normal("apiclient_core_adapters")];
    if cfg!(feature = "data-url") {
        adapters.push(normal("apiclient_data_url"));
    }
    assert_eq!(order("register_adapters"), adapters);
    assert_eq!(
        order("register_auth_providers"),
        [wrapper(), normal("auth")]
    );
    assert_eq!(
        order("register_transforms"),
        [
            wrapper(),
            normal("apiclient_rest::transforms"),
            normal("scrub")
        ]
    );
    assert_eq!(
        order("register_paginators"),
        [wrapper(), normal("apiclient_rest::pagination")]
    );
    assert_eq!(order("authenticate"), [normal("auth")]);
    assert_eq!(order("on_request"), [normal("apiclient_logging")]);
    assert_eq!(order("on_response"), [normal("apiclient_logging")]);
    // `shutdown`: only the run-time experimental plugin implements it.
    for hook in <dyn ApiPlugins as HookSpec>::HOOKS
        .iter()
        .filter(|hook| hook.name != "shutdown")
    {
        assert!(
            !pm.hookimpls(hook.name).unwrap().is_empty(),
            "{}",
            hook.name
        );
    }
}

#[test]
fn requiring_a_crate_that_is_not_linked_names_it() {
    let pm = PluginManager::<dyn ApiPlugins>::linked().unwrap();
    let err = pm
        .require(["apiclient-auth", "apiclient-oracle-db", "apiclient-ldap"])
        .unwrap_err();
    assert_eq!(
        err,
        hookcore::Error::MissingPlugins {
            names: vec!["apiclient-oracle-db".into(), "apiclient-ldap".into()]
        }
    );
    // A package matches with `-` or `_`; a plugin name matches too.
    assert_eq!(
        pm.require(["apiclient_rest", "scrub", "apiclient_rest::pagination"]),
        Ok(())
    );
}

/// The only test here that touches the process-wide manager and the module-level
/// API; it passes the flag's value, so the environment does not matter.
#[test]
fn the_module_level_api_uses_the_process_wide_manager() {
    let plugins = apiclient::enable_plugins_with(None).unwrap();
    assert!(std::ptr::eq(
        plugins.manager(),
        PluginManager::<dyn ApiPlugins>::global()
    ));
    assert!(std::ptr::eq(plugins, apiclient::enable_plugins().unwrap()));
    assert!(!plugins.experimental());
    assert_eq!(apiclient::list_adapters().unwrap(), plugins.list_adapters());
    assert!(apiclient::get_adapter("file", &Options::new()).is_ok());
    let Err(err) = apiclient::get_adapter("ldap", &Options::new()) else {
        panic!("nobody registers ldap");
    };
    assert!(matches!(err, apiclient::Error::Api(_)), "{err}");
}
