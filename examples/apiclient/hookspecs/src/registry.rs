//! [`Registry`]: named factories, filled by the `register_*` hooks.

use std::fmt;

use crate::{ApiError, Options};

/// Builds one registered thing from [`Options`].
pub type Factory<T> = Box<dyn Fn(&Options) -> Result<Box<T>, ApiError> + Send + Sync>;

/// Factories by name, in registration order: what a `register_*` hook fills
/// (the seed's `registry["custom_protocol"] = CustomAdapter`).
///
/// Registering a name again replaces its factory and keeps its place, as
/// assigning to a Python dict key does.
///
/// ```
/// use apiclient_hookspecs::{ApiError, Options, Registry};
///
/// trait Greeter: Send + Sync {
///     fn greet(&self) -> String;
/// }
/// struct Hello(String);
/// impl Greeter for Hello {
///     fn greet(&self) -> String {
///         format!("hello, {}", self.0)
///     }
/// }
///
/// let mut registry: Registry<dyn Greeter> = Registry::new("greeter");
/// registry.register("hello", |options| {
///     let name = options.get("name").unwrap_or("world").to_owned();
///     Ok(Box::new(Hello(name)))
/// });
/// assert_eq!(registry.names(), ["hello"]);
/// let greeter = registry.create("hello", &Options::new().with("name", "ada"))?;
/// assert_eq!(greeter.greet(), "hello, ada");
/// assert!(matches!(registry.create("bye", &Options::new()), Err(ApiError::Unknown { .. })));
/// # Ok::<(), ApiError>(())
/// ```
pub struct Registry<T: ?Sized> {
    kind: &'static str,
    entries: Vec<(String, Factory<T>)>,
}

impl<T: ?Sized> Registry<T> {
    /// An empty registry of `kind`s (`"adapter"`, `"auth provider"`, ...); the
    /// kind names them in errors.
    #[must_use]
    pub fn new(kind: &'static str) -> Self {
        Registry {
            kind,
            entries: Vec::new(),
        }
    }

    /// Registers `factory` under `name`. Returns `true` if the name is new; a
    /// name registered before keeps its place and gets the new factory.
    pub fn register<F>(&mut self, name: impl Into<String>, factory: F) -> bool
    where
        F: Fn(&Options) -> Result<Box<T>, ApiError> + Send + Sync + 'static,
    {
        let name = name.into();
        let factory: Factory<T> = Box::new(factory);
        match self.entries.iter_mut().find(|(n, _)| *n == name) {
            Some(entry) => {
                entry.1 = factory;
                false
            }
            None => {
                self.entries.push((name, factory));
                true
            }
        }
    }

    /// The registered names, in registration order.
    #[must_use]
    pub fn names(&self) -> Vec<&str> {
        self.entries.iter().map(|(name, _)| name.as_str()).collect()
    }

    /// Whether `name` is registered.
    #[must_use]
    pub fn contains(&self, name: &str) -> bool {
        self.entries.iter().any(|(n, _)| n == name)
    }

    /// How many names are registered.
    #[must_use]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether nothing is registered.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// What this registry holds, as given to [`new`](Self::new).
    #[must_use]
    pub fn kind(&self) -> &'static str {
        self.kind
    }

    /// Builds the entry `name` from `options`.
    ///
    /// # Errors
    ///
    /// [`ApiError::Unknown`] with the available names if `name` is not
    /// registered; the factory's error if it refuses the options.
    pub fn create(&self, name: &str, options: &Options) -> Result<Box<T>, ApiError> {
        match self.entries.iter().find(|(n, _)| n == name) {
            Some((_, factory)) => factory(options),
            None => Err(ApiError::Unknown {
                kind: self.kind,
                name: name.to_owned(),
                available: self.entries.iter().map(|(n, _)| n.clone()).collect(),
            }),
        }
    }
}

impl<T: ?Sized> fmt::Debug for Registry<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Registry")
            .field("kind", &self.kind)
            .field("names", &self.names())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    trait Named: Send + Sync {
        fn name(&self) -> String;
    }

    struct Fixed(&'static str);

    impl Named for Fixed {
        fn name(&self) -> String {
            self.0.to_owned()
        }
    }

    #[test]
    fn names_keep_registration_order_and_a_replaced_name_keeps_its_place() {
        let mut registry: Registry<dyn Named> = Registry::new("thing");
        assert!(registry.is_empty());
        assert!(registry.register("b", |_| Ok(Box::new(Fixed("b1")))));
        assert!(registry.register("a", |_| Ok(Box::new(Fixed("a")))));
        assert!(!registry.register("b", |_| Ok(Box::new(Fixed("b2")))));
        assert_eq!(registry.names(), ["b", "a"]);
        assert_eq!(registry.len(), 2);
        let b = registry.create("b", &Options::new()).unwrap();
        assert_eq!(b.name(), "b2");
    }

    #[test]
    fn an_unknown_name_lists_what_there_is() {
        let mut registry: Registry<dyn Named> = Registry::new("thing");
        registry.register("a", |_| Ok(Box::new(Fixed("a"))));
        let Err(err) = registry.create("z", &Options::new()) else {
            panic!("z is not registered");
        };
        assert_eq!(err.to_string(), "no thing named `z` (available: a)");
    }

    #[test]
    fn a_factory_error_is_passed_on() {
        let mut registry: Registry<dyn Named> = Registry::new("thing");
        registry.register("picky", |options| match options.get("ok") {
            Some(_) => Ok(Box::new(Fixed("picky"))),
            None => Err(ApiError::Config("picky: set `ok`".into())),
        });
        assert!(registry.create("picky", &Options::new()).is_err());
        assert!(
            registry
                .create("picky", &Options::new().with("ok", "1"))
                .is_ok()
        );
    }
}
