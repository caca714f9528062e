//! The docs the generated items carry: on each hook of the trait, how the
//! manager calls it and that its default body is never called; on each caller
//! method, what the call does, followed by the hook's own docs as a quote (they
//! describe an implementation, whose return is not the call's).

use syn::{Attribute, Expr, ExprLit, Lit, Meta, parse_quote};

use super::ast::Hook;

/// Doc lines appended to a hook of the trait, after the user's docs.
pub(crate) fn trait_hook(hook: &Hook) -> Vec<Attribute> {
    let (strategy, _) = hook.returns.call(hook.firstresult.is_some());
    let mut how = match strategy {
        "first_some" => {
            "Called on the implementations in call order: the first `Some` wins; the \
             implementations after it do not run."
        }
        "try_unit" | "try_collect" | "try_collect_some" => {
            "Called on every implementation, in call order, until the first `Err`: the \
             implementations after it do not run."
        }
        "try_first_some" => {
            "Called on the implementations in call order until the first `Ok(Some)` or \
             `Err`: the implementations after it do not run."
        }
        _ => "Called on every implementation, in call order.",
    }
    .to_owned();
    if hook.historic.is_some() {
        how.push_str(" Historic: calls are remembered and replayed to plugins registered later.");
    }
    let default = "The default body is never called by the manager: a plugin implements \
                   any subset of the hooks, and only its implementations are called.";
    let documented = hook
        .method
        .attrs
        .iter()
        .any(|attr| attr.path().is_ident("doc"));
    let texts = ["", &how, "", default];
    // A blank line after the user's docs, if any.
    lines(&texts[usize::from(!documented)..])
}

/// What a call of `hook` through the typed caller does (`strategy` from
/// `Returns::call`), as the first sentence of its docs.
pub(crate) fn call(hook: &Hook, strategy: &str) -> String {
    let name = crate::signature::name(&hook.method.sig.ident);
    let does = match strategy {
        "unit" => "on every implementation, in call order".to_owned(),
        "collect" => "on every implementation, in call order, and returns every value".to_owned(),
        "collect_some" => {
            "on every implementation, in call order, and returns the `Some` values".to_owned()
        }
        "first_some" => "on the implementations in call order until one returns `Some`, and \
                         returns that value; the implementations after it do not run"
            .to_owned(),
        "try_unit" => "on every implementation, in call order, until the first `Err`, which \
                       it returns; the implementations after it do not run"
            .to_owned(),
        "try_collect" => "on every implementation, in call order, and returns every `Ok` \
                          value, or the first `Err`; the implementations after it do not run"
            .to_owned(),
        "try_collect_some" => "on every implementation, in call order, and returns the \
                               `Ok(Some)` values, or the first `Err`; the implementations \
                               after it do not run"
            .to_owned(),
        _ => "on the implementations in call order until one returns `Ok(Some)` or `Err`, \
              and returns that; the implementations after it do not run"
            .to_owned(),
    };
    format!("Calls `{name}` {does}.")
}

/// The docs of a caller method: `first` (what the call does), then the hook's
/// docs, quoted, under "The hook:".
pub(crate) fn caller(hook: &Hook, first: &[String]) -> Vec<Attribute> {
    let mut attrs = Vec::new();
    for (at, paragraph) in first.iter().enumerate() {
        if at > 0 {
            attrs.extend(lines(&[""]));
        }
        attrs.extend(lines(&[paragraph]));
    }
    let docs: Vec<&Attribute> = hook
        .method
        .attrs
        .iter()
        .filter(|attr| attr.path().is_ident("doc"))
        .collect();
    if docs.is_empty() {
        return attrs;
    }
    attrs.extend(lines(&["", "The hook:", ""]));
    for attr in docs {
        match literal(attr) {
            Some(text) => {
                let quoted: Vec<String> = text.lines().map(|line| format!(">{line}")).collect();
                let quoted: Vec<&str> = quoted.iter().map(String::as_str).collect();
                attrs.extend(lines(if quoted.is_empty() { &[">"] } else { &quoted }));
            }
            // `#[doc = include_str!(...)]` and the like: copied as they are.
            None => attrs.push(attr.clone()),
        }
    }
    attrs
}

/// The text of `#[doc = "..."]`, if the value is a string literal.
fn literal(attr: &Attribute) -> Option<String> {
    match &attr.meta {
        Meta::NameValue(pair) => match &pair.value {
            Expr::Lit(ExprLit {
                lit: Lit::Str(text),
                ..
            }) => Some(text.value()),
            _ => None,
        },
        _ => None,
    }
}

fn lines(texts: &[&str]) -> Vec<Attribute> {
    texts
        .iter()
        .map(|text| parse_quote!(#[doc = #text]))
        .collect()
}

#[cfg(test)]
mod tests {
    use quote::quote;
    use syn::{ImplItem, Item, TraitItem};

    /// The doc lines of `attrs`, joined with newlines.
    fn docs(attrs: &[syn::Attribute]) -> String {
        let lines: Vec<String> = attrs
            .iter()
            .filter(|attr| attr.path().is_ident("doc"))
            .map(|attr| super::literal(attr).expect("a literal doc"))
            .collect();
        lines.join("\n")
    }

    /// The expansion of a spec with one hook of each call kind: the docs of each
    /// trait method, and of each method of the impl block of `self_ty`.
    fn expanded() -> syn::File {
        let spec = quote! {
            pub trait Site {
                /// Returns a line.
                fn unit(&self);
                /// Returns a line.
                fn collect(&self) -> String;
                /// The page, if this plugin has it.
                fn some(&self) -> Option<String>;
                /// The page; the first plugin that answers wins.
                #[hookspec(firstresult)]
                fn first(&self) -> Option<String>;
                /// Fails if the text is not allowed.
                fn check(&self) -> Result<(), String>;
                fn values(&self) -> Result<u8, String>;
                /// Remembered.
                ///
                /// ```
                /// assert!(true);
                /// ```
                #[hookspec(historic)]
                fn startup(&self, log: u8);
            }
        };
        syn::parse2(crate::spec::hookspec(quote!(), spec)).expect("a valid expansion")
    }

    fn trait_docs(file: &syn::File, method: &str) -> String {
        file.items
            .iter()
            .find_map(|item| match item {
                Item::Trait(item) => item.items.iter().find_map(|item| match item {
                    TraitItem::Fn(hook) if hook.sig.ident == method => Some(docs(&hook.attrs)),
                    _ => None,
                }),
                _ => None,
            })
            .expect("the hook")
    }

    fn method_docs(file: &syn::File, self_ty: &str, method: &str) -> Option<String> {
        file.items.iter().find_map(|item| match item {
            Item::Impl(item) if quote!(#item).to_string().contains(self_ty) => {
                let syn::Type::Path(path) = &*item.self_ty else {
                    return None;
                };
                if path.path.segments.last()?.ident != self_ty {
                    return None;
                }
                item.items.iter().find_map(|item| match item {
                    ImplItem::Fn(call) if call.sig.ident == method => Some(docs(&call.attrs)),
                    _ => None,
                })
            }
            _ => None,
        })
    }

    const DEFAULT: &str = "The default body is never called by the manager: a plugin \
                           implements any subset of the hooks, and only its implementations \
                           are called.";

    #[test]
    fn each_hook_of_the_trait_says_how_it_is_called_after_the_users_docs() {
        let file = expanded();
        let every = "Called on every implementation, in call order.";
        let until_err = "Called on every implementation, in call order, until the first \
                         `Err`: the implementations after it do not run.";
        let cases = [
            ("unit", " Returns a line.\n\n".to_owned() + every),
            ("collect", " Returns a line.\n\n".to_owned() + every),
            (
                "some",
                " The page, if this plugin has it.\n\n".to_owned() + every,
            ),
            (
                "first",
                " The page; the first plugin that answers wins.\n\nCalled on the \
                 implementations in call order: the first `Some` wins; the implementations \
                 after it do not run."
                    .to_owned(),
            ),
            (
                "check",
                " Fails if the text is not allowed.\n\n".to_owned() + until_err,
            ),
            ("values", until_err.to_owned()),
            (
                "startup",
                " Remembered.\n\n ```\n assert!(true);\n ```\n\n".to_owned()
                    + every
                    + " Historic: calls are remembered and replayed to plugins registered later.",
            ),
        ];
        for (hook, how) in cases {
            assert_eq!(
                trait_docs(&file, hook),
                format!("{how}\n\n{DEFAULT}"),
                "{hook}"
            );
        }
    }

    #[test]
    fn caller_methods_describe_the_call_then_quote_the_hook() {
        let file = expanded();
        let wrappers = "\n\nThe hook's wrappers, if any, run around the implementations.";
        let cases = [
            (
                "unit",
                format!(
                    "Calls `unit` on every implementation, in call order.{wrappers}\n\nThe \
                     hook:\n\n> Returns a line."
                ),
            ),
            (
                "collect",
                format!(
                    "Calls `collect` on every implementation, in call order, and returns every \
                     value.{wrappers}\n\nThe hook:\n\n> Returns a line."
                ),
            ),
            (
                "first",
                format!(
                    "Calls `first` on the implementations in call order until one returns \
                     `Some`, and returns that value; the implementations after it do not \
                     run.{wrappers}\n\nThe hook:\n\n> The page; the first plugin that answers wins."
                ),
            ),
            (
                "check",
                format!(
                    "Calls `check` on every implementation, in call order, until the first \
                     `Err`, which it returns; the implementations after it do not run.{wrappers}\
                     \n\nThe hook:\n\n> Fails if the text is not allowed."
                ),
            ),
            // No docs of its own: nothing quoted.
            (
                "values",
                format!(
                    "Calls `values` on every implementation, in call order, and returns every \
                     `Ok` value, or the first `Err`; the implementations after it do not \
                     run.{wrappers}"
                ),
            ),
            (
                "startup",
                "Calls the historic `startup` hook: every implementation runs now, in call \
                 order, and every plugin registered later runs it when it registers.\n\nThe \
                 hook:\n\n> Remembered.\n>\n> ```\n> assert!(true);\n> ```"
                    .to_owned(),
            ),
        ];
        for (hook, expected) in cases {
            assert_eq!(
                method_docs(&file, "SiteHooks", hook),
                Some(expected),
                "{hook}"
            );
        }
        // The tagged caller: the same call, each value tagged.
        assert_eq!(
            method_docs(&file, "SiteTaggedHooks", "some").as_deref(),
            Some(
                "Calls `some` on every implementation, in call order, and returns the `Some` \
                 values.\n\nEach value comes with the name of the plugin that returned it. \
                 Wrappers do not run.\n\nThe hook:\n\n> The page, if this plugin has it."
            )
        );
        assert_eq!(
            method_docs(&file, "SiteTaggedHooks", "unit"),
            None,
            "no tagged unit call"
        );
    }
}
