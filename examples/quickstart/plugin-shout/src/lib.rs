//! Loud text for textkit. The plugin is a type: several hooks in one `impl` block,
//! with per-hook ordering options.

use hookcore::hookimpl;
use quickstart_spec::{Stat, TextPlugins};

/// Texts longer than this are refused.
pub const MAX_LEN: usize = 120;

/// The plugin. A unit struct: `#[hookimpl]` links one instance of it.
pub struct Shout;

#[hookimpl(name = "shout")]
impl TextPlugins for Shout {
    fn startup(&self, log: &mut Vec<String>) {
        log.push(format!("shout: refusing texts over {MAX_LEN} bytes"));
    }

    fn describe(&self) -> String {
        "shout: unknown shortcodes in capitals, a length limit".to_owned()
    }

    /// Any shortcode nobody else knows, shouted: `trylast` keeps it behind the
    /// plugins that know real ones.
    #[hookimpl(trylast)]
    fn expand_shortcode(&self, code: &str) -> Option<String> {
        Some(code.to_uppercase())
    }

    fn measure(&self, text: &str) -> Option<Stat> {
        Some(Stat {
            name: "exclamations",
            value: text.matches('!').count(),
        })
    }

    /// Checked before anything else: `tryfirst`.
    #[hookimpl(tryfirst)]
    fn check(&self, text: &str) -> Result<(), String> {
        if text.len() > MAX_LEN {
            Err(format!(
                "{} bytes is over the limit of {MAX_LEN}",
                text.len()
            ))
        } else {
            Ok(())
        }
    }
}
