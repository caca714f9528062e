//! Code for a valid plugin: a trait impl the compiler checks against the spec, the
//! metadata the manager orders by, and a linkme entry unless the plugin is `runtime`.
//!
//! Everything but the user's item goes inside `const _: () = { ... };`, so no
//! generated name can collide with another expansion's; the names declared there
//! carry a `__hookimpl`/`__hookcore_` prefix, so they do not hide the user's
//! names used in the copied signatures.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{Ident, ItemFn, ItemImpl, Path};

use super::ast::{Method, Plugin, hook_ident, trait_method};
use super::items::{impl_meta, linked_plugin, plugin_impl, source};
use super::validate::{borrowing_wrapper, unit_value_path};
use crate::deprecation;
use crate::options::{Options, runtime_path};
use crate::signature::{pretty, respan};

pub(crate) fn expand(plugin: &Plugin) -> TokenStream {
    let Some(spec) = plugin.spec() else {
        // Validation reports a missing spec; nothing reaches here without one.
        return quote!();
    };
    match plugin {
        Plugin::Function { item, options } => function(item, options, spec),
        Plugin::Block {
            item,
            options,
            methods,
        } => {
            let plugin = block(item, options, methods, spec, !options.runtime.is_set());
            let item = with_probes(item, options, methods, spec);
            quote!(#item #plugin)
        }
    }
}

/// The block with a deprecation check at the start of each method
/// (`deprecation::probe`); `methods` has one entry per method, in order.
fn with_probes(item: &ItemImpl, options: &Options, methods: &[Method], spec: &Path) -> ItemImpl {
    let krate = runtime_path(options);
    let mut item = item.clone();
    let bodies = item
        .items
        .iter_mut()
        .filter_map(|impl_item| match impl_item {
            syn::ImplItem::Fn(method) => Some(method),
            _ => None,
        });
    for (body, method) in bodies.zip(methods) {
        let hook = hook_ident(&method.sig, &method.options);
        let probe = deprecation::probe(
            &krate,
            spec,
            &hook,
            method.sig.ident.span(),
            method.options.wrapper.is_set(),
        );
        body.block.stmts.insert(0, probe);
    }
    item
}

/// The output next to errors: the user's item without what the errors already
/// report, and for an impl block its `Plugin` impl, so that a host registering the
/// type does not get a second error.
pub(crate) fn after_error(plugin: &Plugin) -> TokenStream {
    match (plugin, plugin.spec()) {
        // A wrapper of a hook that takes none names a continuation type that does
        // not exist; rustc would report it again.
        (Plugin::Function { item, options }, _)
            if options.wrapper.is_set() && borrowing_wrapper(&item.sig).is_some() =>
        {
            quote!()
        }
        (Plugin::Function { item, .. }, _) => {
            let mut item = item.clone();
            // A receiver on a free function is reported; rustc would report it again.
            if let Some(syn::FnArg::Receiver(_)) = item.sig.inputs.first() {
                item.sig.inputs = item.sig.inputs.into_iter().skip(1).collect();
            }
            quote!(#item)
        }
        (
            Plugin::Block {
                item,
                options,
                methods,
            },
            Some(spec),
        ) => {
            let mut item = item.clone();
            // A method given twice is reported; rustc would report it again. Wrappers
            // and renamed methods are left out: their mistakes are reported by the
            // validation, and rustc would report them again against the spec.
            let wrappers: Vec<syn::Ident> = methods
                .iter()
                .filter(|method| {
                    method.options.wrapper.is_set() || method.options.specname.is_set()
                })
                .map(|method| {
                    trait_method(&hook_ident(&method.sig, &method.options), &method.options)
                })
                .collect();
            let mut seen = std::collections::BTreeSet::new();
            item.items.retain(|impl_item| match impl_item {
                syn::ImplItem::Fn(method) => {
                    !wrappers.contains(&method.sig.ident) && seen.insert(method.sig.ident.clone())
                }
                _ => true,
            });
            let plugin = block(&item, options, methods, spec, false);
            quote!(#item #plugin)
        }
        (Plugin::Block { item, .. }, None) => quote!(#item),
    }
}

/// A free function becomes the one hook of a zero-sized plugin object named after
/// it, so the compiler's messages about a wrong name or signature say the user's
/// function name and point at the user's tokens.
fn function(item: &ItemFn, options: &Options, spec: &Path) -> TokenStream {
    let krate = runtime_path(options);
    let sig = &item.sig;
    let name = &sig.ident;
    let generics = &sig.generics;
    let output = &sig.output;
    let args: Vec<Ident> = (0..sig.inputs.len())
        .map(|index| format_ident!("arg{}", index, span = Span::mixed_site()))
        .collect();
    let params = sig
        .inputs
        .iter()
        .zip(&args)
        .map(|(input, arg)| match input {
            syn::FnArg::Typed(typed) => {
                let ty = &typed.ty;
                quote!(#arg: #ty)
            }
            // Validation rejects receivers on functions.
            syn::FnArg::Receiver(receiver) => quote!(#receiver),
        });
    let method_name = trait_method(&hook_ident(sig, options), options);
    // Spanned on the user's name (or `specname`), so "not a member of trait"
    // points at it.
    // The function's lint levels, and `&self` is one argument more than it takes.
    let lints = crate::lints::levels(&item.attrs);
    let extra = crate::lints::extra_arguments();
    // The parameter list at the user's parentheses: rustc's suggestion to add a
    // missing return type then goes after them, not after the name.
    let mut inputs = proc_macro2::Group::new(
        proc_macro2::Delimiter::Parenthesis,
        quote_spanned!(method_name.span()=> &self, #(#params),*),
    );
    inputs.set_span(sig.paren_token.span.join());
    // An async function implements an async hook: the method awaits it.
    let asyncness = &sig.asyncness;
    let await_ = asyncness.map(|_| quote!(.await));
    let method = quote_spanned! {method_name.span()=>
        #[inline]
        #(#lints)*
        #extra
        #asyncness fn #method_name #generics #inputs #output {
            #name(#(#args),*) #await_
        }
    };
    // The plugin object is named after the function, so that rustc's notes on a
    // signature that differs from the hook's read `fn(&get_adapter, &str)`. In a
    // module of its own: in the `const _` block a struct of that name would hide a
    // module of that name in the signature's types.
    // (Raw stays raw: `struct r#type`.)
    let object_name = name.clone();
    let object_ty: syn::Type = syn::parse_quote!(__hookimpl::#object_name);
    let plugin_name = options
        .name
        .value
        .as_ref()
        .map_or_else(|| quote!(::core::module_path!()), |name| quote!(#name));
    let meta = impl_meta(&krate, sig, options);
    let key = crate::deprecation::entry_key(&hook_ident(sig, options), options.wrapper.is_set());
    // The type is private to this block, never registered at run time: it needs
    // no `Plugin` impl, only its one linked entry, asked by key (none, and no
    // second error, if the name is no hook).
    // No `const` items of its own: each costs the compiler a body of its own
    // (about 1.5 ms a function, debug).
    let spanned_krate = respan(&krate, spec.span());
    // A projection, not a bound: a trait that is no spec is then one error at
    // the user's path, with no note about where a bound is declared.
    let assert_spec = quote_spanned! {spec.span()=>
        let _: &::core::primitive::str = <dyn #spec as #spanned_krate::__private::HookSpec>::NAME;
    };
    // The deprecation and wrapper checks run here, once, when a manager is
    // made: no item of their own, and the function's lint levels apply.
    let checks = deprecation::checks(
        &krate,
        spec,
        &hook_ident(sig, options),
        sig.ident.span(),
        options.wrapper.is_set(),
    );
    let entries = quote! {{
        #assert_spec
        { #checks }
        #[allow(unused_imports)]
        use #krate::__private::{ViaNoEntry as _, ViaSpecEntry as _};
        let probe = #krate::__private::EntryProbe::<#object_ty, dyn #spec, #key>::new();
        #krate::__private::one_entry((&probe).linked(&#object_ty {}))
    }};
    let entries = quote! {
        #(#lints)*
        fn __hookcore_entries() -> ::std::vec::Vec<#krate::__private::ErasedEntry> #entries
    };
    let linked = linked_plugin(
        &krate,
        spec,
        &entries,
        &plugin_name,
        &source(&krate),
        &quote!(&[#meta]),
    );
    quote! {
        #item

        const _: () = {
            mod __hookimpl {
                #[allow(non_camel_case_types)]
                pub struct #object_name {}
            }

            impl #spec for #object_ty {
                #method
            }

            #linked
        };
    }
}

/// An impl block gains `Plugin<dyn Spec>`, and with `link` a linked instance.
fn block(
    item: &ItemImpl,
    options: &Options,
    methods: &[Method],
    spec: &Path,
    link: bool,
) -> TokenStream {
    let krate = runtime_path(options);
    let self_ty = &item.self_ty;
    let metas: Vec<(Option<&TokenStream>, TokenStream)> = methods
        .iter()
        .map(|method| {
            let meta = impl_meta(&krate, &method.sig, &method.options);
            (method.cfg.as_ref(), meta)
        })
        .collect();
    let meta_ty = quote!(#krate::__private::ImplMeta);
    let metas = crate::cfg::slice(&krate, &meta_ty, &metas);
    let source = source(&krate);
    let keys: Vec<(Option<&TokenStream>, u64)> = methods
        .iter()
        .map(|method| {
            let hook = hook_ident(&method.sig, &method.options);
            let key = crate::deprecation::entry_key(&hook, method.options.wrapper.is_set());
            (method.cfg.as_ref(), key)
        })
        .collect();
    let plugin_impl = plugin_impl(&krate, spec, self_ty, &item.generics, &keys);
    let instance = match (&options.instance.value, unit_value_path(self_ty)) {
        // A const block: a non-const expression is then reported as such.
        (Some(instance), _) => Some(quote!(const { #instance })),
        // `Type {}` builds a unit struct, and for a struct with fields the
        // compiler names the missing fields, at the user's type.
        (None, Some(path)) => Some(quote!(#path {})),
        // Validation asks for `instance` or `runtime` here.
        (None, None) => None,
    };
    let (instance, linked) = match instance {
        Some(instance) if link => {
            let plugin_name = options.name.value.as_ref().map_or_else(
                || {
                    let type_name = format!("::{}", pretty(self_ty));
                    quote!(::core::concat!(::core::module_path!(), #type_name))
                },
                |name| quote!(#name),
            );
            let entries = quote! {
                fn __hookcore_entries() -> ::std::vec::Vec<#krate::__private::ErasedEntry> {
                    <#self_ty as #krate::__private::Plugin<dyn #spec>>::__entries(
                        &#krate::__private::Owner::Static(&__HOOKCORE_INSTANCE),
                    )
                }
            };
            let linked = linked_plugin(
                &krate,
                spec,
                &entries,
                &plugin_name,
                &quote!(__HOOKCORE_SOURCE),
                &quote!(__HOOKCORE_IMPLS),
            );
            // A static, not a const: the instance may hold atomics or locks.
            let instance = quote!(static __HOOKCORE_INSTANCE: #self_ty = #instance;);
            (instance, linked)
        }
        _ => (quote!(), quote!()),
    };
    // The user's `instance` expression stands in the outer block, where the
    // only generated name is the instance's own: the items of the inner block
    // cannot be named by it.
    quote! {
        const _: () = {
            #instance

            const _: () = {
                const __HOOKCORE_SOURCE: #krate::__private::Source = #source;
                const __HOOKCORE_IMPLS: &'static [#krate::__private::ImplMeta] = #metas;

                #plugin_impl
                #linked
            };
        };
    }
}
