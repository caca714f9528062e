//! [`SpecIdentity`]: which spec trait of which package version, recorded by the
//! spec and by every linked plugin, so that a plugin built against another
//! version of the spec's crate is recognised (`skew.rs`).

use std::fmt;

/// Which spec trait, of which package version: recorded by `#[hookspec]` in the
/// spec's crate, and by each `#[hookimpl]` for the spec it implements.
///
/// ```
/// use hookcore::{HookSpec, SpecIdentity};
///
/// #[hookcore::hookspec]
/// pub trait Site {
///     fn render(&self);
/// }
///
/// let identity: SpecIdentity = <dyn Site as HookSpec>::__IDENTITY;
/// assert_eq!(identity.name, "Site");
/// assert_eq!(identity.package, "hookcore");
/// assert_eq!(identity.version, env!("CARGO_PKG_VERSION"));
/// assert_eq!(identity.to_string(), format!("`Site` of hookcore {}", identity.version));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct SpecIdentity {
    /// The spec crate's package name (`CARGO_PKG_NAME`).
    pub package: &'static str,
    /// The spec crate's version (`CARGO_PKG_VERSION`).
    pub version: &'static str,
    /// The module the trait is declared in (`module_path!()`).
    pub module: &'static str,
    /// The trait's name.
    pub name: &'static str,
}

impl SpecIdentity {
    #[doc(hidden)]
    /// Not public API; used by generated code.
    #[must_use]
    pub const fn __new(
        package: &'static str,
        version: &'static str,
        module: &'static str,
        name: &'static str,
    ) -> Self {
        SpecIdentity {
            package,
            version,
            module,
            name,
        }
    }

    /// The same trait of the same package, in another version.
    pub(crate) fn skewed_from(&self, other: &SpecIdentity) -> bool {
        self.name == other.name
            && self.module == other.module
            && self.package == other.package
            && self.version != other.version
    }
}

impl fmt::Display for SpecIdentity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` of {} {}", self.name, self.package, self.version)
    }
}
