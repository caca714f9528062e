//! `#[deprecated]` on a hook warns at every implementation, at compile time
//! (pluggy's `warn_on_impl`).
//!
//! Implementing a deprecated trait method does not warn in Rust, and a
//! `#[hookimpl]` cannot see the spec, which may live in another crate. So the
//! spec publishes its deprecations as types: `HookSpec::__Deprecations<KEY>` is
//! a hidden struct of the spec's, `KEY` a hash of a hook's name, and for each
//! deprecated hook that struct has an inherent, `#[deprecated]` method `hook` at
//! that hook's key. Every implementation calls `hook` on its hook's key, in a
//! closure nested in its body: for a deprecated hook the inherent method is
//! found and the compiler warns there, with the spec's note; for any other name
//! (a misspelt one too) the blanket `NotDeprecated::hook` is found and nothing
//! happens, so a wrong hook name is still reported once, by the trait. A trait
//! that is not a spec gets `NoDeprecations` (autoref lookup, see
//! `hookcore::__private::ViaNoSpec`), so that mistake, too, is reported once.
//! Being inside the user's function, the check obeys its `#[allow(deprecated)]`.
//!
//! The same struct answers whether a hook is historic, for wrappers (which a
//! historic hook cannot have): an inherent `wrapper` method at a historic hook's
//! key returns `HistoricHook`, the blanket `MaybeHistoric::wrapper` returns
//! `WrappableHook`, and a wrapper's check asks for `Wrappable`, whose
//! `on_unimplemented` message is the rule, at the wrapper's name.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};
use syn::ext::IdentExt;
use syn::{Ident, LitStr, Path};

use crate::spec::{Hook, Spec};

/// The key of hook `name`: 64-bit FNV-1a of its name, so that the spec and every
/// implementation compute the same key without seeing each other.
pub(crate) fn hook_key(name: &Ident) -> u64 {
    name.unraw()
        .to_string()
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
            (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
        })
}

/// The key of the entry of hook `name` (of its wrapper, with `wrapper`): the
/// spec implements `KeyedEntry` at it, and a `#[hookimpl]` asks for it.
pub(crate) fn entry_key(name: &Ident, wrapper: bool) -> u64 {
    (hook_key(name) << 1) | u64::from(wrapper)
}

/// `since` and `note` of a hook's `#[deprecated]`, if it has one.
fn deprecated(hook: &Hook) -> Option<(Option<LitStr>, Option<LitStr>)> {
    let attr = hook
        .method
        .attrs
        .iter()
        .find(|attr| attr.path().is_ident("deprecated"))?;
    let (mut since, mut note) = (None, None);
    match &attr.meta {
        syn::Meta::Path(_) => {}
        syn::Meta::NameValue(value) => {
            if let syn::Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(text),
                ..
            }) = crate::peel::expr(&value.value)
            {
                note = Some(text.clone());
            }
        }
        // A malformed attribute is the compiler's to report, on the trait method.
        syn::Meta::List(_) => {
            let _ = attr.parse_nested_meta(|meta| {
                let value: LitStr = meta.value()?.parse()?;
                if meta.path.is_ident("since") {
                    since = Some(value);
                } else if meta.path.is_ident("note") {
                    note = Some(value);
                }
                Ok(())
            });
        }
    }
    Some((since, note))
}

/// The spec's side: its deprecations struct with one warning constant per
/// deprecated hook and a `wrapper` method per historic hook (which no wrapper may
/// wrap), and the associated type of `HookSpec` that names it.
pub(crate) fn spec_deprecations(spec: &Spec) -> (TokenStream, TokenStream) {
    let krate = &spec.krate;
    let spec_ident = &spec.item.ident;
    let deprecated: Vec<(&Hook, Option<LitStr>, Option<LitStr>)> = spec
        .hooks
        .iter()
        .filter_map(|hook| deprecated(hook).map(|(since, note)| (hook, since, note)))
        .collect();
    let historic: Vec<&Hook> = spec
        .hooks
        .iter()
        .filter(|hook| hook.historic.is_some())
        .collect();
    if deprecated.is_empty() && historic.is_empty() {
        let assoc = quote! {
            type __Deprecations<const HOOK: u64> = #krate::__private::NoDeprecations;
        };
        return (quote!(), assoc);
    }
    let vis = &spec.item.vis;
    let ty = format_ident!("__{}Deprecations", spec_ident);
    let warnings = deprecated.iter().map(|(hook, since, note)| {
        let key = hook_key(&hook.method.sig.ident);
        let span = hook.method.sig.ident.span();
        let name = crate::signature::name(&hook.method.sig.ident);
        let text = match note {
            Some(note) => format!(
                "hook `{spec_ident}::{name}` is deprecated: {}",
                note.value()
            ),
            None => format!("hook `{spec_ident}::{name}` is deprecated"),
        };
        let note = LitStr::new(&text, span);
        let since = since.iter();
        let cfg = crate::cfg::attr(hook.cfg.as_ref());
        quote! {
            #cfg
            impl #ty<#key> {
                #[deprecated(#(since = #since,)* note = #note)]
                pub fn hook(&self) {}
            }
        }
    });
    // Found before the blanket `MaybeHistoric::wrapper`, whose answer is wrappable.
    let historic = historic.iter().map(|hook| {
        let key = hook_key(&hook.method.sig.ident);
        let cfg = crate::cfg::attr(hook.cfg.as_ref());
        let kind = quote!(#krate::__private::HistoricHook);
        quote! {
            #cfg
            impl #ty<#key> {
                pub fn wrapper(&self) -> #kind {
                    #kind
                }
            }
        }
    });
    let doc = format!(
        "Which hooks of [`{spec_ident}`] are deprecated or historic; used by `#[hookimpl]`."
    );
    let items = quote! {
        #[doc = #doc]
        #[doc(hidden)]
        #vis struct #ty<const HOOK: u64>;
        impl<const HOOK: u64> ::core::default::Default for #ty<HOOK> {
            fn default() -> Self {
                #ty
            }
        }
        #(#warnings)*
        #(#historic)*
    };
    let assoc = quote! {
        type __Deprecations<const HOOK: u64> = #ty<HOOK>;
    };
    (items, assoc)
}

/// The implementation's side: a statement for the start of the body of an
/// implementation of `hook`, spanned on `at` (the user's function name), where a
/// deprecated hook's warning then points. For a wrapper it also asks that the hook
/// be wrappable: a historic hook's answer (`HistoricHook`) lacks the trait, whose
/// `on_unimplemented` message is the sentence, at the wrapper's name.
pub(crate) fn checks(
    krate: &Path,
    spec: &Path,
    hook: &Ident,
    at: Span,
    wrapper: bool,
) -> TokenStream {
    let key = hook_key(hook);
    let facts = format_ident!("facts", span = Span::mixed_site());
    // Every token at the name, where the messages about this check then point.
    let krate = &crate::signature::respan(krate, at);
    let key = crate::signature::respan(&key, at);
    let probe = quote::quote_spanned! {at=>
        let #facts = (&#krate::__private::DeprecationProbe::<dyn #spec, #key>::new()).deprecations();
        #facts.hook();
    };
    let wrappable = wrapper.then(|| {
        // No local variable: one of mixed-site hygiene would move the message to
        // the attribute, one of the name's would see the user's constants.
        quote::quote_spanned! {at=>
            #krate::__private::Wrappable::wrappable(
                (&#krate::__private::DeprecationProbe::<dyn #spec, #key>::new()).deprecations().wrapper()
            );

        }
    });
    quote::quote! {
        #[allow(unused_imports)]
        use #krate::__private::{MaybeHistoric as _, NotDeprecated as _, ViaNoSpec as _, ViaSpecDeprecations as _};
        #probe
        #wrappable
    }
}

/// [`checks`] as a statement of a method body: a closure in an unnamed
/// constant, type-checked, never run, never "unused".
pub(crate) fn probe(krate: &Path, spec: &Path, hook: &Ident, at: Span, wrapper: bool) -> syn::Stmt {
    let checks = checks(krate, spec, hook, at, wrapper);
    syn::parse_quote! {
        const _: fn() = || { #checks };
    }
}

#[cfg(test)]
mod tests {
    use super::hook_key;

    #[test]
    fn the_key_is_the_fnv1a_hash_of_the_unraw_name() {
        // FNV-1a 64 of "a", as published with the algorithm.
        let key = |name: &str| hook_key(&syn::parse_str(name).unwrap());
        assert_eq!(key("a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(key("r#hello"), key("hello"));
        assert_ne!(key("get_adapter"), key("get_adapters"));
    }
}
