//! The front end never panics: arbitrary attribute arguments and items, as token
//! soup and as near-valid Rust built from a grammar, each yield an expansion or
//! compile errors. Run by `cargo test`; `PROPTEST_CASES=100000 cargo test -p
//! hookspec-macros fuzz` runs longer.

use std::panic::{AssertUnwindSafe, catch_unwind};

use proc_macro2::TokenStream;
use proptest::prelude::*;

/// Cases per property unless `PROPTEST_CASES` says otherwise.
const CASES: u32 = 2_000;

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|cases| cases.parse().ok())
        .unwrap_or(CASES);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// An attribute's entry point: arguments and item in, expansion out.
type Attribute = fn(TokenStream, TokenStream) -> TokenStream;

/// The two attributes, by name.
const ATTRIBUTES: [(&str, Attribute); 2] = [
    ("hookspec", crate::spec::hookspec),
    ("hookimpl", crate::hookimpl::hookimpl),
];

/// Runs both attributes on the input; fails if either panics or returns nothing.
fn expands_or_errs(args: &str, item: &str) -> Result<(), TestCaseError> {
    let (Ok(args), Ok(item)) = (args.parse::<TokenStream>(), item.parse::<TokenStream>()) else {
        return Ok(()); // not tokens at all (an unbalanced bracket): rustc never passes these
    };
    for (name, attribute) in ATTRIBUTES {
        let output = catch_unwind(AssertUnwindSafe(|| attribute(args.clone(), item.clone())));
        let output = output
            .map_err(|_| TestCaseError::fail(format!("#[{name}({args})] panicked on: {item}")))?;
        prop_assert!(
            !output.is_empty(),
            "#[{}({})] returned nothing for: {}",
            name,
            args,
            item
        );
    }
    Ok(())
}

/// Words and punctuation that attributes and hooks are made of.
fn token() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "firstresult",
        "historic",
        "tryfirst",
        "trylast",
        "wrapper",
        "name",
        "instance",
        "runtime",
        "crate",
        "before",
        "after",
        "specname",
        "Spec",
        "self",
        "Self",
        "fn",
        "trait",
        "impl",
        "for",
        "pub",
        "async",
        "unsafe",
        "const",
        "struct",
        "type",
        "where",
        "dyn",
        "mut",
        "&",
        "'a",
        "'_",
        "=",
        ",",
        ":",
        ";",
        "->",
        "::",
        "<",
        ">",
        "#",
        "!",
        "(",
        ")",
        "[",
        "]",
        "{",
        "}",
        "\"x\"",
        "\"\"",
        "1",
        "Option",
        "Result",
        "Vec",
        "String",
        "str",
        "u8",
        "x",
        "hook",
        "next",
    ])
}

fn soup(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(token(), 0..max).prop_map(|tokens| tokens.join(" "))
}

/// One option as an attribute argument, valid or not.
fn option() -> impl Strategy<Value = String> {
    prop_oneof![
        token().prop_map(str::to_owned),
        prop::sample::select(vec![
            "firstresult",
            "historic",
            "tryfirst",
            "trylast",
            "wrapper",
            "runtime",
            "Spec",
            "crate::Spec",
            "name = \"p\"",
            "name = \"\"",
            "name = 1",
            "before = \"a\"",
            "after = [\"a\", \"b\"]",
            "after = [1]",
            "specname = \"hook\"",
            "specname = \"two words\"",
            "instance = Spec",
            "instance = 1 + 1",
            "crate = ::hookcore",
            "crate = 1",
            "tryfirst = true",
        ])
        .prop_map(str::to_owned),
    ]
}

fn options() -> BoxedStrategy<String> {
    prop::collection::vec(option(), 0..4)
        .prop_map(|options| options.join(", "))
        .boxed()
}

/// A type, valid or not, for arguments and return types.
fn ty() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "u8",
        "&str",
        "&mut Vec<String>",
        "String",
        "Option<u8>",
        "Result<(), String>",
        "Result<Option<u8>, E>",
        "std::io::Result<u8>",
        "()",
        "impl Fn()",
        "&'a str",
        "Box<dyn Fn(&str)>",
        "Vec<&str>",
        "(u8, u8)",
        "[u8; 2]",
        "T",
        "Next<'_>",
        "SpecHookNext<'_>",
    ])
}

/// `valid` most of the time, else one of `others`: near-valid input reaches the
/// validation and the expansion, not only the parser.
fn mostly(valid: &'static str, others: Vec<&'static str>) -> BoxedStrategy<&'static str> {
    prop_oneof![4 => Just(valid), 1 => prop::sample::select(others)].boxed()
}

/// A hook signature: receiver, arguments, return type, qualifiers, options.
fn method() -> impl Strategy<Value = String> {
    (
        mostly("", vec!["async ", "unsafe ", "const "]),
        prop::sample::select(vec!["hook", "other", "third", "wrap_hook", "r#type"]),
        mostly("", vec!["<T>", "<'a>", "<const N: usize>"]),
        mostly("&self", vec!["&mut self", "self", "", "self: Box<Self>"]),
        prop::collection::vec((mostly("x", vec!["_", "(a, b)", "mut y"]), ty()), 0..3),
        prop::option::of(ty()),
        mostly(";", vec![" { }", " { 1 }"]),
        prop_oneof![3 => Just(String::new()), 1 => options()],
        mostly("doc", vec!["hookspec", "hookimpl", "deprecated"]),
    )
        .prop_map(
            |(qualifier, name, generics, receiver, args, output, body, options, attribute)| {
                let mut params: Vec<String> = args
                    .iter()
                    .enumerate()
                    .map(|(at, (pattern, ty))| match *pattern {
                        "x" => format!("x{at}: {ty}"),
                        other => format!("{other}: {ty}"),
                    })
                    .collect();
                if !receiver.is_empty() {
                    params.insert(0, receiver.to_owned());
                }
                let output = output.map(|ty| format!(" -> {ty}")).unwrap_or_default();
                let attribute = match (attribute, options.is_empty()) {
                    ("doc", _) => "#[doc = \"a hook\"]".to_owned(),
                    (attribute, true) => format!("#[{attribute}]"),
                    (attribute, false) => format!("#[{attribute}({options})]"),
                };
                format!(
                    "{attribute} {qualifier}fn {name}{generics}({}){output}{body}",
                    params.join(", ")
                )
            },
        )
}

/// A spec trait, an impl block, a function or another item, near-valid.
fn item() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => (mostly("pub ", vec!["", "unsafe "]), mostly("", vec!["<T>"]), prop::collection::vec(method(), 0..4))
            .prop_map(|(qualifier, generics, methods)| format!("{qualifier}trait Spec{generics} {{ {} }}", methods.join(" "))),
        4 => (mostly("impl Spec for Plugin", vec!["impl Plugin", "impl<T> Spec for W<T>", "impl !Spec for P", "impl Spec for (u8, u8)"]), prop::collection::vec(method(), 0..4))
            .prop_map(|(header, methods)| format!("{header} {{ {} }}", methods.join(" ").replace(';', " { ::core::panic!() }"))),
        2 => method().prop_map(|method| method.replace(';', " { ::core::panic!() }")),
        1 => prop::sample::select(vec!["struct Plugin;", "enum E { A }", "mod m {}"]).prop_map(str::to_owned),
    ]
}

/// A return type as layers around a base type: `Result<_, E>`, `Option<_>`,
/// parentheses, each written directly or as an invisible group (the way a
/// `macro_rules!` fragment passes it) as `grouped` says.
#[derive(Debug, Clone)]
struct Layered {
    base: &'static str,
    /// Outermost first: "Result", "Option", "Paren", "io::Result".
    layers: Vec<&'static str>,
    /// One entry per layer, plus one for the base: wrap that level in a group.
    grouped: Vec<bool>,
}

impl Layered {
    fn tokens(&self, with_groups: bool) -> TokenStream {
        use proc_macro2::{Delimiter, Group, TokenTree};
        let group = |tokens: TokenStream, at: usize| -> TokenStream {
            if with_groups && self.grouped[at] {
                TokenTree::Group(Group::new(Delimiter::None, tokens)).into()
            } else {
                tokens
            }
        };
        let mut tokens = group(self.base.parse().unwrap(), self.layers.len());
        for (at, layer) in self.layers.iter().enumerate().rev() {
            tokens = match *layer {
                "Result" => quote::quote!(Result<#tokens, E>),
                "io::Result" => quote::quote!(std::io::Result<#tokens>),
                "Option" => quote::quote!(Option<#tokens>),
                _ => quote::quote!((#tokens)),
            };
            tokens = group(tokens, at);
        }
        tokens
    }
}

fn layered() -> impl Strategy<Value = Layered> {
    (
        prop::sample::select(vec!["()", "u8", "String", "Vec<u8>", "&'static str"]),
        prop::collection::vec(
            prop::sample::select(vec!["Result", "io::Result", "Option", "Paren"]),
            0..4,
        ),
    )
        .prop_flat_map(|(base, layers)| {
            let levels = layers.len() + 1;
            prop::collection::vec(any::<bool>(), levels).prop_map(move |grouped| Layered {
                base,
                layers: layers.clone(),
                grouped,
            })
        })
}

/// The call strategies an expansion uses (`__private::call::<strategy>`), in
/// order, and whether it reports an error.
fn strategies(expansion: &TokenStream) -> (Vec<String>, bool) {
    let text = expansion.to_string();
    let used = text
        .split("call :: ")
        .skip(1)
        .filter_map(|rest| rest.split([' ', '(']).next())
        .map(str::to_owned)
        .collect();
    (used, text.contains("compile_error"))
}

proptest! {
    #![proptest_config(config())]

    /// A spec means the same whether its return types are written directly or
    /// come from a `macro_rules!` fragment: same call strategies, same verdict
    /// on `firstresult`.
    #[test]
    fn invisible_groups_do_not_change_the_call_kind(returns in layered(), firstresult in any::<bool>()) {
        let spec = |with_groups: bool| {
            let ty = returns.tokens(with_groups);
            let option = firstresult.then(|| quote::quote!(#[hookspec(firstresult)]));
            let item = quote::quote! {
                pub trait Spec {
                    #option
                    fn hook(&self, x: u8) -> #ty;
                }
            };
            strategies(&crate::spec::hookspec(TokenStream::new(), item))
        };
        let (direct, grouped) = (spec(false), spec(true));
        prop_assert!(!direct.0.is_empty(), "no strategy for {:?}", returns);
        prop_assert_eq!(direct, grouped, "{:?}, firstresult: {}", returns, firstresult);
    }

    #[test]
    fn token_soup_never_panics(args in soup(8), item in soup(24)) {
        expands_or_errs(&args, &item)?;
    }

    #[test]
    fn near_valid_items_never_panic(args in options(), item in item()) {
        expands_or_errs(&args, &item)?;
    }
}

/// The grammar reaches the expansion, not only the errors: some of its items
/// are valid specs and plugins (otherwise the fuzzing above would test only
/// the parser's rejections).
#[test]
fn near_valid_items_reach_every_stage() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;

    let mut runner = TestRunner::deterministic();
    let (mut expanded, mut rejected) = (0, 0);
    for _ in 0..2_000 {
        let item = item().new_tree(&mut runner).unwrap().current();
        // The arguments each attribute wants on this kind of item: `Spec` first
        // for a function's #[hookimpl], nothing otherwise.
        let impl_args = if item.contains("trait ") || item.contains("impl") {
            ""
        } else {
            "Spec"
        };
        let Ok(tokens) = item.parse::<TokenStream>() else {
            continue;
        };
        for ((_, attribute), args) in ATTRIBUTES.into_iter().zip(["", impl_args]) {
            let args: TokenStream = args.parse().unwrap();
            if attribute(args, tokens.clone())
                .to_string()
                .contains("compile_error")
            {
                rejected += 1;
            } else {
                expanded += 1;
            }
        }
    }
    assert!(
        expanded >= 100,
        "only {expanded} of 4000 inputs expanded without errors"
    );
    assert!(
        rejected >= 100,
        "only {rejected} of 4000 inputs were rejected"
    );
}
