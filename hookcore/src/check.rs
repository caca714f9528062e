//! [`PluginManager::check`]: every problem a host should hear about at start-up,
//! at once (pluggy's `check_pending`, extended). Missing plugins are
//! [`PluginManager::require`]'s job.

use std::collections::BTreeMap;
use std::fmt;

use crate::closest::closest;
use crate::info::Source;
use crate::linked;
use crate::manager::PluginManager;
use crate::skew::Skew;
use crate::spec::HookSpec;

/// Which option of `#[hookimpl]` a [`Problem`] is about.
///
/// ```
/// assert_eq!(hookcore::Constraint::Before.to_string(), "before");
/// assert_eq!(hookcore::Constraint::After.to_string(), "after");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Constraint {
    /// `before = ...`
    Before,
    /// `after = ...`
    After,
}

impl fmt::Display for Constraint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Constraint::Before => "before",
            Constraint::After => "after",
        })
    }
}

/// One problem [`PluginManager::check`] found. Nothing here stops a call; each
/// is something the manager does silently that the host probably did not mean.
///
/// ```
/// use hookcore::{Constraint, Problem};
///
/// #[hookcore::hookspec]
/// pub trait Site {
///     fn render(&self) -> &'static str;
/// }
///
/// #[hookcore::hookimpl(Site, name = "feeds")]
/// fn render() -> &'static str {
///     "feeds"
/// }
///
/// struct Menu;
///
/// #[hookcore::hookimpl(name = "menu")]
/// impl Site for Menu {
///     #[hookimpl(after = "feed")] // meant: "feeds"
///     fn render(&self) -> &'static str {
///         "menu"
///     }
/// }
///
/// let pm = hookcore::PluginManager::<dyn Site>::linked()?;
/// let problems = pm.check();
/// assert_eq!(
///     problems,
///     [Problem::UnknownPlugin {
///         plugin: "menu".into(),
///         hook: "render",
///         constraint: Constraint::After,
///         name: "feed",
///         suggestion: Some("feeds".into()),
///     }]
/// );
/// assert_eq!(
///     problems[0].to_string(),
///     "plugin `menu` orders hook `render` `after = \"feed\"`, but no plugin named `feed` is \
///      registered, so the constraint is ignored; did you mean `feeds`?"
/// );
/// # Ok::<(), hookcore::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Problem {
    /// A `before`/`after` name that no registered plugin has: misspelt, or the
    /// plugin is not linked. The constraint is ignored.
    UnknownPlugin {
        /// The plugin whose implementation has the option.
        plugin: String,
        /// The hook.
        hook: &'static str,
        /// `before` or `after`.
        constraint: Constraint,
        /// The name that matches no plugin.
        name: &'static str,
        /// A registered plugin's name within two edits of `name`, if any.
        suggestion: Option<String>,
    },

    /// A `before`/`after` name of a registered plugin that has no implementation of
    /// the hook in the same group (wrappers are ordered among wrappers,
    /// implementations among implementations). The constraint is ignored.
    NotImplemented {
        /// The plugin whose implementation has the option.
        plugin: String,
        /// The hook.
        hook: &'static str,
        /// `before` or `after`.
        constraint: Constraint,
        /// The registered plugin named.
        name: &'static str,
        /// Whether the implementation with the option is a wrapper (so `name`
        /// has no wrapper of the hook).
        wrapper: bool,
    },

    /// A linked plugin that is blocked: its hooks are not called.
    Blocked {
        /// The plugin's name.
        plugin: String,
        /// The package it was compiled in.
        source: Source,
        /// The hooks it implements, in the spec's order.
        hooks: Vec<&'static str>,
    },

    /// A blocked name that no linked plugin has: misspelt, or meant for a plugin
    /// registered at run time (then nothing is wrong).
    UnknownBlocked {
        /// The blocked name.
        name: String,
        /// A linked plugin's name within two edits of `name`, if any.
        suggestion: Option<String>,
    },

    /// A linked plugin built against another version of the spec's crate: it is in
    /// the binary, but it is not a plugin of this spec, so none of its hooks is
    /// called.
    VersionSkew(Skew),

    /// A name given to [`PluginManager::check_required`] that no registered
    /// plugin answers to (as a plugin, package or crate name): its crate is not
    /// linked, or the name is wrong.
    Missing {
        /// The name asked for.
        name: String,
    },
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::UnknownPlugin {
                plugin,
                hook,
                constraint,
                name,
                suggestion,
            } => {
                write!(
                    f,
                    "plugin `{plugin}` orders hook `{hook}` `{constraint} = {name:?}`, but no plugin \
                     named `{name}` is registered, so the constraint is ignored; "
                )?;
                match suggestion {
                    Some(close) => write!(f, "did you mean `{close}`?"),
                    None => write!(
                        f,
                        "correct the name, or link or register the plugin `{name}`"
                    ),
                }
            }
            Problem::NotImplemented {
                plugin,
                hook,
                constraint,
                name,
                wrapper,
            } => {
                let kind = if *wrapper {
                    "wrapper"
                } else {
                    "implementation"
                };
                write!(
                    f,
                    "plugin `{plugin}` orders hook `{hook}` `{constraint} = {name:?}`, but plugin \
                     `{name}` has no {kind} of `{hook}` (wrappers are ordered among wrappers, \
                     implementations among implementations), so the constraint is ignored; \
                     remove it or name another plugin"
                )
            }
            Problem::Blocked {
                plugin,
                source,
                hooks,
            } => write!(
                f,
                "the linked plugin `{plugin}` ({source}) is blocked, so its hooks ({}) are not \
                 called; call `unblock({plugin:?})` then `load_linked()` to use it, or drop its \
                 crate from the binary",
                hooks.join(", ")
            ),
            Problem::UnknownBlocked { name, suggestion } => {
                write!(f, "the blocked name `{name}` matches no linked plugin; ")?;
                match suggestion {
                    Some(close) => write!(f, "did you mean `{close}`?"),
                    None => write!(
                        f,
                        "correct it, or ignore this if it is meant for a plugin registered at run time"
                    ),
                }
            }
            Problem::VersionSkew(skew) => skew.fmt(f),
            Problem::Missing { name } => write!(
                f,
                "the required plugin `{name}` is missing: {}",
                crate::error::missing_fix(name)
            ),
        }
    }
}

impl<S: HookSpec + ?Sized> PluginManager<S> {
    /// Every problem with the plugins as they are now, at once: `before`/`after`
    /// names that match no registered plugin ([`Problem::UnknownPlugin`], with the
    /// closest registered name) or a plugin without that hook
    /// ([`Problem::NotImplemented`]), linked plugins that are blocked
    /// ([`Problem::Blocked`]), blocked names that no linked plugin has
    /// ([`Problem::UnknownBlocked`]), and linked plugins built against another
    /// version of the spec's crate ([`Problem::VersionSkew`]). Empty when there is
    /// nothing to say.
    ///
    /// Call it at start-up, after [`require`](Self::require) (which reports
    /// missing plugins) and the host's own registrations:
    ///
    /// ```
    /// #[hookcore::hookspec]
    /// pub trait Site {
    ///     fn render(&self) -> &'static str;
    /// }
    ///
    /// #[hookcore::hookimpl(Site, name = "legacy")]
    /// fn render() -> &'static str {
    ///     "legacy"
    /// }
    ///
    /// let pm = hookcore::PluginManager::<dyn Site>::linked()?;
    /// assert!(pm.check().is_empty());
    /// pm.set_blocked("legacy");
    /// for problem in pm.check() {
    ///     // A host would print it, or refuse to start.
    ///     assert!(matches!(problem, hookcore::Problem::Blocked { ref plugin, .. } if plugin == "legacy"));
    /// }
    /// assert_eq!(pm.check().len(), 1);
    /// # Ok::<(), hookcore::Error>(())
    /// ```
    ///
    /// Problems come in this order: ordering constraints hook by hook (in the
    /// spec's order), each hook's in call order; then blocked names, sorted; then
    /// skewed plugins, by name.
    #[must_use]
    pub fn check(&self) -> Vec<Problem> {
        let registry = self.lock();
        let snapshot = self.table.load();
        let registered: Vec<&str> = registry
            .plugins()
            .iter()
            .map(|entry| &*entry.name)
            .collect();
        let mut problems = Vec::new();
        for table in snapshot.hooks.iter() {
            for record in table.records.iter() {
                let meta = &record.meta;
                let options = [
                    (Constraint::Before, meta.before),
                    (Constraint::After, meta.after),
                ];
                for (constraint, names) in options {
                    for &name in names.iter().filter(|name| record.ignored.contains(name)) {
                        let plugin = record.plugin.to_string();
                        problems.push(if registered.contains(&name) {
                            Problem::NotImplemented {
                                plugin,
                                hook: meta.hook,
                                constraint,
                                name,
                                wrapper: meta.wrapper,
                            }
                        } else {
                            Problem::UnknownPlugin {
                                plugin,
                                hook: meta.hook,
                                constraint,
                                name,
                                suggestion: closest(name, registered.iter().copied()),
                            }
                        });
                    }
                }
            }
        }
        let linked = linked_plugins::<S>();
        for name in registry.blocked() {
            match linked.get(name) {
                Some((source, hooks)) => problems.push(Problem::Blocked {
                    plugin: name.to_owned(),
                    source: *source,
                    hooks: hooks.clone(),
                }),
                None => problems.push(Problem::UnknownBlocked {
                    name: name.to_owned(),
                    suggestion: closest(name, linked.keys().copied()),
                }),
            }
        }
        problems.extend(
            crate::skew::skews::<S>()
                .into_iter()
                .map(Problem::VersionSkew),
        );
        problems
    }
}

/// The linked plugins of `S` by name: the package of each and the hooks it
/// implements, in the spec's order.
fn linked_plugins<S: HookSpec + ?Sized>() -> BTreeMap<&'static str, (Source, Vec<&'static str>)> {
    let mut plugins: BTreeMap<&'static str, (Source, Vec<&'static str>)> = BTreeMap::new();
    for (entry, _) in linked::entries::<S>() {
        let (source, hooks) = plugins
            .entry(entry.name)
            .or_insert_with(|| (entry.source, Vec::new()));
        // The smallest module of a plugin's parts, as the manager reports it.
        if entry.source.module < source.module {
            *source = entry.source;
        }
        hooks.extend(entry.impls.iter().map(|meta| meta.hook));
    }
    for (_, hooks) in plugins.values_mut() {
        *hooks = S::HOOKS
            .iter()
            .map(|hook| hook.name)
            .filter(|name| hooks.contains(name))
            .collect();
    }
    plugins
}
