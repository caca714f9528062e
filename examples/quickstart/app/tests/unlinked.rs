//! A plugin crate that the test binary never names is not linked, even though it
//! is a dependency: its plugins are absent, and `require` says so.
//!
//! This file names only the emoji plugin, not `quickstart` (whose library names
//! both) nor the shout plugin.

use hookcore::{Error, PluginManager};
use quickstart_emoji as _;
use quickstart_spec::TextPlugins;

#[test]
fn an_unnamed_plugin_crate_is_absent_and_require_reports_it() {
    let pm = PluginManager::<dyn TextPlugins>::linked().unwrap();
    let names: Vec<String> = pm.plugins().into_iter().map(|p| p.name).collect();
    assert_eq!(names, ["quickstart_emoji"]);
    assert_eq!(pm.require(["quickstart-emoji"]), Ok(()));
    let err = pm.require(["quickstart-emoji", "shout"]).unwrap_err();
    assert_eq!(
        err,
        Error::MissingPlugins {
            names: vec!["shout".to_owned()]
        }
    );
    // A plugin name does not say its crate; a package or crate name does.
    assert_eq!(
        err.to_string(),
        "required plugins are missing: shout; a plugin crate is linked only if the binary names it: \
         if `shout` is a crate, add `use shout as _;` to the binary's crate root; \
         if it is a plugin's name, add `use <crate> as _;` for the crate that defines it"
    );
    let err = pm.require(["quickstart_shout"]).unwrap_err();
    assert!(
        err.to_string()
            .ends_with("if `quickstart_shout` is a crate, add `use quickstart_shout as _;` to the binary's crate root; \
                        if it is a plugin's name, add `use <crate> as _;` for the crate that defines it"),
        "{err}"
    );
}
