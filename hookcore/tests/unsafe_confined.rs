//! hookcore denies `unsafe_code` crate-wide and allows it in two modules,
//! `object.rs` and `frozen.rs`, whose docs prove it sound. Any other file that touches the lint
//! (`allow`, `expect`, `warn`) fails this test, so a new `unsafe` cannot slip in
//! unreviewed.

use std::fs;
use std::path::Path;

/// Every `.rs` file under `dir`, with its path relative to `src/`.
fn sources(dir: &Path, root: &Path, found: &mut Vec<(String, String)>) {
    for entry in fs::read_dir(dir).expect("read src") {
        let path = entry.expect("dir entry").path();
        if path.is_dir() {
            sources(&path, root, found);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            let name = path.strip_prefix(root).expect("under src");
            let text = fs::read_to_string(&path).expect("read source");
            found.push((name.display().to_string().replace('\\', "/"), text));
        }
    }
}

#[test]
fn only_object_rs_and_frozen_rs_allow_unsafe_code() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&root, &root, &mut files);
    assert!(files.len() > 10, "found only {} source files", files.len());
    let mut lint_lines: Vec<(String, String)> = files
        .iter()
        .flat_map(|(name, text)| {
            text.lines()
                .map(str::trim)
                .filter(|line| line.starts_with("#") && line.contains("unsafe_code"))
                .map(move |line| (name.clone(), line.to_owned()))
        })
        .collect();
    lint_lines.sort();
    assert_eq!(
        lint_lines,
        [
            ("frozen.rs".to_owned(), "#![allow(unsafe_code)]".to_owned()),
            ("lib.rs".to_owned(), "#![deny(unsafe_code)]".to_owned()),
            ("object.rs".to_owned(), "#![allow(unsafe_code)]".to_owned()),
        ]
    );
    let mut with_unsafe: Vec<&str> = files
        .iter()
        .filter(|(_, text)| {
            text.lines()
                .map(str::trim)
                .filter(|line| !line.starts_with("//"))
                .any(has_unsafe_keyword)
        })
        .map(|(name, _)| name.as_str())
        .collect();
    with_unsafe.sort_unstable();
    assert_eq!(with_unsafe, ["frozen.rs", "object.rs"]);
}

/// Whether `line` has the word `unsafe` (a block, `impl`, `fn`, `extern`, ...),
/// not merely as part of a longer name such as `unsafe_code`.
fn has_unsafe_keyword(line: &str) -> bool {
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    line.match_indices("unsafe").any(|(at, word)| {
        let before = line[..at].chars().next_back();
        let after = line[at + word.len()..].chars().next();
        !before.is_some_and(is_word) && !after.is_some_and(is_word)
    })
}

#[test]
fn the_unsafe_keyword_is_found_in_every_form() {
    for line in [
        "unsafe { x }",
        "unsafe{x}",
        "pub unsafe fn f()",
        "unsafe impl Send for T {}",
    ] {
        assert!(has_unsafe_keyword(line), "{line}");
    }
    for line in [
        "#![deny(unsafe_code)]",
        "let not_unsafe = 1;",
        "fn unsafely()",
    ] {
        assert!(!has_unsafe_keyword(line), "{line}");
    }
}
