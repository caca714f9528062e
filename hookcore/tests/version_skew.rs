//! Two semver-incompatible versions of one spec crate in one build (README, "A
//! plugin crate must be linked"): the host uses `site-spec` 0.2.0, the linked
//! plugin crate `plugin-feeds` was built against `site-spec` 0.1.0 (a copy of the
//! crate with the older version, as a path dependency in a second directory).
//! The plugin is in the binary but is no plugin of the host's spec; the host's
//! `check()` and `require` name the skew. The scratch workspace is built and run
//! offline (see `scratch/mod.rs`).

use std::path::{Path, PathBuf};

mod scratch;

use scratch::{manifest, write};

/// Both versions of the spec: the same trait in the same module.
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

/// The host links the plugin crate and has a plugin of its own, of its spec.
const HOST: &str = r#"
use plugin_feeds as _;

#[hookcore::hookimpl(site_spec::SitePlugins, name = "menu")]
fn page() -> &'static str {
    "menu"
}

fn main() {
    let pm = hookcore::PluginManager::<dyn site_spec::SitePlugins>::global();
    println!("pages: {:?}", pm.hook().page());
    for problem in pm.check() {
        println!("check: {problem}");
    }
    for names in [&["plugin-feeds"][..], &["feeds", "plugin_maps"], &["menu"]] {
        match pm.require(names) {
            Ok(()) => println!("require {names:?}: ok"),
            Err(err) => println!("require {names:?}: {err}"),
        }
    }
}
"#;

/// The scratch workspace; the old spec is outside it, a workspace of its own.
fn workspace() -> PathBuf {
    let root = scratch::workspace("version-skew", &["host", "site-spec", "plugin-feeds"]);
    let hookcore = scratch::hookcore();
    let spec = root.join("site-spec");
    let old_spec = root.with_file_name("version-skew-site-spec-0.1");
    scratch::package(
        &spec,
        "site-spec",
        "0.2.0",
        &[("hookcore", hookcore)],
        "lib.rs",
        SPEC,
    );
    // The old spec is a workspace of its own, outside the scratch one.
    write(
        &old_spec.join("Cargo.toml"),
        &format!(
            "{}\n[workspace]\n",
            manifest("site-spec", "0.1.0", &[("hookcore", hookcore)])
        ),
    );
    write(&old_spec.join("src/lib.rs"), SPEC);
    let plugin = root.join("plugin-feeds");
    let plugin_deps = [("hookcore", hookcore), ("site-spec", old_spec.as_path())];
    scratch::package(
        &plugin,
        "plugin-feeds",
        "0.3.1",
        &plugin_deps,
        "lib.rs",
        PLUGIN,
    );
    let host_deps = [
        ("hookcore", hookcore),
        ("site-spec", spec.as_path()),
        ("plugin-feeds", plugin.as_path()),
    ];
    scratch::package(
        &root.join("host"),
        "host",
        "0.1.0",
        &host_deps,
        "main.rs",
        HOST,
    );
    root
}

/// `cargo run` of the host; its output (stdout).
fn run(root: &Path) -> String {
    let output = scratch::cargo(root, &["run", "-p", "host"]);
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(output.status.success(), "cargo run failed:\n{stderr}");
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn check_and_require_name_a_plugin_built_against_another_spec_version() {
    let skew = "plugin `feeds` (plugin-feeds 0.3.1) implements `SitePlugins` of site-spec 0.1.0; \
                this host uses site-spec 0.2.0: build both against one version of site-spec \
                (update the older one's dependency)";
    let output = run(&workspace());
    let lines: Vec<&str> = output.lines().collect();
    assert_eq!(
        lines,
        [
            // The skewed plugin is not called; linking it is not an error.
            "pages: [\"menu\"]".to_owned(),
            format!("check: {skew}"),
            format!(
                "require [\"plugin-feeds\"]: required plugins are linked but built against \
                 another version of the spec: {skew}"
            ),
            format!(
                "require [\"feeds\", \"plugin_maps\"]: required plugins are linked but built \
                 against another version of the spec: {skew}; required plugins are also \
                 missing: plugin_maps; a plugin crate is linked only if the binary names it: \
                 if `plugin_maps` is a crate, add `use plugin_maps as _;` to the binary's \
                 crate root; if it is a plugin's name, add `use <crate> as _;` for the crate \
                 that defines it"
            ),
            "require [\"menu\"]: ok".to_owned(),
        ],
        "{output}"
    );
}
