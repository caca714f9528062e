//! A framework that gives its users hooks without a `hookcore` dependency of their
//! own: it re-exports hookcore, and users say so with `crate = ...`.

/// hookcore, as this framework's users reach it.
pub use hookcore as hooks;
