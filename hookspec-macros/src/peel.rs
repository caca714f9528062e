//! Invisible groups taken off. Tokens from `macro_rules!` fragments (`$t:ty`,
//! `$l:literal`, `$p:path`, `$e:expr`) reach a proc macro inside a `Group` with
//! `Delimiter::None`, which syn keeps as `Type::Group` and `Expr::Group`: every
//! place that looks at what a type or value *is* looks through them here.

use proc_macro2::{Delimiter, TokenStream, TokenTree};
use syn::{Expr, Type};

/// `ty` without the invisible groups around it.
pub(crate) fn ty(mut ty: &Type) -> &Type {
    while let Type::Group(group) = ty {
        ty = &group.elem;
    }
    ty
}

/// `ty` without the invisible groups around it, to rewrite in place.
pub(crate) fn ty_mut(mut ty: &mut Type) -> &mut Type {
    while let Type::Group(group) = ty {
        ty = &mut group.elem;
    }
    ty
}

/// `expr` without the invisible groups around it.
pub(crate) fn expr(mut expr: &Expr) -> &Expr {
    while let Expr::Group(group) = expr {
        expr = &group.expr;
    }
    expr
}

/// `tokens` with every invisible group, at any depth, replaced by its contents:
/// for text a user reads (names, signatures in messages).
pub(crate) fn tokens(tokens: TokenStream) -> TokenStream {
    tokens
        .into_iter()
        .flat_map(|token| match token {
            TokenTree::Group(group) if group.delimiter() == Delimiter::None => {
                self::tokens(group.stream())
            }
            TokenTree::Group(group) => {
                let mut inner =
                    proc_macro2::Group::new(group.delimiter(), self::tokens(group.stream()));
                inner.set_span(group.span());
                TokenStream::from(TokenTree::Group(inner))
            }
            other => TokenStream::from(other),
        })
        .collect()
}

/// `text` parsed as tokens and wrapped in an invisible group, as a
/// `macro_rules!` fragment arrives (for tests).
#[cfg(test)]
pub(crate) fn invisible(text: &str) -> TokenStream {
    let inner: TokenStream = text.parse().expect("test input is tokens");
    TokenTree::Group(proc_macro2::Group::new(Delimiter::None, inner)).into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::quote;

    #[test]
    fn groups_are_peeled_at_any_nesting() {
        let inner = invisible("Option<u8>");
        let twice = TokenTree::Group(proc_macro2::Group::new(Delimiter::None, inner));
        let parsed: Type = syn::parse2(twice.into()).unwrap();
        assert!(matches!(parsed, Type::Group(_)));
        assert!(matches!(ty(&parsed), Type::Path(_)));
        let value: Expr = syn::parse2(invisible("\"name\"")).unwrap();
        assert!(matches!(expr(&value), Expr::Lit(_)));
    }

    #[test]
    fn text_has_no_trace_of_groups() {
        let group = invisible("Vec<u8>");
        let text = tokens(quote!(fn f(x: #group) -> (#group))).to_string();
        assert_eq!(text, quote!(fn f(x: Vec<u8>) -> (Vec<u8>)).to_string());
    }
}
