//! A feature crate that the binary never names is not linked, even though it is a
//! dependency: its plugins are absent, and `require` says which.
//!
//! This file names only the geolocate crate: not `chatops` (whose library names
//! every enabled feature crate), nor the incident or SRE tools crates. It is what
//! a build of the bot with those features off looks like.

#![cfg(feature = "geolocate")]

use chatops_geolocate as _;
use chatops_hookspecs::{Events, Platforms};
use hookcore::{Error, PluginManager};

#[test]
fn unnamed_feature_crates_are_absent_and_require_names_them() {
    let pm = PluginManager::<dyn Platforms>::linked().unwrap();
    let names: Vec<String> = pm.plugins().into_iter().map(|p| p.name).collect();
    assert_eq!(names, ["chatops_geolocate"]);
    assert_eq!(pm.require(["chatops-geolocate"]), Ok(()));

    let err = pm
        .require(["chatops-geolocate", "chatops-incident", "chatops-sre-tools"])
        .unwrap_err();
    assert_eq!(
        err,
        Error::MissingPlugins {
            names: vec![
                "chatops-incident".to_owned(),
                "chatops-sre-tools".to_owned()
            ]
        }
    );
    assert_eq!(
        err.to_string(),
        "required plugins are missing: chatops-incident, chatops-sre-tools; \
         a plugin crate is linked only if the binary names it: \
         `chatops-incident` is a package: add `use chatops_incident as _;` to the binary's crate root; \
         `chatops-sre-tools` is a package: add `use chatops_sre_tools as _;` to the binary's crate root"
    );
}

#[tokio::test]
async fn a_spec_nobody_implements_has_an_empty_table() {
    let pm = PluginManager::<dyn Events>::linked().unwrap();
    assert!(pm.plugins().is_empty());
    assert_eq!(
        pm.hook()
            .handle_event(&chatops_hookspecs::Event::Deploy {
                service: "x".into(),
                version: "1".into(),
            })
            .await,
        None
    );
    assert!(pm.require(["chatops-incident"]).is_err());
}
