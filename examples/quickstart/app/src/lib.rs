//! textkit, the quickstart's host program.
//!
//! It names its plugin crates (a crate the binary never names is not linked, so
//! its plugins would be silently absent), requires them at startup, and calls each
//! hook through the typed caller.

use std::error::Error;
use std::io::Write;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use hookcore::{HookSpec, PluginManager, hookimpl};
use quickstart_spec::{TextPlugins, TextPluginsHooks};

// Link the plugin crates: nothing else here names them.
use quickstart_emoji as _;
use quickstart_shout as _;

/// The plugins textkit cannot work without: a package name or a plugin name each.
pub const REQUIRED: [&str; 2] = ["quickstart-emoji", "shout"];

/// The process-wide manager, checked to hold every required plugin.
///
/// # Errors
///
/// If a required plugin is missing, or the linked plugins conflict.
pub fn manager() -> Result<&'static PluginManager<dyn TextPlugins>, hookcore::Error> {
    let pm = PluginManager::<dyn TextPlugins>::try_global()?;
    pm.require(REQUIRED)?;
    Ok(pm)
}

/// `text` with every `:code:` replaced by the first plugin's expansion; codes that
/// no plugin expands stay as they are.
#[must_use]
pub fn render(hooks: &TextPluginsHooks<'_>, text: &str) -> String {
    let mut rendered = String::new();
    let mut parts = text.split(':');
    rendered.push_str(parts.next().unwrap_or_default());
    while let Some(code) = parts.next() {
        let closed = parts.clone().next().is_some();
        match hooks.expand_shortcode(code).filter(|_| closed) {
            Some(expansion) => {
                rendered.push_str(&expansion);
                rendered.push_str(parts.next().unwrap_or_default());
            }
            None => {
                rendered.push(':');
                rendered.push_str(code);
            }
        }
    }
    rendered
}

/// A plugin registered at run time, with state: it counts the texts it checked.
#[derive(Default)]
pub struct Audit {
    checked: AtomicUsize,
}

#[hookimpl(runtime)]
impl TextPlugins for Audit {
    fn describe(&self) -> String {
        "audit: counts checked texts".to_owned()
    }

    fn check(&self, _text: &str) -> Result<(), String> {
        self.checked.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }
}

/// The scripted session that `cargo run -p quickstart` prints.
///
/// # Errors
///
/// If writing to `out` fails or a required plugin is missing.
pub fn run(out: &mut dyn Write) -> Result<(), Box<dyn Error>> {
    let pm = manager()?;

    writeln!(out, "textkit: {} plugins linked", pm.plugins().len())?;
    for plugin in pm.plugins() {
        let source = format!("{} {}", plugin.source.package, plugin.source.version);
        writeln!(
            out,
            "  {:<18} {:<24} {}",
            plugin.name,
            source,
            plugin.hooks.join(", ")
        )?;
    }

    writeln!(out, "\ndispatch table, in call order:")?;
    for hook in <dyn TextPlugins>::HOOKS {
        let impls: Vec<String> = pm
            .hookimpls(hook.name)?
            .iter()
            .map(|imp| match imp.order {
                hookcore::Order::Normal => imp.plugin.clone(),
                order => format!("{} ({order})", imp.plugin),
            })
            .collect();
        writeln!(out, "  {:<18} {}", hook.name, impls.join(", "))?;
    }

    let hooks = pm.hook();
    writeln!(out, "\ncalls:")?;
    let mut log = Vec::new();
    hooks.startup(&mut log);
    writeln!(out, "  startup(&mut log)         -> log = {log:?}")?;
    writeln!(out, "  describe()                -> {:?}", hooks.describe())?;
    for code in ["rocket", "wave"] {
        let expansion = hooks.expand_shortcode(code);
        writeln!(out, "  expand_shortcode({code:?}) -> {expansion:?}")?;
    }
    let text = "Launch :rocket: now :wave:!";
    writeln!(out, "  render({text:?}) -> {:?}", render(&hooks, text))?;
    let stats: Vec<String> = hooks
        .measure(text)
        .iter()
        .map(ToString::to_string)
        .collect();
    writeln!(out, "  measure({text:?}) -> [{}]", stats.join(", "))?;
    let long = "a".repeat(quickstart_shout::MAX_LEN + 10);
    for text in ["fine :tada:", "empty ::", long.as_str()] {
        let shown = if text.len() > 20 {
            format!("<{} bytes>", text.len())
        } else {
            format!("{text:?}")
        };
        writeln!(out, "  check({shown}) -> {:?}", hooks.check(text))?;
    }

    // A manager of one's own, changed at run time: the global one stays as it is.
    writeln!(out, "\nrun time:")?;
    let local = PluginManager::<dyn TextPlugins>::linked()?;
    let audit = Arc::new(Audit::default());
    local.register_arc("audit", Arc::clone(&audit))?;
    let order: Vec<String> = local
        .hookimpls("check")?
        .into_iter()
        .map(|imp| imp.plugin)
        .collect();
    writeln!(
        out,
        "  register(\"audit\")         -> check order: {}",
        order.join(", ")
    )?;
    local.set_blocked("shout");
    writeln!(
        out,
        "  set_blocked(\"shout\")      -> check(<{} bytes>) = {:?}",
        long.len(),
        local.hook().check(&long)
    )?;
    local.unblock("shout");
    local.load_linked()?;
    writeln!(
        out,
        "  unblock + load_linked     -> check(<{} bytes>) = {:?}",
        long.len(),
        local.hook().check(&long)
    )?;
    writeln!(
        out,
        "  audit counted {} checked texts",
        audit.checked.load(Ordering::Relaxed)
    )?;
    Ok(())
}
