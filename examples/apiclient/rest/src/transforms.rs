//! The `apiclient_rest::transforms` plugin: `json-pretty` and `redact-headers`.

use apiclient_hookspecs::{ApiError, ApiPlugins, Options, Response, Transform, TransformRegistry};
use hookcore::hookimpl;

use crate::json;

/// Registers `json-pretty` (option `indent`, default 2) and `redact-headers`
/// (option `headers`: more names to hide, comma-separated).
#[hookimpl(ApiPlugins)]
pub fn register_transforms(registry: &mut TransformRegistry) {
    registry.register("json-pretty", |options| {
        Ok(Box::new(JsonPretty::from_options(options)?))
    });
    registry.register("redact-headers", |options| {
        Ok(Box::new(RedactHeaders::from_options(options)))
    });
}

/// Re-indents the body of a JSON response (`application/json` or `+json`);
/// leaves other responses alone, refuses JSON that does not parse.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JsonPretty {
    /// Spaces per level.
    pub indent: usize,
}

impl JsonPretty {
    /// From the `indent` option (default 2, at most 8).
    ///
    /// # Errors
    ///
    /// [`ApiError::Config`] if `indent` is not a number up to 8.
    pub fn from_options(options: &Options) -> Result<Self, ApiError> {
        let indent = options.parse::<usize>("indent")?.unwrap_or(2);
        if indent > 8 {
            return Err(ApiError::Config(format!(
                "json-pretty: indent {indent} is over 8"
            )));
        }
        Ok(JsonPretty { indent })
    }
}

impl Transform for JsonPretty {
    fn apply(&self, response: &mut Response) -> Result<(), ApiError> {
        let is_json = response
            .media_type()
            .is_some_and(|media| media == "application/json" || media.ends_with("+json"));
        if !is_json || response.body.is_empty() {
            return Ok(());
        }
        let refuse = |message: String| ApiError::Transform {
            name: "json-pretty".into(),
            message,
        };
        let text = std::str::from_utf8(&response.body)
            .map_err(|e| refuse(format!("the body is not UTF-8: {e}")))?;
        let pretty = json::pretty(text, self.indent).map_err(|e| refuse(e.to_string()))?;
        response.set_body(pretty.into_bytes());
        Ok(())
    }
}

/// The header fields [`RedactHeaders`] hides by default, besides any name
/// containing `token`, `secret` or `api-key`.
pub const SENSITIVE: [&str; 5] = [
    "set-cookie",
    "cookie",
    "authorization",
    "proxy-authorization",
    "www-authenticate",
];

/// Replaces the values of sensitive header fields with `[redacted]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RedactHeaders {
    extra: Vec<String>,
}

impl RedactHeaders {
    /// The default names, plus those of the `headers` option.
    #[must_use]
    pub fn from_options(options: &Options) -> Self {
        let extra = options
            .get("headers")
            .unwrap_or_default()
            .split(',')
            .map(|name| name.trim().to_ascii_lowercase())
            .filter(|name| !name.is_empty())
            .collect();
        RedactHeaders { extra }
    }

    /// Whether the field `name` is hidden.
    #[must_use]
    pub fn is_sensitive(&self, name: &str) -> bool {
        let name = name.to_ascii_lowercase();
        SENSITIVE.contains(&name.as_str())
            || self.extra.contains(&name)
            || ["token", "secret", "api-key"]
                .iter()
                .any(|part| name.contains(part))
    }
}

impl Transform for RedactHeaders {
    fn apply(&self, response: &mut Response) -> Result<(), ApiError> {
        for (name, value) in response.headers.iter_mut() {
            if self.is_sensitive(name) {
                "[redacted]".clone_into(value);
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn response(content_type: &str, body: &str) -> Response {
        let mut response = Response::new("http://h/", 200, "OK");
        response.headers.append("Content-Type", content_type);
        response
            .headers
            .append("Content-Length", body.len().to_string());
        response.body = body.as_bytes().to_vec();
        response
    }

    #[test]
    fn json_pretty_rewrites_json_and_its_length_and_nothing_else() {
        let pretty = JsonPretty::from_options(&Options::new()).unwrap();
        let mut json = response("application/json; charset=utf-8", r#"{"a":[1]}"#);
        pretty.apply(&mut json).unwrap();
        assert_eq!(json.text(), "{\n  \"a\": [\n    1\n  ]\n}");
        assert_eq!(json.headers.get("content-length"), Some("22"));

        let mut problem = response("application/problem+json", r#"{"title":"x"}"#);
        pretty.apply(&mut problem).unwrap();
        assert_eq!(problem.text(), "{\n  \"title\": \"x\"\n}");

        let mut text = response("text/plain", "{not json");
        pretty.apply(&mut text).unwrap();
        assert_eq!(text.text(), "{not json");

        let mut broken = response("application/json", "{\"a\":}");
        let err = pretty.apply(&mut broken).unwrap_err();
        assert_eq!(
            err.to_string(),
            "transform json-pretty: expected a value at byte 5"
        );
        assert!(JsonPretty::from_options(&Options::new().with("indent", "9")).is_err());
    }

    #[test]
    fn redact_headers_hides_credentials_and_the_names_given() {
        let redact = RedactHeaders::from_options(&Options::new().with("headers", "X-Request-Id, "));
        let mut response = response("text/plain", "");
        for (name, value) in [
            ("Set-Cookie", "session=abc"),
            ("X-Auth-Token", "t"),
            ("X-Request-Id", "42"),
            ("X-Client-Secret", "s"),
            ("Server", "demo"),
        ] {
            response.headers.append(name, value);
        }
        redact.apply(&mut response).unwrap();
        let values: Vec<_> = response.headers.iter().map(|(_, v)| v).collect();
        assert_eq!(
            values,
            [
                "text/plain",
                "0",
                "[redacted]",
                "[redacted]",
                "[redacted]",
                "[redacted]",
                "demo"
            ]
        );
    }
}
