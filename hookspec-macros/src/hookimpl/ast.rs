//! A plugin as plain data: a free function or an impl block, its options and the
//! hooks it implements.

use proc_macro2::Span;
use syn::{ImplItemFn, ItemFn, ItemImpl, Path};

use crate::errors::Errors;
use crate::options::{self, Options, Site};

pub(crate) enum Plugin {
    /// `#[hookimpl(Spec)] fn hook(..)`: the module is the plugin.
    Function { item: ItemFn, options: Options },
    /// `#[hookimpl] impl Spec for Type`.
    Block {
        /// The block, helper attributes removed from its methods.
        item: ItemImpl,
        options: Options,
        /// One entry per method, in order.
        methods: Vec<Method>,
    },
}

/// A method of a `#[hookimpl]` impl block and its `#[hookimpl(..)]` options.
pub(crate) struct Method {
    /// The signature as the user wrote it (a wrapper's name is the hook's).
    pub sig: syn::Signature,
    pub options: Options,
    /// The cfg predicate the method exists under, if any (`crate::cfg`).
    pub cfg: Option<proc_macro2::TokenStream>,
}

impl Plugin {
    pub(crate) fn parse(item: syn::Item, options: Options, errors: &mut Errors) -> Plugin {
        match item {
            syn::Item::Fn(item) => Plugin::Function { item, options },
            syn::Item::Impl(mut item) => {
                let methods = item
                    .items
                    .iter_mut()
                    .filter_map(|impl_item| match impl_item {
                        syn::ImplItem::Fn(method) => Some(Method::take(method, errors)),
                        _ => None,
                    })
                    .collect();
                Plugin::Block {
                    item,
                    options,
                    methods,
                }
            }
            _ => unreachable!("hookimpl() dispatches only functions and impl blocks here"),
        }
    }

    /// The spec trait: named in the attribute of a function, in the `impl` of a block.
    pub(crate) fn spec(&self) -> Option<&Path> {
        match self {
            Plugin::Function { options, .. } => options.spec.as_ref(),
            Plugin::Block { item, .. } => item.trait_.as_ref().map(|(path, _)| path),
        }
    }
}

impl Method {
    fn take(method: &mut ImplItemFn, errors: &mut Errors) -> Method {
        let options = options::take(&mut method.attrs, "hookimpl", Site::ImplMethod, errors);
        options::reject(
            &mut method.attrs,
            "hookspec",
            "#[hookspec] options belong on the hook's declaration in the spec trait, not on an implementation",
            errors,
        );
        let sig = method.sig.clone();
        // The spec method this implements: `specname` renames it, and a wrapper
        // implements the spec's `wrap_<hook>` method.
        method.sig.ident = trait_method(&hook_ident(&sig, &options), &options);
        let cfg = crate::cfg::predicate(&method.attrs);
        Method { sig, options, cfg }
    }
}

/// The hook implemented: `specname = "..."`, else the function's own name.
pub(crate) fn hook_ident(sig: &syn::Signature, options: &Options) -> syn::Ident {
    options
        .specname
        .value
        .clone()
        .unwrap_or_else(|| sig.ident.clone())
}

/// The spec trait's method that implements `hook`: the hook itself, or its
/// `wrap_` method for a wrapper.
pub(crate) fn trait_method(hook: &syn::Ident, options: &Options) -> syn::Ident {
    if options.wrapper.is_set() {
        crate::signature::wrap_ident(hook)
    } else {
        hook.clone()
    }
}

/// `Order::TryFirst` and friends, from the options.
pub(crate) fn order_variant(options: &Options) -> &'static str {
    if options.tryfirst.is_set() {
        "TryFirst"
    } else if options.trylast.is_set() {
        "TryLast"
    } else {
        "Normal"
    }
}

/// Where a message about the attribute as a whole points.
pub(crate) fn attribute_span() -> Span {
    Span::call_site()
}
