//! Option parsing: values from macro fragments, and the edit distance behind
//! "did you mean".

use super::messages::edit_distance;
use super::*;
use crate::peel::invisible;
use quote::quote;

/// Options written with values from `macro_rules!` fragments.
fn parse_grouped(site: Site, args: proc_macro2::TokenStream) -> (Options, Errors) {
    let mut errors = Errors::default();
    let options = Options::parse(site, syn::parse2(args).unwrap(), &mut errors);
    (options, errors)
}

#[test]
fn values_from_macro_fragments_are_taken() {
    let (name, before, after, krate) = (
        invisible("\"p\""),
        invisible("\"a\""),
        invisible("[\"b\", \"c\"]"),
        invisible("::my::hookcore"),
    );
    let (options, errors) = parse_grouped(
        Site::ImplFn,
        quote!(Spec, name = #name, before = #before, after = #after, crate = #krate),
    );
    assert!(errors.finish().is_ok());
    assert_eq!(options.name.value.unwrap().value(), "p");
    let names = |list: Vec<LitStr>| list.iter().map(LitStr::value).collect::<Vec<_>>();
    assert_eq!(names(options.before.value.unwrap()), ["a"]);
    assert_eq!(names(options.after.value.unwrap()), ["b", "c"]);
    let krate = options.krate.value.unwrap();
    assert_eq!(
        quote!(#krate).to_string(),
        quote!(::my::hookcore).to_string()
    );

    let (spec, hook) = (invisible("crate::Spec"), invisible("\"get\""));
    let (options, errors) = parse_grouped(Site::ImplFn, quote!(#spec, specname = #hook));
    assert!(errors.finish().is_ok());
    assert_eq!(options.specname.value.unwrap(), "get");
    assert!(options.spec.is_some());
}

#[test]
fn edit_distance_counts_single_edits() {
    assert_eq!(edit_distance("firstresult", "firstresult"), 0);
    assert_eq!(edit_distance("firsresult", "firstresult"), 1);
    assert_eq!(edit_distance("tryfrist", "tryfirst"), 2);
    assert_eq!(edit_distance("", "name"), 4);
}
