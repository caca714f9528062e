//! The procedural macros of [hookcore](https://docs.rs/hookcore): `#[hookspec]` and
//! `#[hookimpl]`. Depend on `hookcore`, which re-exports them and holds their docs;
//! the code they generate names only `::hookcore::__private`.
//!
//! Each attribute is parsed into plain data (`ast`), validated with every mistake
//! reported at the user's token (`validate`), then expanded (`expand`).

mod cfg;
mod deprecation;
mod errors;
#[cfg(test)]
mod fuzz;
mod hookimpl;
mod lints;
mod options;
mod peel;
mod returns;
mod signature;
mod spec;

use proc_macro::TokenStream;

/// Declares a hook spec; see `hookcore::hookspec`.
#[proc_macro_attribute]
pub fn hookspec(args: TokenStream, input: TokenStream) -> TokenStream {
    spec::hookspec(args.into(), input.into()).into()
}

/// Marks a hook implementation; see `hookcore::hookimpl`.
#[proc_macro_attribute]
pub fn hookimpl(args: TokenStream, input: TokenStream) -> TokenStream {
    hookimpl::hookimpl(args.into(), input.into()).into()
}
