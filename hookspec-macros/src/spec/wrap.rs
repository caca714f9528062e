//! Wrappers: for each hook, the trait method a `#[hookimpl(wrapper)]` implements
//! (`wrap_<hook>`) and the continuation type it receives (`<Spec><Hook>Next`).
//!
//! A historic hook can have no wrapper, yet it keeps both, hidden and never
//! called: a wrapper written for it then compiles against them, and its one error
//! is hookcore's "a historic hook cannot have a wrapper". Without them rustc would
//! first report the missing type and trait method, by their generated names.

use proc_macro2::TokenStream;
use quote::quote;
use syn::parse_quote_spanned;

use super::ast::{Hook, Spec};
use super::caller::arrow;
use crate::signature::respan;

/// `wrap_get_adapter`: what a `#[hookimpl(wrapper)]` of `get_adapter` implements.
/// By default it runs the rest of the call unchanged.
pub(crate) fn wrap_method(spec: &Spec, hook: &Hook) -> syn::TraitItem {
    let wrap = hook.wrap_ident();
    let next = spec.next_ident(hook);
    // Mixed-site: a hook argument may itself be named `next`.
    let rest = quote::format_ident!("next", span = proc_macro2::Span::mixed_site());
    let params = hook.params();
    let args = hook.arg_names();
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
        crate::signature::name(&hook.method.sig.ident)
    );
    let cfg = crate::cfg::attr(hook.cfg.as_ref());
    let lints = crate::lints::levels(&hook.method.attrs);
    // `next` is one argument more than the hook's, and the outcome wraps its type.
    let extra = crate::lints::extra_arguments();
    let wrapped_types = crate::lints::wrapped_types();
    // Never called for a historic hook, whose calls run without wrappers.
    let unused = hook.historic.map(|_| quote!(#[allow(dead_code)]));
    parse_quote_spanned! {hook.method.sig.ident.span()=>
        #cfg
        #[doc = #doc]
        #[doc(hidden)]
        #(#lints)*
        #extra
        #wrapped_types
        #unused
        fn #wrap(&self, #(#params,)* #rest: #next<'_>) #arrow {
            #rest.call(#(#args),*)
        }
    }
}

/// `PlatformsGetAdapterNext`: the rest of a call, as a wrapper receives it. Taken
/// by value, it runs at most once; dropped, it does not run.
pub(crate) fn next_type(spec: &Spec, hook: &Hook) -> TokenStream {
    let vis = &spec.item.vis;
    let spec_ident = &spec.item.ident;
    let name = &hook.method.sig.ident;
    let next = spec.next_ident(hook);
    let types = hook.arg_types();
    let params = hook.params();
    let args = hook.arg_names();
    let (_, output) = hook.returns.call(hook.firstresult.is_some());
    let arrow = arrow(hook, &output);
    let doc = format!(
        "The rest of a [`{spec_ident}::{name}`] call, as a `#[hookimpl(wrapper)]` receives it: \
         [`call`](Self::call) runs the wrappers inside this one and the implementations, \
         once; a wrapper that drops it answers the call itself."
    );
    // Not documented for a historic hook, which takes no wrapper (module docs).
    let hidden = hook.historic.map(|_| quote!(#[doc(hidden)]));
    let cfg = crate::cfg::attr(hook.cfg.as_ref());
    let lints = crate::lints::levels(&hook.method.attrs);
    let wrapped_types = crate::lints::wrapped_types();
    quote! {
        #cfg
        #[doc = #doc]
        #hidden
        // The continuation's closure type, around the hook's types, is ours.
        #wrapped_types
        #(#lints)*
        #vis struct #next<'n> {
            rest: &'n mut dyn ::core::ops::FnMut(#(#types),*) #arrow,
        }

        #cfg
        #wrapped_types
        #(#lints)*
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
