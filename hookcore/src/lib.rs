//! pluggy's plugin hooks, checked by the compiler and dispatched through a static table.
//!
//! A **hook spec** is a trait marked [`#[hookspec]`](hookspec): each method is a hook,
//! an extension point. A **plugin** implements any subset of the hooks, either as free
//! functions marked [`#[hookimpl(Spec)]`](hookimpl) (the module is the plugin, as in
//! pluggy) or as an `impl Spec for Type` block marked `#[hookimpl]`. Implementations
//! in every linked crate are found at link time; a [`PluginManager`] puts them in a
//! deterministic call order and calls them through a typed caller.
//!
//! ```
//! // The spec: usually its own crate, which host and plugins depend on.
//! #[hookcore::hookspec]
//! pub trait Greetings {
//!     /// A greeting for `name`; every plugin answers.
//!     fn greet(&self, name: &str) -> String;
//!     /// A nickname for `name`; the first plugin that knows one wins.
//!     #[hookspec(firstresult)]
//!     fn nickname(&self, name: &str) -> Option<String>;
//! }
//!
//! // A plugin: any crate the binary links. No registration code.
//! #[hookcore::hookimpl(Greetings, name = "english")]
//! fn greet(name: &str) -> String {
//!     format!("Hello, {name}!")
//! }
//!
//! // Another plugin: a type, several hooks together.
//! struct French;
//!
//! #[hookcore::hookimpl(name = "french")]
//! impl Greetings for French {
//!     fn greet(&self, name: &str) -> String {
//!         format!("Bonjour, {name} !")
//!     }
//!     #[hookimpl(tryfirst)]
//!     fn nickname(&self, name: &str) -> Option<String> {
//!         (name == "Guillaume").then(|| "Guigui".to_owned())
//!     }
//! }
//!
//! // The host.
//! let pm = hookcore::PluginManager::<dyn Greetings>::global();
//! assert_eq!(pm.hook().greet("Ada"), ["Hello, Ada!", "Bonjour, Ada !"]);
//! assert_eq!(pm.hook().nickname("Guillaume").as_deref(), Some("Guigui"));
//! assert_eq!(pm.hook().nickname("Ada"), None);
//! ```
//!
//! # Calls
//!
//! `#[hookspec]` generates a caller struct named after the trait (`GreetingsHooks`)
//! with one method per hook; [`PluginManager::hook`] returns it. What a call returns
//! follows from the hook's return type:
//!
//! | the hook returns           | the call returns                                   |
//! |----------------------------|----------------------------------------------------|
//! | `()`                       | `()`                                               |
//! | `T`                        | `Vec<T>`, every implementation's value             |
//! | `Option<T>`                | `Vec<T>`, the `Some`s                              |
//! | `Option<T>`, `firstresult` | `Option<T>`, the first `Some`; the rest do not run |
//! | `Result<(), E>`            | `Result<(), E>`, stops at the first `Err`          |
//! | `Result<T, E>`             | `Result<Vec<T>, E>`, stops at the first `Err`      |
//! | `Result<Option<T>, E>`     | `Result<Vec<T>, E>` (or `Result<Option<T>, E>` with `firstresult`) |
//!
//! The return type is recognised by how it is written: `Option<..>` and `Result<..>`
//! (with any path before them, and one-parameter aliases such as `io::Result<T>`).
//! Arguments are passed to every implementation: references as they are, `&mut`
//! reborrowed, anything else cloned.
//!
//! Unit and `firstresult` calls allocate nothing; a collecting call allocates its
//! result vector once. No call takes a lock, and calls from many threads at once are
//! fine: specs are `Send + Sync`. (A historic call is the exception: it is recorded
//! for later plugins, which takes the registry's lock and allocates.)
//!
//! # Order
//!
//! Each hook's implementations are called in this order, fixed when the table is built:
//!
//! | rank | rule                                                               |
//! |------|--------------------------------------------------------------------|
//! | 1    | `tryfirst`, then no option, then `trylast`                         |
//! | 2    | within one of those, plugins registered at run time first, the most recent first (pluggy does this for `tryfirst` and plain implementations, and runs `trylast` ones oldest first) |
//! | 3    | then linked plugins, by plugin name                                |
//!
//! The linker's order never matters: it changes with LTO, the table's does not.
//!
//! # Wrappers
//!
//! A `#[hookimpl(wrapper)]` runs around the rest of the call: it gets the hook's
//! arguments and a continuation, `next`, of a type generated for the hook
//! (`{Spec}{Hook}Next`). `next.call(..)` runs the wrappers inside it and the
//! implementations, and returns the call's outcome, which the wrapper may inspect
//! or replace; `call` takes `next` by value, so it runs at most once, and a wrapper
//! that never calls it answers the call itself. Nothing is allocated.
//!
//! ```
//! #[hookcore::hookspec]
//! pub trait Adapters {
//!     #[hookspec(firstresult)]
//!     fn get_adapter(&self, name: &str) -> Option<String>;
//! }
//!
//! #[hookcore::hookimpl(Adapters)]
//! fn get_adapter(name: &str) -> Option<String> {
//!     (name == "oracle").then(|| "oracle adapter".to_owned())
//! }
//!
//! struct Cache;
//!
//! #[hookcore::hookimpl(name = "cache")]
//! impl Adapters for Cache {
//!     #[hookimpl(wrapper)]
//!     fn get_adapter(&self, name: &str, next: AdaptersGetAdapterNext<'_>) -> Option<String> {
//!         if name == "cached" {
//!             return Some("from cache".to_owned()); // the rest does not run
//!         }
//!         next.call(name).map(|adapter| format!("{adapter} (checked)"))
//!     }
//! }
//!
//! let pm = hookcore::PluginManager::<dyn Adapters>::linked()?;
//! assert_eq!(pm.hook().get_adapter("oracle").as_deref(), Some("oracle adapter (checked)"));
//! assert_eq!(pm.hook().get_adapter("cached").as_deref(), Some("from cache"));
//! # Ok::<(), hookcore::Error>(())
//! ```
//!
//! Wrappers run around all implementations, `tryfirst` wrappers outermost: their
//! code before `next.call` runs in call order, their code after it in reverse.
//!
//! A hook whose signature has lifetime parameters, or an elided lifetime in its
//! return type (`fn name(&self) -> &str`), has no continuation type and takes no
//! wrappers: the continuation could not name those lifetimes.
//!
//! # Historic hooks
//!
//! `#[hookspec(historic)]`: each call is remembered and replayed to every plugin
//! registered later; results go to a callback. Arguments are kept, so they must be
//! owned (`Clone + Send + 'static`). A plugin registered later enters the dispatch
//! table only once the recorded calls (and any made meanwhile) have reached it, so
//! no other thread calls its other hooks before, say, it is configured.
//!
//! ```
//! use std::sync::{Arc, Mutex};
//!
//! #[hookcore::hookspec]
//! pub trait Config {
//!     #[hookspec(historic)]
//!     fn configure(&self, profile: String) -> String;
//! }
//!
//! struct Db;
//!
//! #[hookcore::hookimpl(runtime)]
//! impl Config for Db {
//!     fn configure(&self, profile: String) -> String {
//!         format!("db ready for {profile}")
//!     }
//! }
//!
//! let pm = hookcore::PluginManager::<dyn Config>::new();
//! let log = Arc::new(Mutex::new(Vec::new()));
//! let sink = Arc::clone(&log);
//! pm.hook().configure("prod".into(), move |ready| sink.lock().unwrap().push(ready));
//! pm.register("db", Db)?; // registered after the call: it is replayed now
//! assert_eq!(*log.lock().unwrap(), ["db ready for prod"]);
//! # Ok::<(), hookcore::Error>(())
//! ```
//!
//! # Ordering beyond tryfirst and trylast
//!
//! `#[hookimpl(before = "plugin")]` and `after = ["a", "b"]` place an implementation
//! relative to named plugins. The constraints are applied to the default order as a
//! stable topological sort; a cycle is [`Error::OrderCycle`], naming its plugins,
//! and the registration that would close it is refused. A name with no
//! implementation of the hook is ignored and listed in [`ImplInfo::ignored`].
//!
//! # Which plugin returned what
//!
//! [`PluginManager::tagged_hook`] returns each result as a [`Tagged`] value with
//! the plugin's name.
//!
//! # Observing calls
//!
//! [`PluginManager::add_monitor`] adds a [`Monitor`] that sees each call, each
//! implementation as it runs and the outcome; with the `tracing` feature,
//! `PluginManager::enable_tracing` emits a span per call and per implementation.
//! A manager without monitors pays one check per call.
//!
//! # Plugins and their names
//!
//! - `#[hookimpl(Spec)] fn hook(..)`: the plugin is the module; its name is the module
//!   path (`my_crate::slack`), or `name = "..."`. All functions of one module form one
//!   plugin.
//! - `#[hookimpl] impl Spec for Type`: the plugin is the type; its name is the module
//!   path and type name, or `name = "..."`. At link time it is an instance built from
//!   `Type` (a unit struct) or from `instance = <const expression>`. With `runtime`
//!   nothing is linked: register instances with [`PluginManager::register`].
//!
//! # A plugin crate must be linked
//!
//! A crate that the binary never names is not linked at all, so its implementations
//! are absent. Name every plugin crate in the binary, and check at startup:
//!
//! ```
//! # #[hookcore::hookspec] pub trait Platforms { fn register_slack_commands(&self); }
//! // In the binary, once per plugin crate:
//! //     use geolocate as _;
//! //     use incident as _;
//! // This program names neither, so both are reported:
//! let pm = hookcore::PluginManager::<dyn Platforms>::global();
//! let missing = pm.require(["geolocate", "incident"]).unwrap_err();
//! assert!(missing.to_string().starts_with("required plugins are missing: geolocate, incident;"));
//! ```
//!
//! `#![warn(unused_crate_dependencies)]` in the binary's crate root makes rustc
//! name such a crate at compile time, with the `use` line to add.
//!
//! # At start-up and at exit
//!
//! - [`PluginManager::require`]: the plugins (or packages, or crates) the host
//!   needs are there.
//! - [`PluginManager::check`]: every other [`Problem`] at once, such as a
//!   misspelt `before = "..."` name or a blocked linked plugin.
//! - [`PluginManager::report`]: the plugins and each hook's call order, as a
//!   table ([`Report`]'s `Display`) or a graph ([`Report::mermaid`],
//!   [`Report::dot`]).
//! - [`PluginManager::shutdown`]: at exit, after the spec's own `shutdown` hook
//!   if it has one, ends every plugin, so that the run-time plugins of a
//!   process-wide manager are dropped.
//!
//! # Re-exporting hookcore
//!
//! Generated code reaches hookcore as `::hookcore`. A crate that re-exports it under
//! another path says so with `crate = path` on both attributes:
//! `#[hookspec(crate = my_framework::hookcore)]`, `#[hookimpl(Spec, crate = my_framework::hookcore)]`.
//!
//! # Mistakes are compile errors
//!
//! ```compile_fail
//! #[hookcore::hookspec]
//! pub trait Greetings {
//!     fn greet(&self, name: &str) -> String;
//! }
//!
//! // error[E0407]: method `gret` is not a member of trait `Greetings`
//! #[hookcore::hookimpl(Greetings)]
//! fn gret(name: &str) -> String {
//!     format!("Hello, {name}!")
//! }
//! ```

// `deny`, not `forbid`: the `object` module, and only it, allows `unsafe`, with
// the proof of soundness in its docs.
#![deny(unsafe_code)]
#![warn(missing_docs)]

mod awaited;
mod build;
mod cached;
mod call;
mod callers;
mod calls;
mod changes;
mod check;
mod closest;
mod dispatch;
mod entries;
mod error;
mod freeze;
mod frozen;
mod identity;
mod info;
mod introspect;
mod linked;
mod manager;
mod monitor;
mod object;
mod order;
mod registration;
mod registry;
mod report;
mod shutdown;
mod skew;
mod spec;
mod table;
#[cfg(test)]
mod testing;

#[doc(hidden)]
/// Not public API; used by generated code.
pub mod __private;

pub use error::Error;
/// Declares a hook spec: a trait whose methods are hooks.
///
/// ```
/// #[hookcore::hookspec]
/// pub trait Platforms {
///     /// Register Slack commands with the provider.
///     fn register_slack_commands(&self, commands: &mut Vec<String>);
///
///     /// The adapter for `name`; the first plugin that answers wins.
///     #[hookspec(firstresult)]
///     fn get_adapter(&self, name: &str) -> Option<String>;
/// }
///
/// // Generated: `PlatformsHooks`, the typed caller, and `HookSpec for dyn Platforms`.
/// let pm = hookcore::PluginManager::<dyn Platforms>::new();
/// let hooks: PlatformsHooks = pm.hook();
/// let mut commands = Vec::new();
/// hooks.register_slack_commands(&mut commands);
/// assert_eq!(hooks.get_adapter("oracle"), None);
/// ```
///
/// # What it generates
///
/// - The trait, with `Send + Sync` added to its supertraits (plugins are shared
///   between threads) and a default body for every hook, so a plugin implements any
///   subset. A default is never called by the manager: it calls only the hooks a
///   plugin implements.
/// - `{Trait}Hooks`, the typed caller [`PluginManager::hook`] returns: one method per
///   hook, with the hook's name, arguments and docs. What each returns is in the
///   [crate docs](crate#calls).
/// - `impl HookSpec for dyn Trait`.
///
/// # Rules
///
/// Every hook takes `&self` (the plugin), has named arguments and no body, and is not
/// generic, `async`, `unsafe` or `const`: plugins are called through `dyn Trait`, so
/// the trait must stay object safe. The trait declares only hooks, and has no generic
/// parameters. Each rule is a compile error at the offending token.
///
/// # Options
///
/// | option | where | meaning |
/// |---|---|---|
/// | `firstresult` | `#[hookspec(firstresult)]` on a hook returning `Option<T>` or `Result<Option<T>, E>` | the call returns the first `Some` and runs no implementation after it |
/// | `historic` | `#[hookspec(historic)]` on a hook whose arguments are owned | calls are remembered and replayed to plugins registered later; results go to a callback; no `firstresult`, no wrappers |
/// | `crate = path` | `#[hookspec(crate = path)]` on the trait | generated code names hookcore by `path` (for crates that re-export hookcore) |
///
/// # Deprecating a hook
///
/// `#[deprecated]` on a hook (with `note` and `since` as usual) makes every
/// implementation of it warn at compile time, at the implementing function's name
/// and in whichever crate it is, and every call through the caller method warn
/// where it is made. `#[allow(deprecated)]` on an implementation silences it there.
///
/// ```
/// #[hookcore::hookspec]
/// pub trait Platforms {
///     #[deprecated(since = "0.3.0", note = "implement `register_commands` instead")]
///     fn register_slack_commands(&self, commands: &mut Vec<String>);
///     fn register_commands(&self, commands: &mut Vec<String>);
/// }
///
/// // Without the `allow`: "warning: use of deprecated method ...: hook
/// // `Platforms::register_slack_commands` is deprecated: implement
/// // `register_commands` instead", at `register_slack_commands` below.
/// #[allow(deprecated)]
/// #[hookcore::hookimpl(Platforms)]
/// fn register_slack_commands(commands: &mut Vec<String>) {
///     commands.push("legacy".into());
/// }
/// ```
#[doc(inline)]
pub use hookspec_macros::hookspec;

pub use cached::CachedCaller;
pub use callers::SubsetCaller;
pub use check::{Constraint, Problem};
/// Marks a hook implementation: a free function, or an `impl Spec for Type` block.
///
/// Implementations in every linked crate are found at link time: no registration
/// code. The compiler checks each one against its spec, so a misspelt hook or a
/// wrong signature is an error at your function.
///
/// # On a function: the module is the plugin
///
/// ```
/// #[hookcore::hookspec]
/// pub trait Platforms {
///     fn register_slack_commands(&self, commands: &mut Vec<String>);
///     #[hookspec(firstresult)]
///     fn get_adapter(&self, name: &str) -> Option<String>;
/// }
///
/// mod geolocate {
///     use super::Platforms;
///
///     #[hookcore::hookimpl(Platforms)]
///     pub fn register_slack_commands(commands: &mut Vec<String>) {
///         commands.push("/geolocate".into());
///     }
///
///     #[hookcore::hookimpl(Platforms, tryfirst)]
///     fn get_adapter(name: &str) -> Option<String> {
///         (name == "maxmind").then(|| "maxmind adapter".into())
///     }
/// }
///
/// fn main() -> Result<(), hookcore::Error> {
///     let pm = hookcore::PluginManager::<dyn Platforms>::linked()?;
///     assert!(pm.plugins()[0].name.ends_with("::geolocate")); // the module path
///     assert_eq!(pm.hook().get_adapter("maxmind").as_deref(), Some("maxmind adapter"));
///
///     // Still an ordinary function, for tests.
///     let mut commands = Vec::new();
///     geolocate::register_slack_commands(&mut commands);
///     assert_eq!(commands, ["/geolocate"]);
///     Ok(())
/// }
/// ```
///
/// The function takes the hook's arguments without `&self`. Every function of one
/// module belongs to one plugin, named after the module path.
///
/// A function is checked as the hook's method in a hidden plugin type
/// (`__hookimpl_<function>`), so the compiler's messages about it count the hook's
/// `&self` among the parameters and show that type as the first parameter of the
/// expected signature.
///
/// # On an impl block: the type is the plugin
///
/// ```
/// # #[hookcore::hookspec] pub trait Platforms {
/// #     fn register_slack_commands(&self, commands: &mut Vec<String>);
/// #     #[hookspec(firstresult)] fn get_adapter(&self, name: &str) -> Option<String>;
/// # }
/// use std::sync::atomic::{AtomicUsize, Ordering};
///
/// /// Linked: one instance, built at compile time.
/// pub struct Oracle {
///     lookups: AtomicUsize,
/// }
///
/// #[hookcore::hookimpl(name = "oracle", instance = Oracle { lookups: AtomicUsize::new(0) })]
/// impl Platforms for Oracle {
///     #[hookimpl(trylast)]
///     fn get_adapter(&self, name: &str) -> Option<String> {
///         self.lookups.fetch_add(1, Ordering::Relaxed);
///         Some(format!("oracle adapter for {name}"))
///     }
/// }
///
/// /// Not linked: registered at run time, as many as you like.
/// pub struct Teams {
///     channel: String,
/// }
///
/// #[hookcore::hookimpl(runtime)]
/// impl Platforms for Teams {
///     fn register_slack_commands(&self, commands: &mut Vec<String>) {
///         commands.push(format!("/teams {}", self.channel));
///     }
/// }
///
/// let pm = hookcore::PluginManager::<dyn Platforms>::linked()?;
/// assert_eq!(pm.hook().get_adapter("db").as_deref(), Some("oracle adapter for db"));
/// pm.register("teams", Teams { channel: "ops".into() })?;
/// let mut commands = Vec::new();
/// pm.hook().register_slack_commands(&mut commands);
/// assert_eq!(commands, ["/teams ops"]);
/// # Ok::<(), hookcore::Error>(())
/// ```
///
/// # Options
///
/// | option | where | meaning |
/// |---|---|---|
/// | `Spec` (first) | function | the spec trait whose hook the function implements |
/// | `tryfirst`, `trylast` | function; method in an impl block | run before / after the normal implementations |
/// | `wrapper` | function; method in an impl block | run around the rest of the call, with a continuation as last argument ([crate docs](crate#wrappers)); not for hooks with lifetime parameters or a borrowed result |
/// | `before = "p"`, `after = ["p", "q"]` | function; method in an impl block | run before / after the named plugins' implementations of the hook |
/// | `specname = "hook"` | function; method in an impl block | implement `hook` under another function name |
/// | `name = "..."` | function; impl block | the plugin name (default: the module path; for a type, module path and type name) |
/// | `instance = <const expr>` | impl block | the linked instance, for a type that is not a unit struct |
/// | `runtime` | impl block | link nothing; register instances with [`PluginManager::register`] |
/// | `crate = path` | function; impl block | generated code names hookcore by `path` |
///
/// A linked impl block builds its instance as `Type {}` unless `instance` is given:
/// that works for unit structs, and for a type with fields the compiler names the
/// missing fields.
#[doc(inline)]
pub use hookspec_macros::hookimpl;
pub use info::{HookInfo, ImplInfo, Order, Origin, PluginInfo, Source, Tagged};
pub use manager::PluginManager;
#[cfg(feature = "tracing")]
pub use monitor::TracingMonitor;
pub use monitor::{HookCall, Monitor, MonitorId};
pub use registration::Registration;
pub use report::{HookReport, Report};
pub use skew::{Skew, SpecIdentity};
pub use spec::{HookSpec, Plugin};
// Public so that messages name them briefly; used by generated code.
#[doc(hidden)]
pub use spec::{HistoricHook, Kept, Wrappable, WrappableHook};

#[cfg(doctest)]
#[doc = include_str!("../../docs/guide.md")]
mod guide_doctests {}

#[cfg(doctest)]
#[doc = include_str!("../../docs/pluggy.md")]
mod pluggy_doctests {}
