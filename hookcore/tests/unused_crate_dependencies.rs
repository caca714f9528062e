//! rustc's `unused_crate_dependencies` lint names a plugin crate that the host
//! depends on but never names, so is not linked (README, "A plugin crate must be
//! linked"). A host, a spec crate and a plugin crate are written to a scratch
//! workspace under the cargo target dir and checked offline, with path
//! dependencies only (hookcore's own from this checkout).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

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

fn manifest(name: &str, deps: &[(&str, &Path)]) -> String {
    let mut text = format!(
        "[package]\nname = \"{name}\"\nversion = \"0.1.0\"\nedition = \"2024\"\npublish = false\n\n[dependencies]\n"
    );
    for (dep, path) in deps {
        text.push_str(&format!("{dep} = {{ path = {:?} }}\n", path.display()));
    }
    text
}

fn write(path: &Path, text: &str) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    // Unchanged files keep their mtime, so a second run checks nothing again.
    if fs::read_to_string(path).ok().as_deref() != Some(text) {
        fs::write(path, text).unwrap();
    }
}

/// The scratch workspace, written (again) under the cargo target dir.
fn workspace(names_plugin: bool) -> PathBuf {
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("unused-crate-dependencies");
    let hookcore = Path::new(env!("CARGO_MANIFEST_DIR"));
    write(
        &root.join("Cargo.toml"),
        "[workspace]\nresolver = \"3\"\nmembers = [\"host\", \"site-spec\", \"plugin-feeds\"]\n",
    );
    // This checkout's lock file: offline, the versions already downloaded.
    let lock = hookcore.join("../Cargo.lock");
    if !root.join("Cargo.lock").exists() {
        fs::copy(lock, root.join("Cargo.lock")).unwrap();
    }
    let spec = root.join("site-spec");
    let plugin = root.join("plugin-feeds");
    write(
        &spec.join("Cargo.toml"),
        &manifest("site-spec", &[("hookcore", hookcore)]),
    );
    write(&spec.join("src/lib.rs"), SPEC);
    write(
        &plugin.join("Cargo.toml"),
        &manifest(
            "plugin-feeds",
            &[("hookcore", hookcore), ("site-spec", &spec)],
        ),
    );
    write(&plugin.join("src/lib.rs"), PLUGIN);
    write(
        &root.join("host/Cargo.toml"),
        &manifest(
            "host",
            &[
                ("hookcore", hookcore),
                ("site-spec", &spec),
                ("plugin-feeds", &plugin),
            ],
        ),
    );
    // Always rewritten: the host is checked again, so its warnings are printed
    // (cargo replays cached ones in the format they were first printed in).
    fs::create_dir_all(root.join("host/src")).unwrap();
    fs::write(root.join("host/src/main.rs"), host(names_plugin)).unwrap();
    root
}

/// `cargo check` of the host; its diagnostics (stderr).
fn check(root: &Path) -> String {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = Command::new(cargo)
        .args([
            "check",
            "--offline",
            "--quiet",
            "--color=never",
            "-p",
            "host",
        ])
        .current_dir(root)
        .env("CARGO_TARGET_DIR", root.join("target"))
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .output()
        .unwrap();
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
