//! After a mistake, the spec with every rule-breaking part taken out. Expanding it
//! next to the errors keeps plugins and hosts that use the spec compiling, so one
//! mistake in the spec is one error, not one in every crate that uses it.

use syn::{FnArg, GenericParam, Pat, ReturnType, TraitItem, parse_quote};

use super::ast::{Hook, Spec};
use crate::returns::Returns;
use crate::signature;

pub(crate) fn repair(mut spec: Spec) -> Spec {
    let item = &mut spec.item;
    // The trait's lifetime parameters (reported) become `'static` in its hooks,
    // which would otherwise name undeclared lifetimes.
    let lifetimes: Vec<String> = item
        .generics
        .lifetimes()
        .map(|param| param.lifetime.ident.to_string())
        .collect();
    item.generics = syn::Generics::default();
    item.supertraits = item
        .supertraits
        .iter()
        .filter(|bound| super::validate::allowed_supertrait(bound))
        .cloned()
        .collect();
    if item.supertraits.is_empty() {
        item.colon_token = None;
    }
    if !lifetimes.is_empty() {
        for trait_item in &mut item.items {
            if let TraitItem::Fn(method) = trait_item {
                method.sig = static_lifetimes(&method.sig, &lifetimes);
            }
        }
        for hook in &mut spec.hooks {
            hook.method.sig = static_lifetimes(&hook.method.sig, &lifetimes);
            hook.args = hook
                .args
                .iter()
                .map(|(name, ty)| (name.clone(), static_lifetimes(ty, &lifetimes)))
                .collect();
        }
    }
    item.unsafety = None;
    item.modifiers = syn::TraitModifiers::default();
    item.items.retain(|item| matches!(item, TraitItem::Fn(_)));
    // A hook named like another hook's wrapper method (reported) is left out.
    let names: Vec<String> = spec
        .hooks
        .iter()
        .map(|hook| signature::name(&hook.method.sig.ident))
        .collect();
    let clashes = |name: &syn::Ident| {
        signature::name(name)
            .strip_prefix("wrap_")
            .is_some_and(|wrapped| names.iter().any(|other| other == wrapped))
    };
    item.items
        .retain(|item| !matches!(item, TraitItem::Fn(method) if clashes(&method.sig.ident)));
    spec.hooks.retain(|hook| !clashes(&hook.method.sig.ident));
    for (trait_item, hook) in item.items.iter_mut().zip(&mut spec.hooks) {
        repair_hook(hook);
        if let TraitItem::Fn(method) = trait_item {
            *method = hook.method.clone();
        }
    }
    spec
}

/// `node` with each lifetime named in `names` replaced by `'static`.
fn static_lifetimes<T: syn::parse::Parse + quote::ToTokens>(node: &T, names: &[String]) -> T {
    fn replace(tokens: proc_macro2::TokenStream, names: &[String]) -> proc_macro2::TokenStream {
        let mut out = Vec::new();
        let mut tokens = tokens.into_iter().peekable();
        while let Some(token) = tokens.next() {
            match token {
                proc_macro2::TokenTree::Punct(tick) if tick.as_char() == '\'' => {
                    out.push(proc_macro2::TokenTree::Punct(tick));
                    if let Some(proc_macro2::TokenTree::Ident(name)) = tokens.peek()
                        && names.iter().any(|lifetime| name == lifetime)
                    {
                        let name = syn::Ident::new("static", name.span());
                        tokens.next();
                        out.push(proc_macro2::TokenTree::Ident(name));
                    }
                }
                proc_macro2::TokenTree::Group(group) => {
                    let mut inner =
                        proc_macro2::Group::new(group.delimiter(), replace(group.stream(), names));
                    inner.set_span(group.span());
                    out.push(proc_macro2::TokenTree::Group(inner));
                }
                other => out.push(other),
            }
        }
        out.into_iter().collect()
    }
    let tokens = replace(quote::ToTokens::to_token_stream(node), names);
    syn::parse2(tokens)
        .unwrap_or_else(|_| syn::parse2(quote::ToTokens::to_token_stream(node)).expect("reparses"))
}

fn repair_hook(hook: &mut Hook) {
    // An async hook cannot be historic (reported): expand it as async.
    if hook.method.sig.asyncness.is_some() {
        hook.historic = None;
    }
    let sig = &mut hook.method.sig;
    sig.safety = syn::Safety::Default;
    sig.constness = None;
    sig.abi = None;
    sig.variadic = None;
    sig.generics.where_clause = None;
    sig.generics.params = sig
        .generics
        .params
        .iter()
        .filter(|param| matches!(param, GenericParam::Lifetime(_)))
        .cloned()
        .collect();
    match sig.inputs.first_mut() {
        Some(FnArg::Receiver(receiver)) => *receiver = parse_quote!(&self),
        _ => sig.inputs.insert(0, parse_quote!(&self)),
    }
    for (index, input) in sig.inputs.iter_mut().enumerate().skip(1) {
        if let FnArg::Typed(typed) = input {
            if !matches!(&*typed.pat, Pat::Ident(pat) if pat.by_ref.is_none() && pat.subpat.is_none())
            {
                let name = quote::format_ident!("arg{}", index);
                *typed.pat = parse_quote!(#name);
            }
            signature::replace_impl_trait(&mut typed.ty, &mut |_| {});
        }
    }
    if let ReturnType::Type(_, ty) = &mut sig.output {
        signature::replace_impl_trait(ty, &mut |_| {});
    }
    hook.method.default = None;
    hook.method.semi_token = Some(Default::default());
    hook.returns = Returns::classify(&sig.output);
    hook.args = sig
        .inputs
        .iter()
        .filter_map(|input| match input {
            FnArg::Typed(typed) => match &*typed.pat {
                Pat::Ident(pat) => Some((pat.ident.clone(), (*typed.ty).clone())),
                _ => None,
            },
            FnArg::Receiver(_) => None,
        })
        .collect();
    if !hook.returns.answers_optionally() {
        hook.firstresult = None;
    }
    // A historic hook with borrowed arguments (reported) is expanded as a plain one.
    if hook
        .args
        .iter()
        .any(|(_, ty)| crate::signature::has_reference(ty))
    {
        hook.historic = None;
    }
}
