//! The runtime's modules import each other one way: no module reaches, through
//! `crate::` paths in its code, a module that reaches it back. Unit tests and
//! the hand-written test spec (`testing.rs`) are left out; `lib.rs` and
//! `__private.rs`, which re-export everything, too.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// Every module of `src/` (a file, or a directory's files as one) and the
/// modules its code names with `crate::`.
fn imports() -> BTreeMap<String, BTreeSet<String>> {
    fn walk(dir: &Path, root: &Path, edges: &mut BTreeMap<String, BTreeSet<String>>) {
        for entry in fs::read_dir(dir).expect("read src") {
            let path = entry.expect("dir entry").path();
            if path.is_dir() {
                walk(&path, root, edges);
                continue;
            }
            let relative = path
                .strip_prefix(root)
                .expect("under src")
                .to_string_lossy()
                .replace('\\', "/");
            let module = relative
                .split('/')
                .next()
                .unwrap_or_default()
                .trim_end_matches(".rs")
                .to_owned();
            let is_test = relative.ends_with("tests.rs") || relative.contains("/tests/");
            if is_test || ["lib", "__private", "testing"].contains(&module.as_str()) {
                continue;
            }
            let text = fs::read_to_string(&path).expect("read source");
            // Code only: not the unit tests at the end, not comments.
            let code = text
                .split("#[cfg(test)]\nmod tests")
                .next()
                .unwrap_or_default();
            let named = edges.entry(module.clone()).or_default();
            for line in code
                .lines()
                .filter(|line| !line.trim_start().starts_with("//"))
            {
                for (at, _) in line.match_indices("crate::") {
                    let rest = &line[at + "crate::".len()..];
                    let name: String = rest
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                        .collect();
                    if name.starts_with(|c: char| c.is_ascii_lowercase()) && name != module {
                        named.insert(name);
                    }
                }
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut edges = BTreeMap::new();
    walk(&root, &root, &mut edges);
    edges
}

/// A path from `from` back to itself through `edges`, if any.
fn cycle(edges: &BTreeMap<String, BTreeSet<String>>, from: &str) -> Option<Vec<String>> {
    fn visit(
        edges: &BTreeMap<String, BTreeSet<String>>,
        start: &str,
        at: &str,
        path: &mut Vec<String>,
        seen: &mut BTreeSet<String>,
    ) -> bool {
        for next in edges.get(at).into_iter().flatten() {
            if next == start {
                path.push(next.clone());
                return true;
            }
            if edges.contains_key(next) && seen.insert(next.clone()) {
                path.push(next.clone());
                if visit(edges, start, next, path, seen) {
                    return true;
                }
                path.pop();
            }
        }
        false
    }
    let mut path = vec![from.to_owned()];
    visit(edges, from, from, &mut path, &mut BTreeSet::new()).then_some(path)
}

#[test]
fn no_module_imports_one_that_imports_it_back() {
    let edges = imports();
    assert!(edges.len() > 20, "found only {} modules", edges.len());
    // The layers the architecture describes, spot-checked.
    assert!(edges["table"].contains("spec") && !edges["spec"].contains("table"));
    assert!(edges["manager"].contains("registry") && !edges["registry"].contains("manager"));
    for module in edges.keys() {
        assert_eq!(
            cycle(&edges, module),
            None,
            "an import circle through `{module}`"
        );
    }
}
