//! The README's code blocks marked `<!-- excerpt: path -->` are excerpts of the
//! quickstart's files, verbatim, so the README cannot drift from code that is built
//! and tested.

use std::path::Path;

#[test]
fn readme_excerpts_are_verbatim_parts_of_the_example() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../..");
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let mut checked = 0;
    let mut rest = readme.as_str();
    while let Some(start) = rest.find("<!-- excerpt: ") {
        rest = &rest[start + "<!-- excerpt: ".len()..];
        let (path, after) = rest
            .split_once(" -->\n```rust\n")
            .expect("an excerpt marker is followed by a rust block");
        let (block, after) = after.split_once("```\n").expect("the block is closed");
        let file =
            std::fs::read_to_string(root.join(path)).unwrap_or_else(|err| panic!("{path}: {err}"));
        assert!(
            file.contains(block),
            "README excerpt is not in {path}:\n{block}"
        );
        checked += 1;
        rest = after;
    }
    assert_eq!(checked, 5, "every excerpt was found and checked");
}
