//! Code for a valid hook spec: the trait (with `Send + Sync` and default methods),
//! the typed caller struct, and `HookSpec for dyn Trait`.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};
use syn::{Ident, ItemTrait, parse_quote_spanned};

use super::ast::{Hook, Spec};
use crate::signature::{forward, pretty};

pub(crate) fn expand(spec: &Spec) -> TokenStream {
    let item = spec_trait(spec);
    let caller = caller(spec);
    let hook_spec = hook_spec_impl(spec);
    quote! {
        #item
        #caller
        #hook_spec
    }
}

/// The user's trait, made `Send + Sync` (plugins are shared between threads), each
/// hook given a default body so a plugin implements any subset.
fn spec_trait(spec: &Spec) -> ItemTrait {
    let krate = &spec.krate;
    let mut item = spec.item.clone();
    item.colon_token.get_or_insert_with(Default::default);
    // Spanned on the trait's name: "required by a bound in `Spec`" points there.
    let name_span = item.ident.span();
    item.supertraits
        .push(parse_quote_spanned!(name_span=> ::core::marker::Send));
    item.supertraits
        .push(parse_quote_spanned!(name_span=> ::core::marker::Sync));
    let spec_name = item.ident.to_string();
    let mut hooks = spec.hooks.iter();
    for trait_item in &mut item.items {
        let syn::TraitItem::Fn(method) = trait_item else {
            continue;
        };
        let Some(hook) = hooks.next() else { break };
        let hook_name = method.sig.ident.to_string();
        let body = hook
            .returns
            .neutral()
            .unwrap_or_else(|| quote!(#krate::__private::not_implemented(#spec_name, #hook_name)));
        // Spanned on the hook's name, where messages about the trait item point.
        let span = method.sig.ident.span();
        method
            .attrs
            .push(parse_quote_spanned!(span=> #[allow(unused_variables)]));
        method.default = Some(parse_quote_spanned!(span=> { #body }));
        method.semi_token = None;
    }
    item
}

/// `PlatformsHooks`: one method per hook, same name, arguments and docs.
fn caller(spec: &Spec) -> TokenStream {
    let krate = &spec.krate;
    let vis = &spec.item.vis;
    let spec_ident = &spec.item.ident;
    let caller_ident = spec.caller_ident();
    let doc = format!(
        "The typed caller of [`{spec_ident}`]'s hooks, returned by `PluginManager::<dyn {spec_ident}>::hook()`: one method per hook."
    );
    let methods = spec
        .hooks
        .iter()
        .enumerate()
        .map(|(index, hook)| caller_method(spec, index, hook));
    quote! {
        #[doc = #doc]
        #vis struct #caller_ident {
            dispatch: #krate::__private::Dispatch<dyn #spec_ident>,
        }

        impl #caller_ident {
            #(#methods)*
        }
    }
}

fn caller_method(spec: &Spec, index: usize, hook: &Hook) -> TokenStream {
    let krate = &spec.krate;
    let spec_ident = &spec.item.ident;
    let sig = &hook.method.sig;
    let name = &sig.ident;
    let generics = &sig.generics;
    let docs = hook
        .method
        .attrs
        .iter()
        .filter(|attr| attr.path().is_ident("doc"));
    let params = hook.args.iter().map(|(arg, ty)| quote!(#arg: #ty));
    let forwards = hook.args.iter().map(|(arg, ty)| forward(arg, ty));
    let (strategy, output) = hook.returns.call(hook.firstresult.is_some());
    let returns = format!("Calls the `{name}` hook: {}.", describes(strategy));
    let strategy = Ident::new(strategy, Span::call_site());
    let plugin = format_ident!("plugin", span = Span::mixed_site());
    quote! {
        #(#docs)*
        ///
        #[doc = #returns]
        #[inline]
        pub fn #name #generics (&self, #(#params),*) -> #output {
            #krate::__private::call::#strategy(
                self.dispatch.impls(#index),
                |#plugin| #spec_ident::#name(&**#plugin, #(#forwards),*),
            )
        }
    }
}

/// `HookSpec for dyn Platforms`: the hooks' names and the way to the caller.
fn hook_spec_impl(spec: &Spec) -> TokenStream {
    let krate = &spec.krate;
    let spec_ident = &spec.item.ident;
    let caller_ident = spec.caller_ident();
    let spec_name = spec_ident.to_string();
    let infos = spec.hooks.iter().map(|hook| {
        let name = hook.method.sig.ident.to_string();
        let firstresult = hook.firstresult.is_some();
        let signature = pretty(&hook.method.sig);
        quote!(#krate::__private::HookInfo::__new(#name, #firstresult, #signature))
    });
    quote! {
        impl #krate::__private::HookSpec for dyn #spec_ident {
            const NAME: &'static str = #spec_name;
            const HOOKS: &'static [#krate::__private::HookInfo] = &[#(#infos),*];
            type Hooks = #caller_ident;

            fn __hooks(dispatch: #krate::__private::Dispatch<Self>) -> #caller_ident {
                #caller_ident { dispatch }
            }

            fn __global() -> &'static #krate::__private::OnceLock<#krate::__private::PluginManager<Self>> {
                static GLOBAL: #krate::__private::OnceLock<#krate::__private::PluginManager<dyn #spec_ident>> =
                    #krate::__private::OnceLock::new();
                &GLOBAL
            }
        }
    }
}

/// What a call with `strategy` returns, for the caller method's docs.
fn describes(strategy: &str) -> &'static str {
    match strategy {
        "unit" => "every implementation runs, in call order",
        "collect" => "every implementation's value, in call order",
        "collect_some" => "every `Some` value, in call order",
        "first_some" => "the first `Some`; the implementations after it do not run",
        "try_unit" => {
            "every implementation runs in call order, until the first `Err`, which is returned"
        }
        "try_collect" => {
            "every `Ok` value in call order, or the first `Err`; after an `Err` no implementation runs"
        }
        "try_collect_some" => {
            "every `Ok(Some)` value in call order, or the first `Err`; after an `Err` no implementation runs"
        }
        _ => {
            "the first `Ok(Some)` or the first `Err`, whichever comes first; the implementations after it do not run"
        }
    }
}
