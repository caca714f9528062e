//! The error type of every fallible manager operation.
//!
//! A call that returns an error has changed nothing: the manager is exactly as before.

/// What went wrong in a [`PluginManager`](crate::PluginManager) operation.
///
/// ```
/// #[hookcore::hookspec]
/// pub trait Jobs {
///     fn run(&self);
/// }
///
/// let pm = hookcore::PluginManager::<dyn Jobs>::new();
/// let err = pm.unregister("cleanup").unwrap_err();
/// assert_eq!(err, hookcore::Error::NotRegistered { name: "cleanup".into() });
/// assert_eq!(err.to_string(), "no plugin named `cleanup` is registered");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// `register` with a name that a registered plugin already has.
    #[error(
        "a plugin named `{name}` is already registered; unregister it first or register under another name"
    )]
    AlreadyRegistered {
        /// The name asked for.
        name: String,
    },

    /// `register_arc` with an object that is already registered under another name.
    #[error(
        "this plugin object is already registered as `{existing}`; one object is registered once"
    )]
    ObjectAlreadyRegistered {
        /// The name it is registered under.
        existing: String,
    },

    /// `register` with a blocked name.
    #[error(
        "the plugin name `{name}` is blocked; call `unblock(\"{name}\")` before registering it"
    )]
    Blocked {
        /// The blocked name.
        name: String,
    },

    /// `unregister` or an introspection call with a name no plugin has.
    #[error("no plugin named `{name}` is registered")]
    NotRegistered {
        /// The name asked for.
        name: String,
    },

    /// An introspection call with a hook name the spec does not declare.
    #[error("`{spec}` has no hook named `{hook}`")]
    UnknownHook {
        /// The spec trait.
        spec: &'static str,
        /// The name asked for.
        hook: String,
    },

    /// Two linked implementations (or two wrappers) of one hook under one plugin
    /// name, which happens when `name = "..."` or `specname = "..."` makes two
    /// functions or types collide.
    #[error(
        "plugin `{plugin}` implements hook `{hook}` twice, at {first} and at {second}; give one of them another `name = \"...\"`"
    )]
    DuplicateImpl {
        /// The plugin name.
        plugin: String,
        /// The hook.
        hook: &'static str,
        /// `file:line` of one implementation.
        first: String,
        /// `file:line` of the other.
        second: String,
    },

    /// Linked implementations from two different packages claim one plugin name.
    #[error(
        "the plugin name `{plugin}` is used by two packages, `{first}` and `{second}`; give one of them another `name = \"...\"`"
    )]
    NameClash {
        /// The plugin name.
        plugin: String,
        /// One package (name and version).
        first: String,
        /// The other.
        second: String,
    },

    /// `before`/`after` constraints that cannot all hold.
    #[error(
        "the `before`/`after` constraints of hook `{hook}` form a cycle: {}; remove one of them",
        plugins.join(" before ")
    )]
    OrderCycle {
        /// The hook.
        hook: &'static str,
        /// The plugins of the cycle in constraint order, the first repeated last.
        plugins: Vec<String>,
    },

    /// [`PluginManager::require`](crate::PluginManager::require) found plugins missing.
    ///
    /// The message gives the fix for each name: for a package name
    /// (`plugin-feeds`) or a crate name (`plugin_feeds`), the line to add to the
    /// binary, `use plugin_feeds as _;`; for a plugin named after its module
    /// (`plugin_feeds::rss`), the same line for the module's crate; for any other
    /// plugin name, which does not say its crate, to name the crate that defines
    /// it. Requiring package or crate names gives the most precise fix.
    ///
    /// ```
    /// let err = hookcore::Error::MissingPlugins { names: vec!["plugin-feeds".into()] };
    /// assert_eq!(
    ///     err.to_string(),
    ///     "required plugins are missing: plugin-feeds; a plugin crate is linked only if the \
    ///      binary names it: `plugin-feeds` is a package: add `use plugin_feeds as _;` to the \
    ///      binary's crate root"
    /// );
    /// ```
    #[error(
        "required plugins are missing: {}; a plugin crate is linked only if the binary names it: {}",
        names.join(", "),
        missing_fixes(names)
    )]
    MissingPlugins {
        /// The names not found, in the order they were asked for.
        names: Vec<String>,
    },

    /// [`PluginManager::require`](crate::PluginManager::require) found required
    /// plugins linked but compiled against another version of the spec's crate,
    /// so they are not plugins of this spec (see [`Skew`](crate::Skew)).
    ///
    /// ```
    /// use hookcore::{Error, Skew, Source, SpecIdentity};
    ///
    /// let err = Error::VersionSkew {
    ///     skews: vec![Skew {
    ///         plugin: "feeds".into(),
    ///         source: Source::__new("plugin-feeds", "0.3.1", "plugin_feeds"),
    ///         implements: SpecIdentity::__new("site-spec", "0.1.0", "site_spec", "SitePlugins"),
    ///         host: SpecIdentity::__new("site-spec", "0.2.0", "site_spec", "SitePlugins"),
    ///     }],
    ///     missing: vec![],
    /// };
    /// assert_eq!(
    ///     err.to_string(),
    ///     "required plugins are linked but built against another version of the spec: \
    ///      plugin `feeds` (plugin-feeds 0.3.1) implements `SitePlugins` of site-spec 0.1.0; \
    ///      this host uses site-spec 0.2.0: build both against one version of site-spec \
    ///      (update the older one's dependency)"
    /// );
    /// ```
    #[error("{}", Error::skew_text(skews, missing))]
    VersionSkew {
        /// The skewed plugins that the required names matched.
        skews: Vec<crate::Skew>,
        /// The other required names that are missing, as in
        /// [`Error::MissingPlugins`]; often empty.
        missing: Vec<String>,
    },
}

impl Error {
    /// The text of [`Error::VersionSkew`].
    fn skew_text(skews: &[crate::Skew], missing: &[String]) -> String {
        let skews: Vec<String> = skews.iter().map(ToString::to_string).collect();
        let mut text = format!(
            "required plugins are linked but built against another version of the spec: {}",
            skews.join("; ")
        );
        if !missing.is_empty() {
            text.push_str(&format!(
                "; required plugins are also missing: {}; a plugin crate is linked only if the \
                 binary names it: {}",
                missing.join(", "),
                missing_fixes(missing)
            ));
        }
        text
    }
}

/// What to add for each name [`Error::MissingPlugins`] lists, told apart by how the
/// name is spelt: a package (has `-`), a crate or a plugin (an identifier), a
/// plugin named after its module (a path), or any other plugin name.
fn missing_fixes(names: &[String]) -> String {
    let fixes: Vec<String> = names.iter().map(|name| missing_fix(name)).collect();
    fixes.join("; ")
}

pub(crate) fn missing_fix(name: &str) -> String {
    let identifier = |text: &str| {
        !text.is_empty()
            && !text.starts_with(|c: char| c.is_ascii_digit())
            && text.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
    };
    if let Some((first, _)) = name.split_once("::")
        && identifier(first)
    {
        return format!(
            "`{name}` is a plugin named after its module: add `use {first} as _;` to the binary's crate root"
        );
    }
    let crate_name = name.replace('-', "_");
    if name.contains('-') && identifier(&crate_name) {
        return format!(
            "`{name}` is a package: add `use {crate_name} as _;` to the binary's crate root"
        );
    }
    if identifier(name) {
        return format!(
            "if `{name}` is a crate, add `use {name} as _;` to the binary's crate root; \
             if it is a plugin's name, add `use <crate> as _;` for the crate that defines it"
        );
    }
    format!("`{name}` is a plugin's name: add `use <crate> as _;` for the crate that defines it")
}
