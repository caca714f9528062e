//! Version skew: a linked plugin compiled against another version of the spec's
//! crate. Two semver-incompatible versions of one spec crate in a build are two
//! unrelated traits, so such a plugin cannot be called; its linked entries are
//! recognised by the spec identity they record ([`SpecIdentity`]) and reported
//! as a [`Skew`] by [`PluginManager::check`](crate::PluginManager::check) and
//! [`PluginManager::require`](crate::PluginManager::require).

use std::fmt;

pub use crate::identity::SpecIdentity;
use crate::info::Source;
use crate::linked::{self, LinkedPlugin};
use crate::spec::HookSpec;

/// A linked plugin that implements the host's spec trait as another version of
/// the spec's crate declares it: it is in the binary, but it is not a plugin of
/// this spec and none of its hooks is called.
///
/// ```
/// use hookcore::{Skew, Source, SpecIdentity};
///
/// let skew = Skew {
///     plugin: "feeds".into(),
///     source: Source::__new("plugin-feeds", "0.3.1", "plugin_feeds"),
///     implements: SpecIdentity::__new("site-spec", "0.1.0", "site_spec", "SitePlugins"),
///     host: SpecIdentity::__new("site-spec", "0.2.0", "site_spec", "SitePlugins"),
/// };
/// assert_eq!(
///     skew.to_string(),
///     "plugin `feeds` (plugin-feeds 0.3.1) implements `SitePlugins` of site-spec 0.1.0; \
///      this host uses site-spec 0.2.0: build both against one version of site-spec \
///      (update the older one's dependency)"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skew {
    /// The plugin's name.
    pub plugin: String,
    /// The package the plugin was compiled in.
    pub source: Source,
    /// The spec the plugin implements.
    pub implements: SpecIdentity,
    /// The spec of the host's manager.
    pub host: SpecIdentity,
}

impl fmt::Display for Skew {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "plugin `{}` ({}) implements {}; this host uses {} {}: build both against one \
             version of {} (update the older one's dependency)",
            self.plugin,
            self.source,
            self.implements,
            self.host.package,
            self.host.version,
            self.host.package,
        )
    }
}

/// The skewed linked plugins of `S`, one per plugin name and package, sorted by
/// name, package and (the smallest) module.
pub(crate) fn skews<S: HookSpec + ?Sized>() -> Vec<Skew> {
    let host = S::__IDENTITY;
    let mut skews: Vec<Skew> = linked::HOOKCORE_V0_1_LINKED
        .iter()
        .filter(|entry| !entry.is_of::<S>())
        .filter_map(|entry: &LinkedPlugin| {
            let implements = (entry.spec)()?;
            implements.skewed_from(&host).then(|| Skew {
                plugin: entry.name.to_owned(),
                source: entry.source,
                implements,
                host,
            })
        })
        .collect();
    let key = |skew: &Skew| (skew.plugin.clone(), skew.source.package, skew.source.module);
    skews.sort_by_key(key);
    skews.dedup_by(|later, first| {
        later.plugin == first.plugin && later.source.package == first.source.package
    });
    skews
}

/// Whether `wanted`, as [`PluginManager::require`](crate::PluginManager::require)
/// matches names, names the skewed plugin: its name, package, or crate.
pub(crate) fn names(skew: &Skew, wanted: &str) -> bool {
    skew.plugin == wanted
        || same_package(skew.source.package, wanted)
        || skew.source.module.split("::").next() == Some(wanted)
}

/// Whether the package name `package` is `wanted`, with `-` and `_` alike.
pub(crate) fn same_package(package: &str, wanted: &str) -> bool {
    package.len() == wanted.len()
        && package
            .bytes()
            .zip(wanted.bytes())
            .all(|(a, b)| a == b || (a == b'-' && b == b'_') || (a == b'_' && b == b'-'))
}

#[cfg(test)]
mod tests {
    use super::{Skew, SpecIdentity, names};
    use crate::info::Source;

    const HOST: SpecIdentity =
        SpecIdentity::__new("site-spec", "0.2.0", "site_spec", "SitePlugins");

    #[test]
    fn skew_is_the_same_trait_of_the_same_package_in_another_version() {
        let other =
            |package, version, module, name| SpecIdentity::__new(package, version, module, name);
        assert!(other("site-spec", "0.1.0", "site_spec", "SitePlugins").skewed_from(&HOST));
        assert!(
            !HOST.skewed_from(&HOST),
            "the same version is the same spec"
        );
        assert!(!other("site-spec", "0.1.0", "site_spec", "Other").skewed_from(&HOST));
        assert!(!other("site-spec", "0.1.0", "site_spec::v1", "SitePlugins").skewed_from(&HOST));
        assert!(!other("other-spec", "0.1.0", "site_spec", "SitePlugins").skewed_from(&HOST));
    }

    #[test]
    fn a_skew_answers_to_its_plugin_package_and_crate_names() {
        let skew = Skew {
            plugin: "feeds".into(),
            source: Source::__new("plugin-feeds", "0.3.1", "feeds_lib::rss"),
            implements: SpecIdentity::__new("site-spec", "0.1.0", "site_spec", "SitePlugins"),
            host: HOST,
        };
        for name in ["feeds", "plugin-feeds", "plugin_feeds", "feeds_lib"] {
            assert!(names(&skew, name), "{name}");
        }
        assert!(!names(&skew, "feed"));
        assert!(!names(&skew, "feeds_lib::rss"));
    }
}
