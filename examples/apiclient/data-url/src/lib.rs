//! An adapter for `data:` URLs (RFC 2397): the body is in the URL,
//! percent-encoded or base64.
//!
//! The host links this crate only with its `data-url` feature (on by default):
//! it is an optional dependency, and a crate the binary does not name is not
//! linked, so with the feature off the `data` adapter is simply absent. The
//! plugin is this module (`apiclient_data_url`).

#![warn(missing_docs)]

use apiclient_hookspecs::{
    Adapter, AdapterRegistry, ApiError, ApiPlugins, BoxFuture, Request, Response,
};
use hookcore::hookimpl;

/// Registers `data`.
#[hookimpl(ApiPlugins)]
pub fn register_adapters(registry: &mut AdapterRegistry) {
    registry.register("data", |_| Ok(Box::new(DataAdapter)));
}

/// Answers a `data:[<media type>][;base64],<data>` URL with its decoded data,
/// `Content-Type` its media type (by default `text/plain;charset=US-ASCII`).
/// There is no I/O: [`send`](Adapter::send)'s future is ready at once.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DataAdapter;

impl Adapter for DataAdapter {
    fn send<'a>(&'a self, request: &'a Request) -> BoxFuture<'a, Result<Response, ApiError>> {
        Box::pin(std::future::ready(answer(request)))
    }
}

/// The response to `request`, decoded from its URL.
fn answer(request: &Request) -> Result<Response, ApiError> {
    {
        let (media_type, body) = decode(&request.url)?;
        let mut response = Response::new(&request.url, 200, "OK");
        response.headers.append("Content-Type", media_type);
        response
            .headers
            .append("Content-Length", body.len().to_string());
        if request.method != "HEAD" {
            response.body = body;
        }
        Ok(response)
    }
}

/// The media type and the data of a `data:` URL.
///
/// ```
/// let (media, data) = apiclient_data_url::decode("data:application/json;base64,eyJvayI6dHJ1ZX0=")?;
/// assert_eq!((media.as_str(), data.as_slice()), ("application/json", &b"{\"ok\":true}"[..]));
/// let (media, data) = apiclient_data_url::decode("data:,a%20b")?;
/// assert_eq!((media.as_str(), data.as_slice()), ("text/plain;charset=US-ASCII", &b"a b"[..]));
/// # Ok::<(), apiclient_hookspecs::ApiError>(())
/// ```
///
/// # Errors
///
/// [`ApiError::InvalidUrl`] if `url` is not a `data:` URL, has no `,`, or has
/// bad base64.
pub fn decode(url: &str) -> Result<(String, Vec<u8>), ApiError> {
    let invalid = |reason: &str| ApiError::InvalidUrl {
        url: url.chars().take(64).collect(),
        reason: reason.to_owned(),
    };
    let rest = url
        .get(..5)
        .filter(|scheme| scheme.eq_ignore_ascii_case("data:"))
        .map(|_| &url[5..])
        .ok_or_else(|| invalid("not a data: URL"))?;
    let (meta, data) = rest
        .split_once(',')
        .ok_or_else(|| invalid("no `,` before the data"))?;
    let (media_type, base64) = match meta.strip_suffix(";base64") {
        Some(media) => (media, true),
        None => (meta, false),
    };
    let media_type = match media_type {
        "" => "text/plain;charset=US-ASCII".to_owned(),
        media if media.starts_with(';') => format!("text/plain{media}"),
        media => media.to_owned(),
    };
    let data = apiclient_hookspecs::url::percent_decode(data);
    let body = if base64 {
        base64_decode(&data).ok_or_else(|| invalid("bad base64"))?
    } else {
        data
    };
    Ok((media_type, body))
}

/// Standard base64 (RFC 4648), padding optional, whitespace ignored.
fn base64_decode(input: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(input.len() / 4 * 3);
    let (mut acc, mut bits) = (0u32, 0);
    let mut padding = 0;
    for &byte in input.iter().filter(|b| !b.is_ascii_whitespace()) {
        let value = match byte {
            b'A'..=b'Z' => byte - b'A',
            b'a'..=b'z' => byte - b'a' + 26,
            b'0'..=b'9' => byte - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            b'=' => {
                padding += 1;
                continue;
            }
            _ => return None,
        };
        if padding > 0 {
            return None; // data after padding
        }
        acc = (acc << 6) | u32::from(value);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push(u8::try_from((acc >> bits) & 0xff).ok()?);
        }
    }
    // Leftover bits must be zero padding of a final partial group.
    (bits < 6 && acc & ((1 << bits) - 1) == 0 && padding <= 2).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_base64_with_and_without_padding() {
        for (encoded, decoded) in [
            ("", ""),
            ("Zg==", "f"),
            ("Zm8", "fo"),
            ("Zm9vYmFy", "foobar"),
            ("Zm9v\nYmE=", "fooba"),
        ] {
            assert_eq!(
                base64_decode(encoded.as_bytes()).unwrap(),
                decoded.as_bytes()
            );
        }
        for bad in ["Zg=a", "Z", "Zh==", "a*b="] {
            assert_eq!(base64_decode(bad.as_bytes()), None, "{bad}");
        }
    }

    #[tokio::test]
    async fn the_adapter_answers_with_the_data() {
        let request = Request::get("data:text/csv;charset=utf-8,id%2Cname%0A1%2Cada");
        let response = DataAdapter.send(&request).await.unwrap();
        assert_eq!(response.status, 200);
        assert_eq!(
            response.headers.get("content-type"),
            Some("text/csv;charset=utf-8")
        );
        assert_eq!(response.text(), "id,name\n1,ada");
        assert_eq!(
            decode("DATA:;charset=utf-8,x").unwrap().0,
            "text/plain;charset=utf-8"
        );
        for bad in ["http://x/", "data:nocomma", "data:;base64,@@@", "dat"] {
            assert!(DataAdapter.send(&Request::get(bad)).await.is_err(), "{bad}");
        }
    }
}
