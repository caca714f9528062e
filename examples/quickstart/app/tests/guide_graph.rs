//! docs/guide.md shows the quickstart's call order as a Mermaid graph: the
//! ```` ```mermaid ```` block there is `pm.report().mermaid()` of this program,
//! verbatim.

use std::path::Path;

#[test]
fn the_guides_graph_is_the_quickstarts_report() {
    let pm = quickstart::manager().expect("both plugin crates are linked");
    let graph = pm.report().mermaid();
    let guide = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../docs/guide.md");
    let guide = std::fs::read_to_string(guide).unwrap();
    let block = format!("```mermaid\n{graph}```\n");
    assert!(
        guide.contains(&block),
        "docs/guide.md does not show the quickstart's graph; put this block in it:\n{block}"
    );
}
