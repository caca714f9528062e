//! Plain data about hooks, implementations and plugins: what the attributes record at
//! compile time ([`HookInfo`], [`ImplMeta`], [`Source`]) and what the manager reports
//! ([`PluginInfo`], [`ImplInfo`]).

use std::fmt;
use std::sync::Arc;

/// One hook of a spec, as `#[hookspec]` declared it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct HookInfo {
    /// The method's name.
    pub name: &'static str,
    /// `#[hookspec(firstresult)]`: the call stops at the first `Some`.
    pub firstresult: bool,
    /// `#[hookspec(historic)]`: calls are replayed to plugins registered later.
    pub historic: bool,
    /// The method's signature as written in the spec, for display.
    pub signature: &'static str,
}

impl HookInfo {
    #[doc(hidden)]
    /// Not public API; used by generated code.
    pub const fn __new(
        name: &'static str,
        firstresult: bool,
        historic: bool,
        signature: &'static str,
    ) -> Self {
        HookInfo {
            name,
            firstresult,
            historic,
            signature,
        }
    }
}

/// Where an implementation runs relative to the others of its hook.
///
/// `#[hookimpl(tryfirst)]` and `#[hookimpl(trylast)]` choose it; the default is
/// [`Order::Normal`]. The full ordering rules are in the crate docs.
///
/// ```
/// assert!(hookcore::Order::TryFirst < hookcore::Order::Normal);
/// assert!(hookcore::Order::Normal < hookcore::Order::TryLast);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Order {
    /// `#[hookimpl(tryfirst)]`: before every normal implementation.
    TryFirst,
    /// No option: between the two.
    #[default]
    Normal,
    /// `#[hookimpl(trylast)]`: after every normal implementation.
    TryLast,
}

impl fmt::Display for Order {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Order::TryFirst => "tryfirst",
            Order::Normal => "normal",
            Order::TryLast => "trylast",
        })
    }
}

/// One implementation of a hook, as `#[hookimpl]` recorded it.
#[doc(hidden)]
/// Not public API; built by generated code. [`ImplInfo`] is the public view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImplMeta {
    pub hook: &'static str,
    pub wrapper: bool,
    pub order: Order,
    pub before: &'static [&'static str],
    pub after: &'static [&'static str],
    pub file: &'static str,
    pub line: u32,
}

/// The package an implementation was compiled in (pluggy's `list_plugin_distinfo`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Source {
    /// Cargo package name (`CARGO_PKG_NAME`), e.g. `"chatops-geolocate"`.
    pub package: &'static str,
    /// Package version (`CARGO_PKG_VERSION`).
    pub version: &'static str,
    /// The Rust module the implementation is in (`module_path!()`).
    pub module: &'static str,
}

impl Source {
    #[doc(hidden)]
    /// Not public API; used by generated code.
    pub const fn __new(package: &'static str, version: &'static str, module: &'static str) -> Self {
        Source {
            package,
            version,
            module,
        }
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.package, self.version)
    }
}

/// How a plugin came into the manager.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Origin {
    /// Found at link time: a `#[hookimpl]` in a linked crate.
    Linked,
    /// Passed to [`PluginManager::register`](crate::PluginManager::register) at run time.
    Registered,
}

/// A registered plugin, as [`PluginManager::plugins`](crate::PluginManager::plugins) reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct PluginInfo {
    /// The plugin's name: unique within one manager.
    pub name: String,
    /// The package (name and version) the plugin was compiled in.
    pub source: Source,
    /// Linked or registered at run time.
    pub origin: Origin,
    /// The hooks it implements, in the spec's order.
    pub hooks: Vec<&'static str>,
}

/// One implementation in a hook's call order, as
/// [`PluginManager::hookimpls`](crate::PluginManager::hookimpls) reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ImplInfo {
    /// The plugin the implementation belongs to.
    pub plugin: String,
    /// The hook it implements.
    pub hook: &'static str,
    /// `#[hookimpl(wrapper)]`: runs around the implementations.
    pub wrapper: bool,
    /// `tryfirst`, `trylast` or normal.
    pub order: Order,
    /// `before = ...`: plugins this implementation runs before.
    pub before: &'static [&'static str],
    /// `after = ...`: plugins this implementation runs after.
    pub after: &'static [&'static str],
    /// Names in `before`/`after` that have no entry for this hook in the same group
    /// (wrappers are ordered among wrappers, implementations among
    /// implementations): not registered, or not implementing it, so the constraint
    /// was ignored.
    pub ignored: Vec<&'static str>,
    /// Linked or registered at run time.
    pub origin: Origin,
    /// The package it was compiled in.
    pub source: Source,
    /// Source file of the implementation.
    pub file: &'static str,
    /// Line of the implementation's name in `file`.
    pub line: u32,
}

impl fmt::Display for ImplInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({}", self.plugin, self.source)?;
        if self.wrapper {
            write!(f, ", wrapper")?;
        }
        if self.order != Order::Normal {
            write!(f, ", {}", self.order)?;
        }
        write!(f, ") at {}:{}", self.file, self.line)
    }
}

/// A result and the plugin that returned it, from the tagged caller
/// ([`PluginManager::tagged_hook`](crate::PluginManager::tagged_hook)).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Tagged<T> {
    /// The name of the plugin that returned `value`.
    pub plugin: Arc<str>,
    /// What it returned.
    pub value: T,
}

impl<T> Tagged<T> {
    #[doc(hidden)]
    /// Not public API; used by generated code.
    #[inline]
    pub fn __new(plugin: &Arc<str>, value: T) -> Self {
        Tagged {
            plugin: Arc::clone(plugin),
            value,
        }
    }
}
