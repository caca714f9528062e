//! A run-time plugin on its way into a manager: [`Registration`], which
//! [`PluginManager::register_all`](crate::PluginManager::register_all) takes by
//! the batch, whatever the plugins' types.

use std::fmt;
use std::marker::PhantomData;
use std::sync::Arc;

use crate::info::Source;
use crate::object::Owner;
use crate::registry::Part;
use crate::spec::{HookSpec, Plugin};

/// One run-time plugin to register: its name and its object, with the type's
/// hook implementations. Plugins of different types make one batch for
/// [`PluginManager::register_all`](crate::PluginManager::register_all).
///
/// ```
/// #[hookcore::hookspec]
/// pub trait Greet {
///     fn greet(&self) -> String;
/// }
///
/// struct Hello;
/// struct Hi(String);
///
/// #[hookcore::hookimpl(runtime)]
/// impl Greet for Hello {
///     fn greet(&self) -> String {
///         "hello".into()
///     }
/// }
///
/// #[hookcore::hookimpl(runtime)]
/// impl Greet for Hi {
///     fn greet(&self) -> String {
///         self.0.clone()
///     }
/// }
///
/// use hookcore::Registration;
///
/// let hi = std::sync::Arc::new(Hi("hi".into()));
/// let batch = [
///     Registration::new("hello", Hello),
///     Registration::from_arc("hi", hi.clone()),
/// ];
/// assert_eq!(batch[1].name(), "hi");
/// let pm = hookcore::PluginManager::<dyn Greet>::new();
/// pm.register_all(batch)?;
/// // Most recently registered first, as with `register` one by one.
/// assert_eq!(pm.hook().greet(), ["hi", "hello"]);
/// # Ok::<(), hookcore::Error>(())
/// ```
pub struct Registration<S: HookSpec + ?Sized> {
    pub(crate) name: String,
    pub(crate) part: Part,
    pub(crate) source: Source,
    spec: PhantomData<fn() -> *const S>,
}

impl<S: HookSpec + ?Sized> Registration<S> {
    /// `plugin`, to be registered under `name`.
    pub fn new<P: Plugin<S>>(name: impl Into<String>, plugin: P) -> Self {
        Self::from_arc(name, Arc::new(plugin))
    }

    /// A shared `plugin`, to be registered under `name`: the caller keeps a handle
    /// to its state, as with [`register_arc`](crate::PluginManager::register_arc).
    pub fn from_arc<P: Plugin<S>>(name: impl Into<String>, plugin: Arc<P>) -> Self {
        Registration {
            name: name.into(),
            part: part(plugin),
            source: P::SOURCE,
            spec: PhantomData,
        }
    }

    /// The name the plugin is to be registered under.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }
}

/// A registered plugin's part: its entries, and its object.
pub(crate) fn part<S: HookSpec + ?Sized, P: Plugin<S>>(plugin: Arc<P>) -> Part {
    let entries = P::__entries(&Owner::Shared(Arc::clone(&plugin))).into();
    Part {
        entries,
        impls: P::IMPLS,
        object: plugin.__into_any(),
    }
}

impl<S: HookSpec + ?Sized> fmt::Debug for Registration<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Registration")
            .field("spec", &S::NAME)
            .field("name", &self.name)
            .field("source", &self.source)
            .finish_non_exhaustive()
    }
}
