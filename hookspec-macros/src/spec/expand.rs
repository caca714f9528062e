//! Code for a valid hook spec: the trait (with `Send + Sync` and default methods),
//! the typed caller struct, and `HookSpec for dyn Trait`.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};
use syn::{Ident, ItemTrait, parse_quote_spanned};

use super::ast::{Hook, Spec};
use crate::signature::{forward, pretty, respan};

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
    let wrap_methods = spec
        .hooks
        .iter()
        .filter(|hook| hook.wrappable())
        .map(|hook| wrap_method(spec, hook));
    item.items.extend(wrap_methods);
    item
}

/// `wrap_get_adapter`: what a `#[hookimpl(wrapper)]` of `get_adapter` implements.
/// By default it runs the rest of the call unchanged.
fn wrap_method(spec: &Spec, hook: &Hook) -> syn::TraitItem {
    let wrap = hook.wrap_ident();
    let next = spec.next_ident(hook);
    let params = hook.args.iter().map(|(arg, ty)| quote!(#arg: #ty));
    let args = hook.args.iter().map(|(arg, _)| arg);
    let (_, output) = hook.returns.call(hook.firstresult.is_some());
    // At the hook's return type: a wrapper with another outcome type is told
    // "type in trait" there.
    let output = match &hook.method.sig.output {
        syn::ReturnType::Type(_, ty) => respan(&output, syn::spanned::Spanned::span(ty)),
        syn::ReturnType::Default => respan(&output, hook.method.sig.ident.span()),
    };
    let arrow = arrow(hook, &output);
    let doc = format!(
        "The wrapper of `{}`; implemented by `#[hookimpl(wrapper)]`.",
        hook.method.sig.ident
    );
    parse_quote_spanned! {hook.method.sig.ident.span()=>
        #[doc = #doc]
        #[doc(hidden)]
        fn #wrap(&self, #(#params,)* next: #next<'_>) #arrow {
            next.call(#(#args),*)
        }
    }
}

/// `PlatformsGetAdapterNext`: the rest of a call, as a wrapper receives it. Taken
/// by value, it runs at most once; dropped, it does not run.
fn next_type(spec: &Spec, hook: &Hook) -> TokenStream {
    let vis = &spec.item.vis;
    let spec_ident = &spec.item.ident;
    let name = &hook.method.sig.ident;
    let next = spec.next_ident(hook);
    let types: Vec<_> = hook.args.iter().map(|(_, ty)| ty).collect();
    let params = hook.args.iter().map(|(arg, ty)| quote!(#arg: #ty));
    let args = hook.args.iter().map(|(arg, _)| arg);
    let (_, output) = hook.returns.call(hook.firstresult.is_some());
    let arrow = arrow(hook, &output);
    let doc = format!(
        "The rest of a [`{spec_ident}::{name}`] call, as a `#[hookimpl(wrapper)]` receives it: \
         [`call`](Self::call) runs the wrappers inside this one and the implementations, \
         once; a wrapper that drops it answers the call itself."
    );
    quote! {
        #[doc = #doc]
        #vis struct #next<'n> {
            rest: &'n mut dyn ::core::ops::FnMut(#(#types),*) #arrow,
        }

        impl<'n> #next<'n> {
            #[doc(hidden)]
            /// Not public API; used by generated code.
            pub fn __new(rest: &'n mut dyn ::core::ops::FnMut(#(#types),*) #arrow) -> Self {
                #next { rest }
            }

            /// Runs the rest of the call with these arguments and returns its outcome.
            pub fn call(self, #(#params),*) #arrow {
                (self.rest)(#(#args),*)
            }
        }
    }
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
    let next_types = spec
        .hooks
        .iter()
        .filter(|hook| hook.wrappable())
        .map(|hook| next_type(spec, hook));
    quote! {
        #[doc = #doc]
        #vis struct #caller_ident {
            dispatch: #krate::__private::Dispatch<dyn #spec_ident>,
        }

        impl #caller_ident {
            #(#methods)*
        }

        #(#next_types)*
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
    let params: Vec<TokenStream> = hook
        .args
        .iter()
        .map(|(arg, ty)| quote!(#arg: #ty))
        .collect();
    let args: Vec<&Ident> = hook.args.iter().map(|(arg, _)| arg).collect();
    let forwards = hook.args.iter().map(|(arg, ty)| forward(arg, ty));
    let (strategy, output) = hook.returns.call(hook.firstresult.is_some());
    let arrow = arrow(hook, &output);
    let returns = format!("Calls the `{name}` hook: {}.", describes(strategy));
    let strategy = Ident::new(strategy, Span::call_site());
    let plugin = format_ident!("plugin", span = Span::mixed_site());
    let dispatch = format_ident!("dispatch", span = Span::mixed_site());
    let implementations = quote! {
        #krate::__private::call::#strategy(
            #dispatch.impls(#index),
            |#plugin| #spec_ident::#name(&**#plugin, #(#forwards),*),
        )
    };
    let body = if hook.wrappable() {
        // Each wrapper gets the arguments and the rest of the chain; the innermost
        // step runs the implementations. Nothing is allocated: the continuations
        // are closures on the stack.
        let wrap = hook.wrap_ident();
        let next = spec.next_ident(hook);
        let chain = format_ident!("chain", span = Span::mixed_site());
        let depth = format_ident!("depth", span = Span::mixed_site());
        let rest = format_ident!("rest", span = Span::mixed_site());
        let wrapper = format_ident!("wrapper", span = Span::mixed_site());
        quote! {
            fn #chain(#dispatch: &#krate::__private::Dispatch<dyn #spec_ident>, #depth: usize, #(#params),*) #arrow {
                match #dispatch.wrappers(#index).get(#depth) {
                    ::core::option::Option::Some(#wrapper) => {
                        let mut #rest = |#(#params),*| #chain(#dispatch, #depth + 1, #(#args),*);
                        #spec_ident::#wrap(&**#wrapper, #(#args,)* #next::__new(&mut #rest))
                    }
                    ::core::option::Option::None => #implementations,
                }
            }
            #chain(&self.dispatch, 0, #(#args),*)
        }
    } else {
        quote! {
            let #dispatch = &self.dispatch;
            #implementations
        }
    };
    quote! {
        #(#docs)*
        ///
        #[doc = #returns]
        #[inline]
        pub fn #name #generics (&self, #(#params),*) #arrow {
            #body
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

/// `-> output`, or nothing when a call of `hook` returns `()`.
fn arrow(hook: &Hook, output: &TokenStream) -> TokenStream {
    if hook.returns.call(hook.firstresult.is_some()).0 == "unit" {
        quote!()
    } else {
        quote!(-> #output)
    }
}
