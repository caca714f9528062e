//! Lint levels for generated items. What the macros generate for a hook copies
//! its argument and return types, so the lints those trip (`too_many_arguments`,
//! `type_complexity`) fire there too: the levels the user sets on the hook are
//! carried onto those items, and the lints that only the macros' additions
//! trip (a continuation, a callback, `&self`) are allowed where they are added.

use quote::quote;
use syn::{Attribute, parse_quote};

/// The lint levels on `attrs` (`allow`, `expect`, `warn`, `deny`), for the
/// items generated from them. `expect` becomes `allow`: not every generated copy
/// trips the lint, and an unmet expectation would warn there.
pub(crate) fn levels(attrs: &[Attribute]) -> Vec<Attribute> {
    attrs
        .iter()
        .filter_map(|attr| {
            let level = attr.path().get_ident()?.to_string();
            let syn::Meta::List(list) = &attr.meta else {
                return None;
            };
            match level.as_str() {
                "allow" | "warn" | "deny" => Some(attr.clone()),
                "expect" => {
                    let lints = &list.tokens;
                    Some(parse_quote!(#[allow(#lints)]))
                }
                _ => None,
            }
        })
        .collect()
}

/// `#[allow(clippy::too_many_arguments)]`, for a generated function with more
/// parameters than its hook: the extra one is the macros' doing.
pub(crate) fn extra_arguments() -> proc_macro2::TokenStream {
    quote!(#[allow(clippy::too_many_arguments)])
}

/// `#[allow(clippy::type_complexity)]`, for a generated item whose types wrap the
/// hook's (`Vec<T>`, `Tagged<T>`, a continuation's closure): the wrapping is the
/// macros' doing.
pub(crate) fn wrapped_types() -> proc_macro2::TokenStream {
    quote!(#[allow(clippy::type_complexity)])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_are_kept_and_expectations_become_allows() {
        let item: syn::ItemFn = syn::parse_str(
            "#[doc = \"x\"] #[allow(clippy::a)] #[expect(clippy::b)] #[deny(c)] #[inline] fn f() {}",
        )
        .unwrap();
        let kept: Vec<String> = levels(&item.attrs)
            .iter()
            .map(|attr| quote!(#attr).to_string())
            .collect();
        assert_eq!(
            kept,
            [
                quote!(#[allow(clippy::a)]).to_string(),
                quote!(#[allow(clippy::b)]).to_string(),
                quote!(#[deny(c)]).to_string(),
            ]
        );
    }
}
