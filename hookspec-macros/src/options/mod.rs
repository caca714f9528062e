//! The attributes' options: their keywords, where each one belongs, and parsing of
//! the argument list into [`Options`] with a readable error for every misuse.

use proc_macro2::Span;
use quote::ToTokens;
use syn::ext::IdentExt;
use syn::{Expr, Ident, LitStr, Path};

use crate::errors::Errors;
use crate::peel;
use crate::signature::pretty;

// Every keyword the attributes know, in one place.
pub(crate) const FIRSTRESULT: &str = "firstresult";
pub(crate) const TRYFIRST: &str = "tryfirst";
pub(crate) const TRYLAST: &str = "trylast";
pub(crate) const NAME: &str = "name";
pub(crate) const INSTANCE: &str = "instance";
pub(crate) const RUNTIME: &str = "runtime";
pub(crate) const WRAPPER: &str = "wrapper";
pub(crate) const HISTORIC: &str = "historic";
pub(crate) const BEFORE: &str = "before";
pub(crate) const AFTER: &str = "after";
pub(crate) const SPECNAME: &str = "specname";
pub(crate) const CRATE: &str = "crate";

/// Where an attribute stands; each place takes some options.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Site {
    /// `#[hookspec(...)]` on the trait.
    SpecTrait,
    /// `#[hookspec(...)]` on a method inside the trait.
    SpecMethod,
    /// `#[hookimpl(Spec, ...)]` on a free function.
    ImplFn,
    /// `#[hookimpl(...)]` on `impl Spec for Type`.
    ImplBlock,
    /// `#[hookimpl(...)]` on a method inside that block.
    ImplMethod,
}

impl Site {
    fn accepts(self) -> &'static [&'static str] {
        match self {
            Site::SpecTrait => &[CRATE],
            Site::SpecMethod => &[FIRSTRESULT, HISTORIC],
            Site::ImplFn => &[
                WRAPPER, TRYFIRST, TRYLAST, BEFORE, AFTER, SPECNAME, NAME, CRATE,
            ],
            Site::ImplBlock => &[NAME, INSTANCE, RUNTIME, CRATE],
            Site::ImplMethod => &[WRAPPER, TRYFIRST, TRYLAST, BEFORE, AFTER, SPECNAME],
        }
    }

    fn describe(self) -> &'static str {
        match self {
            Site::SpecTrait => "#[hookspec] on a trait",
            Site::SpecMethod => "#[hookspec(...)] on a hook method",
            Site::ImplFn => "#[hookimpl] on a function",
            Site::ImplBlock => "#[hookimpl] on an impl block",
            Site::ImplMethod => "#[hookimpl(...)] on a method of a #[hookimpl] impl block",
        }
    }
}

const ALL: &[&str] = &[
    FIRSTRESULT,
    TRYFIRST,
    TRYLAST,
    WRAPPER,
    HISTORIC,
    BEFORE,
    AFTER,
    SPECNAME,
    NAME,
    INSTANCE,
    RUNTIME,
    CRATE,
];

/// An option that may be given once.
pub(crate) struct Once<T> {
    pub value: Option<T>,
    /// The option's keyword token, for errors about it.
    pub span: Option<Span>,
}

impl<T> Default for Once<T> {
    fn default() -> Self {
        Once {
            value: None,
            span: None,
        }
    }
}

impl<T> Once<T> {
    fn set(&mut self, errors: &mut Errors, key: &Ident, value: T) {
        if self.value.is_some() {
            errors.at(key, format!("`{key}` is given twice; remove one"));
            return;
        }
        self.value = Some(value);
        self.span = Some(key.span());
    }

    pub(crate) fn is_set(&self) -> bool {
        self.value.is_some()
    }
}

/// Every option, parsed; a site leaves the ones it does not take unset.
#[derive(Default)]
pub(crate) struct Options {
    /// The spec trait of a `#[hookimpl(Spec)]` function.
    pub spec: Option<Path>,
    pub firstresult: Once<()>,
    pub tryfirst: Once<()>,
    pub trylast: Once<()>,
    pub wrapper: Once<()>,
    pub historic: Once<()>,
    pub before: Once<Vec<LitStr>>,
    pub after: Once<Vec<LitStr>>,
    pub specname: Once<Ident>,
    pub name: Once<LitStr>,
    pub instance: Once<Expr>,
    pub runtime: Once<()>,
    pub krate: Once<Path>,
    /// `?Send` on a spec: its async hooks' futures need not be `Send`.
    pub maybe_send: Once<()>,
}

impl Options {
    /// Parses `args` as they stand at `site`, recording every misuse in `errors`.
    pub(crate) fn parse(site: Site, args: Args, errors: &mut Errors) -> Options {
        let mut options = Options::default();
        for (position, arg) in args.0.into_iter().enumerate() {
            match arg {
                Arg::Path(path) => options.word(site, position, path, errors),
                Arg::KeyValue { key, value } => options.key_value(site, &key, value, errors),
                Arg::Maybe { question, bound } => {
                    if site == Site::SpecTrait && bound == "Send" {
                        options.maybe_send.set(errors, &bound, ());
                    } else {
                        let at = quote::quote!(#question #bound);
                        errors.at(
                            &at,
                            format!(
                                "`?{bound}` is no option of {}; `?Send` goes on a #[hookspec] trait, for async hooks whose futures stay on one thread",
                                site.describe()
                            ),
                        );
                    }
                }
            }
        }
        if let (Some(first), true) = (options.tryfirst.span, options.trylast.is_set()) {
            errors.push(syn::Error::new(
                first,
                "`tryfirst` and `trylast` cannot both be given; keep one",
            ));
        }
        if let (Some(historic), true) = (options.historic.span, options.firstresult.is_set()) {
            errors.push(syn::Error::new(
                historic,
                "`historic` and `firstresult` cannot both be given: a historic call is replayed to every plugin registered later, so it cannot stop at the first answer",
            ));
        }
        options
    }

    fn word(&mut self, site: Site, position: usize, path: Path, errors: &mut Errors) {
        let Some(word) = path.get_ident().filter(|word| is_keyword(word)) else {
            return self.spec_path(site, position, path, errors);
        };
        if !accepted(site, word, errors) {
            return;
        }
        if [NAME, INSTANCE, CRATE, BEFORE, AFTER, SPECNAME]
            .iter()
            .any(|key| word == key)
        {
            let example = match word.to_string().as_str() {
                NAME => "name = \"my-plugin\"",
                INSTANCE => "instance = MyPlugin::new()",
                BEFORE => "before = \"other-plugin\"",
                AFTER => "after = [\"one-plugin\", \"another\"]",
                SPECNAME => "specname = \"hook_name\"",
                _ => "crate = my_framework::hookcore",
            };
            errors.at(word, format!("`{word}` takes a value: `{example}`"));
            return;
        }
        let flag = match word.to_string().as_str() {
            FIRSTRESULT => &mut self.firstresult,
            TRYFIRST => &mut self.tryfirst,
            TRYLAST => &mut self.trylast,
            WRAPPER => &mut self.wrapper,
            HISTORIC => &mut self.historic,
            _ => &mut self.runtime,
        };
        flag.set(errors, word, ());
    }

    /// A path that is no keyword: the spec of a `#[hookimpl(Spec)]` function, or a
    /// misspelt option.
    fn spec_path(&mut self, site: Site, position: usize, path: Path, errors: &mut Errors) {
        let last = &path
            .segments
            .last()
            .expect("a parsed path has a segment")
            .ident;
        let looks_like_trait = last
            .to_string()
            .starts_with(|c: char| c.is_ascii_uppercase());
        match site {
            Site::ImplFn if position == 0 && looks_like_trait => self.spec = Some(path),
            Site::ImplFn if looks_like_trait && self.spec.is_some() => {
                let spec = pretty(&path);
                errors.at(
                    &path,
                    format!("one spec per #[hookimpl]: implement `{spec}` with a function of its own, `#[hookimpl({spec}, specname = \"hook_name\")]` if the name is taken"),
                );
            }
            Site::ImplFn if looks_like_trait => {
                errors.at(
                    &path,
                    "the spec trait comes first: `#[hookimpl(Spec, ...)]`",
                );
                // Taken all the same, so the error is not followed by "name the spec".
                self.spec.get_or_insert(path);
            }
            Site::ImplBlock | Site::ImplMethod if looks_like_trait => errors.at(
                &path,
                "the spec is named by the impl block itself (`impl Spec for Type`); remove it here",
            ),
            _ => errors.at(&path, unknown(site, &path.to_token_stream().to_string())),
        }
    }

    fn key_value(&mut self, site: Site, key: &Ident, value: Expr, errors: &mut Errors) {
        if !is_keyword(key) {
            errors.at(key, unknown(site, &key.to_string()));
            return;
        }
        if !accepted(site, key, errors) {
            return;
        }
        // A value from a `macro_rules!` fragment (`name = $name`) is in a group.
        let value = peel::expr(&value).clone();
        match key.to_string().as_str() {
            NAME => match value {
                Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(name),
                    ..
                }) if !name.value().is_empty() => self.name.set(errors, key, name),
                Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(name),
                    ..
                }) => errors.at(name, "a plugin name cannot be empty"),
                other => errors.at(
                    other,
                    "`name` takes a string literal: `name = \"my-plugin\"`",
                ),
            },
            INSTANCE => self.instance.set(errors, key, value),
            BEFORE | AFTER => {
                let names = plugin_names(&value, errors);
                let slot = if key == BEFORE {
                    &mut self.before
                } else {
                    &mut self.after
                };
                slot.set(errors, key, names);
            }
            SPECNAME => match value {
                Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(name),
                    ..
                }) => match hook_name(&name) {
                    // Parsed at the literal's span, so errors about the hook point there.
                    Some(hook) => self.specname.set(errors, key, hook),
                    None => errors.at(
                        &name,
                        "`specname` takes the name of a hook: `specname = \"get_adapter\"`",
                    ),
                },
                other => errors.at(
                    other,
                    "`specname` takes a string literal: `specname = \"get_adapter\"`",
                ),
            },
            CRATE => match value {
                Expr::Path(syn::ExprPath {
                    path, qself: None, ..
                }) => {
                    self.krate.set(errors, key, path);
                }
                other => errors.at(
                    other,
                    "`crate` takes a path: `crate = my_framework::hookcore`",
                ),
            },
            flag => errors.at(key, format!("`{flag}` takes no value; write just `{flag}`")),
        }
    }
}

/// The hook a `specname` names: `"get_adapter"`, or `"type"` (or `"r#type"`) for
/// the hook `fn r#type`.
fn hook_name(name: &LitStr) -> Option<Ident> {
    if let Ok(hook) = name.parse::<Ident>() {
        return Some(hook);
    }
    let word = name.parse_with(Ident::parse_any).ok()?;
    // The keywords that cannot be raw identifiers cannot name a hook either.
    let text = word.to_string();
    if ["_", "self", "Self", "super", "crate"].contains(&text.as_str()) {
        return None;
    }
    Some(Ident::new_raw(&text, word.span()))
}

/// `"a"` or `["a", "b"]`: plugin names for `before` and `after`.
fn plugin_names(value: &Expr, errors: &mut Errors) -> Vec<LitStr> {
    let names: Vec<&Expr> = match peel::expr(value) {
        Expr::Array(array) => array.elems.iter().collect(),
        other => vec![other],
    };
    let mut literals = Vec::new();
    for name in names {
        match peel::expr(name) {
            Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(literal),
                ..
            }) if !literal.value().is_empty() => literals.push(literal.clone()),
            other => errors.at(
                other,
                "`before` and `after` take a plugin name or a list of them: `before = \"other-plugin\"`, `after = [\"a\", \"b\"]`",
            ),
        }
    }
    literals
}

fn is_keyword(word: &Ident) -> bool {
    ALL.iter().any(|keyword| word == keyword)
}

/// The path generated code reaches hookcore by: `crate = ...` or `::hookcore`.
pub(crate) fn runtime_path(options: &Options) -> Path {
    options
        .krate
        .value
        .clone()
        .unwrap_or_else(|| syn::parse_quote!(::hookcore))
}

mod args;
mod attrs;
mod messages;
#[cfg(test)]
mod tests;

pub(crate) use args::{Arg, Args};
pub(crate) use attrs::{reject, take};
use messages::{accepted, unknown};
