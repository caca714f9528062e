//! A validating JSON pretty-printer (RFC 8259): parses the whole document and
//! writes it back indented. Strings and numbers are copied as written.

use std::fmt;

/// Deepest nesting accepted.
const MAX_DEPTH: usize = 128;

/// Where and why a document is not JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    /// Byte offset of the problem.
    pub offset: usize,
    /// What was expected or found.
    pub message: String,
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at byte {}", self.message, self.offset)
    }
}

impl std::error::Error for JsonError {}

/// `input` re-indented by `indent` spaces per level, one member or element per
/// line, `": "` after keys; empty objects and arrays stay `{}` and `[]`.
///
/// ```
/// let pretty = apiclient_rest::json::pretty(r#"{"a":[1,2.5e3,{}],"b":"x\"y"}"#, 2)?;
/// assert_eq!(pretty, "{\n  \"a\": [\n    1,\n    2.5e3,\n    {}\n  ],\n  \"b\": \"x\\\"y\"\n}");
/// # Ok::<(), apiclient_rest::json::JsonError>(())
/// ```
///
/// # Errors
///
/// [`JsonError`] if `input` is not one JSON value (surrounded by whitespace).
pub fn pretty(input: &str, indent: usize) -> Result<String, JsonError> {
    let mut printer = Printer {
        bytes: input.as_bytes(),
        pos: 0,
        out: String::with_capacity(input.len() * 2),
        indent,
    };
    printer.skip_ws();
    printer.value(0)?;
    printer.skip_ws();
    if printer.pos != printer.bytes.len() {
        return Err(printer.error("trailing characters after the value"));
    }
    Ok(printer.out)
}

struct Printer<'a> {
    bytes: &'a [u8],
    pos: usize,
    out: String,
    indent: usize,
}

impl Printer<'_> {
    fn error(&self, message: &str) -> JsonError {
        JsonError {
            offset: self.pos,
            message: message.to_owned(),
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn newline(&mut self, depth: usize) {
        self.out.push('\n');
        self.out
            .extend(std::iter::repeat_n(' ', depth * self.indent));
    }

    /// Copies `bytes[start..pos]`, which the parser has checked is ASCII or
    /// whole UTF-8 (the input is a `str` and cuts fall on ASCII bytes).
    fn copy_from(&mut self, start: usize) {
        self.out
            .push_str(&String::from_utf8_lossy(&self.bytes[start..self.pos]));
    }

    fn value(&mut self, depth: usize) -> Result<(), JsonError> {
        if depth > MAX_DEPTH {
            return Err(self.error("nested too deeply"));
        }
        match self.peek() {
            Some(b'{') => self.container(depth, b'}', true),
            Some(b'[') => self.container(depth, b']', false),
            Some(b'"') => self.string(),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b't') => self.literal("true"),
            Some(b'f') => self.literal("false"),
            Some(b'n') => self.literal("null"),
            Some(_) => Err(self.error("expected a value")),
            None => Err(self.error("unexpected end, expected a value")),
        }
    }

    fn container(&mut self, depth: usize, close: u8, object: bool) -> Result<(), JsonError> {
        self.out.push(char::from(self.bytes[self.pos]));
        self.pos += 1;
        self.skip_ws();
        if self.peek() == Some(close) {
            self.pos += 1;
            self.out.push(char::from(close));
            return Ok(());
        }
        loop {
            self.newline(depth + 1);
            if object {
                if self.peek() != Some(b'"') {
                    return Err(self.error("expected a string key"));
                }
                self.string()?;
                self.skip_ws();
                if self.peek() != Some(b':') {
                    return Err(self.error("expected `:`"));
                }
                self.pos += 1;
                self.out.push_str(": ");
                self.skip_ws();
            }
            self.value(depth + 1)?;
            self.skip_ws();
            match self.peek() {
                Some(b',') => {
                    self.pos += 1;
                    self.out.push(',');
                    self.skip_ws();
                }
                Some(c) if c == close => {
                    self.pos += 1;
                    self.newline(depth);
                    self.out.push(char::from(close));
                    return Ok(());
                }
                _ => {
                    let expected = if object { "`,` or `}`" } else { "`,` or `]`" };
                    return Err(self.error(&format!("expected {expected}")));
                }
            }
        }
    }

    fn string(&mut self) -> Result<(), JsonError> {
        let start = self.pos;
        self.pos += 1;
        loop {
            match self.peek() {
                None => return Err(self.error("unterminated string")),
                Some(b'"') => {
                    self.pos += 1;
                    self.copy_from(start);
                    return Ok(());
                }
                Some(b'\\') => {
                    self.pos += 1;
                    match self.peek() {
                        Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => {
                            self.pos += 1;
                        }
                        Some(b'u') => {
                            let hex = self.bytes.get(self.pos + 1..self.pos + 5);
                            if !hex.is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit)) {
                                return Err(self.error("bad \\u escape"));
                            }
                            self.pos += 5;
                        }
                        _ => return Err(self.error("bad escape")),
                    }
                }
                Some(c) if c < 0x20 => return Err(self.error("control character in a string")),
                Some(_) => self.pos += 1,
            }
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.pos += 1;
        }
        self.pos - start
    }

    fn number(&mut self) -> Result<(), JsonError> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(self.error("expected a digit")),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if self.digits() == 0 {
                return Err(self.error("expected a digit after `.`"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if self.digits() == 0 {
                return Err(self.error("expected an exponent"));
            }
        }
        self.copy_from(start);
        Ok(())
    }

    fn literal(&mut self, word: &str) -> Result<(), JsonError> {
        if self.bytes[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            self.out.push_str(word);
            Ok(())
        } else {
            Err(self.error(&format!("expected `{word}`")))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::pretty;

    #[test]
    fn pretty_prints_nested_documents() {
        let input = r#" {"id":1,"tags":["a","b"],"owner":{"name":"Zoë","admin":false},"none":null,"e":[],"n":-0.5E+2} "#;
        let expected = r#"{
    "id": 1,
    "tags": [
        "a",
        "b"
    ],
    "owner": {
        "name": "Zoë",
        "admin": false
    },
    "none": null,
    "e": [],
    "n": -0.5E+2
}"#;
        assert_eq!(pretty(input, 4).unwrap(), expected);
        assert_eq!(pretty("\"\\u00e9\\n\"", 2).unwrap(), "\"\\u00e9\\n\"");
        assert_eq!(pretty("[ ]", 2).unwrap(), "[]");
        // Already pretty: unchanged.
        assert_eq!(pretty(expected, 4).unwrap(), expected);
    }

    #[test]
    fn refuses_what_is_not_json() {
        for (bad, offset) in [
            ("", 0),
            ("{", 1),
            ("[1,]", 3),
            ("{'a': 1}", 1),
            ("{\"a\" 1}", 5),
            ("[01]", 2),
            ("[1.]", 3),
            ("[tru]", 1),
            ("\"tab\there\"", 4),
            ("\"\\x\"", 2),
            ("[1] [2]", 4),
            ("{\"a\":1,}", 7),
        ] {
            let err = pretty(bad, 2).unwrap_err();
            assert_eq!(err.offset, offset, "{bad:?}: {err}");
        }
        let deep = "[".repeat(200) + &"]".repeat(200);
        assert!(pretty(&deep, 1).unwrap_err().message.contains("deeply"));
    }
}
