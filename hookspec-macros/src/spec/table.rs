//! The typed dispatch table of a spec: for each hook, a one-method trait that a
//! table entry is typed by (`__hookcore_PlatformsGetAdapter`, and
//! `__hookcore_PlatformsGetAdapterWrapper` for its wrappers), implemented for every
//! plugin type of the spec; the table (`__hookcore_PlatformsTable`, a `HookCalls` field
//! per hook, named like it); and, per hook, the spec's `KeyedEntry`, by which a
//! plugin type gets the entry of a hook it implements, so that nothing is
//! instantiated for the others.
//!
//! A call goes through the entry's one-slot vtable straight to the plugin's
//! method: no per-plugin vtable of the whole spec exists, so the default bodies of
//! the hooks a plugin does not implement are never compiled for it.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};

use super::ast::{Hook, Spec};
use super::hook_traits::{self, plugin_param};

/// Whether `hook` has wrappers in the table: it takes them and is not historic.
pub(crate) fn has_wrappers(hook: &Hook) -> bool {
    hook.wrappable() && hook.historic.is_none()
}

pub(crate) fn table(spec: &Spec) -> TokenStream {
    let hook_traits = spec
        .hooks
        .iter()
        .map(|hook| hook_traits::hook_trait(spec, hook));
    let wrapper_traits = spec
        .hooks
        .iter()
        .filter(|hook| has_wrappers(hook))
        .map(|hook| hook_traits::wrapper_trait(spec, hook));
    let table = table_struct(spec);
    let build = keyed_entries(spec);
    quote! {
        #(#hook_traits)*
        #(#wrapper_traits)*
        #table
        #build
    }
}

/// The type a hook's wrappers are typed by: its wrapper trait, or none.
pub(crate) fn wrapper_type(spec: &Spec, hook: &Hook) -> TokenStream {
    if has_wrappers(hook) {
        let wrapper_trait = spec.wrapper_trait(hook);
        quote!(dyn #wrapper_trait)
    } else {
        let krate = &spec.krate;
        quote!(dyn #krate::__private::NoWrapper)
    }
}

/// `__hookcore_PlatformsTable`: a `HookCalls` per hook, a field named like the hook.
fn table_struct(spec: &Spec) -> TokenStream {
    let krate = &spec.krate;
    let vis = &spec.item.vis;
    let table = spec.table_ident();
    let index = format_ident!("index", span = Span::mixed_site());
    let mut fields = Vec::new();
    let mut defaults = Vec::new();
    let mut clones = Vec::new();
    let mut lookups = Vec::new();
    for (at, hook) in spec.hooks.iter().enumerate() {
        let name = &hook.method.sig.ident;
        let hook_trait = spec.hook_trait(hook);
        let wrapper = wrapper_type(spec, hook);
        let cfg = crate::cfg::attr(hook.cfg.as_ref());
        let position = spec.index(at);
        fields.push(quote!(#cfg #name: #krate::__private::HookCalls<dyn #hook_trait, #wrapper>));
        defaults.push(quote!(#cfg #name: ::core::default::Default::default()));
        clones.push(quote!(#cfg #name: ::core::clone::Clone::clone(&self.#name)));
        lookups.push(quote! {
            #cfg
            if #index == #position {
                return ::core::option::Option::Some(&mut self.#name);
            }
        });
    }
    quote! {
        #[doc(hidden)]
        #[allow(non_camel_case_types)]
        #vis struct #table {
            #(#fields,)*
        }

        impl ::core::default::Default for #table {
            fn default() -> Self {
                #table { #(#defaults,)* }
            }
        }

        impl ::core::clone::Clone for #table {
            fn clone(&self) -> Self {
                #table { #(#clones,)* }
            }
        }

        impl #krate::__private::Table for #table {
            fn hook_mut(
                &mut self,
                #index: ::core::primitive::usize,
            ) -> ::core::option::Option<&mut dyn #krate::__private::ErasedCalls> {
                #(#lookups)*
                let _ = #index;
                ::core::option::Option::None
            }
        }
    }
}

/// For each hook, and for its wrappers, `KeyedEntry<dyn Platforms, KEY>` for
/// every plugin type: the entry of that one hook, at the key a `#[hookimpl]`
/// computes from the hook's name (`deprecation::entry_key`). A plugin type
/// instantiates only the ones of the hooks it implements: deciding every hook
/// for every type, even by constants, cost 12 s of a 20 s debug build of 500
/// functions of a 50-hook spec.
fn keyed_entries(spec: &Spec) -> TokenStream {
    let krate = &spec.krate;
    let spec_ident = &spec.item.ident;
    let plugin = plugin_param();
    let object = format_ident!("object", span = Span::mixed_site());
    let mut impls = Vec::new();
    for (at, hook) in spec.hooks.iter().enumerate() {
        let name = &hook.method.sig.ident;
        let cfg = crate::cfg::attr(hook.cfg.as_ref());
        let position = spec.index(at);
        let hook_trait = spec.hook_trait(hook);
        let mut kinds = vec![(false, quote!(dyn #hook_trait))];
        if has_wrappers(hook) {
            let wrapper_trait = spec.wrapper_trait(hook);
            kinds.push((true, quote!(dyn #wrapper_trait)));
        }
        for (wrapper, ty) in kinds {
            let key = crate::deprecation::entry_key(name, wrapper);
            impls.push(quote! {
                #cfg
                impl<#plugin: #spec_ident + 'static> #krate::__private::KeyedEntry<dyn #spec_ident, #key, #plugin>
                    for #krate::__private::ForType<#plugin>
                {
                    fn linked(#object: &'static #plugin) -> #krate::__private::ErasedEntry {
                        #krate::__private::ErasedEntry::linked::<#ty>(#position, #wrapper, #object)
                    }

                    fn shared(#object: &#krate::__private::Arc<#plugin>) -> #krate::__private::ErasedEntry {
                        #krate::__private::ErasedEntry::shared(
                            #position,
                            #wrapper,
                            #object,
                            |#object: &#plugin| -> &(#ty + 'static) { #object },
                        )
                    }
                }
            });
        }
    }
    quote!(#(#impls)*)
}
