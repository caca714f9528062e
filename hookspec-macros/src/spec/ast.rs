//! A hook spec as plain data: the trait, its hooks and their options.

use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::{Ident, ItemTrait, Path, TraitItem, TraitItemFn, Type};

use crate::errors::Errors;
use crate::options::{self, Options, Site};
use crate::returns::Returns;
use crate::signature;

pub(crate) struct Spec {
    /// The trait with our helper attributes removed.
    pub item: ItemTrait,
    /// How generated code names hookcore.
    pub krate: Path,
    pub hooks: Vec<Hook>,
    /// `?Send`: the async hooks' futures need not be `Send` (local executors).
    pub maybe_send: bool,
}

pub(crate) struct Hook {
    /// The method as written, helper attributes removed.
    pub method: TraitItemFn,
    /// The `firstresult` keyword, if given.
    pub firstresult: Option<Span>,
    /// The `historic` keyword, if given.
    pub historic: Option<Span>,
    pub returns: Returns,
    pub args: Vec<(Ident, Type)>,
    /// The cfg predicate the hook exists under, if any (`crate::cfg`).
    pub cfg: Option<TokenStream>,
}

impl Hook {
    /// Whether the hook is an `async fn`: its call is awaited.
    pub(crate) fn is_async(&self) -> bool {
        self.method.sig.asyncness.is_some()
    }

    /// `name: Type` for each argument after `&self`.
    pub(crate) fn params(&self) -> Vec<TokenStream> {
        self.args
            .iter()
            .map(|(arg, ty)| quote!(#arg: #ty))
            .collect()
    }

    /// The arguments' names.
    pub(crate) fn arg_names(&self) -> Vec<&Ident> {
        self.args.iter().map(|(arg, _)| arg).collect()
    }

    /// The arguments' types.
    pub(crate) fn arg_types(&self) -> Vec<&Type> {
        self.args.iter().map(|(_, ty)| ty).collect()
    }

    /// Whether the hook gets a wrapper method and continuation type. Not when its
    /// signature names lifetimes that the continuation type could not express: an
    /// explicit lifetime parameter, or an elided lifetime in the return type.
    ///
    /// A historic hook counts: it gets the `wrap_` method and `Next` type a
    /// wrapper is written against (never called), so that its wrapper's one
    /// error is the rule it breaks, not a missing generated name.
    pub(crate) fn wrappable(&self) -> bool {
        let sig = &self.method.sig;
        sig.generics.params.is_empty()
            && match &sig.output {
                syn::ReturnType::Default => true,
                syn::ReturnType::Type(_, ty) => !signature::has_elided_lifetime(ty),
            }
    }

    /// `wrap_get_adapter`: the trait method a `#[hookimpl(wrapper)]` implements.
    pub(crate) fn wrap_ident(&self) -> Ident {
        signature::wrap_ident(&self.method.sig.ident)
    }
}

impl Spec {
    pub(crate) fn parse(mut item: ItemTrait, options: &Options, errors: &mut Errors) -> Spec {
        let mut hooks = Vec::new();
        for trait_item in &mut item.items {
            if let TraitItem::Fn(method) = trait_item {
                let options =
                    options::take(&mut method.attrs, "hookspec", Site::SpecMethod, errors);
                options::reject(
                    &mut method.attrs,
                    "hookimpl",
                    "#[hookimpl] marks an implementation, and this is the hook's declaration; options of a hook go in `#[hookspec(...)]`",
                    errors,
                );
                hooks.push(Hook {
                    cfg: crate::cfg::predicate(&method.attrs),
                    firstresult: options.firstresult.span,
                    historic: options.historic.span,
                    returns: Returns::classify(&method.sig.output),
                    args: signature::named_args(&method.sig, errors),
                    method: method.clone(),
                });
            }
        }
        Spec {
            item,
            krate: options::runtime_path(options),
            maybe_send: options.maybe_send.is_set(),
            hooks,
        }
    }

    /// The position of the hook at `at` in `HOOKS`, the dispatch table's index
    /// for it (hooks before it may be cfg'd out).
    pub(crate) fn index(&self, at: usize) -> TokenStream {
        let predicates: Vec<Option<&TokenStream>> =
            self.hooks.iter().map(|hook| hook.cfg.as_ref()).collect();
        crate::cfg::index(&self.krate, &predicates, at)
    }

    /// `PlatformsGetAdapterNext` for the hook `get_adapter` of `Platforms`.
    pub(crate) fn next_ident(&self, hook: &Hook) -> Ident {
        signature::next_ident(&self.item.ident, &hook.method.sig.ident)
    }

    /// `__hookcore_PlatformsGetAdapter`: the trait the table's entries of
    /// `get_adapter` are typed by. The prefix keeps rustc from proposing it for
    /// a misspelt name of the user's.
    pub(crate) fn hook_trait(&self, hook: &Hook) -> Ident {
        signature::hook_item_ident(&self.item.ident, &hook.method.sig.ident, "__hookcore_", "")
    }

    /// `__hookcore_PlatformsGetAdapterWrapper`: the trait the table's wrappers of
    /// `get_adapter` are typed by.
    pub(crate) fn wrapper_trait(&self, hook: &Hook) -> Ident {
        signature::hook_item_ident(
            &self.item.ident,
            &hook.method.sig.ident,
            "__hookcore_",
            "Wrapper",
        )
    }

    /// `__hookcore_PlatformsTable`: the typed table.
    pub(crate) fn table_ident(&self) -> Ident {
        quote::format_ident!(
            "__hookcore_{}Table",
            self.item.ident,
            span = self.item.ident.span()
        )
    }

    /// `+ Send` on an async hook's future, unless the spec is `?Send`.
    pub(crate) fn future_send(&self) -> proc_macro2::TokenStream {
        if self.maybe_send {
            quote!()
        } else {
            quote!(+ ::core::marker::Send)
        }
    }

    /// `PlatformsTaggedHooks` for `Platforms`.
    pub(crate) fn tagged_ident(&self) -> Ident {
        quote::format_ident!(
            "{}TaggedHooks",
            self.item.ident,
            span = self.item.ident.span()
        )
    }

    /// `PlatformsHooks` for `Platforms`.
    pub(crate) fn caller_ident(&self) -> Ident {
        quote::format_ident!("{}Hooks", self.item.ident, span = self.item.ident.span())
    }
}

/// The keyword that starts `item` (`struct`, `fn`, ...), where "#[hookspec] goes on a
/// trait" points.
pub(crate) fn item_keyword(item: &syn::Item) -> TokenStream {
    match item {
        syn::Item::Struct(item) => {
            let token = item.struct_token;
            quote!(#token)
        }
        syn::Item::Enum(item) => {
            let token = item.enum_token;
            quote!(#token)
        }
        syn::Item::Fn(item) => {
            let token = item.sig.fn_token;
            quote!(#token)
        }
        syn::Item::Impl(item) => {
            let token = item.impl_token;
            quote!(#token)
        }
        other => quote!(#other),
    }
}
