//! A [`Report`] as a Mermaid flowchart, which GitHub renders in a ```` ```mermaid ````
//! block: per hook, a rounded node and a chain of its implementations in call
//! order.
//!
//! Node ids are generated (`h0`, `h0_1`), never taken from names. Labels are
//! quoted, with every character that Mermaid's parser or the HTML it renders to
//! reads specially written as a Mermaid entity code (`#quot;`, `#35;`, ...).

use std::fmt::Write;

use super::{Report, hook_label, impl_label};

impl Report {
    /// The report as a Mermaid flowchart, left to right: each hook, then its
    /// wrappers and implementations in call order, one arrow per step. Plugins
    /// that have no implementation in any table are listed as lone nodes.
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
    /// assert_eq!(
    ///     pm.report().mermaid(),
    ///     "flowchart LR\n  h0([\"run\"])\n  h0_0[\"nightly #quot;v2#quot;\"]\n  h0 --> h0_0\n"
    /// );
    /// # Ok::<(), hookcore::Error>(())
    /// ```
    #[must_use]
    pub fn mermaid(&self) -> String {
        let mut out = String::from("flowchart LR\n");
        for (h, hook) in self.hooks.iter().enumerate() {
            let _ = writeln!(out, "  h{h}([\"{}\"])", escape(&hook_label(hook)));
            for (i, imp) in hook.impls.iter().enumerate() {
                let _ = writeln!(out, "  h{h}_{i}[\"{}\"]", escape(&impl_label(imp)));
            }
            let mut previous = format!("h{h}");
            for i in 0..hook.impls.len() {
                let next = format!("h{h}_{i}");
                let _ = writeln!(out, "  {previous} --> {next}");
                previous = next;
            }
        }
        for (p, plugin) in self.unplaced().enumerate() {
            let label = format!("{} (in no table)", plugin.name);
            let _ = writeln!(out, "  p{p}[\"{}\"]", escape(&label));
        }
        out
    }
}

/// `text` as the inside of a quoted Mermaid label: characters the parser or the
/// rendered HTML reads specially become entity codes, line breaks spaces.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '#' => out.push_str("#35;"),
            '&' => out.push_str("#amp;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '`' => out.push_str("#96;"),
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}
