//! The caller method of an async hook: `async fn`, the implementations awaited
//! one after another in call order (pluggy's order: a later implementation sees
//! what the earlier ones did; `firstresult`, `Some` and `Err` stop the rest).
//! The strategy is written out here rather than called from `hookcore::call`:
//! a closure that returns a future cannot lend it the hook's `&mut` arguments.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};

use super::ast::{Hook, Spec};
use super::caller::{arrow, copied_attrs};
use super::docs;
use crate::signature::forward;

pub(crate) fn caller_method(spec: &Spec, index: &TokenStream, hook: &Hook) -> TokenStream {
    let krate = &spec.krate;
    let hook_trait = spec.hook_trait(hook);
    let name = &hook.method.sig.ident;
    let attrs = copied_attrs(hook);
    let params = hook.params();
    let forwards: Vec<TokenStream> = hook.args.iter().map(|(arg, ty)| forward(arg, ty)).collect();
    let (strategy, output) = hook.returns.call(hook.firstresult.is_some());
    let arrow = arrow(hook, &output);
    let docs = docs::caller(
        hook,
        &[
            docs::call(hook, strategy),
            "Async: each implementation is awaited before the next one starts.".to_owned(),
        ],
    );
    let plugin = format_ident!("plugin", span = Span::mixed_site());
    let owner = format_ident!("owner", span = Span::mixed_site());
    let impls = format_ident!("impls", span = Span::mixed_site());
    let monitors = format_ident!("monitors", span = Span::mixed_site());
    let call = format_ident!("call", span = Span::mixed_site());
    let value = format_ident!("value", span = Span::mixed_site());
    let plain = run(
        strategy,
        &quote!(#impls.iter()),
        &quote!(#plugin),
        &quote!(#hook_trait::__call(&**#plugin, #(#forwards),*).await),
    );
    // Each implementation through the monitors, which see its start and end
    // across its awaits (and a tracing monitor's span follows its future).
    let monitored = run(
        strategy,
        &quote!(::core::iter::Iterator::zip(#impls.iter(), #call.plugins)),
        &quote!((#plugin, #owner)),
        &quote! {
            #monitors.run_impl(&#call, #owner, #hook_trait::__call(&**#plugin, #(#forwards),*)).await
        },
    );
    let span = format_ident!("span", span = Span::mixed_site());
    let after_call = quote! {
        {
            use #krate::__private::{ViaDebug as _, ViaNothing as _};
            #monitors.after_async_call(&#call, &#span, (&#krate::__private::DebugProbe(&#value)).probe());
        }
    };
    if super::table::has_wrappers(hook) {
        // No wrapper and no monitor: the strategy here. Else the chain, which
        // runs each wrapper with the rest as its continuation.
        let chain = super::async_wrap::chain_ident(spec, hook);
        let args = hook.arg_names();
        let wrappers = format_ident!("wrappers", span = Span::mixed_site());
        let calls = format_ident!("calls", span = Span::mixed_site());
        return quote! {
            #(#docs)*
            #(#attrs)*
            pub async fn #name(&self, #(#params),*) #arrow {
                let #calls = &self.dispatch.table().#name;
                if let ::core::option::Option::Some(#impls) = #calls.plain() {
                    return #plain;
                }
                let (#wrappers, #impls) = (#calls.wrappers(), #calls.impls());
                match self.dispatch.monitors() {
                    ::core::option::Option::None => {
                        #chain(#wrappers, #impls, ::core::option::Option::None, #(#args),*).await
                    }
                    ::core::option::Option::Some(#monitors) => {
                        let #call = self.dispatch.hook_call(#index);
                        let #span = #monitors.before_async_call(&#call);
                        let #value = #monitors
                            .in_call(&#span, #chain(#wrappers, #impls, ::core::option::Option::Some((#monitors, &#call)), #(#args),*))
                            .await;
                        #after_call
                        #value
                    }
                }
            }
        };
    }
    quote! {
        #(#docs)*
        #(#attrs)*
        pub async fn #name(&self, #(#params),*) #arrow {
            let #impls = self.dispatch.table().#name.impls();
            match self.dispatch.monitors() {
                ::core::option::Option::None => #plain,
                ::core::option::Option::Some(#monitors) => {
                    let #call = self.dispatch.hook_call(#index);
                    let #span = #monitors.before_async_call(&#call);
                    let #value = #monitors.in_call(&#span, async { #monitored }).await;
                    #after_call
                    #value
                }
            }
        }
    }
}

/// The strategy `strategy` (see `hookcore::call`) over `plugins`, each bound to
/// `pattern`, `each` being one implementation's awaited value: a block whose
/// value is the call's.
pub(crate) fn run(
    strategy: &str,
    plugins: &TokenStream,
    pattern: &TokenStream,
    each: &TokenStream,
) -> TokenStream {
    let values = format_ident!("values", span = Span::mixed_site());
    let value = format_ident!("value", span = Span::mixed_site());
    let vec =
        quote!(::std::vec::Vec::with_capacity(::core::iter::Iterator::size_hint(&#plugins).0));
    let some = quote!(::core::option::Option::Some);
    let ok = quote!(::core::result::Result::Ok);
    match strategy {
        "unit" => quote! {{
            for #pattern in #plugins { #each; }
        }},
        "collect" => quote! {{
            let mut #values = #vec;
            for #pattern in #plugins { #values.push(#each); }
            #values
        }},
        "collect_some" => quote! {{
            let mut #values = #vec;
            for #pattern in #plugins {
                if let #some(#value) = #each { #values.push(#value); }
            }
            #values
        }},
        "first_some" => quote! {'first: {
            for #pattern in #plugins {
                if let #some(#value) = #each { break 'first #some(#value); }
            }
            ::core::option::Option::None
        }},
        "try_unit" => quote! {'first: {
            for #pattern in #plugins {
                if let ::core::result::Result::Err(#value) = #each {
                    break 'first ::core::result::Result::Err(#value);
                }
            }
            #ok(())
        }},
        "try_collect" => quote! {'first: {
            let mut #values = #vec;
            for #pattern in #plugins {
                match #each {
                    #ok(#value) => #values.push(#value),
                    ::core::result::Result::Err(#value) => break 'first ::core::result::Result::Err(#value),
                }
            }
            #ok(#values)
        }},
        "try_collect_some" => quote! {'first: {
            let mut #values = #vec;
            for #pattern in #plugins {
                match #each {
                    #ok(#some(#value)) => #values.push(#value),
                    #ok(::core::option::Option::None) => {}
                    ::core::result::Result::Err(#value) => break 'first ::core::result::Result::Err(#value),
                }
            }
            #ok(#values)
        }},
        _ => quote! {'first: {
            for #pattern in #plugins {
                match #each {
                    #ok(#some(#value)) => break 'first #ok(#some(#value)),
                    #ok(::core::option::Option::None) => {}
                    ::core::result::Result::Err(#value) => break 'first ::core::result::Result::Err(#value),
                }
            }
            #ok(::core::option::Option::None)
        }},
    }
}
