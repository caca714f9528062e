//! Checks and helpers shared by hook declarations and implementations: both are
//! function signatures under the same rules.

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote};
use syn::{FnArg, GenericParam, Ident, Pat, Signature, Type};

use crate::errors::Errors;
use crate::peel;

/// What a signature is, for messages: "a hook" or "a hook implementation".
#[derive(Clone, Copy)]
pub(crate) enum Role {
    Hook,
    Implementation,
}

impl Role {
    fn noun(self) -> &'static str {
        match self {
            Role::Hook => "a hook",
            Role::Implementation => "a hook implementation",
        }
    }
}

/// Rules every hook signature follows, declared or implemented: no `unsafe`,
/// `const`, ABI, C variadics or type parameters (plugins are called through
/// trait objects, one per hook).
pub(crate) fn check_common(sig: &Signature, role: Role, errors: &mut Errors) {
    let noun = role.noun();
    if let syn::Safety::Unsafe(unsafety) = &sig.safety {
        errors.at(unsafety, format!("{noun} cannot be `unsafe`"));
    }
    if let Some(constness) = &sig.constness {
        errors.at(constness, format!("{noun} cannot be `const fn`"));
    }
    if let Some(abi) = &sig.abi {
        errors.at(abi, format!("{noun} cannot have an `extern` ABI"));
    }
    if let Some(variadic) = &sig.variadic {
        errors.at(variadic, format!("{noun} cannot be variadic"));
    }
    for param in &sig.generics.params {
        match param {
            GenericParam::Lifetime(_) => {}
            GenericParam::Type(_) | GenericParam::Const(_) => errors.at(
                param,
                format!(
                    "{noun} cannot be generic: plugins are called through `dyn` trait objects; take `&dyn Trait` instead"
                ),
            ),
        }
    }
    if let Some(where_clause) = &sig.generics.where_clause {
        errors.at(where_clause, format!("{noun} cannot have a `where` clause"));
    }
    for arg in &sig.inputs {
        if let FnArg::Typed(typed) = arg {
            check_no_impl_trait(&typed.ty, noun, errors);
        }
    }
    if let syn::ReturnType::Type(_, ty) = &sig.output {
        check_no_impl_trait(ty, noun, errors);
    }
}

fn check_no_impl_trait(ty: &Type, noun: &str, errors: &mut Errors) {
    replace_impl_trait(&mut ty.clone(), &mut |impl_trait| {
        errors.at(
            impl_trait,
            format!("{noun} cannot use `impl Trait`: plugins are called through `dyn` trait objects; use `&dyn Trait` or `Box<dyn Trait>`"),
        );
    });
}

/// Replaces each `impl Trait` in `ty` with `()`, wherever it sits (behind
/// references, in slices, arrays, tuples and generic arguments), after handing it
/// to `found`. Validation reports each one; repair removes them.
pub(crate) fn replace_impl_trait(ty: &mut Type, found: &mut dyn FnMut(&syn::TypeImplTrait)) {
    let ty = peel::ty_mut(ty);
    match ty {
        Type::ImplTrait(impl_trait) => {
            found(impl_trait);
            *ty = syn::parse_quote!(());
        }
        Type::Reference(reference) => replace_impl_trait(&mut reference.elem, found),
        Type::Paren(paren) => replace_impl_trait(&mut paren.elem, found),
        Type::Slice(slice) => replace_impl_trait(&mut slice.elem, found),
        Type::Array(array) => replace_impl_trait(&mut array.elem, found),
        Type::Tuple(tuple) => {
            for elem in &mut tuple.elems {
                replace_impl_trait(elem, found);
            }
        }
        Type::Path(path) => {
            for segment in &mut path.path.segments {
                if let syn::PathArguments::AngleBracketed(args) = &mut segment.arguments {
                    for arg in &mut args.args {
                        if let syn::GenericArgument::Type(ty) = arg {
                            replace_impl_trait(ty, found);
                        }
                    }
                }
            }
        }
        _ => {}
    }
}

/// The typed arguments after the receiver: `(name, type)`. A pattern other than a
/// plain name is an error in a hook declaration, whose names the caller reuses.
pub(crate) fn named_args(sig: &Signature, errors: &mut Errors) -> Vec<(Ident, Type)> {
    let mut args = Vec::new();
    for arg in &sig.inputs {
        let FnArg::Typed(typed) = arg else { continue };
        match &*typed.pat {
            Pat::Ident(pat) if pat.by_ref.is_none() && pat.subpat.is_none() => {
                args.push((pat.ident.clone(), (*typed.ty).clone()));
            }
            other => errors.at(other, "a hook argument needs a plain name: `name: Type`"),
        }
    }
    args
}

/// How the caller passes one argument to each implementation: shared references
/// as they are, `&mut` reborrowed, anything else cloned.
pub(crate) fn forward(name: &Ident, ty: &Type) -> TokenStream {
    match peel::ty(ty) {
        Type::Reference(reference) if reference.mutability.is_some() => quote!(&mut *#name),
        Type::Reference(_) => quote!(#name),
        Type::Paren(paren) => forward(name, &paren.elem),
        _ => {
            quote::quote_spanned!(syn::spanned::Spanned::span(ty)=> ::core::clone::Clone::clone(&#name))
        }
    }
}

/// Whether `ty` has a lifetime left for elision: `&T`, `'_`, `dyn Trait` without
/// one.
pub(crate) fn has_elided_lifetime(ty: &Type) -> bool {
    match peel::ty(ty) {
        Type::Reference(reference) => {
            reference.lifetime.is_none() || has_elided_lifetime(&reference.elem)
        }
        Type::Paren(paren) => has_elided_lifetime(&paren.elem),
        Type::Slice(slice) => has_elided_lifetime(&slice.elem),
        Type::Array(array) => has_elided_lifetime(&array.elem),
        Type::Ptr(ptr) => has_elided_lifetime(&ptr.elem),
        Type::Tuple(tuple) => tuple.elems.iter().any(has_elided_lifetime),
        // A trait object's lifetime defaults from its container (`Box<dyn T>` is
        // `'static`; a reference's is caught above); only `'_` is elided.
        Type::TraitObject(object) => object
            .bounds
            .iter()
            .any(|bound| matches!(bound, syn::TypeParamBound::Lifetime(lifetime) if lifetime.ident == "_")),
        Type::Path(path) => path
            .path
            .segments
            .iter()
            .any(|segment| match &segment.arguments {
                syn::PathArguments::AngleBracketed(args) => args.args.iter().any(|arg| match arg {
                    syn::GenericArgument::Lifetime(lifetime) => lifetime.ident == "_",
                    syn::GenericArgument::Type(ty) => has_elided_lifetime(ty),
                    _ => false,
                }),
                _ => false,
            }),
        _ => false,
    }
}

/// Whether `ty` borrows: a reference or a lifetime anywhere in it, other than
/// `'static`.
pub(crate) fn has_reference(ty: &Type) -> bool {
    match peel::ty(ty) {
        Type::Reference(reference) => {
            reference
                .lifetime
                .as_ref()
                .is_none_or(|lifetime| lifetime.ident != "static")
                || has_reference(&reference.elem)
        }
        other => has_elided_lifetime(other) || has_non_static_lifetime(other.to_token_stream()),
    }
}

/// Whether `tokens` name a lifetime other than `'static`, at any depth.
fn has_non_static_lifetime(tokens: TokenStream) -> bool {
    let tokens: Vec<proc_macro2::TokenTree> = tokens.into_iter().collect();
    tokens.iter().enumerate().any(|(at, token)| match token {
        proc_macro2::TokenTree::Punct(punct) if punct.as_char() == '\'' => {
            !matches!(tokens.get(at + 1), Some(proc_macro2::TokenTree::Ident(name)) if name == "static")
        }
        proc_macro2::TokenTree::Group(group) => has_non_static_lifetime(group.stream()),
        _ => false,
    })
}

/// The name a user sees for `ident`, without `r#`: `fn r#type` is the hook "type"
/// in tables, introspection and messages.
pub(crate) fn name(ident: &Ident) -> String {
    syn::ext::IdentExt::unraw(ident).to_string()
}

/// `wrap_get_adapter` for `get_adapter`, at the hook's span.
pub(crate) fn wrap_ident(hook: &Ident) -> Ident {
    quote::format_ident!("wrap_{}", hook, span = hook.span())
}

/// `PlatformsGetAdapterNext` for the hook `get_adapter` of `Platforms`.
pub(crate) fn next_ident(spec: &Ident, hook: &Ident) -> Ident {
    hook_item_ident(spec, hook, "", "Next")
}

/// `{prefix}{Spec}{Hook}{suffix}`, the hook's name in upper camel case: the name
/// of an item generated for one hook.
pub(crate) fn hook_item_ident(spec: &Ident, hook: &Ident, prefix: &str, suffix: &str) -> Ident {
    let camel: String = hook
        .to_string()
        .trim_start_matches("r#")
        .split('_')
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_uppercase().chain(chars).collect()
            })
        })
        .collect();
    quote::format_ident!("{}{}{}{}", prefix, spec, camel, suffix, span = hook.span())
}

/// `tokens` as Rust source with the spaces a person would write.
pub(crate) fn pretty(tokens: &impl ToTokens) -> String {
    let mut text = peel::tokens(tokens.to_token_stream()).to_string();
    for (from, to) in [
        (" :: ", "::"),
        (":: ", "::"),
        ("& ", "&"),
        (" ,", ","),
        ("( ", "("),
        (" )", ")"),
        (" < ", "<"),
        ("< ", "<"),
        (" >", ">"),
        (" :", ":"),
        ("[ ", "["),
        (" ]", "]"),
        (" ;", ";"),
    ] {
        text = text.replace(from, to);
    }
    // `name (` to `name(`, but not `-> (` or `, (`.
    let mut pretty = String::with_capacity(text.len());
    for (index, ch) in text.char_indices() {
        let before = pretty.chars().last();
        let name_before = before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '>');
        if ch == ' ' && text[index + 1..].starts_with('(') && name_before && !pretty.ends_with("->")
        {
            continue;
        }
        pretty.push(ch);
    }
    pretty
}

/// `tokens` with every span set to `span`: an error about a path we build then
/// points where `span` does instead of at the attribute.
pub(crate) fn respan(tokens: &impl ToTokens, span: Span) -> TokenStream {
    tokens
        .to_token_stream()
        .into_iter()
        .map(|mut token| {
            if let proc_macro2::TokenTree::Group(group) = &token {
                let mut inner =
                    proc_macro2::Group::new(group.delimiter(), respan(&group.stream(), span));
                inner.set_span(span);
                token = proc_macro2::TokenTree::Group(inner);
            } else {
                token.set_span(span);
            }
            token
        })
        .collect()
}

/// `ty` with every elided lifetime (`&T`, `&mut T`, `'_`) made `lifetime`: an
/// async hook's argument types in its object-safe trait, where the boxed future
/// borrows every argument for one named lifetime.
pub(crate) fn with_lifetime(ty: &syn::Type, lifetime: &syn::Lifetime) -> syn::Type {
    fn walk(
        tokens: proc_macro2::TokenStream,
        lifetime: &syn::Lifetime,
    ) -> proc_macro2::TokenStream {
        use proc_macro2::TokenTree;
        let mut out = Vec::new();
        let mut tokens = tokens.into_iter().peekable();
        while let Some(token) = tokens.next() {
            match token {
                TokenTree::Group(group) => {
                    let mut inner =
                        proc_macro2::Group::new(group.delimiter(), walk(group.stream(), lifetime));
                    inner.set_span(group.span());
                    out.push(TokenTree::Group(inner));
                }
                TokenTree::Punct(punct) if punct.as_char() == '&' => {
                    out.push(TokenTree::Punct(punct));
                    let named = matches!(tokens.peek(), Some(TokenTree::Punct(next)) if next.as_char() == '\'');
                    if !named {
                        out.extend(quote::ToTokens::to_token_stream(lifetime));
                    }
                }
                TokenTree::Punct(punct) if punct.as_char() == '\'' => match tokens.peek() {
                    Some(TokenTree::Ident(ident)) if ident == "_" => {
                        tokens.next();
                        out.extend(quote::ToTokens::to_token_stream(lifetime));
                    }
                    _ => out.push(TokenTree::Punct(punct)),
                },
                other => out.push(other),
            }
        }
        out.into_iter().collect()
    }
    let tokens = walk(peel::tokens(quote::ToTokens::to_token_stream(ty)), lifetime);
    syn::parse2(tokens).unwrap_or_else(|_| ty.clone())
}

#[cfg(test)]
mod tests {
    #[test]
    fn elided_lifetimes_get_the_given_one_and_named_ones_stay() {
        let lifetime: syn::Lifetime = syn::parse_quote!('f);
        let with = |ty: &str| {
            let ty: syn::Type = syn::parse_str(ty).unwrap();
            let out = super::with_lifetime(&ty, &lifetime);
            quote::ToTokens::to_token_stream(&out).to_string()
        };
        assert_eq!(with("&str"), "& 'f str");
        assert_eq!(with("&mut Vec<&str>"), "& 'f mut Vec < & 'f str >");
        assert_eq!(with("&&u8"), "& 'f & 'f u8");
        assert_eq!(with("Cow<'_, str>"), "Cow < 'f , str >");
        assert_eq!(with("&'a str"), "& 'a str");
        assert_eq!(with("String"), "String");
    }

    use super::pretty;

    #[test]
    fn elided_lifetimes_are_found_where_elision_applies() {
        let elided = |ty: &str| super::has_elided_lifetime(&syn::parse_str(ty).unwrap());
        for ty in [
            "&str",
            "Vec<&str>",
            "Option<Cow<'_, str>>",
            "Box<dyn Error + '_>",
            "(u8, &u8)",
        ] {
            assert!(elided(ty), "{ty}");
        }
        for ty in [
            "&'static str",
            "Box<dyn Error>",
            "Result<(), Box<dyn std::error::Error + Send + Sync>>",
            "Box<dyn Fn(&str) -> u8>",
            "String",
        ] {
            assert!(!elided(ty), "{ty}");
        }
    }

    #[test]
    fn static_lifetimes_do_not_borrow() {
        let borrows = |ty: &str| super::has_reference(&syn::parse_str(ty).unwrap());
        for ty in ["&str", "Cow<'a, str>", "Vec<&'a u8>", "Box<dyn Fn() + 'a>"] {
            assert!(borrows(ty), "{ty}");
        }
        for ty in [
            "&'static str",
            "Cow<'static, str>",
            "Box<dyn Fn() + Send + 'static>",
            "String",
            "Vec<u8>",
        ] {
            assert!(!borrows(ty), "{ty}");
        }
    }

    #[test]
    fn pretty_prints_like_rustfmt_for_plain_signatures() {
        let sig: syn::Signature =
            syn::parse_str("fn get(&self, names: &[String], db: &mut dyn Db) -> Option<Vec<u8>>")
                .unwrap();
        assert_eq!(
            pretty(&sig),
            "fn get(&self, names: &[String], db: &mut dyn Db) -> Option<Vec<u8>>"
        );
    }
}
