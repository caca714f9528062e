//! The items a plugin's expansion shares between free functions and `impl`
//! blocks: the `Plugin` impl, the entries asked by hook key, the linkme entry
//! with its metadata, and the metadata itself.

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{Ident, Path};

use super::ast::{hook_ident, order_variant};
use crate::options::Options;
use crate::signature::respan;

/// `Plugin<dyn Spec>` for the plugin type, from `__HOOKCORE_SOURCE` and
/// `__HOOKCORE_IMPLS`, with the entries of the hooks at `keys` (each under its
/// method's cfg). Spanned on the spec's path, where "not a hook spec" then
/// points.
pub(super) fn plugin_impl(
    krate: &Path,
    spec: &Path,
    self_ty: &syn::Type,
    generics: &syn::Generics,
    keys: &[(Option<&TokenStream>, u64)],
) -> TokenStream {
    let (impl_generics, _, where_clause) = generics.split_for_impl();
    let spanned_krate = respan(krate, spec.span());
    let plugin_trait = quote_spanned!(spec.span()=> #spanned_krate::__private::Plugin<dyn #spec>);
    let owner = quote::format_ident!("owner", span = Span::mixed_site());
    let entries = entries(krate, spec, keys, &owner);
    // A projection, not a bound: a trait that is no spec is then one error at
    // the user's path, with no note about where a bound is declared.
    quote_spanned! {spec.span()=>
        const _: &::core::primitive::str = <dyn #spec as #spanned_krate::__private::HookSpec>::NAME;

        impl #impl_generics #plugin_trait for #self_ty #where_clause {
            const SOURCE: #krate::__private::Source = __HOOKCORE_SOURCE;
            const IMPLS: &'static [#krate::__private::ImplMeta] = __HOOKCORE_IMPLS;

            fn __entries(#owner: &#krate::__private::Owner<Self>) -> ::std::vec::Vec<#krate::__private::ErasedEntry> {
                #entries
            }

            fn __into_any(
                self: #krate::__private::Arc<Self>,
            ) -> ::core::option::Option<#krate::__private::Arc<dyn ::core::any::Any + ::core::marker::Send + ::core::marker::Sync>> {
                #[allow(unused_imports)]
                use #krate::__private::{ViaKeep as _, ViaNoKeep as _};
                (&#krate::__private::KeepProbe::<Self>::new()).keep(self)
            }
        }
    }
}

/// The entries of `owner`'s object for the hooks at `keys`; none for a name
/// that is no hook or a trait that is no spec (already an error, no second one).
fn entries(
    krate: &Path,
    spec: &Path,
    keys: &[(Option<&TokenStream>, u64)],
    owner: &Ident,
) -> TokenStream {
    let entries = quote::format_ident!("entries", span = Span::mixed_site());
    let pushes = keys.iter().map(|(cfg, key)| {
        let cfg = crate::cfg::attr(*cfg);
        quote! {
            #cfg
            ::core::iter::Extend::extend(
                &mut #entries,
                (&#krate::__private::EntryProbe::<Self, dyn #spec, #key>::new()).entry(#owner),
            );
        }
    });
    quote! {
        #[allow(unused_imports)]
        use #krate::__private::{ViaNoEntry as _, ViaSpecEntry as _};
        #[allow(unused_mut)]
        let mut #entries = ::std::vec::Vec::new();
        #(#pushes)*
        let _ = #owner;
        #entries
    }
}

/// The linkme entry of a linked plugin: its entries (made by `entries`, on the
/// manager's first use), name, source and
/// implementations, with the identity of the spec it implements (none, and no
/// second error, if the trait is not a spec), by which a plugin built against
/// another version of the spec's crate is recognised.
pub(super) fn linked_plugin(
    krate: &Path,
    spec: &Path,
    entries: &TokenStream,
    name: &TokenStream,
    source: &TokenStream,
    impls: &TokenStream,
) -> TokenStream {
    quote! {
        #entries
        static __HOOKCORE_OBJECT: #krate::__private::LinkedEntries<dyn #spec> =
            #krate::__private::LinkedEntries::new(__hookcore_entries);

        fn __hookcore_spec() -> ::core::option::Option<#krate::__private::SpecIdentity> {
            #[allow(unused_imports)]
            use #krate::__private::{ViaNoSpecIdentity as _, ViaSpecIdentity as _};
            (&#krate::__private::IdentityProbe::<dyn #spec>::new()).identity()
        }

        #[#krate::__private::linkme::distributed_slice(#krate::__private::LINKED)]
        #[linkme(crate = #krate::__private::linkme)]
        static __HOOKCORE_ENTRY: #krate::__private::LinkedPlugin = #krate::__private::LinkedPlugin {
            object: &__HOOKCORE_OBJECT,
            name: #name,
            source: #source,
            impls: #impls,
            spec: __hookcore_spec,
        };
    }
}

/// Where the implementation was compiled: read in the plugin's crate.
pub(super) fn source(krate: &Path) -> TokenStream {
    quote! {
        #krate::__private::Source::__new(
            ::core::env!("CARGO_PKG_NAME"),
            ::core::env!("CARGO_PKG_VERSION"),
            ::core::module_path!(),
        )
    }
}

/// The `ImplMeta` of one implementation; `file!()` and `line!()` carry the span of
/// the function's name, so they report where the user wrote it.
pub(super) fn impl_meta(krate: &Path, sig: &syn::Signature, options: &Options) -> TokenStream {
    let hook = crate::signature::name(&hook_ident(sig, options));
    let order = Ident::new(order_variant(options), Span::call_site());
    let location = sig.ident.span();
    let file = quote_spanned!(location=> ::core::file!());
    let line = quote_spanned!(location=> ::core::line!());
    let wrapper = options.wrapper.is_set();
    let before = options.before.value.iter().flatten();
    let after = options.after.value.iter().flatten();
    quote! {
        #krate::__private::ImplMeta {
            hook: #hook,
            wrapper: #wrapper,
            order: #krate::__private::Order::#order,
            before: &[#(#before),*],
            after: &[#(#after),*],
            file: #file,
            line: #line,
        }
    }
}
