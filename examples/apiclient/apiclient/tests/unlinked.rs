//! A plugin crate that the binary never names is not linked, even though it is
//! a dependency: its plugins are absent, and `require` says which.
//!
//! This file names only the hookspecs and the core adapters: not `apiclient`
//! (whose library names every plugin crate), nor the other plugin crates.

use apiclient_core_adapters as _;
use apiclient_hookspecs::{AdapterRegistry, ApiPlugins};
use hookcore::{Error, PluginManager};

#[test]
fn unnamed_plugin_crates_are_absent_and_require_names_them() {
    let pm = PluginManager::<dyn ApiPlugins>::linked().unwrap();
    let names: Vec<String> = pm.plugins().into_iter().map(|p| p.name).collect();
    assert_eq!(names, ["apiclient_core_adapters"]);
    assert_eq!(pm.require(["apiclient-core-adapters"]), Ok(()));

    let err = pm
        .require([
            "apiclient-core-adapters",
            "apiclient-auth",
            "apiclient-scrub",
        ])
        .unwrap_err();
    assert_eq!(
        err,
        Error::MissingPlugins {
            names: vec!["apiclient-auth".to_owned(), "apiclient-scrub".to_owned()]
        }
    );
    assert_eq!(
        err.to_string(),
        "required plugins are missing: apiclient-auth, apiclient-scrub; \
         a plugin crate is linked only if the binary names it: \
         `apiclient-auth` is a package: add `use apiclient_auth as _;` to the binary's crate root; \
         `apiclient-scrub` is a package: add `use apiclient_scrub as _;` to the binary's crate root"
    );

    // No logging wrapper here: the hook runs the core adapters alone.
    let mut adapters = AdapterRegistry::new("adapter");
    pm.hook().register_adapters(&mut adapters);
    assert_eq!(adapters.names(), ["http", "file"]);
    assert_eq!(pm.hookimpls("register_adapters").unwrap().len(), 1);
}
