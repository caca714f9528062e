//! Discovery: every enabled feature crate is found at link time, every hook has
//! its implementations, in the documented order (wrappers first; then tryfirst,
//! normal, trylast; linked plugins by name).

#![cfg(all(feature = "geolocate", feature = "incident", feature = "sre-tools"))]

use chatops_hookspecs::{Events, Platforms};
use hookcore::{HookSpec, Order, Origin, PluginManager};

fn found<S: HookSpec + ?Sized>(pm: &PluginManager<S>) -> Vec<(String, &'static str, &'static str)> {
    pm.plugins()
        .into_iter()
        .inspect(|plugin| assert_eq!(plugin.origin, Origin::Linked))
        .map(|plugin| (plugin.name, plugin.source.package, plugin.source.version))
        .collect()
}

/// `hook`'s implementations in call order: plugin, wrapper, order.
fn order<S: HookSpec + ?Sized>(pm: &PluginManager<S>, hook: &str) -> Vec<(String, bool, Order)> {
    pm.hookimpls(hook)
        .unwrap()
        .into_iter()
        .map(|imp| (imp.plugin, imp.wrapper, imp.order))
        .collect()
}

fn normal(plugin: &str) -> (String, bool, Order) {
    (plugin.to_owned(), false, Order::Normal)
}

#[test]
fn every_feature_crate_is_required_and_present() {
    assert_eq!(
        chatops::REQUIRED_PLATFORMS,
        ["chatops-geolocate", "chatops-incident", "chatops-sre-tools"]
    );
    assert_eq!(
        chatops::REQUIRED_EVENTS,
        ["chatops-incident", "chatops-sre-tools"]
    );
    let platforms = chatops::platform_plugin_manager().expect("every feature crate is linked");
    assert_eq!(
        found(platforms),
        [
            ("chatops_geolocate".to_owned(), "chatops-geolocate", "0.4.0"),
            (
                "chatops_sre_tools::audit".to_owned(),
                "chatops-sre-tools",
                "0.9.0"
            ),
            (
                "chatops_sre_tools::oncall".to_owned(),
                "chatops-sre-tools",
                "0.9.0"
            ),
            ("incident".to_owned(), "chatops-incident", "1.2.0"),
        ]
    );
    let events = chatops::event_plugin_manager().unwrap();
    assert_eq!(
        found(events),
        [
            (
                "chatops_sre_tools::maintenance".to_owned(),
                "chatops-sre-tools",
                "0.9.0"
            ),
            ("incident".to_owned(), "chatops-incident", "1.2.0"),
        ]
    );
}

#[test]
fn every_hook_has_its_implementations_in_the_documented_order() {
    let platforms = chatops::platform_plugin_manager().unwrap();
    let audit_wrapper = || ("chatops_sre_tools::audit".to_owned(), true, Order::Normal);
    assert_eq!(
        order(platforms, "register_slack_commands"),
        [
            audit_wrapper(),
            normal("chatops_geolocate"),
            normal("chatops_sre_tools::audit"),
            normal("chatops_sre_tools::oncall"),
            normal("incident"),
        ]
    );
    assert_eq!(
        order(platforms, "register_teams_commands"),
        [
            audit_wrapper(),
            normal("chatops_sre_tools::oncall"),
            normal("incident")
        ]
    );
    assert_eq!(
        order(platforms, "register_http_routes"),
        [normal("chatops_geolocate"), normal("incident")]
    );
    assert_eq!(
        order(platforms, "health"),
        [
            normal("chatops_geolocate"),
            normal("chatops_sre_tools::oncall"),
            normal("incident")
        ]
    );

    let events = chatops::event_plugin_manager().unwrap();
    assert_eq!(
        order(events, "on_startup"),
        [normal("chatops_sre_tools::maintenance")]
    );
    assert_eq!(
        order(events, "handle_event"),
        [
            (
                "chatops_sre_tools::maintenance".to_owned(),
                false,
                Order::TryFirst
            ),
            normal("incident"),
        ]
    );

    // Every hook of both specs has at least one implementation.
    for hook in <dyn Platforms>::HOOKS {
        assert!(
            !platforms.hookimpls(hook.name).unwrap().is_empty(),
            "{}",
            hook.name
        );
    }
    for hook in <dyn Events>::HOOKS {
        assert!(
            !events.hookimpls(hook.name).unwrap().is_empty(),
            "{}",
            hook.name
        );
    }
}

#[test]
fn the_specname_implementation_points_at_its_own_function() {
    let platforms = chatops::platform_plugin_manager().unwrap();
    let audit: Vec<_> = platforms
        .hookimpls("register_slack_commands")
        .unwrap()
        .into_iter()
        .filter(|imp| imp.plugin == "chatops_sre_tools::audit")
        .collect();
    assert_eq!(audit.len(), 2);
    assert!(
        audit
            .iter()
            .all(|imp| imp.file.ends_with("sre-tools/src/audit.rs"))
    );
    assert_ne!(audit[0].line, audit[1].line);
}

#[test]
fn the_managers_are_the_process_wide_ones() {
    assert!(std::ptr::eq(
        chatops::platform_plugin_manager().unwrap(),
        PluginManager::<dyn Platforms>::global()
    ));
    assert!(std::ptr::eq(
        chatops::event_plugin_manager().unwrap(),
        PluginManager::<dyn Events>::global()
    ));
}

#[test]
fn requiring_a_plugin_that_is_not_linked_is_an_error() {
    let platforms = chatops::platform_plugin_manager().unwrap();
    let err = platforms
        .require(["chatops-geolocate", "chatops-pagerduty"])
        .unwrap_err();
    assert_eq!(
        err,
        hookcore::Error::MissingPlugins {
            names: vec!["chatops-pagerduty".to_owned()]
        }
    );
    assert!(
        err.to_string()
            .ends_with("add `use chatops_pagerduty as _;` to the binary's crate root"),
        "{err}"
    );
    // A package name matches with `-` or `_`, and a plugin name matches too.
    assert_eq!(
        platforms.require(["chatops_sre_tools", "incident", "chatops_sre_tools::oncall"]),
        Ok(())
    );
}
