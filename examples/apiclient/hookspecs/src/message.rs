//! [`Request`], [`Response`] and their [`Headers`].

use std::borrow::Cow;

/// Header fields in order, names compared without regard to case.
///
/// ```
/// use apiclient_hookspecs::Headers;
///
/// let mut headers = Headers::new();
/// headers.append("Set-Cookie", "a=1");
/// headers.append("set-cookie", "b=2");
/// headers.set("Content-Type", "text/plain");
/// assert_eq!(headers.get("SET-COOKIE"), Some("a=1"));
/// assert_eq!(headers.get_all("set-cookie"), ["a=1", "b=2"]);
/// headers.set("content-type", "application/json");
/// assert_eq!(headers.len(), 3);
/// assert_eq!(headers.get("Content-Type"), Some("application/json"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Headers {
    fields: Vec<(String, String)>,
}

impl Headers {
    /// No fields.
    #[must_use]
    pub fn new() -> Self {
        Headers::default()
    }

    /// The first value of `name`.
    #[must_use]
    pub fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Every value of `name`, in order.
    #[must_use]
    pub fn get_all(&self, name: &str) -> Vec<&str> {
        self.fields
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// Adds a field, after any of the same name.
    pub fn append(&mut self, name: impl Into<String>, value: impl Into<String>) {
        self.fields.push((name.into(), value.into()));
    }

    /// Sets `name` to `value`: the first field of that name gets the value, later
    /// ones are removed; a new name is appended.
    pub fn set(&mut self, name: &str, value: impl Into<String>) {
        let value = value.into();
        match self
            .fields
            .iter()
            .position(|(n, _)| n.eq_ignore_ascii_case(name))
        {
            Some(first) => {
                self.fields[first].1 = value;
                let mut index = 0;
                self.fields.retain(|(n, _)| {
                    index += 1;
                    index - 1 == first || !n.eq_ignore_ascii_case(name)
                });
            }
            None => self.fields.push((name.to_owned(), value)),
        }
    }

    /// Removes every field named `name`; returns whether there was one.
    pub fn remove(&mut self, name: &str) -> bool {
        let before = self.fields.len();
        self.fields.retain(|(n, _)| !n.eq_ignore_ascii_case(name));
        self.fields.len() != before
    }

    /// The fields, in order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.fields.iter().map(|(n, v)| (n.as_str(), v.as_str()))
    }

    /// The fields, values writable.
    pub fn iter_mut(&mut self) -> impl Iterator<Item = (&str, &mut String)> {
        self.fields.iter_mut().map(|(n, v)| (n.as_str(), v))
    }

    /// How many fields there are.
    #[must_use]
    pub fn len(&self) -> usize {
        self.fields.len()
    }

    /// Whether there are none.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.fields.is_empty()
    }
}

/// A request, as the client hands it to an adapter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// `GET`, `HEAD`, `POST`, ...
    pub method: String,
    /// The absolute URL: `http://host:port/path?query`, `file:///path`, ...
    pub url: String,
    /// Header fields; the auth provider adds its own.
    pub headers: Headers,
    /// The body; empty for `GET`.
    pub body: Vec<u8>,
}

impl Request {
    /// A `GET` of `url` with no header and no body.
    #[must_use]
    pub fn get(url: impl Into<String>) -> Self {
        Request {
            method: "GET".to_owned(),
            url: url.into(),
            headers: Headers::new(),
            body: Vec::new(),
        }
    }

    /// This request with a header field added.
    #[must_use]
    pub fn header(mut self, name: &str, value: impl Into<String>) -> Self {
        self.headers.append(name, value);
        self
    }
}

/// A response, as an adapter returns it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    /// The URL it answers.
    pub url: String,
    /// The status code: HTTP's, or the closest one for other protocols
    /// (a missing file is `404`).
    pub status: u16,
    /// The status text: `OK`, `Not Found`, ...
    pub reason: String,
    /// Header fields, in the order received.
    pub headers: Headers,
    /// The body.
    pub body: Vec<u8>,
}

impl Response {
    /// A response to `url` with `status` and `reason`, no header and no body.
    #[must_use]
    pub fn new(url: impl Into<String>, status: u16, reason: impl Into<String>) -> Self {
        Response {
            url: url.into(),
            status,
            reason: reason.into(),
            headers: Headers::new(),
            body: Vec::new(),
        }
    }

    /// Whether the status is 2xx.
    #[must_use]
    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// The body as text, invalid UTF-8 replaced.
    #[must_use]
    pub fn text(&self) -> Cow<'_, str> {
        String::from_utf8_lossy(&self.body)
    }

    /// The media type of `Content-Type`, lower case, without parameters.
    #[must_use]
    pub fn media_type(&self) -> Option<String> {
        let value = self.headers.get("content-type")?;
        let media = value.split(';').next().unwrap_or_default().trim();
        Some(media.to_ascii_lowercase())
    }

    /// Replaces the body, and `Content-Length` if the response has one.
    pub fn set_body(&mut self, body: Vec<u8>) {
        if self.headers.get("content-length").is_some() {
            self.headers.set("Content-Length", body.len().to_string());
        }
        self.body = body;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_keeps_the_first_field_and_drops_the_rest() {
        let mut headers = Headers::new();
        headers.append("A", "1");
        headers.append("b", "2");
        headers.append("a", "3");
        headers.set("a", "x");
        assert_eq!(headers.iter().collect::<Vec<_>>(), [("A", "x"), ("b", "2")]);
        assert!(headers.remove("B"));
        assert!(!headers.remove("B"));
        assert_eq!(headers.len(), 1);
    }

    #[test]
    fn media_type_and_set_body() {
        let mut response = Response::new("file:///x", 200, "OK");
        response
            .headers
            .append("Content-Type", "Application/JSON; charset=utf-8");
        response.headers.append("Content-Length", "2");
        assert_eq!(response.media_type().as_deref(), Some("application/json"));
        response.set_body(b"[1, 2]".to_vec());
        assert_eq!(response.headers.get("content-length"), Some("6"));
        assert!(response.is_success());
        assert_eq!(response.text(), "[1, 2]");
    }
}
