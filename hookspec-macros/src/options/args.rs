//! The syntax of an attribute's argument list, before any option is read.

use syn::ext::IdentExt;
use syn::parse::{Parse, ParseStream};
use syn::punctuated::Punctuated;
use syn::{Expr, Ident, Path, Token};

/// One comma-separated argument: `word`, `path::To::Spec`, `key = value`, or
/// `?Trait` (`?Send` on a spec).
pub(crate) enum Arg {
    Path(Path),
    KeyValue { key: Ident, value: Expr },
    Maybe { question: Token![?], bound: Ident },
}

impl Parse for Arg {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        if input.peek(Token![?]) {
            let question = input.parse()?;
            let bound = input.call(Ident::parse_any)?;
            return Ok(Arg::Maybe { question, bound });
        }
        // `crate = path` (the key is a keyword) or `key = value`
        if (input.peek(Ident::peek_any)) && input.peek2(Token![=]) {
            let key = input.call(Ident::parse_any)?;
            input.parse::<Token![=]>()?;
            let value = input.parse()?;
            return Ok(Arg::KeyValue { key, value });
        }
        // `tryfirst`, `Platforms`, `crate::spec::Platforms`
        Ok(Arg::Path(input.call(Path::parse_mod_style)?))
    }
}

/// The argument list of one attribute.
pub(crate) struct Args(pub Punctuated<Arg, Token![,]>);

impl Parse for Args {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        Ok(Args(Punctuated::parse_terminated(input)?))
    }
}
