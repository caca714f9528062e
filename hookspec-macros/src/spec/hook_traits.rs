//! Each hook's own one-method traits, which the table's entries are typed by:
//! `__hookcore_{Spec}{Hook}` with `__call`, and for a hook with wrappers
//! `__hookcore_{Spec}{Hook}Wrapper` with `__wrap`, each implemented for every
//! plugin type of the spec by calling the spec's method. An async hook's
//! methods return the future boxed, borrowing everything for one lifetime.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};

use super::ast::{Hook, Spec};
use super::async_wrap::{boxed, outcome, params_with, step_lifetime};
use super::caller::arrow;

/// The type parameter of the blanket implementations: any plugin type.
pub(crate) fn plugin_param() -> syn::Ident {
    format_ident!("__HookcorePlugin", span = Span::mixed_site())
}

/// `trait_ident` with the one method `signature` (`fn name<..>(&self, ..) -> ..`),
/// and its implementation for every plugin type, whose body is `body`; under
/// the hook's cfg and lint levels.
fn one_method_trait(
    spec: &Spec,
    hook: &Hook,
    trait_ident: &syn::Ident,
    signature: &TokenStream,
    body: &TokenStream,
) -> TokenStream {
    let vis = &spec.item.vis;
    let spec_ident = &spec.item.ident;
    let cfg = crate::cfg::attr(hook.cfg.as_ref());
    let lints = crate::lints::levels(&hook.method.attrs);
    // A wrapper's `next` is one argument more than the hook's, and outcomes
    // and boxed futures wrap the hook's types: the macros' doing.
    let extra = crate::lints::extra_arguments();
    let wrapped_types = crate::lints::wrapped_types();
    let plugin = plugin_param();
    quote! {
        #cfg
        #[doc(hidden)]
        #[allow(non_camel_case_types)]
        #(#lints)*
        #extra
        #wrapped_types
        #vis trait #trait_ident: ::core::marker::Sync {
            #[doc(hidden)]
            #signature;
        }

        #cfg
        #(#lints)*
        #extra
        #wrapped_types
        // Calling a deprecated hook is the point; the user's warning is at the
        // implementation.
        #[allow(deprecated)]
        impl<#plugin: #spec_ident> #trait_ident for #plugin {
            #[inline(always)]
            #signature {
                #body
            }
        }
    }
}

/// `__hookcore_PlatformsGetAdapter`, with `__call`.
pub(crate) fn hook_trait(spec: &Spec, hook: &Hook) -> TokenStream {
    let spec_ident = &spec.item.ident;
    let name = &hook.method.sig.ident;
    let args = hook.arg_names();
    let plugin = plugin_param();
    let call = quote!(<#plugin as #spec_ident>::#name(self, #(#args),*));
    let (signature, body) = if hook.is_async() {
        let c = step_lifetime();
        let params = params_with(hook, &c);
        let future = boxed(spec, &outcome_of_hook(hook), &c);
        (
            quote!(fn __call<#c>(&#c self, #(#params),*) -> #future),
            quote!(::std::boxed::Box::pin(#call)),
        )
    } else {
        let sig = &hook.method.sig;
        let (generics, output) = (&sig.generics, &sig.output);
        let params = hook.params();
        (
            quote!(fn __call #generics (&self, #(#params),*) #output),
            call,
        )
    };
    one_method_trait(spec, hook, &spec.hook_trait(hook), &signature, &body)
}

/// `__hookcore_PlatformsGetAdapterWrapper`, with `__wrap`.
pub(crate) fn wrapper_trait(spec: &Spec, hook: &Hook) -> TokenStream {
    let spec_ident = &spec.item.ident;
    let wrap = hook.wrap_ident();
    let next = spec.next_ident(hook);
    let args = hook.arg_names();
    let rest = format_ident!("next", span = Span::mixed_site());
    let plugin = plugin_param();
    let call = quote!(<#plugin as #spec_ident>::#wrap(self, #(#args,)* #rest));
    let (signature, body) = if hook.is_async() {
        let c = step_lifetime();
        let params = params_with(hook, &c);
        let future = boxed(spec, &outcome(hook), &c);
        (
            quote!(fn __wrap<#c>(&#c self, #(#params,)* #rest: #next<#c>) -> #future),
            quote!(::std::boxed::Box::pin(#call)),
        )
    } else {
        let params = hook.params();
        let (_, outcome) = hook.returns.call(hook.firstresult.is_some());
        let arrow = arrow(hook, &outcome);
        (
            quote!(fn __wrap(&self, #(#params,)* #rest: #next<'_>) #arrow),
            call,
        )
    };
    one_method_trait(spec, hook, &spec.wrapper_trait(hook), &signature, &body)
}

/// What an async hook's implementation returns: its declared type, or `()`.
fn outcome_of_hook(hook: &Hook) -> TokenStream {
    match &hook.method.sig.output {
        syn::ReturnType::Default => quote!(()),
        syn::ReturnType::Type(_, ty) => quote!(#ty),
    }
}
