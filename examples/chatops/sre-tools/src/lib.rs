//! SRE tools for the chat-ops bot. One crate, three plugins, one per module: all
//! `#[hookimpl]` functions of a module form one plugin, named after the module path.
//!
//! - [`audit`] (`chatops_sre_tools::audit`): a wrapper around command registration
//!   that records what was registered and times every command run, and `/audit`.
//! - [`oncall`] (`chatops_sre_tools::oncall`): `/oncall [team]` on both platforms,
//!   and its health (is every team covered?).
//! - [`maintenance`] (`chatops_sre_tools::maintenance`): learns the maintenance
//!   windows at startup and, first of all event handlers, silences alerts for
//!   services in one.

pub mod audit;
pub mod maintenance;
pub mod oncall;
