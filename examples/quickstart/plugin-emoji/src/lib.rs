//! Emoji shortcodes for textkit. Each hook is a free function: as in pluggy, the
//! module is the plugin, named `quickstart_emoji` after it.

use hookcore::hookimpl;
use quickstart_spec::{Stat, TextPlugins};

const EMOJI: &[(&str, &str)] = &[("smile", "😄"), ("rocket", "🚀"), ("tada", "🎉")];

#[hookimpl(TextPlugins)]
fn describe() -> String {
    format!("emoji: {} shortcodes", EMOJI.len())
}

/// Public, so tests (and other code) can call the implementation directly.
#[hookimpl(TextPlugins)]
pub fn expand_shortcode(code: &str) -> Option<String> {
    EMOJI
        .iter()
        .find(|(name, _)| *name == code)
        .map(|(_, emoji)| (*emoji).to_owned())
}

#[hookimpl(TextPlugins)]
fn measure(text: &str) -> Option<Stat> {
    let value = shortcodes(text).count();
    (value > 0).then_some(Stat {
        name: "shortcodes",
        value,
    })
}

#[hookimpl(TextPlugins)]
fn check(text: &str) -> Result<(), String> {
    match shortcodes(text).find(|code| code.is_empty()) {
        Some(_) => Err("empty shortcode `::`".to_owned()),
        None => Ok(()),
    }
}

/// The `code` of every `:code:` in `text`.
pub fn shortcodes(text: &str) -> impl Iterator<Item = &str> {
    text.split(':')
        .skip(1)
        .step_by(2)
        .filter(|code| !code.contains(char::is_whitespace))
}
