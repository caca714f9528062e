//! A [`Report`] as a Graphviz graph (`dot -Tsvg`): per hook, an ellipse and a
//! chain of boxes, its implementations in call order.
//!
//! Node ids are generated (`h0`, `h0_1`), never taken from names; labels and the
//! graph's name are quoted strings with `"` and `\` escaped (Graphviz reads
//! `\n`, `\l`, `\N`... in labels) and `&` written `&amp;` (it decodes HTML
//! entities in strings), line breaks written as `\n`.

use std::fmt::Write;

use super::{Report, hook_label, impl_label};

impl Report {
    /// The report as a Graphviz `digraph`, left to right: each hook, then its
    /// wrappers and implementations in call order, one edge per step. Plugins
    /// that have no implementation in any table are lone nodes.
    ///
    /// ```
    /// #[hookcore::hookspec]
    /// pub trait Jobs {
    ///     fn run(&self);
    /// }
    ///
    /// #[hookcore::hookimpl(Jobs, name = "nightly \"v2\"")]
    /// fn run() {}
    ///
    /// let pm = hookcore::PluginManager::<dyn Jobs>::linked()?;
    /// let dot = pm.report().dot();
    /// assert!(dot.starts_with("digraph \"Jobs\" {\n"));
    /// assert!(dot.contains("  h0_0 [label=\"nightly \\\"v2\\\"\"];\n  h0 -> h0_0;\n"));
    /// # Ok::<(), hookcore::Error>(())
    /// ```
    #[must_use]
    pub fn dot(&self) -> String {
        let mut out = format!("digraph \"{}\" {{\n", escape(self.spec));
        out.push_str("  rankdir=LR;\n  node [shape=box];\n");
        for (h, hook) in self.hooks.iter().enumerate() {
            let _ = writeln!(
                out,
                "  h{h} [label=\"{}\", shape=ellipse];",
                escape(&hook_label(hook))
            );
            for (i, imp) in hook.impls.iter().enumerate() {
                let _ = writeln!(out, "  h{h}_{i} [label=\"{}\"];", escape(&impl_label(imp)));
            }
            let mut previous = format!("h{h}");
            for i in 0..hook.impls.len() {
                let next = format!("h{h}_{i}");
                let _ = writeln!(out, "  {previous} -> {next};");
                previous = next;
            }
        }
        for (p, plugin) in self.unplaced().enumerate() {
            let label = format!("{} (in no table)", plugin.name);
            let _ = writeln!(out, "  p{p} [label=\"{}\", style=dashed];", escape(&label));
        }
        out.push_str("}\n");
        out
    }
}

/// `text` as the inside of a quoted DOT string.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            // Graphviz decodes HTML entities in every string.
            '&' => out.push_str("&amp;"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}
