//! `#[cfg(..)]` on hooks and implementations. An attribute macro sees the items
//! inside its input before cfg is decided, so every item generated for a hook or
//! an implementation carries that hook's cfg, and the tables (`HOOKS`, `IMPLS`)
//! leave its entry out when the cfg is off.
//!
//! A hook's or method's attributes reduce to one predicate: `#[cfg(a)] #[cfg(b)]`
//! is `all(a, b)`, `#[cfg_attr(p, cfg(a))]` is `any(not(p), a)`.

use proc_macro2::TokenStream;
use quote::{ToTokens, quote};
use syn::punctuated::Punctuated;
use syn::{Attribute, Meta, Path, Token};

/// The cfg predicate under which an item exists; `None` when it always does.
pub(crate) fn predicate(attrs: &[Attribute]) -> Option<TokenStream> {
    let parts: Vec<TokenStream> = attrs
        .iter()
        .filter_map(|attr| of_meta(&attr.meta))
        .collect();
    all(parts)
}

fn all(mut parts: Vec<TokenStream>) -> Option<TokenStream> {
    match parts.len() {
        0 => None,
        1 => parts.pop(),
        _ => Some(quote!(all(#(#parts),*))),
    }
}

/// The predicate of one attribute: `cfg(p)` is `p`; `cfg_attr(p, ..)` switches the
/// cfgs among its attributes.
fn of_meta(meta: &Meta) -> Option<TokenStream> {
    let Meta::List(list) = meta else { return None };
    if list.path.is_ident("cfg") {
        return Some(list.tokens.clone());
    }
    if !list.path.is_ident("cfg_attr") {
        return None;
    }
    // A malformed `cfg_attr` is the compiler's to report, on the user's item.
    let (condition, attrs) = split_cfg_attr(list).ok()?;
    let inner = all(attrs.iter().filter_map(of_meta).collect())?;
    Some(quote!(any(not(#condition), #inner)))
}

/// `cfg_attr(condition, attr, ..)` as its condition and attributes.
pub(crate) fn split_cfg_attr(list: &syn::MetaList) -> syn::Result<(Meta, Vec<Meta>)> {
    list.parse_args_with(|input: syn::parse::ParseStream| {
        let condition: Meta = input.parse()?;
        input.parse::<Token![,]>()?;
        let attrs = Punctuated::<Meta, Token![,]>::parse_terminated(input)?;
        Ok((condition, attrs.into_iter().collect()))
    })
}

/// `#[cfg(predicate)]`, or nothing.
pub(crate) fn attr(predicate: Option<&TokenStream>) -> TokenStream {
    predicate.map_or_else(TokenStream::new, |predicate| quote!(#[cfg(#predicate)]))
}

/// A constant `bool`: whether the item exists.
fn kept(predicate: Option<&TokenStream>) -> TokenStream {
    predicate.map_or_else(
        || quote!(true),
        |predicate| quote!(::core::cfg!(#predicate)),
    )
}

/// A `&'static [ty]` of `entries`, each present when its predicate holds. Without
/// predicates it is the plain `&[..]`; with them, the entries go through
/// `__private::kept`, which drops those whose cfg is off.
pub(crate) fn slice(
    krate: &Path,
    ty: &TokenStream,
    entries: &[(Option<&TokenStream>, TokenStream)],
) -> TokenStream {
    let values = entries.iter().map(|(_, value)| value);
    if entries.iter().all(|(predicate, _)| predicate.is_none()) {
        return quote!(&[#(#values),*]);
    }
    let keep = entries.iter().map(|(predicate, _)| kept(*predicate));
    let count = entries.len();
    quote! {{
        const KEEP: [::core::primitive::bool; #count] = [#(#keep),*];
        const ALL: [#ty; #count] = [#(#values),*];
        const KEPT: [#ty; #krate::__private::kept_len(&KEEP)] = #krate::__private::kept(&KEEP, &ALL);
        &KEPT
    }}
}

/// The position of entry `at` in a [`slice`] of entries under `predicates`: `at`
/// itself, or, when an earlier entry may be left out, the number of earlier
/// entries that are kept.
pub(crate) fn index(krate: &Path, predicates: &[Option<&TokenStream>], at: usize) -> TokenStream {
    let earlier = &predicates[..at];
    if earlier.iter().all(Option::is_none) {
        return at.to_token_stream();
    }
    let keep = earlier.iter().map(|predicate| kept(*predicate));
    quote!(const { #krate::__private::kept_len(&[#(#keep),*]) })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn predicate_of(attrs: &str) -> Option<String> {
        let item: syn::ItemFn = syn::parse_str(&format!("{attrs} fn f() {{}}")).unwrap();
        predicate(&item.attrs).map(|predicate| predicate.to_string())
    }

    #[test]
    fn cfgs_combine_into_one_predicate() {
        assert_eq!(predicate_of("#[doc = \"x\"] #[inline]"), None);
        assert_eq!(predicate_of("#[cfg(unix)]").as_deref(), Some("unix"));
        assert_eq!(
            predicate_of("#[cfg(unix)] #[cfg(feature = \"x\")]").as_deref(),
            Some(quote!(all(unix, feature = "x")).to_string().as_str())
        );
        assert_eq!(
            predicate_of("#[cfg_attr(test, cfg(unix), inline)]").as_deref(),
            Some(quote!(any(not(test), unix)).to_string().as_str())
        );
        assert_eq!(predicate_of("#[cfg_attr(test, inline)]"), None);
    }
}
