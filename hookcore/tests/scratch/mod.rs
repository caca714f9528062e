//! Scratch workspaces for the tests that build small multi-crate programs
//! (`unused_crate_dependencies.rs`, `version_skew.rs`): written under the cargo
//! target dir, with path dependencies only (hookcore's own from this checkout),
//! and built offline with this checkout's lock file.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// This checkout's hookcore package directory.
pub fn hookcore() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A package manifest: `name` at `version`, with path dependencies.
pub fn manifest(name: &str, version: &str, deps: &[(&str, &Path)]) -> String {
    let mut text = format!(
        "[package]\nname = \"{name}\"\nversion = \"{version}\"\nedition = \"2024\"\npublish = false\n\n[dependencies]\n"
    );
    for (dep, path) in deps {
        text.push_str(&format!("{dep} = {{ path = {:?} }}\n", path.display()));
    }
    text
}

/// Writes `text` to `path`, creating its directory; an unchanged file keeps its
/// mtime, so a second run builds nothing again.
pub fn write(path: &Path, text: &str) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    if fs::read_to_string(path).ok().as_deref() != Some(text) {
        fs::write(path, text).unwrap();
    }
}

/// A package in `dir`: its manifest (as [`manifest`]) and one source file,
/// `src/lib.rs` or `src/main.rs` (`source`), holding `text`.
pub fn package(
    dir: &Path,
    name: &str,
    version: &str,
    deps: &[(&str, &Path)],
    source: &str,
    text: &str,
) {
    write(&dir.join("Cargo.toml"), &manifest(name, version, deps));
    write(&dir.join("src").join(source), text);
}

/// The root of the scratch workspace `name`, with its workspace manifest
/// (`members`) and this checkout's lock file (offline: the versions already
/// downloaded).
pub fn workspace(name: &str, members: &[&str]) -> PathBuf {
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let members: Vec<String> = members.iter().map(|member| format!("{member:?}")).collect();
    write(
        &root.join("Cargo.toml"),
        &format!(
            "[workspace]\nresolver = \"3\"\nmembers = [{}]\n",
            members.join(", ")
        ),
    );
    if !root.join("Cargo.lock").exists() {
        fs::copy(hookcore().join("../Cargo.lock"), root.join("Cargo.lock")).unwrap();
    }
    root
}

/// `cargo <args> --offline --quiet --color=never` in `root`, with the
/// workspace's own target dir and no flags from the outer build.
pub fn cargo(root: &Path, args: &[&str]) -> Output {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    Command::new(cargo)
        .args(args)
        .args(["--offline", "--quiet", "--color=never"])
        .current_dir(root)
        .env("CARGO_TARGET_DIR", root.join("target"))
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .output()
        .unwrap()
}
