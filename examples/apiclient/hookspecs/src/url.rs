//! A small URL type: enough of RFC 3986 for `http://`, `file://` and `data:`
//! URLs, relative references (`Link` headers) and query parameters.

use std::fmt;

use crate::ApiError;

/// A parsed absolute URL. The fragment is dropped.
///
/// ```
/// use apiclient_hookspecs::Url;
///
/// let url = Url::parse("http://127.0.0.1:8080/items?page=2&q=a%20b")?;
/// assert_eq!((url.scheme(), url.host(), url.port()), ("http", "127.0.0.1", Some(8080)));
/// assert_eq!(url.path(), "/items");
/// assert_eq!(url.query_param("q").as_deref(), Some("a b"));
/// assert_eq!(url.join("?page=3")?.to_string(), "http://127.0.0.1:8080/items?page=3");
/// assert_eq!(url.join("../other")?.to_string(), "http://127.0.0.1:8080/other");
///
/// let data = Url::parse("data:text/plain,hi")?;
/// assert_eq!((data.scheme(), data.path()), ("data", "text/plain,hi"));
/// # Ok::<(), apiclient_hookspecs::ApiError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Url {
    scheme: String,
    /// `Some` for `scheme://authority...`, `None` for an opaque URL (`data:...`).
    authority: Option<(String, Option<u16>)>,
    path: String,
    query: Option<String>,
}

impl Url {
    /// Parses an absolute URL.
    ///
    /// # Errors
    ///
    /// [`ApiError::InvalidUrl`] without a scheme, with a bad port, or with
    /// whitespace or control characters.
    pub fn parse(input: &str) -> Result<Url, ApiError> {
        let invalid = |reason: &str| ApiError::InvalidUrl {
            url: input.to_owned(),
            reason: reason.to_owned(),
        };
        if input
            .chars()
            .any(|c| c.is_ascii_whitespace() || c.is_control())
        {
            return Err(invalid("contains whitespace or control characters"));
        }
        let (scheme, rest) = input.split_once(':').ok_or_else(|| invalid("no scheme"))?;
        if !is_scheme(scheme) {
            return Err(invalid("no scheme"));
        }
        let rest = rest.split('#').next().unwrap_or_default();
        let Some(rest) = rest.strip_prefix("//") else {
            return Ok(Url {
                scheme: scheme.to_ascii_lowercase(),
                authority: None,
                path: rest.to_owned(),
                query: None,
            });
        };
        let end = rest.find(['/', '?']).unwrap_or(rest.len());
        let (authority, rest) = rest.split_at(end);
        let (host, port) = split_port(authority).ok_or_else(|| invalid("bad port"))?;
        let (path, query) = match rest.split_once('?') {
            Some((path, query)) => (path, Some(query.to_owned())),
            None => (rest, None),
        };
        Ok(Url {
            scheme: scheme.to_ascii_lowercase(),
            authority: Some((host.to_ascii_lowercase(), port)),
            path: if path.is_empty() { "/" } else { path }.to_owned(),
            query,
        })
    }

    /// The scheme, lower case: `http`, `file`, `data`.
    #[must_use]
    pub fn scheme(&self) -> &str {
        &self.scheme
    }

    /// The host, lower case; empty for `file:///path` and opaque URLs. An IPv6
    /// address keeps its brackets.
    #[must_use]
    pub fn host(&self) -> &str {
        self.authority.as_ref().map_or("", |(host, _)| host)
    }

    /// The port, if the URL gives one.
    #[must_use]
    pub fn port(&self) -> Option<u16> {
        self.authority.as_ref().and_then(|(_, port)| *port)
    }

    /// `host` or `host:port`, as the `Host` header wants it.
    #[must_use]
    pub fn authority(&self) -> String {
        match self.port() {
            Some(port) => format!("{}:{port}", self.host()),
            None => self.host().to_owned(),
        }
    }

    /// The path, still percent-encoded; for an opaque URL, everything after the
    /// scheme.
    #[must_use]
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The query, without `?`.
    #[must_use]
    pub fn query(&self) -> Option<&str> {
        self.query.as_deref()
    }

    /// The path and query, as an HTTP request line wants them.
    #[must_use]
    pub fn path_and_query(&self) -> String {
        match &self.query {
            Some(query) => format!("{}?{query}", self.path),
            None => self.path.clone(),
        }
    }

    /// The first value of query parameter `name`, percent-decoded (`+` is a space).
    #[must_use]
    pub fn query_param(&self, name: &str) -> Option<String> {
        self.query.as_deref()?.split('&').find_map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (decode_component(key) == name).then(|| decode_component(value))
        })
    }

    /// Sets query parameter `name` to `value`: replaces its first occurrence,
    /// drops the others, or appends it.
    pub fn set_query_param(&mut self, name: &str, value: &str) {
        let field = format!(
            "{}={}",
            percent_encode_component(name),
            percent_encode_component(value)
        );
        let mut pairs: Vec<String> = Vec::new();
        let mut placed = false;
        for pair in self.query.as_deref().unwrap_or_default().split('&') {
            let key = pair.split_once('=').map_or(pair, |(key, _)| key);
            if pair.is_empty() {
                continue;
            }
            if decode_component(key) == name {
                if !placed {
                    pairs.push(field.clone());
                    placed = true;
                }
            } else {
                pairs.push(pair.to_owned());
            }
        }
        if !placed {
            pairs.push(field);
        }
        self.query = Some(pairs.join("&"));
    }

    /// Resolves `reference` against this URL: an absolute URL, `//host/path`,
    /// `/path`, `?query`, or a path relative to this one's directory.
    ///
    /// # Errors
    ///
    /// If `reference` is an absolute URL that does not parse, or this URL is
    /// opaque and `reference` is relative.
    pub fn join(&self, reference: &str) -> Result<Url, ApiError> {
        let reference = reference.split('#').next().unwrap_or_default();
        if let Some((scheme, _)) = reference.split_once(':')
            && is_scheme(scheme)
            && !scheme.contains(['/', '?'])
        {
            return Url::parse(reference);
        }
        if reference.starts_with("//") {
            return Url::parse(&format!("{}:{reference}", self.scheme));
        }
        if self.authority.is_none() {
            return Err(ApiError::InvalidUrl {
                url: reference.to_owned(),
                reason: format!("relative to the opaque URL {self}"),
            });
        }
        let mut joined = self.clone();
        let (path, query) = match reference.split_once('?') {
            Some((path, query)) => (path, Some(query.to_owned())),
            None => (reference, None),
        };
        if path.is_empty() {
            if query.is_some() {
                joined.query = query;
            }
            return Ok(joined);
        }
        let merged = if path.starts_with('/') {
            path.to_owned()
        } else {
            let dir = &self.path[..=self.path.rfind('/').unwrap_or(0)];
            format!("{dir}{path}")
        };
        joined.path = remove_dot_segments(&merged);
        joined.query = query;
        Ok(joined)
    }
}

impl fmt::Display for Url {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:", self.scheme)?;
        if self.authority.is_some() {
            write!(f, "//{}", self.authority())?;
        }
        f.write_str(&self.path)?;
        if let Some(query) = &self.query {
            write!(f, "?{query}")?;
        }
        Ok(())
    }
}

fn is_scheme(scheme: &str) -> bool {
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// `host[:port]`, with `[v6]` hosts; `None` for a port that is not a number.
fn split_port(authority: &str) -> Option<(&str, Option<u16>)> {
    let authority = authority.rsplit('@').next().unwrap_or_default();
    let colon = match authority.rfind(']') {
        Some(bracket) => authority[bracket..].find(':').map(|i| bracket + i),
        None => authority.rfind(':'),
    };
    match colon {
        Some(colon) if colon + 1 < authority.len() => {
            let port = authority[colon + 1..].parse().ok()?;
            Some((&authority[..colon], Some(port)))
        }
        Some(colon) => Some((&authority[..colon], None)),
        None => Some((authority, None)),
    }
}

fn remove_dot_segments(path: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    for (i, segment) in segments.iter().enumerate() {
        let last = i + 1 == segments.len();
        match *segment {
            "." => {
                if last {
                    out.push("");
                }
            }
            ".." => {
                out.pop();
                if last {
                    out.push("");
                }
            }
            segment => out.push(segment),
        }
    }
    format!("/{}", out.join("/"))
}

/// Decodes `%XX` escapes; a `%` not followed by two hex digits stays as it is.
///
/// ```
/// assert_eq!(apiclient_hookspecs::url::percent_decode("a%20b%zz%41"), b"a b%zzA");
/// ```
#[must_use]
pub fn percent_decode(input: &str) -> Vec<u8> {
    let bytes = input.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%'
            && let (Some(hi), Some(lo)) = (
                bytes.get(i + 1).copied().and_then(hex),
                bytes.get(i + 2).copied().and_then(hex),
            )
        {
            // Two hex digits: at most 0xff.
            out.push(u8::try_from(hi * 16 + lo).unwrap_or(b'?'));
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    out
}

/// Encodes everything but RFC 3986's unreserved characters.
///
/// ```
/// assert_eq!(apiclient_hookspecs::url::percent_encode_component("a b&c=d~"), "a%20b%26c%3Dd~");
/// ```
#[must_use]
pub fn percent_encode_component(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    for byte in input.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

fn decode_component(input: &str) -> String {
    String::from_utf8_lossy(&percent_decode(&input.replace('+', " "))).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_parts() {
        let url = Url::parse("HTTP://Example.COM/a/b?x=1#frag").unwrap();
        assert_eq!(url.scheme(), "http");
        assert_eq!(url.host(), "example.com");
        assert_eq!(url.port(), None);
        assert_eq!(url.path_and_query(), "/a/b?x=1");
        assert_eq!(url.to_string(), "http://example.com/a/b?x=1");

        let file = Url::parse("file:///tmp/a%20b.json").unwrap();
        assert_eq!((file.host(), file.path()), ("", "/tmp/a%20b.json"));
        assert_eq!(file.to_string(), "file:///tmp/a%20b.json");

        let v6 = Url::parse("http://[::1]:9000").unwrap();
        assert_eq!(
            (v6.host(), v6.port(), v6.path()),
            ("[::1]", Some(9000), "/")
        );
        assert_eq!(v6.authority(), "[::1]:9000");
    }

    #[test]
    fn refuses_what_is_not_a_url() {
        for bad in [
            "no-scheme",
            "/just/a/path",
            "http://host:99999/",
            "http://a b/",
            "1http://x/",
        ] {
            assert!(Url::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn joins_references() {
        let base = Url::parse("http://h:1/api/v1/items?page=1").unwrap();
        let join = |r: &str| base.join(r).unwrap().to_string();
        assert_eq!(join("/items?page=2"), "http://h:1/items?page=2");
        assert_eq!(join("?page=3"), "http://h:1/api/v1/items?page=3");
        assert_eq!(join("users"), "http://h:1/api/v1/users");
        assert_eq!(join("./users/"), "http://h:1/api/v1/users/");
        assert_eq!(join("../../x"), "http://h:1/x");
        assert_eq!(join("//other:2/y"), "http://other:2/y");
        assert_eq!(join("https://z/"), "https://z/");
        assert_eq!(join(""), "http://h:1/api/v1/items?page=1");
        assert!(Url::parse("data:,x").unwrap().join("y").is_err());
    }

    #[test]
    fn query_parameters() {
        let mut url = Url::parse("http://h/p?a=1&page=2&b=x+y&page=9").unwrap();
        assert_eq!(url.query_param("page").as_deref(), Some("2"));
        assert_eq!(url.query_param("b").as_deref(), Some("x y"));
        assert_eq!(url.query_param("c"), None);
        url.set_query_param("page", "3");
        assert_eq!(url.query(), Some("a=1&page=3&b=x+y"));
        url.set_query_param("q", "a&b");
        assert_eq!(url.query(), Some("a=1&page=3&b=x+y&q=a%26b"));
        let mut bare = Url::parse("http://h/p").unwrap();
        bare.set_query_param("page", "2");
        assert_eq!(bare.to_string(), "http://h/p?page=2");
    }
}
