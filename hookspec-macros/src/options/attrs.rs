//! Our attributes among an item's attributes: taken out and parsed, or rejected
//! where they do not belong.

use syn::punctuated::Punctuated;

use super::{Args, Options, Site};
use crate::errors::Errors;

/// Removes the attributes named `name` (`#[hookspec(..)]`, `#[hookimpl(..)]`, with any
/// path before the name) from `attrs` and parses their options at `site`.
pub(crate) fn take(
    attrs: &mut Vec<syn::Attribute>,
    name: &str,
    site: Site,
    errors: &mut Errors,
) -> Options {
    let mut options = Options::default();
    let mut seen = false;
    let mut kept = Vec::with_capacity(attrs.len());
    for attr in attrs.drain(..) {
        if switches(&attr, name) {
            errors.at(
                &attr,
                format!(
                    "#[{name}(..)] options cannot be switched by `cfg_attr`: they are read before cfg is decided; write the item twice, under `#[cfg(..)]` and `#[cfg(not(..))]`"
                ),
            );
            continue;
        }
        let ours = attr
            .path()
            .segments
            .last()
            .is_some_and(|segment| segment.ident == name);
        if !ours {
            kept.push(attr);
            continue;
        }
        if seen {
            errors.at(
                &attr,
                format!("#[{name}] is given twice; put all options in one"),
            );
            continue;
        }
        seen = true;
        let args = match &attr.meta {
            syn::Meta::Path(_) => Args(Punctuated::new()),
            syn::Meta::List(list) => match list.parse_args::<Args>() {
                Ok(args) => args,
                Err(error) => {
                    errors.push(error);
                    continue;
                }
            },
            syn::Meta::NameValue(_) => {
                errors.at(
                    &attr,
                    format!("write options in parentheses: `#[{name}(...)]`"),
                );
                continue;
            }
        };
        options = Options::parse(site, args, errors);
    }
    *attrs = kept;
    options
}

/// Whether `attr` is a `cfg_attr` that would put attribute `name` on the item.
fn switches(attr: &syn::Attribute, name: &str) -> bool {
    let syn::Meta::List(list) = &attr.meta else {
        return false;
    };
    if !list.path.is_ident("cfg_attr") {
        return false;
    }
    let Ok((_, inner)) = crate::cfg::split_cfg_attr(list) else {
        return false;
    };
    inner.iter().any(|meta| {
        meta.path()
            .segments
            .last()
            .is_some_and(|segment| segment.ident == name)
    })
}

/// Removes the attributes named `name` from `attrs`, each reported with `message`.
pub(crate) fn reject(
    attrs: &mut Vec<syn::Attribute>,
    name: &str,
    message: &str,
    errors: &mut Errors,
) {
    attrs.retain(|attr| {
        let ours = attr
            .path()
            .segments
            .last()
            .is_some_and(|segment| segment.ident == name);
        if ours {
            errors.at(attr, message);
        }
        !ours
    });
}
