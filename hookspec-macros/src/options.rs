//! The attributes' options: their keywords, where each one belongs, and parsing of
//! the argument list into [`Options`] with a readable error for every misuse.

use proc_macro2::Span;
use quote::ToTokens;
use syn::ext::IdentExt;
use syn::parse::{Parse, ParseStream};
use syn::punctuated::Punctuated;
use syn::{Expr, Ident, LitStr, Path, Token};

use crate::errors::Errors;
use crate::peel;

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

/// Where an option does belong, for the message when it stands elsewhere.
fn home_of(option: &str) -> &'static str {
    match option {
        FIRSTRESULT => "on a hook method of a #[hookspec] trait: `#[hookspec(firstresult)]`",
        HISTORIC => "on a hook method of a #[hookspec] trait: `#[hookspec(historic)]`",
        TRYFIRST | TRYLAST | WRAPPER | BEFORE | AFTER | SPECNAME => {
            "on a #[hookimpl] function, or on a method inside a #[hookimpl] impl block"
        }
        NAME => "on a #[hookimpl] function or impl block: `#[hookimpl(name = \"...\")]`",
        INSTANCE | RUNTIME => "on a #[hookimpl] impl block",
        _ => "on #[hookspec] on a trait, or on #[hookimpl] on a function or impl block",
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

/// One comma-separated argument: `word`, `path::To::Spec`, or `key = value`.
pub(crate) enum Arg {
    Path(Path),
    KeyValue { key: Ident, value: Expr },
}

impl Parse for Arg {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        // `crate = path` (the key is a keyword) or `key = value`
        if (input.peek(Ident::peek_any)) && input.peek2(Token![=]) {
            let key = input.call(Ident::parse_any)?;
            input.parse::<Token![=]>()?;
            let value = input.parse()?;
            return Ok(Arg::KeyValue { key, value });
        }
        // `tryfirst`, `Platforms`, `crate::spec::Platforms`
        Ok(Arg::Path(input.call(Path::parse_mod_style)?))
    }
}

/// The argument list of one attribute.
pub(crate) struct Args(pub Punctuated<Arg, Token![,]>);

impl Parse for Args {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        Ok(Args(Punctuated::parse_terminated(input)?))
    }
}

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
}

impl Options {
    /// Parses `args` as they stand at `site`, recording every misuse in `errors`.
    pub(crate) fn parse(site: Site, args: Args, errors: &mut Errors) -> Options {
        let mut options = Options::default();
        for (position, arg) in args.0.into_iter().enumerate() {
            match arg {
                Arg::Path(path) => options.word(site, position, path, errors),
                Arg::KeyValue { key, value } => options.key_value(site, &key, value, errors),
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

/// Whether `site` takes the option `word`; if not, says where it belongs.
fn accepted(site: Site, word: &Ident, errors: &mut Errors) -> bool {
    if site.accepts().iter().any(|option| word == option) {
        return true;
    }
    let option = word.to_string();
    errors.at(
        word,
        format!(
            "`{option}` does not go on {}; it belongs {}",
            site.describe(),
            home_of(&option)
        ),
    );
    false
}

/// "unknown option" with what the site takes, and the closest keyword if any.
fn unknown(site: Site, word: &str) -> String {
    let takes = site
        .accepts()
        .iter()
        .map(|option| format!("`{option}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let mut message = format!("unknown option `{word}`; {} takes {takes}", site.describe());
    if site == Site::ImplFn {
        message.push_str(", after the spec trait");
    }
    if let Some(close) = ALL.iter().find(|keyword| edit_distance(word, keyword) <= 2) {
        message.push_str(&format!("; did you mean `{close}`?"));
    }
    message
}

/// Levenshtein distance, for "did you mean".
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = diagonal + usize::from(ca != *cb);
            diagonal = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[b.len()]
}

/// The path generated code reaches hookcore by: `crate = ...` or `::hookcore`.
pub(crate) fn runtime_path(options: &Options) -> Path {
    options
        .krate
        .value
        .clone()
        .unwrap_or_else(|| syn::parse_quote!(::hookcore))
}

/// Removes the attributes named `name` (`#[hookspec(..)]`, `#[hookimpl(..)]`, with any
/// path before the name) from `attrs` and parses their options at `site`.
pub(crate) fn take(
    attrs: &mut Vec<syn::Attribute>,
    name: &str,
    site: Site,
    errors: &mut Errors,
) -> Options {
    let mut options = Options::default();
    let mut seen = false;
    let mut kept = Vec::with_capacity(attrs.len());
    for attr in attrs.drain(..) {
        if switches(&attr, name) {
            errors.at(
                &attr,
                format!(
                    "#[{name}(..)] options cannot be switched by `cfg_attr`: they are read before cfg is decided; write the item twice, under `#[cfg(..)]` and `#[cfg(not(..))]`"
                ),
            );
            continue;
        }
        let ours = attr
            .path()
            .segments
            .last()
            .is_some_and(|segment| segment.ident == name);
        if !ours {
            kept.push(attr);
            continue;
        }
        if seen {
            errors.at(
                &attr,
                format!("#[{name}] is given twice; put all options in one"),
            );
            continue;
        }
        seen = true;
        let args = match &attr.meta {
            syn::Meta::Path(_) => Args(Punctuated::new()),
            syn::Meta::List(list) => match list.parse_args::<Args>() {
                Ok(args) => args,
                Err(error) => {
                    errors.push(error);
                    continue;
                }
            },
            syn::Meta::NameValue(_) => {
                errors.at(
                    &attr,
                    format!("write options in parentheses: `#[{name}(...)]`"),
                );
                continue;
            }
        };
        options = Options::parse(site, args, errors);
    }
    *attrs = kept;
    options
}

/// Whether `attr` is a `cfg_attr` that would put attribute `name` on the item.
fn switches(attr: &syn::Attribute, name: &str) -> bool {
    let syn::Meta::List(list) = &attr.meta else {
        return false;
    };
    if !list.path.is_ident("cfg_attr") {
        return false;
    }
    let Ok((_, inner)) = crate::cfg::split_cfg_attr(list) else {
        return false;
    };
    inner.iter().any(|meta| {
        meta.path()
            .segments
            .last()
            .is_some_and(|segment| segment.ident == name)
    })
}

/// Removes the attributes named `name` from `attrs`, each reported with `message`.
pub(crate) fn reject(
    attrs: &mut Vec<syn::Attribute>,
    name: &str,
    message: &str,
    errors: &mut Errors,
) {
    attrs.retain(|attr| {
        let ours = attr
            .path()
            .segments
            .last()
            .is_some_and(|segment| segment.ident == name);
        if ours {
            errors.at(attr, message);
        }
        !ours
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::peel::invisible;
    use quote::quote;

    /// Options written with values from `macro_rules!` fragments.
    fn parse_grouped(site: Site, args: proc_macro2::TokenStream) -> (Options, Errors) {
        let mut errors = Errors::default();
        let options = Options::parse(site, syn::parse2(args).unwrap(), &mut errors);
        (options, errors)
    }

    #[test]
    fn values_from_macro_fragments_are_taken() {
        let (name, before, after, krate) = (
            invisible("\"p\""),
            invisible("\"a\""),
            invisible("[\"b\", \"c\"]"),
            invisible("::my::hookcore"),
        );
        let (options, errors) = parse_grouped(
            Site::ImplFn,
            quote!(Spec, name = #name, before = #before, after = #after, crate = #krate),
        );
        assert!(errors.finish().is_ok());
        assert_eq!(options.name.value.unwrap().value(), "p");
        let names = |list: Vec<LitStr>| list.iter().map(LitStr::value).collect::<Vec<_>>();
        assert_eq!(names(options.before.value.unwrap()), ["a"]);
        assert_eq!(names(options.after.value.unwrap()), ["b", "c"]);
        let krate = options.krate.value.unwrap();
        assert_eq!(
            quote!(#krate).to_string(),
            quote!(::my::hookcore).to_string()
        );

        let (spec, hook) = (invisible("crate::Spec"), invisible("\"get\""));
        let (options, errors) = parse_grouped(Site::ImplFn, quote!(#spec, specname = #hook));
        assert!(errors.finish().is_ok());
        assert_eq!(options.specname.value.unwrap(), "get");
        assert!(options.spec.is_some());
    }

    #[test]
    fn edit_distance_counts_single_edits() {
        assert_eq!(edit_distance("firstresult", "firstresult"), 0);
        assert_eq!(edit_distance("firsresult", "firstresult"), 1);
        assert_eq!(edit_distance("tryfrist", "tryfirst"), 2);
        assert_eq!(edit_distance("", "name"), 4);
    }
}
