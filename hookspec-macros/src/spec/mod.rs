//! `#[hookspec]` on a trait: parse, validate, expand.

mod ast;
mod async_caller;
mod async_wrap;
mod caller;
mod docs;
mod expand;
mod hook_traits;
mod repair;
mod table;
mod tagged;
mod validate;
mod wrap;

pub(crate) use ast::{Hook, Spec, item_keyword};

use proc_macro2::TokenStream;

use crate::errors::{Errors, with_fallback};
use crate::options::{Args, Options, Site};

pub(crate) fn hookspec(args: TokenStream, input: TokenStream) -> TokenStream {
    let item: syn::Item = match syn::parse2(input) {
        Ok(item) => item,
        Err(error) => return error.to_compile_error(),
    };
    let syn::Item::Trait(item) = item else {
        let error = syn::Error::new_spanned(
            item_keyword(&item),
            "#[hookspec] goes on a trait that declares the hooks: `#[hookspec] pub trait Spec { fn hook(&self); }`",
        );
        return with_fallback(item, &error);
    };
    let mut item = item;
    let mut errors = Errors::default();
    // A second #[hookspec] would expand the trait twice: reported, and removed.
    item.attrs.retain(|attr| {
        let again = attr
            .path()
            .segments
            .last()
            .is_some_and(|segment| segment.ident == "hookspec");
        if again {
            errors.at(attr, "#[hookspec] is given twice on this trait; remove one");
        }
        !again
    });
    let options = match syn::parse2::<Args>(args) {
        Ok(args) => Options::parse(Site::SpecTrait, args, &mut errors),
        Err(error) => {
            errors.push(error);
            Options::default()
        }
    };
    let spec = ast::Spec::parse(item, &options, &mut errors);
    validate::check(&spec, &mut errors);
    match errors.finish() {
        Ok(()) => expand::expand(&spec),
        Err(error) => {
            let mut tokens = expand::expand(&repair::repair(spec));
            tokens.extend(error.to_compile_error());
            tokens
        }
    }
}
