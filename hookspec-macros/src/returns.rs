//! A hook's return type, classified by how it is written: it decides what a call of
//! the hook returns and which call strategy the caller uses.

use proc_macro2::TokenStream;
use quote::quote;
use syn::{GenericArgument, PathArguments, ReturnType, Type, TypePath};

use crate::peel;

/// The part of a return type that a call collects.
#[derive(Clone)]
pub(crate) enum Value {
    /// `()`: nothing to collect.
    Unit,
    /// `Option<T>`: `T`, `None`s dropped.
    Some(Type),
    /// Any other `T`.
    Plain(Type),
}

#[derive(Clone)]
pub(crate) enum Returns {
    /// The hook returns the value directly.
    Direct(Value),
    /// The hook returns `Result<value, E>`; `result` is the user's `Result` type, for
    /// rewriting its first argument.
    Fallible { value: Value, result: TypePath },
}

impl Returns {
    pub(crate) fn classify(output: &ReturnType) -> Returns {
        let ty = match output {
            ReturnType::Default => return Returns::Direct(Value::Unit),
            ReturnType::Type(_, ty) => ty,
        };
        let ty = peel::ty(ty);
        if let Some((result, ok)) = generic_arg(ty, "Result", &[1, 2]) {
            return Returns::Fallible {
                value: Value::of(ok),
                result,
            };
        }
        Returns::Direct(Value::of(ty))
    }

    pub(crate) fn value(&self) -> &Value {
        match self {
            Returns::Direct(value) | Returns::Fallible { value, .. } => value,
        }
    }

    /// Whether `firstresult` fits: the value is an `Option`.
    pub(crate) fn answers_optionally(&self) -> bool {
        matches!(self.value(), Value::Some(_))
    }

    /// The call strategy (a function in `__private::call`) and what the call returns.
    pub(crate) fn call(&self, firstresult: bool) -> (&'static str, TokenStream) {
        let vec_of = |ty: &Type| quote!(::std::vec::Vec<#ty>);
        let (strategy, value) = match (self.value(), firstresult) {
            (Value::Unit, _) => ("unit", quote!(())),
            (Value::Some(ty), true) => ("first_some", quote!(::core::option::Option<#ty>)),
            (Value::Some(ty), false) => ("collect_some", vec_of(ty)),
            (Value::Plain(ty), _) => ("collect", vec_of(ty)),
        };
        match self {
            Returns::Direct(_) => (strategy, value),
            Returns::Fallible { result, .. } => {
                let strategy = match strategy {
                    "unit" => "try_unit",
                    "first_some" => "try_first_some",
                    "collect_some" => "try_collect_some",
                    _ => "try_collect",
                };
                (strategy, with_first_arg(result, value))
            }
        }
    }

    /// A body for the trait's default method, or `None` when the type has no neutral
    /// value (the manager never calls a default, so it can then panic).
    pub(crate) fn neutral(&self) -> Option<TokenStream> {
        let value = match self.value() {
            Value::Unit => quote!(()),
            Value::Some(_) => quote!(::core::option::Option::None),
            Value::Plain(_) => return None,
        };
        Some(match self {
            Returns::Direct(_) => value,
            Returns::Fallible { .. } => quote!(::core::result::Result::Ok(#value)),
        })
    }
}

impl Value {
    /// The same kind of value, of type `wrap(T)`.
    pub(crate) fn map(&self, wrap: impl FnOnce(&Type) -> Type) -> Value {
        match self {
            Value::Unit => Value::Unit,
            Value::Some(ty) => Value::Some(wrap(ty)),
            Value::Plain(ty) => Value::Plain(wrap(ty)),
        }
    }

    fn of(ty: &Type) -> Value {
        let ty = peel::ty(ty);
        if is_unit(ty) {
            return Value::Unit;
        }
        match generic_arg(ty, "Option", &[1]) {
            Some((_, inner)) => Value::Some(inner.clone()),
            None => Value::Plain(ty.clone()),
        }
    }
}

fn is_unit(ty: &Type) -> bool {
    match peel::ty(ty) {
        Type::Tuple(tuple) => tuple.elems.is_empty(),
        Type::Paren(paren) => is_unit(&paren.elem),
        _ => false,
    }
}

/// If `ty` is written `...::name<A, ..>` with one of `arities` type arguments: the
/// path and `A`.
fn generic_arg<'a>(ty: &'a Type, name: &str, arities: &[usize]) -> Option<(TypePath, &'a Type)> {
    let Type::Path(path) = peel::ty(ty) else {
        return None;
    };
    if path.qself.is_some() {
        return None;
    }
    let last = path.path.segments.last()?;
    if last.ident != name {
        return None;
    }
    let PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    let types: Vec<&Type> = args
        .args
        .iter()
        .filter_map(|arg| match arg {
            GenericArgument::Type(ty) => Some(ty),
            _ => None,
        })
        .collect();
    if !arities.contains(&types.len()) || types.len() != args.args.len() {
        return None;
    }
    Some((path.clone(), types[0]))
}

/// `result` with its first type argument replaced: `io::Result<u8>` to `io::Result<Vec<u8>>`.
fn with_first_arg(result: &TypePath, first: TokenStream) -> TokenStream {
    let mut result = result.clone();
    if let Some(last) = result.path.segments.last_mut()
        && let PathArguments::AngleBracketed(args) = &mut last.arguments
        && let Some(arg) = args.args.first_mut()
    {
        *arg = GenericArgument::Type(Type::Verbatim(first));
    }
    quote!(#result)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn call_of(signature: &str, firstresult: bool) -> (String, String) {
        let output: ReturnType = syn::parse_str(signature).unwrap();
        let (strategy, ty) = Returns::classify(&output).call(firstresult);
        (strategy.to_owned(), ty.to_string().replace(' ', ""))
    }

    #[test]
    fn each_return_shape_gets_its_strategy() {
        let cases = [
            ("", false, "unit", "()"),
            ("-> ()", false, "unit", "()"),
            ("-> String", false, "collect", "::std::vec::Vec<String>"),
            (
                "-> Option<u8>",
                false,
                "collect_some",
                "::std::vec::Vec<u8>",
            ),
            (
                "-> Option<u8>",
                true,
                "first_some",
                "::core::option::Option<u8>",
            ),
            ("-> Result<(), E>", false, "try_unit", "Result<(),E>"),
            (
                "-> Result<u8, E>",
                false,
                "try_collect",
                "Result<::std::vec::Vec<u8>,E>",
            ),
            (
                "-> Result<Option<u8>, E>",
                false,
                "try_collect_some",
                "Result<::std::vec::Vec<u8>,E>",
            ),
            (
                "-> Result<Option<u8>, E>",
                true,
                "try_first_some",
                "Result<::core::option::Option<u8>,E>",
            ),
            (
                "-> std::io::Result<u8>",
                false,
                "try_collect",
                "std::io::Result<::std::vec::Vec<u8>>",
            ),
            (
                "-> core::option::Option<u8>",
                false,
                "collect_some",
                "::std::vec::Vec<u8>",
            ),
        ];
        for (signature, first, strategy, ty) in cases {
            assert_eq!(
                call_of(signature, first),
                (strategy.to_owned(), ty.to_owned()),
                "{signature}"
            );
        }
    }

    #[test]
    fn types_from_macro_fragments_get_the_strategy_of_their_contents() {
        // `-> $t` and `-> Result<$t, E>`, with `$t` an invisible group.
        let grouped = |ty: &str, outer: &str| -> ReturnType {
            let group = crate::peel::invisible(ty);
            let tokens = match outer {
                "" => quote!(-> #group),
                _ => {
                    let outer: proc_macro2::TokenStream = outer.parse().unwrap();
                    quote!(-> #outer<#group, E>)
                }
            };
            syn::parse2(tokens).unwrap()
        };
        let cases = [
            ("()", "", false, "unit"),
            ("Result<(), String>", "", false, "try_unit"),
            ("Option<u8>", "", true, "first_some"),
            ("Option<u8>", "", false, "collect_some"),
            ("Result<Option<u8>, E>", "", true, "try_first_some"),
            ("u8", "Result", false, "try_collect"),
            ("Option<u8>", "Result", true, "try_first_some"),
            ("()", "Result", false, "try_unit"),
        ];
        for (ty, outer, first, strategy) in cases {
            let returns = Returns::classify(&grouped(ty, outer));
            assert_eq!(returns.call(first).0, strategy, "{outer}<{ty}>");
        }
    }

    #[test]
    fn lookalikes_are_plain_values() {
        // Not `Option<T>` / `Result<T, E>` in shape: collected as they are.
        for signature in [
            "-> Option",
            "-> Result<u8, E, F>",
            "-> <T as X>::Option<u8>",
            "-> Options<u8>",
        ] {
            assert_eq!(call_of(signature, false).0, "collect", "{signature}");
        }
    }
}
