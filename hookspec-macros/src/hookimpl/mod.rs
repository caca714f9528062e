//! `#[hookimpl]` on a free function or an `impl Spec for Type` block: parse,
//! validate, expand.

mod ast;
mod expand;
mod items;
mod validate;

use proc_macro2::TokenStream;

use crate::errors::{Errors, with_fallback};
use crate::options::{Args, Options, Site};

pub(crate) fn hookimpl(args: TokenStream, input: TokenStream) -> TokenStream {
    let item: syn::Item = match syn::parse2(input) {
        Ok(item) => item,
        Err(error) => return error.to_compile_error(),
    };
    let site = match &item {
        syn::Item::Fn(_) => Site::ImplFn,
        syn::Item::Impl(_) => Site::ImplBlock,
        other => {
            let error = syn::Error::new_spanned(
                crate::spec::item_keyword(other),
                "#[hookimpl] goes on a function (`#[hookimpl(Spec)] fn hook(..)`) or on an impl block (`#[hookimpl] impl Spec for Type`)",
            );
            return with_fallback(other, &error);
        }
    };
    let mut errors = Errors::default();
    let options = match syn::parse2::<Args>(args) {
        Ok(args) => Options::parse(site, args, &mut errors),
        Err(error) => {
            errors.push(error);
            Options::default()
        }
    };
    // A method (it takes `self`) whose attribute names no spec stands in an impl
    // block that lacks #[hookimpl]: the block is where its options are read. Left
    // as it is, so that the block still compiles as written.
    if let (syn::Item::Fn(function), None) = (&item, &options.spec)
        && let Some(syn::FnArg::Receiver(_)) = function.sig.inputs.first()
    {
        let error = syn::Error::new(
            ast::attribute_span(),
            "put #[hookimpl] on the impl block: `#[hookimpl] impl Spec for Type`; it reads the `#[hookimpl(..)]` options of its methods",
        );
        return with_fallback(&item, &error);
    }
    // An impl of a standard trait is no plugin; rustc would first report that the
    // trait cannot be a `dyn` type, at generated code.
    if let syn::Item::Impl(block) = &item
        && let Some(error) = validate::standard_trait(block)
    {
        return with_fallback(&item, &error);
    }
    let plugin = ast::Plugin::parse(item, options, &mut errors);
    validate::check(&plugin, &mut errors);
    match errors.finish() {
        Ok(()) => expand::expand(&plugin),
        Err(error) => {
            let mut tokens = expand::after_error(&plugin);
            tokens.extend(error.to_compile_error());
            tokens
        }
    }
}
