//! Wrappers of an async hook: the `wrap_<hook>` method a `#[hookimpl(wrapper)]`
//! `async fn` implements, the continuation it receives, and the chain the
//! caller runs.
//!
//! The continuation (`{Spec}{Hook}Next<'n>`) holds the rest of the chain as
//! data, not as a closure: the wrappers after this one, the implementations and
//! the monitors, all shared borrows for `'n`. `call(self, args)` returns the
//! rest of the call as a boxed future that borrows the arguments for `'c`, any
//! lifetime `'n` outlives, so a wrapper passes its own arguments, or others it
//! made, and awaits the outcome; taken by value, it runs at most once.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};

use super::ast::{Hook, Spec};
use crate::signature::with_lifetime;

/// `'c`, the lifetime of one step of an async chain.
pub(crate) fn step_lifetime() -> syn::Lifetime {
    syn::Lifetime::new("'__hookcore_c", Span::mixed_site())
}

/// The hook's `name: Type` parameters with every elided lifetime made `lifetime`.
pub(crate) fn params_with(hook: &Hook, lifetime: &syn::Lifetime) -> Vec<TokenStream> {
    hook.args
        .iter()
        .map(|(arg, ty)| {
            let ty = with_lifetime(ty, lifetime);
            quote!(#arg: #ty)
        })
        .collect()
}

/// `Pin<Box<dyn Future<Output = outcome> + Send + 'lifetime>>`.
pub(crate) fn boxed(spec: &Spec, outcome: &TokenStream, lifetime: &syn::Lifetime) -> TokenStream {
    let send = spec.future_send();
    quote! {
        ::core::pin::Pin<::std::boxed::Box<
            dyn ::core::future::Future<Output = #outcome> #send + #lifetime
        >>
    }
}

/// The call's outcome type (`Vec<T>` for a collecting hook).
pub(crate) fn outcome(hook: &Hook) -> TokenStream {
    let (strategy, output) = hook.returns.call(hook.firstresult.is_some());
    if strategy == "unit" {
        quote!(())
    } else {
        output
    }
}

/// `wrap_<hook>` in the spec trait: `where Self: Sized`, a future of the call's
/// outcome; by default the rest of the call, unchanged.
pub(crate) fn wrap_method(spec: &Spec, hook: &Hook) -> syn::TraitItem {
    let wrap = hook.wrap_ident();
    let next = spec.next_ident(hook);
    let rest = format_ident!("next", span = Span::mixed_site());
    let params = hook.params();
    let args = hook.arg_names();
    let outcome = outcome(hook);
    let send = spec.future_send();
    let doc = format!(
        "The wrapper of `{}`; implemented by `#[hookimpl(wrapper)]` on an `async fn`.",
        crate::signature::name(&hook.method.sig.ident)
    );
    let cfg = crate::cfg::attr(hook.cfg.as_ref());
    let lints = crate::lints::levels(&hook.method.attrs);
    let extra = crate::lints::extra_arguments();
    let wrapped_types = crate::lints::wrapped_types();
    syn::parse_quote_spanned! {hook.method.sig.ident.span()=>
        #cfg
        #[doc = #doc]
        #[doc(hidden)]
        #(#lints)*
        #extra
        #wrapped_types
        #[allow(clippy::manual_async_fn)]
        fn #wrap(&self, #(#params,)* #rest: #next<'_>) -> impl ::core::future::Future<Output = #outcome> #send
        where
            Self: ::core::marker::Sized,
        {
            async move { #rest.call(#(#args),*).await }
        }
    }
}

/// `{Spec}{Hook}Next<'n>` of an async hook, and the chain the caller starts.
pub(crate) fn next_type(spec: &Spec, hook: &Hook) -> TokenStream {
    let krate = &spec.krate;
    let vis = &spec.item.vis;
    let spec_ident = &spec.item.ident;
    let name = &hook.method.sig.ident;
    let next = spec.next_ident(hook);
    let chain = chain_ident(spec, hook);
    let hook_trait = spec.hook_trait(hook);
    let wrapper_trait = spec.wrapper_trait(hook);
    let c = step_lifetime();
    let params_c = params_with(hook, &c);
    let args = hook.arg_names();
    let outcome = outcome(hook);
    let future_c = boxed(spec, &outcome, &c);
    let cfg = crate::cfg::attr(hook.cfg.as_ref());
    let lints = crate::lints::levels(&hook.method.attrs);
    let wrapped_types = crate::lints::wrapped_types();
    let extra = crate::lints::extra_arguments();
    let doc = format!(
        "The rest of an async [`{spec_ident}::{name}`] call, as a `#[hookimpl(wrapper)]` receives it: \
         [`call`](Self::call) runs the wrappers inside this one and the implementations, once, \
         and its future gives their outcome; a wrapper that drops it answers the call itself."
    );
    let (strategy, _) = hook.returns.call(hook.firstresult.is_some());
    let forwards: Vec<TokenStream> = hook
        .args
        .iter()
        .map(|(arg, ty)| crate::signature::forward(arg, ty))
        .collect();
    let plugin = format_ident!("plugin", span = Span::mixed_site());
    let owner = format_ident!("owner", span = Span::mixed_site());
    let monitors = format_ident!("monitors", span = Span::mixed_site());
    let call = format_ident!("call", span = Span::mixed_site());
    let wrappers = format_ident!("wrappers", span = Span::mixed_site());
    let impls = format_ident!("impls", span = Span::mixed_site());
    let monitor = format_ident!("monitor", span = Span::mixed_site());
    let plain = super::async_caller::run(
        strategy,
        &quote!(#impls.iter()),
        &quote!(#plugin),
        &quote!(#hook_trait::__call(&**#plugin, #(#forwards),*).await),
    );
    let monitored = super::async_caller::run(
        strategy,
        &quote!(::core::iter::Iterator::zip(#impls.iter(), #call.plugins)),
        &quote!((#plugin, #owner)),
        &quote!(#monitors.run_impl(#call, #owner, #hook_trait::__call(&**#plugin, #(#forwards),*)).await),
    );
    let objects = |ty: &syn::Ident| quote!(&#c [#krate::__private::Object<dyn #ty>]);
    let wrapper_objects = objects(&wrapper_trait);
    let impl_objects = objects(&hook_trait);
    let monitor_ty = quote! {
        ::core::option::Option<(&#c #krate::__private::Monitors, &#c #krate::__private::HookCall<#c>)>
    };
    quote! {
        #cfg
        #[doc = #doc]
        #wrapped_types
        #(#lints)*
        #vis struct #next<'n> {
            wrappers: &'n [#krate::__private::Object<dyn #wrapper_trait>],
            impls: &'n [#krate::__private::Object<dyn #hook_trait>],
            monitor: ::core::option::Option<(&'n #krate::__private::Monitors, &'n #krate::__private::HookCall<'n>)>,
        }

        #cfg
        #wrapped_types
        #(#lints)*
        impl<'n> #next<'n> {
            /// Runs the rest of the call with these arguments; the future gives its outcome.
            pub fn call<#c>(self, #(#params_c),*) -> #future_c
            where
                'n: #c,
            {
                #chain(self.wrappers, self.impls, self.monitor, #(#args),*)
            }
        }

        // The chain: the first wrapper with the rest as its continuation, or,
        // past the last one, the strategy over the implementations. Each step
        // is a boxed future, so the recursion is through the heap.
        #cfg
        #[doc(hidden)]
        #extra
        #wrapped_types
        #(#lints)*
        #[allow(non_snake_case)]
        #vis fn #chain<#c>(
            #wrappers: #wrapper_objects,
            #impls: #impl_objects,
            #monitor: #monitor_ty,
            #(#params_c),*
        ) -> #future_c {
            match #wrappers.split_first() {
                ::core::option::Option::Some((wrapper, inner)) => #wrapper_trait::__wrap(
                    &**wrapper,
                    #(#args,)*
                    #next { wrappers: inner, impls: #impls, monitor: #monitor },
                ),
                ::core::option::Option::None => ::std::boxed::Box::pin(async move {
                    match #monitor {
                        ::core::option::Option::None => #plain,
                        ::core::option::Option::Some((#monitors, #call)) => #monitored,
                    }
                }),
            }
        }
    }
}

/// `__hookcore_{Spec}{Hook}Chain`: the function an async hook's chain of
/// wrappers starts from.
pub(crate) fn chain_ident(spec: &Spec, hook: &Hook) -> syn::Ident {
    crate::signature::hook_item_ident(
        &spec.item.ident,
        &hook.method.sig.ident,
        "__hookcore_",
        "Chain",
    )
}
