//! [`PluginManager::report`]: what a manager holds, as a value to print
//! ([`Report`]'s `Display`: a table, in `table.rs`) or to draw
//! ([`Report::mermaid`] in `mermaid.rs`, [`Report::dot`] in `dot.rs`).

mod dot;
mod mermaid;
mod table;

use crate::info::{HookInfo, ImplInfo, PluginInfo};
use crate::manager::PluginManager;
use crate::spec::HookSpec;

/// A manager's plugins and each hook's implementations in call order, as they
/// were when [`PluginManager::report`] was called.
///
/// `Display` prints a table; [`mermaid`](Self::mermaid) and [`dot`](Self::dot)
/// draw the call order as a graph.
///
/// ```
/// #[hookcore::hookspec]
/// pub trait Jobs {
///     /// Runs the job.
///     fn run(&self) -> &'static str;
/// }
///
/// #[hookcore::hookimpl(Jobs, name = "nightly", tryfirst)]
/// fn run() -> &'static str {
///     "nightly"
/// }
///
/// let pm = hookcore::PluginManager::<dyn Jobs>::linked()?;
/// let report = pm.report();
/// assert_eq!(report.spec(), "Jobs");
/// assert_eq!(report.plugins()[0].name, "nightly");
/// assert_eq!(report.hooks()[0].impls[0].plugin, "nightly");
/// let table = report.to_string();
/// assert!(table.contains("  run\n    1. nightly  tryfirst\n"), "{table}");
/// # Ok::<(), hookcore::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    spec: &'static str,
    plugins: Vec<PluginInfo>,
    hooks: Vec<HookReport>,
}

/// One hook in a [`Report`]: its declaration, its implementations in call order
/// and, for a historic hook, its recorded calls.
///
/// ```
/// #[hookcore::hookspec]
/// pub trait Config {
///     #[hookspec(historic)]
///     fn configure(&self, profile: String);
/// }
///
/// let pm = hookcore::PluginManager::<dyn Config>::new();
/// pm.hook().configure("prod".into());
/// let report = pm.report();
/// let hook = &report.hooks()[0];
/// assert_eq!((hook.hook.name, hook.recorded_calls), ("configure", 1));
/// assert!(hook.impls.is_empty() && hook.pending.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct HookReport {
    /// The hook as the spec declares it.
    pub hook: HookInfo,
    /// The wrappers, outermost first, then the implementations, in call order
    /// (as [`PluginManager::hookimpls`] lists them).
    pub impls: Vec<ImplInfo>,
    /// For a historic hook, how many calls have been recorded: each is replayed
    /// to every plugin registered later. Zero for other hooks.
    pub recorded_calls: usize,
    /// Plugins that implement this historic hook and are registered, but wait
    /// for their replays to finish before they enter the table (another thread
    /// is registering them right now).
    pub pending: Vec<String>,
}

impl Report {
    /// The spec's name (`"Platforms"`).
    #[must_use]
    pub fn spec(&self) -> &'static str {
        self.spec
    }

    /// The plugins, as [`PluginManager::plugins`] lists them: run-time ones in
    /// registration order, then linked ones by name.
    #[must_use]
    pub fn plugins(&self) -> &[PluginInfo] {
        &self.plugins
    }

    /// Each hook of the spec, in the spec's order.
    #[must_use]
    pub fn hooks(&self) -> &[HookReport] {
        &self.hooks
    }

    /// The plugins that have no implementation in any hook's table (a plugin
    /// type without hook methods, or a plugin waiting for its historic calls).
    fn unplaced(&self) -> impl Iterator<Item = &PluginInfo> {
        self.plugins.iter().filter(|plugin| {
            !self
                .hooks
                .iter()
                .any(|hook| hook.impls.iter().any(|imp| imp.plugin == plugin.name))
        })
    }
}

impl<S: HookSpec + ?Sized> PluginManager<S> {
    /// A report of the plugins and of each hook's call order, to print (a
    /// table), or to draw with [`Report::mermaid`] or [`Report::dot`].
    ///
    /// ```
    /// #[hookcore::hookspec]
    /// pub trait Greet {
    ///     fn greet(&self) -> &'static str;
    /// }
    ///
    /// #[hookcore::hookimpl(Greet, name = "english")]
    /// fn greet() -> &'static str {
    ///     "hello"
    /// }
    ///
    /// let pm = hookcore::PluginManager::<dyn Greet>::linked()?;
    /// println!("{}", pm.report());
    /// # Ok::<(), hookcore::Error>(())
    /// ```
    #[must_use]
    pub fn report(&self) -> Report {
        let plugins = self.plugins();
        let (recorded, pending): (Vec<usize>, Vec<Vec<String>>) = {
            let registry = self.lock();
            S::HOOKS
                .iter()
                .enumerate()
                .map(|(index, hook)| {
                    let pending = registry
                        .plugins()
                        .iter()
                        .filter(|entry| entry.pending && entry.hooks().contains(&hook.name))
                        .map(|entry| entry.name.to_string())
                        .collect();
                    (registry.history_of(index), pending)
                })
                .unzip()
        };
        let hooks = S::HOOKS
            .iter()
            .zip(recorded.into_iter().zip(pending))
            .map(|(hook, (recorded_calls, pending))| HookReport {
                hook: *hook,
                impls: self.hookimpls(hook.name).unwrap_or_default(),
                recorded_calls,
                pending,
            })
            .collect();
        Report {
            spec: S::NAME,
            plugins,
            hooks,
        }
    }
}

/// The options of one implementation, as the table and the graphs print them:
/// `wrapper, tryfirst, before = ["a"], after = ["b"], ignored = ["b"]`.
fn options(imp: &ImplInfo) -> Vec<String> {
    let mut options = Vec::new();
    if imp.wrapper {
        options.push("wrapper".to_owned());
    }
    if imp.order != crate::info::Order::Normal {
        options.push(imp.order.to_string());
    }
    for (option, names) in [
        ("before", imp.before),
        ("after", imp.after),
        ("ignored", &imp.ignored[..]),
    ] {
        if !names.is_empty() {
            options.push(format!("{option} = {names:?}"));
        }
    }
    options
}

/// The marks of a hook: `firstresult`, `historic, 2 calls recorded`.
fn marks(hook: &HookReport) -> Vec<String> {
    let mut marks = Vec::new();
    if hook.hook.firstresult {
        marks.push("firstresult".to_owned());
    }
    if hook.hook.historic {
        marks.push("historic".to_owned());
        let calls = hook.recorded_calls;
        marks.push(format!(
            "{calls} {} recorded",
            if calls == 1 { "call" } else { "calls" }
        ));
    }
    marks
}

/// One implementation as a graph node shows it: the plugin, then its options
/// in parentheses.
fn impl_label(imp: &ImplInfo) -> String {
    let options = options(imp);
    if options.is_empty() {
        imp.plugin.clone()
    } else {
        format!("{} ({})", imp.plugin, options.join(", "))
    }
}

/// A hook as a graph node shows it: its name, then its marks in parentheses.
fn hook_label(hook: &HookReport) -> String {
    let marks = marks(hook);
    if marks.is_empty() {
        hook.hook.name.to_owned()
    } else {
        format!("{} ({})", hook.hook.name, marks.join(", "))
    }
}
