//! Code for a valid hook spec: the trait (with `Send + Sync`, default methods and
//! wrapper methods) and `HookSpec for dyn Trait`; the callers and continuation
//! types come from the sibling modules.

use proc_macro2::TokenStream;
use quote::quote;
use syn::{ItemTrait, parse_quote_spanned};

use super::ast::Spec;
use super::{caller, table, tagged, wrap};
use crate::deprecation;
use crate::signature::pretty;

pub(crate) fn expand(spec: &Spec) -> TokenStream {
    let item = spec_trait(spec);
    let caller = caller::caller(spec);
    let tagged = tagged::caller(spec);
    let next_types = spec
        .hooks
        .iter()
        .filter(|hook| hook.wrappable())
        .map(|hook| {
            if hook.is_async() {
                super::async_wrap::next_type(spec, hook)
            } else {
                wrap::next_type(spec, hook)
            }
        });
    let (deprecations, deprecations_type) = deprecation::spec_deprecations(spec);
    let hook_spec = hook_spec_impl(spec, &deprecations_type);
    let table = table::table(spec);
    quote! {
        #item
        #table
        #caller
        #tagged
        #(#next_types)*
        #deprecations
        #hook_spec
    }
}

/// The user's trait, made `Send + Sync` (plugins are shared between threads), each
/// hook given a default body so a plugin implements any subset, and docs that say
/// how the manager calls it (`docs::trait_hook`).
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
    let spec_name = crate::signature::name(&item.ident);
    let mut hooks = spec.hooks.iter();
    for trait_item in &mut item.items {
        let syn::TraitItem::Fn(method) = trait_item else {
            continue;
        };
        let Some(hook) = hooks.next() else { break };
        let hook_name = crate::signature::name(&method.sig.ident);
        let body = hook
            .returns
            .neutral()
            .unwrap_or_else(|| quote!(#krate::__private::not_implemented(#spec_name, #hook_name)));
        // Spanned on the hook's name, where messages about the trait item point.
        let span = method.sig.ident.span();
        method.attrs.extend(super::docs::trait_hook(hook));
        method
            .attrs
            .push(parse_quote_spanned!(span=> #[allow(unused_variables)]));
        if hook.is_async() {
            // `async fn` in a trait makes it not object safe; calls go through the
            // hook's own trait, so the spec trait keeps the method for implementors
            // only (`Self: Sized`), returning a `Send` future.
            let output = match &method.sig.output {
                syn::ReturnType::Default => quote!(()),
                syn::ReturnType::Type(_, ty) => quote!(#ty),
            };
            method.sig.asyncness = None;
            let send = spec.future_send();
            method.sig.output = parse_quote_spanned!(span=>
                -> impl ::core::future::Future<Output = #output> #send
            );
            method
                .sig
                .generics
                .make_where_clause()
                .predicates
                .push(parse_quote_spanned!(span=> Self: ::core::marker::Sized));
            // The future is written out, for the `Send` bound.
            method.attrs.push(parse_quote_spanned!(span=>
                #[allow(clippy::manual_async_fn)]
            ));
            method.default = Some(parse_quote_spanned!(span=> {
                async move { #body }
            }));
        } else {
            method.default = Some(parse_quote_spanned!(span=> { #body }));
        }
        method.semi_token = None;
    }
    let wrap_methods = spec
        .hooks
        .iter()
        .filter(|hook| hook.wrappable())
        .map(|hook| {
            if hook.is_async() {
                super::async_wrap::wrap_method(spec, hook)
            } else {
                wrap::wrap_method(spec, hook)
            }
        });
    item.items.extend(wrap_methods);
    item
}

/// `HookSpec for dyn Platforms` (the hooks' names, the caller and table types)
/// and `SpecCallers for dyn Platforms` (the way to the caller and the global
/// manager's cell).
fn hook_spec_impl(spec: &Spec, deprecations_type: &TokenStream) -> TokenStream {
    let krate = &spec.krate;
    let spec_ident = &spec.item.ident;
    let caller_ident = spec.caller_ident();
    let tagged_ident = spec.tagged_ident();
    let table_ident = spec.table_ident();
    let spec_name = crate::signature::name(spec_ident);
    let infos: Vec<(Option<&TokenStream>, TokenStream)> = spec
        .hooks
        .iter()
        .map(|hook| {
            let name = crate::signature::name(&hook.method.sig.ident);
            let firstresult = hook.firstresult.is_some();
            let historic = hook.historic.is_some();
            let signature = pretty(&hook.method.sig);
            let info = quote!(#krate::__private::HookInfo::__new(#name, #firstresult, #historic, #signature));
            (hook.cfg.as_ref(), info)
        })
        .collect();
    let info_ty = quote!(#krate::__private::HookInfo);
    let infos = crate::cfg::slice(krate, &info_ty, &infos);
    quote! {
        impl #krate::__private::HookSpec for dyn #spec_ident {
            const NAME: &'static str = #spec_name;
            const __IDENTITY: #krate::__private::SpecIdentity = #krate::__private::SpecIdentity::__new(
                ::core::env!("CARGO_PKG_NAME"),
                ::core::env!("CARGO_PKG_VERSION"),
                ::core::module_path!(),
                #spec_name,
            );
            const HOOKS: &'static [#krate::__private::HookInfo] = #infos;
            type Hooks<'a> = #caller_ident<'a>;
            type Tagged<'a> = #tagged_ident<'a>;
            #deprecations_type
            type __Table = #table_ident;
        }

        impl #krate::__private::SpecCallers for dyn #spec_ident {
            fn __hooks(dispatch: #krate::__private::Dispatch<'_, Self>) -> #caller_ident<'_> {
                #caller_ident { dispatch }
            }

            fn __tagged(dispatch: #krate::__private::Dispatch<'_, Self>) -> #tagged_ident<'_> {
                #tagged_ident { dispatch }
            }

            fn __global() -> &'static #krate::__private::OnceLock<#krate::__private::PluginManager<Self>> {
                static GLOBAL: #krate::__private::OnceLock<#krate::__private::PluginManager<dyn #spec_ident>> =
                    #krate::__private::OnceLock::new();
                &GLOBAL
            }
        }
    }
}
