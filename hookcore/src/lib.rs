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
//! fine: specs are `Send + Sync`.
//!
//! # Order
//!
//! Each hook's implementations are called in this order, fixed when the table is built:
//!
//! | rank | rule                                                               |
//! |------|--------------------------------------------------------------------|
//! | 1    | `tryfirst`, then no option, then `trylast`                         |
//! | 2    | within one of those, plugins registered at run time first, the most recent first (pluggy's LIFO) |
//! | 3    | then linked plugins, by plugin name                                |
//!
//! The linker's order never matters: it changes with LTO, the table's does not.
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
//! ```ignore
//! use geolocate as _;
//! use incident as _;
//!
//! let pm = PluginManager::<dyn Platforms>::global();
//! pm.require(["geolocate", "incident"])?; // Error::MissingPlugins names the absent ones
//! ```
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

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod call;
mod error;
mod info;
mod linked;
mod manager;
mod registry;
mod spec;
mod table;

#[doc(hidden)]
/// Not public API; used by generated code.
pub mod __private;

pub use error::Error;
pub use hookspec_macros::{hookimpl, hookspec};
pub use info::{HookInfo, ImplInfo, Order, Origin, PluginInfo, Source};
pub use manager::PluginManager;
pub use spec::{HookSpec, Plugin};
