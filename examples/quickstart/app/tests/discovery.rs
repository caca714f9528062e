//! Cross-crate discovery: the plugin crates are found at link time, in a
//! deterministic order, and every kind of call gives the results of both.

use hookcore::{Order, Origin, PluginManager};
use quickstart_spec::{Stat, TextPlugins};

#[test]
fn both_plugin_crates_are_discovered_with_their_packages() {
    let pm = quickstart::manager().expect("both plugin crates are linked");
    let plugins = pm.plugins();
    let found: Vec<(&str, &str, &str, Origin)> = plugins
        .iter()
        .map(|p| {
            (
                p.name.as_str(),
                p.source.package,
                p.source.version,
                p.origin,
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            (
                "quickstart_emoji",
                "quickstart-emoji",
                "0.3.1",
                Origin::Linked
            ),
            ("shout", "quickstart-shout", "1.0.0", Origin::Linked),
        ]
    );
    assert_eq!(
        plugins[0].hooks,
        ["describe", "expand_shortcode", "measure", "check"]
    );
    assert_eq!(
        plugins[1].hooks,
        [
            "startup",
            "describe",
            "expand_shortcode",
            "measure",
            "check"
        ]
    );
}

#[test]
fn every_hook_has_implementations_in_documented_order() {
    let pm = quickstart::manager().unwrap();
    let order = |hook: &str| -> Vec<(String, Order)> {
        pm.hookimpls(hook)
            .unwrap()
            .into_iter()
            .map(|imp| (imp.plugin, imp.order))
            .collect()
    };
    let emoji = || "quickstart_emoji".to_owned();
    let shout = || "shout".to_owned();
    assert_eq!(order("startup"), [(shout(), Order::Normal)]);
    assert_eq!(
        order("describe"),
        [(emoji(), Order::Normal), (shout(), Order::Normal)]
    );
    assert_eq!(
        order("expand_shortcode"),
        [(emoji(), Order::Normal), (shout(), Order::TryLast)]
    );
    assert_eq!(
        order("check"),
        [(shout(), Order::TryFirst), (emoji(), Order::Normal)]
    );
}

#[test]
fn implementations_record_their_source_location() {
    let pm = quickstart::manager().unwrap();
    let check = pm.hookimpls("check").unwrap();
    assert!(
        check[0].file.ends_with("plugin-shout/src/lib.rs"),
        "{}",
        check[0].file
    );
    assert!(
        check[1].file.ends_with("plugin-emoji/src/lib.rs"),
        "{}",
        check[1].file
    );
    let source = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../plugin-emoji/src/lib.rs"
    ))
    .unwrap();
    let line = source.lines().nth(check[1].line as usize - 1).unwrap();
    assert!(
        line.contains("fn check("),
        "line {} is {line:?}",
        check[1].line
    );
}

#[test]
fn each_kind_of_call_across_crates() {
    let hooks = quickstart::manager().unwrap().hook();
    let mut log = Vec::new();
    hooks.startup(&mut log);
    assert_eq!(log, ["shout: refusing texts over 120 bytes"]);
    assert_eq!(hooks.describe().len(), 2);
    assert_eq!(hooks.expand_shortcode("rocket").as_deref(), Some("🚀"));
    assert_eq!(hooks.expand_shortcode("wave").as_deref(), Some("WAVE"));
    assert_eq!(
        hooks.measure("hi :smile:!"),
        [
            Stat {
                name: "shortcodes",
                value: 1
            },
            Stat {
                name: "exclamations",
                value: 1
            },
        ]
    );
    assert_eq!(hooks.check("fine"), Ok(()));
    assert_eq!(hooks.check("::"), Err("empty shortcode `::`".to_owned()));
    assert_eq!(quickstart::render(&hooks, "a :tada: b :c"), "a 🎉 b :c");
}

#[test]
fn the_global_manager_is_one_and_the_same() {
    let a = PluginManager::<dyn TextPlugins>::global();
    let b = quickstart::manager().unwrap();
    assert!(std::ptr::eq(a, b));
}

#[test]
fn the_scripted_session_runs_to_the_end() {
    let mut out = Vec::new();
    quickstart::run(&mut out).unwrap();
    let out = String::from_utf8(out).unwrap();
    assert!(out.starts_with("textkit: 2 plugins linked\n"), "{out}");
    assert!(
        out.contains("check              shout (tryfirst), quickstart_emoji\n"),
        "{out}"
    );
    assert!(
        out.contains(
            "register(\"audit\")         -> check order: shout, audit, quickstart_emoji\n"
        ),
        "{out}"
    );
    assert!(out.ends_with("audit counted 1 checked texts\n"), "{out}");
}

#[test]
fn an_implementation_is_an_ordinary_function_too() {
    // The seed's testing strategy: call a hook implementation directly.
    assert_eq!(
        quickstart_emoji::expand_shortcode("smile").as_deref(),
        Some("😄")
    );
    assert_eq!(quickstart_emoji::expand_shortcode("nope"), None);
}
