//! The tagged caller, `PlatformsTaggedHooks`: each result paired with the name of
//! the plugin that returned it (pluggy cannot tell which plugin returned what).
//! It calls the implementations only: a wrapper's outcome has no plugin to name.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};
use syn::Ident;

use super::ast::{Hook, Spec};
use super::caller::copied_attrs;
use super::docs;
use crate::returns::{Returns, Value};
use crate::signature::forward;

pub(crate) fn caller(spec: &Spec) -> TokenStream {
    let krate = &spec.krate;
    let vis = &spec.item.vis;
    let spec_ident = &spec.item.ident;
    let tagged_ident = spec.tagged_ident();
    let doc = format!(
        "The tagged caller of [`{spec_ident}`]'s hooks, returned by `PluginManager::<dyn {spec_ident}>::tagged_hook()`: \
         each result comes with the name of the plugin that returned it. It runs the implementations without the wrappers. \
         Hooks that return `()` or `Result<(), E>`, and historic hooks, have no method here."
    );
    let methods = spec
        .hooks
        .iter()
        .enumerate()
        .filter(|(_, hook)| hook.historic.is_none() && !matches!(hook.returns.value(), Value::Unit))
        .map(|(at, hook)| {
            let method = method(spec, &spec.index(at), hook);
            let cfg = crate::cfg::attr(hook.cfg.as_ref());
            quote!(#cfg #method)
        });
    let wrapped_types = crate::lints::wrapped_types();
    quote! {
        #[doc = #doc]
        #vis struct #tagged_ident<'a> {
            dispatch: #krate::__private::Dispatch<'a, dyn #spec_ident>,
        }

        // `Vec<Tagged<T>>` around the hook's type is the macros' doing.
        #[allow(deprecated)]
        #wrapped_types
        impl #tagged_ident<'_> {
            #(#methods)*
        }
    }
}

fn method(spec: &Spec, index: &TokenStream, hook: &Hook) -> TokenStream {
    let krate = &spec.krate;
    let sig = &hook.method.sig;
    let name = &sig.ident;
    let generics = &sig.generics;
    let attrs = copied_attrs(hook);
    let params = hook.params();
    let forwards = hook.args.iter().map(|(arg, ty)| forward(arg, ty));
    let tagged =
        |ty: &syn::Type| -> syn::Type { syn::parse_quote!(#krate::__private::Tagged<#ty>) };
    // The same call as the plain caller's, over `Tagged<T>` values.
    let returns = match &hook.returns {
        Returns::Direct(value) => Returns::Direct(value.map(tagged)),
        Returns::Fallible { value, result } => Returns::Fallible {
            value: value.map(tagged),
            result: result.clone(),
        },
    };
    let (strategy, output) = returns.call(hook.firstresult.is_some());
    let docs = docs::caller(
        hook,
        &[
            docs::call(hook, strategy),
            "Each value comes with the name of the plugin that returned it. Wrappers do not run."
                .to_owned(),
        ],
    );
    let strategy_name = strategy;
    let strategy = Ident::new(strategy, Span::call_site());
    let plugin = format_ident!("plugin", span = Span::mixed_site());
    let owner = format_ident!("owner", span = Span::mixed_site());
    let value = format_ident!("value", span = Span::mixed_site());
    let dispatch = format_ident!("dispatch", span = Span::mixed_site());
    let tag = quote!(#krate::__private::Tagged::__new(#owner, #value));
    let wrap = match (&hook.returns, hook.returns.value()) {
        (Returns::Direct(_), Value::Some(_)) => quote!(.map(|#value| #tag)),
        (Returns::Fallible { .. }, Value::Some(_)) => {
            quote!(.map(|#value| #value.map(|#value| #tag)))
        }
        (Returns::Fallible { .. }, _) => quote!(.map(|#value| #tag)),
        (Returns::Direct(_), _) => quote!(),
    };
    let hook_trait = spec.hook_trait(hook);
    let awaited = hook.is_async().then(|| quote!(.await));
    let call = quote!(#hook_trait::__call(&**#plugin, #(#forwards),*) #awaited);
    let body = match (&hook.returns, hook.returns.value()) {
        (Returns::Direct(_), Value::Plain(_)) => quote!({ let #value = #call; #tag }),
        _ => quote!((#call) #wrap),
    };
    let impls = quote! {
        ::core::iter::Iterator::zip(#dispatch.table().#name.impls().iter(), #dispatch.impl_plugins(#index))
    };
    if hook.is_async() {
        // As the async caller: the strategy written out, each awaited in turn.
        let run =
            super::async_caller::run(strategy_name, &impls, &quote!((#plugin, #owner)), &body);
        return quote! {
            #(#docs)*
            #(#attrs)*
            pub async fn #name(&self, #(#params),*) -> #output {
                let #dispatch = &self.dispatch;
                #run
            }
        };
    }
    quote! {
        #(#docs)*
        #(#attrs)*
        #[inline]
        pub fn #name #generics (&self, #(#params),*) -> #output {
            let #dispatch = &self.dispatch;
            #krate::__private::call::#strategy(#impls, |(#plugin, #owner)| #body)
        }
    }
}
