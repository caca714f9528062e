//! REST conveniences for apiclient. One crate, two plugins, one per module (all
//! `#[hookimpl]` functions of a module form one plugin, named after the module
//! path):
//!
//! - [`transforms`] (`apiclient_rest::transforms`): `json-pretty`, which
//!   re-indents JSON bodies (validating them on the way, with the parser in
//!   [`json`]), and `redact-headers`, which hides cookies and credentials.
//! - [`pagination`] (`apiclient_rest::pagination`): `link`, which follows RFC 8288
//!   `Link: <...>; rel="next"` headers, and `page`, which counts `?page=N` up to
//!   `X-Total-Pages`.

#![warn(missing_docs)]

pub mod json;
pub mod pagination;
pub mod transforms;
