//! The rules a hook spec follows, checked before any code is generated.

use syn::{FnArg, TraitItem};

use super::ast::{Hook, Spec};
use crate::errors::Errors;
use crate::signature::{self, Role};

pub(crate) fn check(spec: &Spec, errors: &mut Errors) {
    let item = &spec.item;
    if !item.generics.params.is_empty()
        && item.generics.type_params().next().is_none()
        && item.generics.const_params().next().is_none()
    {
        errors.at(
            &item.generics,
            "a hook spec cannot have lifetime parameters: one trait is one set of hooks; let the hooks' lifetimes be elided (`name: &str`) or declare them on the hook (`fn hook<'a>(&self, name: &'a str)`)",
        );
    } else if !item.generics.params.is_empty() {
        errors.at(
            &item.generics,
            "a hook spec cannot be generic: one trait is one set of hooks; use concrete types in the hooks",
        );
    }
    if let Some(where_clause) = &item.generics.where_clause {
        errors.at(where_clause, "a hook spec cannot have a `where` clause");
    }
    for bound in item
        .supertraits
        .iter()
        .filter(|bound| !allowed_supertrait(bound))
    {
        errors.at(
            bound,
            format!(
                "a hook spec cannot require `{}` of its plugins: a plugin can be a plain #[hookimpl] function, which has nothing to implement it with; only `Send`, `Sync` and `'static` may be required (remove this bound)",
                signature::pretty(bound)
            ),
        );
    }
    if let Some(unsafety) = &item.unsafety {
        errors.at(unsafety, "a hook spec cannot be an `unsafe trait`");
    }
    if let Some(auto) = &item.modifiers.auto_token {
        errors.at(auto, "a hook spec cannot be an `auto trait`");
    }
    for trait_item in &item.items {
        match trait_item {
            TraitItem::Fn(_) => {}
            TraitItem::Const(item) => errors.at(
                item.const_token,
                "a hook spec declares only hooks (methods); move this constant out of the trait",
            ),
            TraitItem::Type(item) => errors.at(
                item.type_token,
                "a hook spec declares only hooks (methods); associated types would make plugins impossible to call through `dyn`",
            ),
            other => errors.at(other, "a hook spec declares only hooks (methods)"),
        }
    }
    if spec.hooks.is_empty() && item.items.is_empty() {
        errors.at(
            &item.ident,
            "a hook spec declares at least one hook: `fn hook_name(&self, ...);`",
        );
    }
    for hook in &spec.hooks {
        check_hook(hook, errors);
    }
    for hook in &spec.hooks {
        let name = signature::name(&hook.method.sig.ident);
        if let Some(wrapped) = name.strip_prefix("wrap_")
            && spec
                .hooks
                .iter()
                .any(|other| signature::name(&other.method.sig.ident) == wrapped)
        {
            errors.at(
                &hook.method.sig.ident,
                format!("`{name}` is the name of the wrapper method of the hook `{wrapped}`; rename this hook"),
            );
        }
    }
}

/// `Send`, `Sync` and `'static`: what every plugin object has (the trait gets
/// `Send + Sync` anyway). Any other supertrait is one a function's plugin object
/// lacks, or one that makes `dyn Spec` impossible (`Clone`, `Sized`).
pub(crate) fn allowed_supertrait(bound: &syn::TypeParamBound) -> bool {
    match bound {
        syn::TypeParamBound::Trait(bound) => {
            bound.maybe.is_none()
                && bound.lifetimes.is_none()
                && bound.path.segments.last().is_some_and(|segment| {
                    segment.arguments.is_none()
                        && (segment.ident == "Send" || segment.ident == "Sync")
                })
        }
        syn::TypeParamBound::Lifetime(lifetime) => lifetime.ident == "static",
        _ => false,
    }
}

fn check_hook(hook: &Hook, errors: &mut Errors) {
    let sig = &hook.method.sig;
    signature::check_common(sig, Role::Hook, errors);
    match sig.inputs.first() {
        Some(FnArg::Receiver(receiver))
            if matches!(receiver.kind, syn::ReceiverKind::Reference(_, _, None))
                && receiver.mutability.is_none() => {}
        Some(FnArg::Receiver(receiver)) => errors.at(
            receiver,
            "a hook takes `&self`: plugins are shared between threads, so hooks cannot take `&mut self` or `self`; keep mutable state behind a `Mutex` or an atomic",
        ),
        _ => errors.at(
            &sig.ident,
            format!(
                "a hook takes `&self` first: `fn {}(&self, ...)`; the plugin object is `self`",
                sig.ident
            ),
        ),
    }
    if let Some(body) = &hook.method.default {
        errors.at(
            body,
            "a hook declares a signature without a body; plugins provide bodies with #[hookimpl] (remove the `{ ... }` and end with `;`)",
        );
    }
    if let (Some(historic), Some(asyncness)) = (hook.historic, &sig.asyncness) {
        let _ = historic;
        errors.at(
            asyncness,
            "an async hook cannot be `historic` yet: a plugin registered later would have to await the calls it missed; make the hook sync, or call it on each plugin as it registers",
        );
    }
    if let Some(asyncness) = &sig.asyncness
        && !sig.generics.params.is_empty()
    {
        errors.at(
            &sig.generics,
            "an async hook cannot name lifetimes yet: its future borrows every argument for the call; use elided lifetimes (`&str`, `&T`)",
        );
        let _ = asyncness;
    }
    if hook.historic.is_some() {
        for (arg, ty) in &hook.args {
            if signature::has_reference(ty) {
                errors.at(
                    ty,
                    format!(
                        "a historic hook's arguments are kept for plugins registered later, so they must be owned: `{}` cannot borrow (take `String` for `&str`, `Vec<T>` for `&[T]`, or an `Arc`)",
                        signature::name(arg)
                    ),
                );
            }
        }
    }
    if let Some(firstresult) = hook.firstresult
        && !hook.returns.answers_optionally()
    {
        let message = "`firstresult` needs a hook that returns `Option<T>` or `Result<Option<T>, E>`: the call stops at the first `Some`";
        match &sig.output {
            syn::ReturnType::Type(_, ty) => errors.at(ty, message),
            syn::ReturnType::Default => errors.push(syn::Error::new(firstresult, message)),
        }
    }
}
