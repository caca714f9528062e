//! The two traits the attributes implement: [`HookSpec`] for a spec trait object
//! (`dyn Platforms`), written by `#[hookspec]`, and [`Plugin`] for a plugin type,
//! written by `#[hookimpl]` on an `impl` block.

use std::any::Any;
use std::sync::Arc;

use crate::calls::Table;
use crate::info::{HookInfo, ImplMeta, Source};
use crate::object::{ErasedEntry, Owner};

/// A set of hooks: implemented by `#[hookspec]` for `dyn YourTrait`.
///
/// `PluginManager<dyn YourTrait>` is generic over this trait. You never implement it
/// by hand; its items tell the manager the hooks' names and how to build the typed
/// caller that [`PluginManager::hook`](crate::PluginManager::hook) returns.
///
/// ```
/// use hookcore::HookSpec;
///
/// #[hookcore::hookspec]
/// pub trait Greetings {
///     /// Say hello to `name`.
///     fn hello(&self, name: &str) -> String;
///     #[hookspec(firstresult)]
///     fn nickname(&self, name: &str) -> Option<String>;
/// }
///
/// assert_eq!(<dyn Greetings as HookSpec>::NAME, "Greetings");
/// let names: Vec<_> = <dyn Greetings as HookSpec>::HOOKS.iter().map(|h| h.name).collect();
/// assert_eq!(names, ["hello", "nickname"]);
/// assert!(<dyn Greetings as HookSpec>::HOOKS[1].firstresult);
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a hook spec",
    label = "this trait was not declared with #[hookspec]",
    note = "put #[hookcore::hookspec] on the trait that declares the hooks"
)]
pub trait HookSpec: Send + Sync + 'static {
    /// The trait's name, as written: `"Greetings"` for `trait Greetings`.
    const NAME: &'static str;
    /// The hooks, in the order the trait declares them.
    const HOOKS: &'static [HookInfo];
    /// The typed caller `#[hookspec]` generates, named after the trait with `Hooks`
    /// appended: one method per hook.
    type Hooks<'a>;
    /// The tagged caller `#[hookspec]` generates, named after the trait with
    /// `TaggedHooks` appended: each result with the name of the plugin that
    /// returned it.
    type Tagged<'a>;
    #[doc(hidden)]
    /// Not public API, but readable: the spec's package, version, module and name,
    /// recorded in the spec's crate. A linked plugin built against another version
    /// of that crate is recognised by it (see [`Skew`](crate::Skew)).
    const __IDENTITY: crate::SpecIdentity;
    #[doc(hidden)]
    /// Not public API; used by generated code. The type whose `hook` method, at a
    /// hook's key, is `#[deprecated]` when the hook is: every `#[hookimpl]` calls
    /// it, so that implementing a deprecated hook warns.
    type __Deprecations<const HOOK: u64>: Default;
    #[doc(hidden)]
    /// Not public API; the typed table `#[hookspec]` generates: a field per
    /// hook, its implementations typed by the hook's own trait.
    type __Table: Table;
}

/// A plugin type for the spec `S`: implemented by `#[hookimpl]` on `impl Spec for Type`.
///
/// It records which hooks the type implements and with which options, so that
/// [`PluginManager::register`](crate::PluginManager::register) can place an instance in the dispatch table.
///
/// ```
/// use std::sync::atomic::{AtomicUsize, Ordering};
///
/// #[hookcore::hookspec]
/// pub trait Counter {
///     fn tick(&self);
/// }
///
/// #[derive(Default)]
/// struct Ticks(AtomicUsize);
///
/// #[hookcore::hookimpl(runtime)]
/// impl Counter for Ticks {
///     fn tick(&self) {
///         self.0.fetch_add(1, Ordering::Relaxed);
///     }
/// }
///
/// let pm = hookcore::PluginManager::<dyn Counter>::new();
/// let ticks = std::sync::Arc::new(Ticks::default());
/// pm.register_arc("ticks", ticks.clone())?;
/// pm.hook().tick();
/// pm.hook().tick();
/// assert_eq!(ticks.0.load(Ordering::Relaxed), 2);
/// # Ok::<(), hookcore::Error>(())
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a hookcore plugin for `{S}`",
    label = "no #[hookimpl] implementation of this spec for this type",
    note = "put #[hookcore::hookimpl] on the `impl` block that implements this spec for `{Self}`; a plugin of another spec registers only with that spec's manager",
    note = "an `Arc<T>` of a plugin type is registered with `register_arc`; a reference cannot be registered: register the value, or an `Arc` of it",
    note = "if `{Self}` implements this spec as another version of the spec's crate declares it, it is not a plugin of this version: depend on one version of the spec's crate everywhere"
)]
pub trait Plugin<S: ?Sized>: Sized + 'static {
    #[doc(hidden)]
    /// Not public API. Where the `impl` block is: package, version, module.
    const SOURCE: Source;
    #[doc(hidden)]
    /// Not public API. The hooks the `impl` block implements, with their options.
    const IMPLS: &'static [ImplMeta];

    #[doc(hidden)]
    /// Not public API. The entries of `owner`'s object: one per hook the type
    /// implements, typed by that hook's trait.
    fn __entries(owner: &Owner<Self>) -> Vec<ErasedEntry>;

    #[doc(hidden)]
    /// Not public API. The object, as the manager keeps it (`None` only if
    /// the trait is not a spec, which is a compile error anyway).
    fn __into_any(self: Arc<Self>) -> Option<Arc<dyn Any + Send + Sync>>;
}

/// What the wrapper check of a `#[hookimpl(wrapper)]` finds for a hook that takes
/// wrappers: any hook that is not historic. Not public API; used by generated
/// code, and re-exported (hidden) at the crate root so that messages name it briefly (an
/// item of its own that is `doc(hidden)` is named by its full path).
pub struct WrappableHook;

/// What the wrapper check of a `#[hookimpl(wrapper)]` finds for a historic hook,
/// which takes no wrapper. Not public API; re-exported (hidden) at the crate root
/// so that messages name it briefly.
pub struct HistoricHook;

/// Implemented by [`WrappableHook`] alone: a wrapper of a historic hook fails this
/// bound, and the message states the rule, at the wrapper's name. Not public API;
/// used by generated code, and re-exported (hidden) at the crate root so that
/// messages name it briefly.
#[diagnostic::on_unimplemented(
    message = "a historic hook cannot have a wrapper: its calls are replayed to plugins registered later, outside any wrapper",
    label = "this hook is `#[hookspec(historic)]`",
    note = "remove `wrapper` and implement the hook itself, or declare the hook without `historic`"
)]
pub trait Wrappable: Sized {
    /// Compiles only for a hook that takes wrappers.
    fn wrappable(self) {}
}

#[diagnostic::do_not_recommend]
impl Wrappable for WrappableHook {}

/// What a historic hook's argument must be besides `Clone`: it is kept, and
/// cloned for each plugin registered later, possibly on another thread. (`Clone`
/// is asked for on its own, so that its failure keeps rustc's `derive` hint.) Not
/// public API; re-exported (hidden) at the crate root so that messages name it briefly.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be an argument of a historic hook",
    label = "a historic hook keeps its arguments, to replay calls to plugins registered later",
    note = "historic arguments must be `Clone + Send + 'static`: owned values that can move between threads (e.g. `String`, `Arc<T>`)"
)]
pub trait Kept: Send + 'static {}

impl<T: Send + 'static> Kept for T {}
