//! Each registry holds the expected entries in the documented order: the hook's
//! call order (tryfirst, normal, trylast; run-time plugins before linked ones;
//! linked ones by plugin name), each plugin's entries in the order it registers
//! them. Every test works on a fresh manager.

use apiclient::Plugins;
use apiclient_hookspecs::{ApiError, ApiPlugins, Options, Request};
use hookcore::PluginManager;

#[test]
fn the_registries_hold_every_linked_plugins_entries_in_call_order() {
    let pm = PluginManager::<dyn ApiPlugins>::linked().unwrap();
    let plugins = Plugins::enable(&pm, None).unwrap();
    assert!(!plugins.experimental());

    let adapters: &[&str] = if cfg!(feature = "data-url") {
        &["http", "file", "data"]
    } else {
        &["http", "file"]
    };
    assert_eq!(plugins.list_adapters(), adapters);
    assert_eq!(
        plugins.auth_providers().names(),
        ["bearer", "basic", "refresh"]
    );
    assert_eq!(
        plugins.transforms().names(),
        ["json-pretty", "redact-headers", "scrub"]
    );
    assert_eq!(plugins.paginators().names(), ["link", "page"]);
}

#[test]
fn entries_are_built_by_name_with_options() {
    let pm = PluginManager::<dyn ApiPlugins>::linked().unwrap();
    let plugins = Plugins::enable(&pm, None).unwrap();

    let bearer = plugins
        .auth_providers()
        .create("bearer", &Options::new().with("token", "t"))
        .unwrap();
    let mut request = Request::get("http://h/");
    // The provider's own, sync step; the client goes through the async
    // `authenticate` hook, which may refresh first (tests/client.rs).
    bearer.authenticate(&mut request).unwrap();
    assert_eq!(request.headers.get("authorization"), Some("Bearer t"));

    let Err(unknown) = plugins.get_adapter("oracle_db", &Options::new()) else {
        panic!("nobody registers oracle_db");
    };
    assert!(matches!(
        unknown,
        ApiError::Unknown {
            kind: "adapter",
            ..
        }
    ));
    assert!(
        unknown
            .to_string()
            .starts_with("no adapter named `oracle_db` (available: http, file")
    );

    let Err(refused) = plugins
        .transforms()
        .create("json-pretty", &Options::new().with("indent", "lots"))
    else {
        panic!("indent must be a number");
    };
    assert!(matches!(refused, ApiError::Config(_)));

    let Err(no_user) = plugins
        .client("http://h/")
        .auth("basic", Options::new())
        .build()
    else {
        panic!("basic needs a user");
    };
    assert_eq!(
        no_user.to_string(),
        "configuration: basic: the `user` option is required"
    );
}
