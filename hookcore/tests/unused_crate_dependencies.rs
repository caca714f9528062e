//! rustc's `unused_crate_dependencies` lint names a plugin crate that the host
//! depends on but never names, so is not linked (README, "A plugin crate must be
//! linked"). A host, a spec crate and a plugin crate are written to a scratch
//! workspace under the cargo target dir and checked offline, with path
//! dependencies only (hookcore's own from this checkout; see `scratch/mod.rs`).

use std::fs;
use std::path::{Path, PathBuf};

mod scratch;

use scratch::{manifest, write};

const SPEC: &str = r#"
#[hookcore::hookspec]
pub trait SitePlugins {
    fn page(&self) -> &'static str;
}
"#;

const PLUGIN: &str = r#"
#[hookcore::hookimpl(site_spec::SitePlugins, name = "feeds")]
fn page() -> &'static str {
    "feeds"
}
"#;

/// The host: `use plugin_feeds as _;` is the line the lint asks for.
fn host(names_plugin: bool) -> String {
    let line = if names_plugin {
        "use plugin_feeds as _;\n"
    } else {
        ""
    };
    format!(
        "#![warn(unused_crate_dependencies)]\n{line}\n\
         fn main() {{\n    \
         let pm = hookcore::PluginManager::<dyn site_spec::SitePlugins>::global();\n    \
         println!(\"{{:?}}\", pm.hook().page());\n\
         }}\n"
    )
}

/// The scratch workspace, written (again) under the cargo target dir.
fn workspace(names_plugin: bool) -> PathBuf {
    let root = scratch::workspace(
        "unused-crate-dependencies",
        &["host", "site-spec", "plugin-feeds"],
    );
    let hookcore = scratch::hookcore();
    let spec = root.join("site-spec");
    let plugin = root.join("plugin-feeds");
    scratch::package(
        &spec,
        "site-spec",
        "0.1.0",
        &[("hookcore", hookcore)],
        "lib.rs",
        SPEC,
    );
    let plugin_deps = [("hookcore", hookcore), ("site-spec", spec.as_path())];
    scratch::package(
        &plugin,
        "plugin-feeds",
        "0.1.0",
        &plugin_deps,
        "lib.rs",
        PLUGIN,
    );
    let host_deps = [
        ("hookcore", hookcore),
        ("site-spec", spec.as_path()),
        ("plugin-feeds", plugin.as_path()),
    ];
    write(
        &root.join("host/Cargo.toml"),
        &manifest("host", "0.1.0", &host_deps),
    );
    // Always rewritten: the host is checked again, so its warnings are printed
    // (cargo replays cached ones in the format they were first printed in).
    fs::create_dir_all(root.join("host/src")).unwrap();
    fs::write(root.join("host/src/main.rs"), host(names_plugin)).unwrap();
    root
}

/// `cargo check` of the host; its diagnostics (stderr).
fn check(root: &Path) -> String {
    let output = scratch::cargo(root, &["check", "-p", "host"]);
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(output.status.success(), "cargo check failed:\n{stderr}");
    stderr
}

#[test]
fn the_lint_names_an_unnamed_plugin_crate_and_the_line_to_add() {
    let root = workspace(false);
    let warnings = check(&root);
    let lines: Vec<&str> = warnings
        .lines()
        .filter(|line| line.starts_with("warning") || line.contains("= help"))
        .collect();
    assert_eq!(
        lines,
        [
            "warning: extern crate `plugin_feeds` is unused in crate `host`",
            "  = help: remove the dependency or add `use plugin_feeds as _;` to the crate root",
        ],
        "{warnings}"
    );

    // With the line the lint asks for, the build is clean.
    let root = workspace(true);
    assert_eq!(check(&root), "");
}
