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
    assert!(err.to_string().contains("add `use <crate> as _;`"), "{err}");
}
