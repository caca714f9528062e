//! The rules a plugin follows, checked before any code is generated. Whether a
//! function or method matches its hook is left to the compiler: the expansion is a
//! trait impl, so a wrong name or signature is reported at the user's own tokens.

use std::collections::BTreeMap;

use syn::{FnArg, ItemImpl, PathArguments, Type};

use super::ast::{Method, Plugin, attribute_span};
use crate::errors::Errors;
use crate::options::Options;
use crate::signature::{self, Role};

pub(crate) fn check(plugin: &Plugin, errors: &mut Errors) {
    match plugin {
        Plugin::Function { item, options } => check_function(&item.sig, options, errors),
        Plugin::Block {
            item,
            options,
            methods,
        } => check_block(item, options, methods, errors),
    }
}

fn check_function(sig: &syn::Signature, options: &Options, errors: &mut Errors) {
    if let (true, Some(spec)) = (options.wrapper.is_set(), &options.spec) {
        check_wrapper(sig, options, spec, errors);
    }
    if options.spec.is_none() {
        errors.push(syn::Error::new(
            attribute_span(),
            format!(
                "name the spec whose hook `{}` implements: `#[hookimpl(Spec)]`",
                signature::name(&sig.ident)
            ),
        ));
    }
    signature::check_common(sig, Role::Implementation, errors);
    check_not_wrap_method(sig, options, errors);
    if let Some(FnArg::Receiver(receiver)) = sig.inputs.first() {
        errors.at(
            receiver,
            "a #[hookimpl] function takes the hook's arguments without `self`; to implement hooks as methods, put #[hookimpl] on `impl Spec for Type`",
        );
    }
}

fn check_block(item: &ItemImpl, options: &Options, methods: &[Method], errors: &mut Errors) {
    if item.trait_.is_none() {
        errors.at(
            &item.self_ty,
            "#[hookimpl] goes on an impl block that implements a spec: `impl Spec for Type`",
        );
    }
    if let Some(bang) = &item.modifiers.polarity {
        errors.at(bang, "a plugin cannot be a negative impl");
    }
    let runtime = options.runtime.is_set();
    if let (Some(instance), true) = (options.instance.span, runtime) {
        errors.push(syn::Error::new(
            instance,
            "`instance` and `runtime` cannot both be given: `instance` is the linked plugin object, `runtime` links none",
        ));
    }
    if !runtime && !item.generics.params.is_empty() {
        errors.at(
            &item.generics,
            "a generic plugin type cannot be linked, since one instance is built at compile time; add `runtime` and register instances with `PluginManager::register`",
        );
    }
    if !runtime
        && !options.instance.is_set()
        && item.generics.params.is_empty()
        && unit_value_path(&item.self_ty).is_none()
    {
        errors.at(
            &item.self_ty,
            "#[hookimpl] links one instance of this type; give it with `instance = <const expression>`, or add `runtime` and register instances with `PluginManager::register`",
        );
    }
    let spec = item.trait_.as_ref().map(|(path, _)| path);
    let mut seen = BTreeMap::new();
    for method in methods {
        let name = signature::name(&super::ast::hook_ident(&method.sig, &method.options));
        let wrapper = method.options.wrapper.is_set();
        // Methods under different cfgs (`feature = "a"`, `not(feature = "a")`)
        // are alternatives, not twice the same.
        let cfg = method.cfg.as_ref().map(ToString::to_string);
        if seen.insert((name.clone(), wrapper, cfg), ()).is_some() {
            let what = if wrapper { "wrapped" } else { "implemented" };
            errors.at(
                &method.sig.ident,
                format!("`{name}` is {what} twice in this plugin; a plugin implements each hook once, and wraps it once"),
            );
        }
        signature::check_common(&method.sig, Role::Implementation, errors);
        check_not_wrap_method(&method.sig, &method.options, errors);
        if wrapper && let Some(spec) = spec {
            check_wrapper(&method.sig, &method.options, spec, errors);
        }
    }
}

/// The standard traits people implement next to plugins, none of which can be a
/// spec: #[hookimpl] on `impl Default for Type` is a misplaced attribute.
const STANDARD_TRAITS: &[&str] = &[
    "AsMut",
    "AsRef",
    "Borrow",
    "Clone",
    "Copy",
    "Debug",
    "Default",
    "Deref",
    "DerefMut",
    "Display",
    "Drop",
    "Eq",
    "Error",
    "Extend",
    "From",
    "FromIterator",
    "FromStr",
    "Hash",
    "Into",
    "IntoIterator",
    "Iterator",
    "Ord",
    "PartialEq",
    "PartialOrd",
    "Send",
    "Sync",
    "ToString",
    "TryFrom",
    "TryInto",
];

/// The error for #[hookimpl] on an impl of a standard trait, if it is one.
pub(crate) fn standard_trait(item: &ItemImpl) -> Option<syn::Error> {
    let (path, _) = item.trait_.as_ref()?;
    let name = path.segments.last()?.ident.to_string();
    STANDARD_TRAITS.contains(&name.as_str()).then(|| {
        syn::Error::new_spanned(
            path,
            format!("`{name}` is not a hook spec: #[hookimpl] goes on `impl Spec for Type`, where `Spec` is a #[hookspec] trait; remove #[hookimpl] from this impl"),
        )
    })
}

/// A function named like a spec's wrapper method (`wrap_<hook>`) without
/// `wrapper` would implement that method and never run as a hook.
pub(crate) fn check_not_wrap_method(sig: &syn::Signature, options: &Options, errors: &mut Errors) {
    let hook = signature::name(&super::ast::hook_ident(sig, options));
    if let (Some(wrapped), false) = (hook.strip_prefix("wrap_"), options.wrapper.is_set()) {
        errors.at(
            &sig.ident,
            format!("`{hook}` is the spec's wrapper method for `{wrapped}`; write the wrapper as `#[hookimpl(wrapper)] fn {wrapped}(..)`"),
        );
    }
}

/// A wrapper takes the rest of the call as its last argument.
pub(crate) fn check_wrapper(
    sig: &syn::Signature,
    options: &Options,
    spec: &syn::Path,
    errors: &mut Errors,
) {
    let Some(spec) = spec.segments.last() else {
        return;
    };
    let hook = super::ast::hook_ident(sig, options);
    let next = crate::signature::next_ident(&spec.ident, &hook);
    // Any type named `...Next` passes here (it may be imported under another
    // name); the trait impl checks that it is the right one.
    let last_is_next = match sig.inputs.last() {
        Some(FnArg::Typed(typed)) => match crate::peel::ty(&typed.ty) {
            Type::Path(path) => path
                .path
                .segments
                .last()
                .is_some_and(|segment| segment.ident.to_string().ends_with("Next")),
            _ => false,
        },
        _ => false,
    };
    if !last_is_next {
        errors.at(
            &sig.ident,
            format!(
                "a wrapper takes the rest of the call as its last argument: `next: {next}<'_>`, and calls `next.call(..)` with the hook's arguments at most once"
            ),
        );
    }
    if let Some(lifetimes) = borrowing_wrapper(sig) {
        errors.at(
            lifetimes,
            format!(
                "hook `{hook}` cannot have a wrapper: hooks with lifetime parameters or a borrowed result take none, since a wrapper's continuation cannot carry their lifetimes"
            ),
        );
    }
}

/// Where a wrapper's signature ties lifetimes together (its lifetime parameters,
/// or a result with an elided lifetime), if it does: the spec gives such hooks no
/// wrapper method and no continuation type.
pub(crate) fn borrowing_wrapper(sig: &syn::Signature) -> Option<proc_macro2::TokenStream> {
    if !sig.generics.params.is_empty() {
        return Some(quote::ToTokens::to_token_stream(&sig.generics));
    }
    match &sig.output {
        syn::ReturnType::Type(_, ty) if signature::has_elided_lifetime(ty) => {
            Some(quote::ToTokens::to_token_stream(ty))
        }
        _ => None,
    }
}

/// The self type as a value, when it is a plain path (`Oracle`, `plugins::Oracle`)
/// that can name a unit struct; `None` for anything else.
pub(crate) fn unit_value_path(self_ty: &Type) -> Option<&syn::Path> {
    match crate::peel::ty(self_ty) {
        Type::Path(path)
            if path.qself.is_none()
                && path
                    .path
                    .segments
                    .iter()
                    .all(|segment| matches!(segment.arguments, PathArguments::None)) =>
        {
            Some(&path.path)
        }
        Type::Paren(paren) => unit_value_path(&paren.elem),
        _ => None,
    }
}
