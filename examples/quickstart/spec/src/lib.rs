//! The extension points of `textkit`, the quickstart's host program: one
//! `#[hookspec]` trait that the host and every plugin crate depend on (pluggy's
//! hookspec module).

use std::fmt;

/// What textkit plugins can do. Each method is a hook; a plugin implements any
/// subset of them.
#[hookcore::hookspec]
pub trait TextPlugins {
    /// Called once at startup; each plugin appends what it set up to `log`.
    fn startup(&self, log: &mut Vec<String>);

    /// A one-line description of the plugin.
    fn describe(&self) -> String;

    /// The text for the shortcode `:code:`; the first plugin that knows it wins.
    #[hookspec(firstresult)]
    fn expand_shortcode(&self, code: &str) -> Option<String>;

    /// A statistic about `text`, or `None` when the plugin has nothing to say.
    fn measure(&self, text: &str) -> Option<Stat>;

    /// Refuses `text` with a reason; the first refusal ends the check.
    fn check(&self, text: &str) -> Result<(), String>;
}

/// One measurement of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stat {
    /// What was counted.
    pub name: &'static str,
    /// How many.
    pub value: usize,
}

impl fmt::Display for Stat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}={}", self.name, self.value)
    }
}
