//! `pm.report()`: the table, and the Mermaid and Graphviz graphs, checked with
//! the tools' own parsers (Mermaid's, through `tests/mermaid/check.mjs`, and
//! `dot`). Plugin names with quotes, spaces, `#`, `<`, `\` and `::` check the
//! escaping.
//!
//! `dot` comes from the `graphviz` package and the Mermaid parser from
//! `npm install --prefix hookcore/tests/mermaid`; `.ci/run` installs both and
//! sets `HOOKCORE_REQUIRE_TOOLS=1`, which turns a missing tool into a failure.
//! Without it, a missing tool skips that check with a message.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Mutex;

use hookcore::{PluginManager, Report, hookimpl, hookspec};

#[hookspec]
pub trait Pages {
    fn render(&self) -> &'static str;
    #[hookspec(firstresult)]
    fn title(&self) -> Option<&'static str>;
    #[hookspec(historic)]
    fn configure(&self, profile: String);
    fn unused(&self);
}

/// A name with every character the formats quote.
const ODD: &str = "say \"hi\" <b>&#1;";
const WRAPPER: &str = "wrap `x` \\ back";

mod odd {
    #[hookcore::hookimpl(super::Pages, name = "say \"hi\" <b>&#1;")]
    fn render() -> &'static str {
        "odd"
    }
}

mod plain {
    #[hookcore::hookimpl(super::Pages)]
    fn render() -> &'static str {
        "plain"
    }

    #[hookcore::hookimpl(super::Pages, trylast)]
    fn title() -> Option<&'static str> {
        Some("plain")
    }
}

mod wrap {
    #[hookcore::hookimpl(super::Pages, wrapper, name = "wrap `x` \\ back")]
    fn render(next: super::PagesRenderNext<'_>) -> Vec<&'static str> {
        next.call()
    }
}

/// Registered at run time: first among the normal ones, with constraints.
struct Late;

#[hookimpl(runtime)]
impl Pages for Late {
    #[hookimpl(tryfirst, before = "report::plain", after = ["absent"])]
    fn render(&self) -> &'static str {
        "late"
    }

    fn configure(&self, _profile: String) {}
}

/// Implements no hook: in no table.
struct Idle;

#[hookimpl(runtime)]
impl Pages for Idle {}

fn manager() -> PluginManager<dyn Pages> {
    let pm = PluginManager::<dyn Pages>::linked().unwrap();
    pm.hook().configure("prod".into());
    pm.hook().configure("test".into());
    pm.register("late one", Late).unwrap();
    pm.register("idle", Idle).unwrap();
    pm
}

fn report() -> Report {
    manager().report()
}

#[test]
fn the_table_lists_plugins_and_each_hook_in_call_order_with_options() {
    let v = env!("CARGO_PKG_VERSION");
    let expected = format!(
        "plugins of Pages (5):
  name              package   version  origin      module
  late one          hookcore  {v}    registered  report
  idle              hookcore  {v}    registered  report
  report::plain     hookcore  {v}    linked      report::plain
  say \"hi\" <b>&#1;  hookcore  {v}    linked      report::odd
  wrap `x` \\ back   hookcore  {v}    linked      report::wrap

hooks of Pages, in call order:
  render
    1. wrap `x` \\ back  wrapper
    2. late one  tryfirst, before = [\"report::plain\"], after = [\"absent\"], ignored = [\"absent\"]
    3. report::plain
    4. say \"hi\" <b>&#1;
  title  firstresult
    1. report::plain  trylast
  configure  historic, 2 calls recorded
    1. late one
  unused
    none
"
    );
    assert_eq!(report().to_string(), expected);
}

#[test]
fn the_report_holds_what_introspection_reports() {
    let pm = manager();
    let report = pm.report();
    assert_eq!(report.spec(), "Pages");
    assert_eq!(report.plugins(), pm.plugins());
    let names: Vec<&str> = report.hooks().iter().map(|hook| hook.hook.name).collect();
    assert_eq!(names, ["render", "title", "configure", "unused"]);
    for hook in report.hooks() {
        assert_eq!(hook.impls, pm.hookimpls(hook.hook.name).unwrap());
        assert!(hook.pending.is_empty());
    }
    let calls: Vec<usize> = report
        .hooks()
        .iter()
        .map(|hook| hook.recorded_calls)
        .collect();
    assert_eq!(calls, [0, 0, 2, 0]);
}

/// A graph node's id and label.
type Node = (&'static str, String);

/// An edge: the ids of its ends.
type Edge = (&'static str, &'static str);

/// The expected graph: each node's id and label, and the edges, in call order.
fn expected_graph() -> (Vec<Node>, Vec<Edge>) {
    let nodes = vec![
        ("h0", "render".to_owned()),
        ("h0_0", format!("{WRAPPER} (wrapper)")),
        (
            "h0_1",
            "late one (tryfirst, before = [\"report::plain\"], after = [\"absent\"], ignored = [\"absent\"])"
                .to_owned(),
        ),
        ("h0_2", "report::plain".to_owned()),
        ("h0_3", ODD.to_owned()),
        ("h1", "title (firstresult)".to_owned()),
        ("h1_0", "report::plain (trylast)".to_owned()),
        ("h2", "configure (historic, 2 calls recorded)".to_owned()),
        ("h2_0", "late one".to_owned()),
        ("h3", "unused".to_owned()),
        ("p0", "idle (in no table)".to_owned()),
    ];
    let edges = vec![
        ("h0", "h0_0"),
        ("h0_0", "h0_1"),
        ("h0_1", "h0_2"),
        ("h0_2", "h0_3"),
        ("h1", "h1_0"),
        ("h2", "h2_0"),
    ];
    (nodes, edges)
}

#[test]
fn the_mermaid_graph_has_every_node_and_edge_in_call_order() {
    let mermaid = report().mermaid();
    assert_eq!(
        mermaid,
        "flowchart LR
  h0([\"render\"])
  h0_0[\"wrap #96;x#96; \\ back (wrapper)\"]
  h0_1[\"late one (tryfirst, before = [#quot;report::plain#quot;], after = [#quot;absent#quot;], ignored = [#quot;absent#quot;])\"]
  h0_2[\"report::plain\"]
  h0_3[\"say #quot;hi#quot; #lt;b#gt;#amp;#35;1;\"]
  h0 --> h0_0
  h0_0 --> h0_1
  h0_1 --> h0_2
  h0_2 --> h0_3
  h1([\"title (firstresult)\"])
  h1_0[\"report::plain (trylast)\"]
  h1 --> h1_0
  h2([\"configure (historic, 2 calls recorded)\"])
  h2_0[\"late one\"]
  h2 --> h2_0
  h3([\"unused\"])
  p0[\"idle (in no table)\"]
"
    );
}

/// Whether a missing tool fails the test (`.ci/run` sets it) or skips the check.
fn tools_required() -> bool {
    std::env::var_os("HOOKCORE_REQUIRE_TOOLS").is_some_and(|value| value != "0")
}

/// Runs `program` with `args` on `input`; `None` if it is not installed (and
/// tools are not required).
fn run(program: &str, args: &[&str], input: &str) -> Option<std::process::Output> {
    let child = Command::new(program)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(child) => child,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound && !tools_required() => {
            eprintln!("skipped: `{program}` is not installed");
            return None;
        }
        Err(error) => panic!("cannot run `{program}`: {error}"),
    };
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    Some(child.wait_with_output().unwrap())
}

#[test]
fn mermaids_own_parser_reads_every_label_and_edge() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/mermaid");
    if !dir.join("node_modules/mermaid").exists() {
        assert!(
            !tools_required(),
            "Mermaid's parser is not installed: run `npm ci --prefix hookcore/tests/mermaid`"
        );
        eprintln!(
            "skipped: run `npm ci --prefix hookcore/tests/mermaid` to check with Mermaid's parser"
        );
        return;
    }
    let script = dir.join("check.mjs");
    let Some(output) = run("node", &[script.to_str().unwrap()], &report().mermaid()) else {
        return;
    };
    let stdout = String::from_utf8(output.stdout).unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        output.status.success(),
        "mermaid refused the graph: {stderr}"
    );
    let (nodes, edges) = expected_graph();
    let mut expected: Vec<String> = nodes
        .iter()
        .map(|(id, label)| {
            let label = label.replace('\\', "\\\\").replace('"', "\\\"");
            format!("node {id} \"{label}\"")
        })
        .collect();
    expected.extend(edges.iter().map(|(from, to)| format!("edge {from} {to}")));
    assert_eq!(stdout.lines().collect::<Vec<_>>(), expected);
}

/// The text of an SVG's `<text>` elements, entities decoded.
fn svg_texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|rest| {
            let start = rest.find('>')? + 1;
            let end = rest.find("</text>")?;
            Some(decode_xml(&rest[start..end]))
        })
        .collect()
}

fn decode_xml(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let Some(end) = rest[at..].find(';') else {
            break;
        };
        let entity = &rest[at + 1..at + end];
        let decoded = match entity {
            "quot" => Some('"'),
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "apos" => Some('\''),
            _ => entity
                .strip_prefix('#')
                .and_then(|code| code.parse::<u32>().ok())
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) => out.push(c),
            None => out.push_str(&rest[at..=at + end]),
        }
        rest = &rest[at + end + 1..];
    }
    out.push_str(rest);
    out
}

#[test]
fn graphviz_reads_the_dot_graph_and_draws_every_plugin_and_hook() {
    let dot = report().dot();
    let Some(output) = run("dot", &["-Tsvg"], &dot) else {
        return;
    };
    let svg = String::from_utf8(output.stdout).unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        output.status.success(),
        "dot refused the graph: {stderr}\n{dot}"
    );
    assert_eq!(stderr, "", "dot warned");
    let (nodes, _) = expected_graph();
    let labels: Vec<String> = nodes.into_iter().map(|(_, label)| label).collect();
    assert_eq!(svg_texts(&svg), labels, "{svg}");
    // Graphviz names each edge's `<title>` after its ends, in the order written.
    let edges: Vec<String> = svg
        .split("<g id=\"edge")
        .skip(1)
        .filter_map(|rest| {
            let start = rest.find("<title>")? + "<title>".len();
            let end = rest.find("</title>")?;
            Some(decode_xml(&rest[start..end]))
        })
        .collect();
    assert_eq!(
        edges,
        [
            "h0->h0_0",
            "h0_0->h0_1",
            "h0_1->h0_2",
            "h0_2->h0_3",
            "h1->h1_0",
            "h2->h2_0"
        ]
    );
}

#[test]
fn an_empty_manager_reports_no_plugin_and_no_implementation() {
    let report = PluginManager::<dyn Pages>::new().report();
    let table = report.to_string();
    assert!(
        table.starts_with(
            "plugins of Pages (0):\n  none\n\nhooks of Pages, in call order:\n  render\n    none\n"
        ),
        "{table}"
    );
    assert_eq!(
        report.dot(),
        "digraph \"Pages\" {
  rankdir=LR;
  node [shape=box];
  h0 [label=\"render\", shape=ellipse];
  h1 [label=\"title (firstresult)\", shape=ellipse];
  h2 [label=\"configure (historic, 0 calls recorded)\", shape=ellipse];
  h3 [label=\"unused\", shape=ellipse];
}
"
    );
}

/// A plugin whose historic call waits until the test lets it go: while it
/// waits, the plugin is registered but pending.
struct Slow {
    started: std::sync::mpsc::Sender<()>,
    go: Mutex<std::sync::mpsc::Receiver<()>>,
}

#[hookimpl(runtime)]
impl Pages for Slow {
    fn configure(&self, _profile: String) {
        self.started.send(()).unwrap();
        self.go.lock().unwrap().recv().unwrap();
    }
}

#[test]
fn a_plugin_receiving_its_historic_calls_is_reported_pending() {
    let pm = std::sync::Arc::new(PluginManager::<dyn Pages>::new());
    pm.hook().configure("prod".into());
    let (started, wait_started) = std::sync::mpsc::channel();
    let (let_go, go) = std::sync::mpsc::channel();
    let registering = {
        let pm = std::sync::Arc::clone(&pm);
        std::thread::spawn(move || {
            let slow = Slow {
                started,
                go: Mutex::new(go),
            };
            pm.register("slow", slow).unwrap();
        })
    };
    wait_started.recv().unwrap();
    let report = pm.report();
    let configure = &report.hooks()[2];
    assert_eq!(configure.pending, ["slow"]);
    assert!(configure.impls.is_empty(), "not in the table yet");
    assert!(
        report.to_string().contains(
            "  configure  historic, 1 call recorded\n    none\n    \
             pending (registered, receiving the recorded calls): slow\n"
        ),
        "{report}"
    );
    let_go.send(()).unwrap();
    registering.join().unwrap();
    let report = pm.report();
    let configure = &report.hooks()[2];
    assert!(configure.pending.is_empty());
    assert_eq!(configure.impls[0].plugin, "slow");
}
