//! The typed caller, `PlatformsHooks`: one method per hook, which runs the
//! wrappers around a call strategy over the implementations. A historic hook's
//! method records the call for plugins registered later.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};
use syn::Ident;

use super::ast::{Hook, Spec};
use super::docs;
use crate::returns::{Returns, Value};
use crate::signature::forward;

/// `PlatformsHooks`: one method per hook, same name and arguments; its docs say
/// what the call does, then quote the hook's.
pub(crate) fn caller(spec: &Spec) -> TokenStream {
    let krate = &spec.krate;
    let vis = &spec.item.vis;
    let spec_ident = &spec.item.ident;
    let caller_ident = spec.caller_ident();
    let doc = format!(
        "The typed caller of [`{spec_ident}`]'s hooks, returned by `PluginManager::<dyn {spec_ident}>::hook()`: one method per hook."
    );
    let methods = spec.hooks.iter().enumerate().map(|(at, hook)| {
        let index = spec.index(at);
        let method = if hook.historic.is_some() {
            historic_method(spec, &index, hook)
        } else if hook.is_async() {
            super::async_caller::caller_method(spec, &index, hook)
        } else {
            caller_method(spec, &index, hook)
        };
        let cfg = crate::cfg::attr(hook.cfg.as_ref());
        quote!(#cfg #method)
    });
    let wrapped_types = crate::lints::wrapped_types();
    quote! {
        #[doc = #doc]
        #vis struct #caller_ident<'a> {
            dispatch: #krate::__private::Dispatch<'a, dyn #spec_ident>,
        }

        // The methods call the hooks; a `#[deprecated]` hook warns where a user
        // calls its caller method, not here. The call's outcome wraps the hook's
        // type (`Vec<T>`, `Result<Vec<T>, E>`), which is the macros' doing.
        #[allow(deprecated)]
        #wrapped_types
        impl #caller_ident<'_> {
            #(#methods)*
        }
    }
}

/// The attributes a caller method copies from its hook: `#[deprecated]` (so that
/// calling a deprecated hook warns) and lint levels. Its docs are its own
/// (`docs::caller`), with the hook's quoted.
pub(crate) fn copied_attrs(hook: &Hook) -> Vec<syn::Attribute> {
    let mut attrs: Vec<syn::Attribute> = hook
        .method
        .attrs
        .iter()
        .filter(|attr| attr.path().is_ident("deprecated"))
        .cloned()
        .collect();
    attrs.extend(crate::lints::levels(&hook.method.attrs));
    attrs
}

fn caller_method(spec: &Spec, index: &TokenStream, hook: &Hook) -> TokenStream {
    let krate = &spec.krate;
    let spec_ident = &spec.item.ident;
    let hook_trait = spec.hook_trait(hook);
    let sig = &hook.method.sig;
    let name = &sig.ident;
    let generics = &sig.generics;
    let attrs = copied_attrs(hook);
    let params = hook.params();
    let args = hook.arg_names();
    let forwards: Vec<TokenStream> = hook.args.iter().map(|(arg, ty)| forward(arg, ty)).collect();
    let (strategy, output) = hook.returns.call(hook.firstresult.is_some());
    let arrow = arrow(hook, &output);
    let mut does = vec![docs::call(hook, strategy)];
    if hook.wrappable() {
        does.push("The hook's wrappers, if any, run around the implementations.".to_owned());
    }
    let docs = docs::caller(hook, &does);
    let strategy = Ident::new(strategy, Span::call_site());
    let plugin = format_ident!("plugin", span = Span::mixed_site());
    let impls = format_ident!("impls", span = Span::mixed_site());
    let dispatch = format_ident!("dispatch", span = Span::mixed_site());
    let monitors = format_ident!("monitors", span = Span::mixed_site());
    let call = format_ident!("call", span = Span::mixed_site());
    let owner = format_ident!("owner", span = Span::mixed_site());
    let value = format_ident!("value", span = Span::mixed_site());
    // The strategy over the implementations, each called directly.
    let plain = quote! {
        #krate::__private::call::#strategy(
            #impls,
            |#plugin| #hook_trait::__call(&**#plugin, #(#forwards),*),
        )
    };
    // The same, each implementation reported to the monitors before and after.
    let monitored = quote! {
        #krate::__private::call::#strategy(
            ::core::iter::Iterator::zip(#impls.iter(), #call.plugins),
            |(#plugin, #owner)| {
                #monitors.before_impl(#call, #owner);
                let #value = #hook_trait::__call(&**#plugin, #(#forwards),*);
                #monitors.after_impl(#call, #owner);
                #value
            },
        )
    };
    let after_call = quote! {
        {
            use #krate::__private::{ViaDebug as _, ViaNothing as _};
            #monitors.after_call(&#call, (&#krate::__private::DebugProbe(&#value)).probe());
        }
    };
    // The common case, no wrapper and no monitor, is one check and the strategy:
    // small enough for the method to inline where the user calls it.
    let fast = quote! {
        if let ::core::option::Option::Some(#impls) = self.dispatch.table().#name.plain() {
            return #plain;
        }
    };
    let body = if super::table::has_wrappers(hook) {
        // Each wrapper gets the arguments and the rest of the chain; the innermost
        // step runs the implementations. Nothing is allocated: the continuations
        // are closures on the stack.
        let wrapper_trait = spec.wrapper_trait(hook);
        let next = spec.next_ident(hook);
        // Items are not hygienic: the names must not collide with an argument.
        let chain = format_ident!("__hookcore_chain", span = Span::mixed_site());
        let wrapped = format_ident!("__hookcore_wrapped", span = Span::mixed_site());
        let wrappers = format_ident!("wrappers", span = Span::mixed_site());
        let monitor = format_ident!("monitor", span = Span::mixed_site());
        let wrapper = format_ident!("wrapper", span = Span::mixed_site());
        let inner = format_ident!("inner", span = Span::mixed_site());
        let rest = format_ident!("rest", span = Span::mixed_site());
        let objects = quote!(&[#krate::__private::Object<dyn #hook_trait>]);
        let wrapper_objects = quote!(&[#krate::__private::Object<dyn #wrapper_trait>]);
        let monitor_ty = quote! {
            ::core::option::Option<(&#krate::__private::Monitors, &#krate::__private::HookCall<'_>)>
        };
        quote! {
            #fast
            // The hook's arguments plus three of the chain's own.
            #[allow(clippy::too_many_arguments)]
            fn #chain(
                #wrappers: #wrapper_objects,
                #impls: #objects,
                #monitor: #monitor_ty,
                #(#params),*
            ) #arrow {
                match #wrappers.split_first() {
                    ::core::option::Option::Some((#wrapper, #inner)) => {
                        let mut #rest = |#(#params),*| #chain(#inner, #impls, #monitor, #(#args),*);
                        #wrapper_trait::__wrap(&**#wrapper, #(#args,)* #next::__new(&mut #rest))
                    }
                    ::core::option::Option::None => match #monitor {
                        ::core::option::Option::None => #plain,
                        ::core::option::Option::Some((#monitors, #call)) => #monitored,
                    },
                }
            }
            // Out of line, so that it does not weigh on the inlined fast path.
            #[inline(never)]
            fn #wrapped(
                #dispatch: &#krate::__private::Dispatch<'_, dyn #spec_ident>,
                #(#params),*
            ) #arrow {
                let #wrappers = #dispatch.table().#name.wrappers();
                let #impls = #dispatch.table().#name.impls();
                if let ::core::option::Option::Some(#monitors) = #dispatch.monitors() {
                    let #call = #dispatch.hook_call(#index);
                    #monitors.before_call(&#call);
                    let #value = #chain(#wrappers, #impls, ::core::option::Option::Some((#monitors, &#call)), #(#args),*);
                    #after_call
                    return #value;
                }
                #chain(#wrappers, #impls, ::core::option::Option::None, #(#args),*)
            }
            #wrapped(&self.dispatch, #(#args),*)
        }
    } else {
        // No wrappers (the continuation type cannot name this hook's lifetimes),
        // so past the fast path there is a monitor; the implementations run inline.
        quote! {
            #fast
            let #dispatch = &self.dispatch;
            let #impls = #dispatch.table().#name.impls();
            if let ::core::option::Option::Some(#monitors) = #dispatch.monitors() {
                let #call = &#dispatch.hook_call(#index);
                #monitors.before_call(#call);
                let #value = #monitored;
                #after_call
                return #value;
            }
            #plain
        }
    };
    // A wrappable hook's method is the fast path and one out-of-line call: always
    // inlined, so that the strategy's loop (and the vector a collecting hook
    // returns) lives in the user's code as a hand-written loop would. Left to
    // LLVM, a collecting method stayed out of line and cost 1.7× the floor at
    // N = 1. Other hooks keep their monitored path inline, so only a hint.
    let inline = if super::table::has_wrappers(hook) {
        quote!(#[inline(always)])
    } else {
        quote!(#[inline])
    };
    quote! {
        #(#docs)*
        #(#attrs)*
        #inline
        pub fn #name #generics (&self, #(#params),*) #arrow {
            #body
        }
    }
}

/// A historic hook's method: calls every implementation now, and every plugin
/// registered later when it registers; each result goes to `on_result`.
fn historic_method(spec: &Spec, index: &TokenStream, hook: &Hook) -> TokenStream {
    let krate = &spec.krate;
    let hook_trait = spec.hook_trait(hook);
    let name = &hook.method.sig.ident;
    let attrs = copied_attrs(hook);
    let params = hook.params();
    let args = hook.arg_names();
    let plugin = format_ident!("plugin", span = Span::mixed_site());
    let entry = format_ident!("entry", span = Span::mixed_site());
    let saved = format_ident!("saved", span = Span::mixed_site());
    let value = format_ident!("value", span = Span::mixed_site());
    let on_result = format_ident!("on_result", span = Span::mixed_site());
    // What the callback receives, and how a result reaches it.
    let (callback, deliver) = match (&hook.returns, hook.returns.value()) {
        (Returns::Direct(_), Value::Unit) => (None, quote!(let () = #value;)),
        (Returns::Direct(_), Value::Some(ty)) => (
            Some(quote!(#ty)),
            quote!(if let ::core::option::Option::Some(#value) = #value { #on_result(#value) }),
        ),
        (Returns::Direct(_), Value::Plain(ty)) => (Some(quote!(#ty)), quote!(#on_result(#value))),
        (Returns::Fallible { .. }, _) => {
            let syn::ReturnType::Type(_, ty) = &hook.method.sig.output else {
                unreachable!("a fallible hook has a return type")
            };
            (Some(quote!(#ty)), quote!(#on_result(#value)))
        }
    };
    let (callback_param, callback_doc) = match &callback {
        Some(ty) => (
            quote!(#on_result: impl ::core::ops::Fn(#ty) + ::core::marker::Send + ::core::marker::Sync + 'static),
            "Each implementation's result goes to `on_result`, now or when its plugin registers.",
        ),
        None => (quote!(), ""),
    };
    let shown = crate::signature::name(name);
    let doc = format!(
        "Calls the historic `{shown}` hook: every implementation runs now, in call order, and every plugin registered later runs it when it registers. {callback_doc}"
    );
    let docs = docs::caller(hook, &[doc.trim_end().to_owned()]);
    // Each argument is kept and cloned for every plugin registered later,
    // possibly on another thread. `__hookcore_replay` is generic over the
    // arguments, so its body holds for any kept type; the bounds are checked
    // where it is called, each at its own argument, which is spanned on the
    // argument's type in the hook's signature: a failing bound is one error there.
    let generics: Vec<Ident> = (0..hook.args.len())
        .map(|at| format_ident!("__HookcoreA{}", at, span = Span::mixed_site()))
        .collect();
    let kept_args = hook.args.iter().map(|(arg, ty)| {
        let mut arg = arg.clone();
        arg.set_span(syn::spanned::Spanned::span(ty));
        arg
    });
    let call = format_ident!("call", span = Span::mixed_site());
    let callback_clause = callback.as_ref().map(|_| quote!(,));
    // The callback and the replay's `call` are one argument more than the hook's.
    let extra = crate::lints::extra_arguments();
    quote! {
        #(#docs)*
        #(#attrs)*
        #extra
        pub fn #name(&self, #(#params,)* #callback_param #callback_clause) {
            // Items are not hygienic: the names must not collide with the user's.
            #extra
            fn __hookcore_replay<#(#generics,)* __HookcoreCall>(
                #(#args: #generics,)*
                #call: __HookcoreCall,
            ) -> #krate::__private::Replay
            where
                #(#generics: ::core::clone::Clone + #krate::__private::Kept,)*
                __HookcoreCall: ::core::ops::Fn(&(dyn #hook_trait + 'static), #(#generics),*)
                    + ::core::marker::Send + ::core::marker::Sync + 'static,
            {
                let #saved = ::std::sync::Mutex::new((#(#args,)*));
                #krate::__private::Arc::new(move |#entry: &#krate::__private::ErasedEntry| {
                    // Every entry of this hook is typed by its trait.
                    if let ::core::option::Option::Some(#plugin) = #entry.get::<dyn #hook_trait>() {
                        let (#(#args,)*) = ::core::clone::Clone::clone(
                            &*#saved.lock().unwrap_or_else(::std::sync::PoisonError::into_inner),
                        );
                        #call(#plugin, #(#args),*)
                    }
                })
            }
            self.dispatch.call_historic(
                #index,
                __hookcore_replay(#(#kept_args,)* move |#plugin: &(dyn #hook_trait + 'static), #(#args),*| {
                    let #value = #hook_trait::__call(#plugin, #(#args),*);
                    #deliver
                }),
            );
        }
    }
}

/// `-> output`, or nothing when a call of `hook` returns `()`.
pub(crate) fn arrow(hook: &Hook, output: &TokenStream) -> TokenStream {
    if hook.returns.call(hook.firstresult.is_some()).0 == "unit" {
        quote!()
    } else {
        quote!(-> #output)
    }
}
