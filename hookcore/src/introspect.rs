//! What a [`PluginManager`] holds: its plugins, their hooks and options, and
//! the check that required plugins are there.

use std::sync::Arc;

use crate::check::Problem;
use crate::error::Error;
use crate::info::{ImplInfo, Origin, PluginInfo};
use crate::manager::PluginManager;
use crate::registry::Entry;
use crate::skew::{Skew, same_package};
use crate::spec::HookSpec;

impl<S: HookSpec + ?Sized> PluginManager<S> {
    /// Whether `name` is blocked.
    #[must_use]
    pub fn is_blocked(&self, name: &str) -> bool {
        self.lock().is_blocked(name)
    }

    /// Whether a plugin named `name` is registered.
    #[must_use]
    pub fn is_registered(&self, name: &str) -> bool {
        self.lock().get(name).is_some()
    }

    /// Fails unless every name in `names` is registered: as a plugin name, as the
    /// package of a registered plugin (`-` and `_` alike: `plugin-feeds` or
    /// `plugin_feeds`), or as the crate its implementations are in (the first
    /// segment of their module path, which differs from the package when the
    /// package sets `[lib] name`).
    ///
    /// A plugin crate that the binary never names is not linked, and its plugins are
    /// silently absent; calling this at startup turns that into an error that says
    /// which are missing and which `use` line to add. Require package or crate
    /// names where you can: the error then names the crate exactly, where a plugin
    /// name does not say which crate defines it.
    ///
    /// ```
    /// # #[hookcore::hookspec] pub trait Jobs { fn run(&self); }
    /// #[hookcore::hookimpl(Jobs, name = "nightly")]
    /// fn run() {}
    ///
    /// let pm = hookcore::PluginManager::<dyn Jobs>::linked()?;
    /// // The plugin's name, its package (this doctest's), or its crate.
    /// let crate_name = module_path!().split("::").next().unwrap();
    /// pm.require(["nightly", env!("CARGO_PKG_NAME"), crate_name])?;
    ///
    /// let err = pm.require(["plugin-feeds", "nightly"]).unwrap_err();
    /// assert_eq!(err, hookcore::Error::MissingPlugins { names: vec!["plugin-feeds".into()] });
    /// assert!(err.to_string().ends_with("add `use plugin_feeds as _;` to the binary's crate root"));
    /// # Ok::<(), hookcore::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::MissingPlugins`] with every name that is missing; or, when a missing
    /// name is a linked plugin (or its package or crate) built against another
    /// version of the spec's crate, [`Error::VersionSkew`], which says so and lists
    /// the other missing names.
    pub fn require<I>(&self, names: I) -> Result<(), Error>
    where
        I: IntoIterator,
        I::Item: AsRef<str>,
    {
        let registry = self.lock();
        let present = |wanted: &str| {
            registry.plugins().iter().any(|entry| {
                &*entry.name == wanted
                    || same_package(entry.source.package, wanted)
                    || entry.source.module.split("::").next() == Some(wanted)
            })
        };
        let missing: Vec<String> = names
            .into_iter()
            .filter(|name| !present(name.as_ref()))
            .map(|name| name.as_ref().to_owned())
            .collect();
        if missing.is_empty() {
            return Ok(());
        }
        // A missing name that a skewed linked plugin answers to: the crate is
        // linked, but built against another version of the spec.
        let all_skews = crate::skew::skews::<S>();
        let skewed = |name: &str| all_skews.iter().any(|skew| crate::skew::names(skew, name));
        let skews: Vec<Skew> = all_skews
            .iter()
            .filter(|skew| missing.iter().any(|name| crate::skew::names(skew, name)))
            .cloned()
            .collect();
        if skews.is_empty() {
            return Err(Error::MissingPlugins { names: missing });
        }
        let missing = missing.into_iter().filter(|name| !skewed(name)).collect();
        Err(Error::VersionSkew { skews, missing })
    }

    /// Every start-up problem at once: [`check`](Self::check)'s, then a
    /// [`Problem::Missing`] for each of `required` that no registered plugin
    /// answers to (as [`require`](Self::require) reads a name), in the order
    /// given. A required name whose plugin is built against another version of
    /// the spec is not repeated: `check` reports it as a
    /// [`Problem::VersionSkew`].
    ///
    /// ```
    /// #[hookcore::hookspec]
    /// pub trait Site {
    ///     fn render(&self) -> &'static str;
    /// }
    ///
    /// #[hookcore::hookimpl(Site, name = "menu")]
    /// fn render() -> &'static str {
    ///     "menu"
    /// }
    ///
    /// let pm = hookcore::PluginManager::<dyn Site>::linked()?;
    /// let problems = pm.check_required(["menu", "plugin-feeds"]);
    /// assert_eq!(problems, [hookcore::Problem::Missing { name: "plugin-feeds".into() }]);
    /// assert_eq!(
    ///     problems[0].to_string(),
    ///     "the required plugin `plugin-feeds` is missing: `plugin-feeds` is a package: \
    ///      add `use plugin_feeds as _;` to the binary's crate root"
    /// );
    /// # Ok::<(), hookcore::Error>(())
    /// ```
    #[must_use]
    pub fn check_required<I>(&self, required: I) -> Vec<Problem>
    where
        I: IntoIterator,
        I::Item: AsRef<str>,
    {
        let mut problems = self.check();
        let missing = match self.require(required) {
            Err(Error::MissingPlugins { names } | Error::VersionSkew { missing: names, .. }) => {
                names
            }
            _ => Vec::new(),
        };
        problems.extend(missing.into_iter().map(|name| Problem::Missing { name }));
        problems
    }

    /// The registered plugins: run-time ones in registration order, then linked
    /// ones by name (pluggy's `list_name_plugin` and `list_plugin_distinfo`).
    #[must_use]
    pub fn plugins(&self) -> Vec<PluginInfo> {
        let registry = self.lock();
        let mut plugins: Vec<&Entry<S>> = registry.plugins().iter().map(|entry| &**entry).collect();
        plugins.sort_by_key(|entry| match entry.origin {
            Origin::Registered => (0, entry.seq, None),
            Origin::Linked => (1, 0, Some(Arc::clone(&entry.name))),
        });
        plugins.into_iter().map(Entry::info).collect()
    }

    /// The plugin named `name`, if registered.
    #[must_use]
    pub fn plugin(&self, name: &str) -> Option<PluginInfo> {
        self.lock().get(name).map(Entry::info)
    }

    /// The wrappers of `hook`, outermost first, then its implementations in call
    /// order, with their options and source locations (pluggy's `get_hookimpls`).
    ///
    /// # Errors
    ///
    /// [`Error::UnknownHook`] if the spec has no hook of that name.
    pub fn hookimpls(&self, hook: &str) -> Result<Vec<ImplInfo>, Error> {
        let index = S::HOOKS
            .iter()
            .position(|info| info.name == hook)
            .ok_or_else(|| Error::UnknownHook {
                spec: S::NAME,
                hook: hook.into(),
            })?;
        let snapshot = self.table.load();
        Ok(snapshot.hooks[index]
            .records
            .iter()
            .map(|record| ImplInfo {
                plugin: record.plugin.to_string(),
                hook: record.meta.hook,
                wrapper: record.meta.wrapper,
                order: record.meta.order,
                before: record.meta.before,
                after: record.meta.after,
                ignored: record.ignored.to_vec(),
                origin: record.origin,
                source: record.source,
                file: record.meta.file,
                line: record.meta.line,
            })
            .collect())
    }

    /// The hooks the plugin named `name` implements, in the spec's order (pluggy's
    /// `get_hookcallers`).
    ///
    /// # Errors
    ///
    /// [`Error::NotRegistered`] if no plugin has that name.
    pub fn hooks_of(&self, name: &str) -> Result<Vec<&'static str>, Error> {
        self.lock()
            .get(name)
            .map(Entry::hooks)
            .ok_or_else(|| Error::NotRegistered { name: name.into() })
    }
}
