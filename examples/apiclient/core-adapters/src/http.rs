//! The `http` adapter: one HTTP/1.1 request per connection, over a plain
//! [`TcpStream`].

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::time::Duration;

use apiclient_hookspecs::{Adapter, ApiError, Headers, Options, Request, Response, Url};

/// Longest status or header line accepted.
const MAX_LINE: u64 = 16 * 1024;
/// Most header fields accepted.
const MAX_HEADERS: usize = 128;

/// An HTTP/1.1 client: sends the request with `Connection: close`, reads the
/// status line, the header fields and the body (by `Content-Length`, chunked, or
/// to the end of the stream). Plain TCP only: `https` is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpAdapter {
    /// Limit on connecting, and on each read and write.
    pub timeout: Duration,
    /// Largest body accepted.
    pub max_body: usize,
    /// `User-Agent`, unless the request sets one.
    pub user_agent: String,
}

impl Default for HttpAdapter {
    fn default() -> Self {
        HttpAdapter {
            timeout: Duration::from_secs(5),
            max_body: 16 << 20,
            user_agent: format!("apiclient-core-adapters/{}", env!("CARGO_PKG_VERSION")),
        }
    }
}

impl HttpAdapter {
    /// The adapter with `timeout_ms`, `max_body_bytes` and `user_agent` from
    /// `options`, defaults for the rest.
    ///
    /// # Errors
    ///
    /// [`ApiError::Config`] for a number that does not parse.
    pub fn from_options(options: &Options) -> Result<Self, ApiError> {
        let mut adapter = HttpAdapter::default();
        if let Some(ms) = options.parse::<u64>("timeout_ms")? {
            adapter.timeout = Duration::from_millis(ms.max(1));
        }
        if let Some(max) = options.parse::<usize>("max_body_bytes")? {
            adapter.max_body = max;
        }
        if let Some(agent) = options.get("user_agent") {
            adapter.user_agent = agent.to_owned();
        }
        Ok(adapter)
    }

    fn connect(&self, url: &Url, raw: &str) -> Result<TcpStream, ApiError> {
        let host = url.host().trim_start_matches('[').trim_end_matches(']');
        if host.is_empty() {
            return Err(ApiError::InvalidUrl {
                url: raw.to_owned(),
                reason: "no host".into(),
            });
        }
        let port = url.port().unwrap_or(80);
        let addrs = (host, port)
            .to_socket_addrs()
            .map_err(|e| ApiError::io(raw, &e))?;
        let mut last = None;
        for addr in addrs {
            match TcpStream::connect_timeout(&addr, self.timeout) {
                Ok(stream) => {
                    let io = |e: std::io::Error| ApiError::io(raw, &e);
                    stream.set_read_timeout(Some(self.timeout)).map_err(io)?;
                    stream.set_write_timeout(Some(self.timeout)).map_err(io)?;
                    return Ok(stream);
                }
                Err(error) => last = Some(error),
            }
        }
        Err(match last {
            Some(error) => ApiError::io(raw, &error),
            None => ApiError::protocol(raw, format!("{host} has no address")),
        })
    }

    /// The request head: request line, `Host`, the request's fields, then
    /// `User-Agent`, `Content-Length` and `Connection: close` unless given.
    fn head(&self, url: &Url, request: &Request) -> Result<String, ApiError> {
        let mut head = format!(
            "{} {} HTTP/1.1\r\nHost: {}\r\n",
            request.method,
            url.path_and_query(),
            url.authority()
        );
        for (name, value) in request.headers.iter() {
            let bad = |s: &str| s.contains(['\r', '\n']);
            if name.is_empty() || bad(name) || name.contains(':') || bad(value) {
                return Err(ApiError::Config(format!(
                    "header `{}` cannot be sent",
                    name.escape_debug()
                )));
            }
            if !name.eq_ignore_ascii_case("host") {
                head.push_str(&format!("{name}: {value}\r\n"));
            }
        }
        if request.headers.get("user-agent").is_none() {
            head.push_str(&format!("User-Agent: {}\r\n", self.user_agent));
        }
        if !request.body.is_empty() && request.headers.get("content-length").is_none() {
            head.push_str(&format!("Content-Length: {}\r\n", request.body.len()));
        }
        head.push_str("Connection: close\r\n\r\n");
        Ok(head)
    }
}

impl Adapter for HttpAdapter {
    fn send(&self, request: &Request) -> Result<Response, ApiError> {
        let url = Url::parse(&request.url)?;
        match url.scheme() {
            "http" => {}
            "https" => {
                return Err(ApiError::Unsupported(format!(
                    "{}: the http adapter speaks plain HTTP/1.1; there is no TLS here",
                    request.url
                )));
            }
            other => {
                return Err(ApiError::Unsupported(format!(
                    "{}: the http adapter does not speak `{other}`",
                    request.url
                )));
            }
        }
        if request.method.is_empty() || !request.method.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(ApiError::Config(format!(
                "method `{}` is not a token",
                request.method.escape_debug()
            )));
        }
        let head = self.head(&url, request)?;
        let mut stream = self.connect(&url, &request.url)?;
        let io = |e: std::io::Error| ApiError::io(&request.url, &e);
        stream.write_all(head.as_bytes()).map_err(io)?;
        stream.write_all(&request.body).map_err(io)?;
        stream.flush().map_err(io)?;
        read_response(
            BufReader::new(stream),
            &request.url,
            request.method == "HEAD",
            self.max_body,
        )
    }
}

/// Reads a response: status line, header fields, body. `head_only` for the
/// answer to `HEAD`, which has no body whatever its header says.
pub(crate) fn read_response(
    mut reader: impl BufRead,
    url: &str,
    head_only: bool,
    max_body: usize,
) -> Result<Response, ApiError> {
    loop {
        let status_line = read_line(&mut reader, url)?;
        let mut parts = status_line.splitn(3, ' ');
        let version = parts.next().unwrap_or_default();
        if !version.starts_with("HTTP/1.") {
            return Err(ApiError::protocol(
                url,
                format!("not an HTTP/1.x status line: {status_line:?}"),
            ));
        }
        let status: u16 = parts
            .next()
            .and_then(|code| code.parse().ok())
            .filter(|code| (100..1000).contains(code))
            .ok_or_else(|| ApiError::protocol(url, format!("bad status in {status_line:?}")))?;
        let reason = parts.next().unwrap_or_default().to_owned();
        let headers = read_fields(&mut reader, url)?;
        if (100..200).contains(&status) {
            continue; // 100 Continue and friends: the real response follows.
        }
        let mut response = Response::new(url, status, reason);
        response.headers = headers;
        if !head_only && status != 204 && status != 304 {
            response.body = read_body(&mut reader, &response.headers, url, max_body)?;
        }
        return Ok(response);
    }
}

fn read_line(reader: &mut impl BufRead, url: &str) -> Result<String, ApiError> {
    let mut line = Vec::new();
    reader
        .take(MAX_LINE)
        .read_until(b'\n', &mut line)
        .map_err(|e| ApiError::io(url, &e))?;
    if line.last() != Some(&b'\n') {
        let why = if line.is_empty() {
            "connection closed before the response"
        } else {
            "line too long, or connection closed in a line"
        };
        return Err(ApiError::protocol(url, why));
    }
    line.pop();
    if line.last() == Some(&b'\r') {
        line.pop();
    }
    String::from_utf8(line).map_err(|_| ApiError::protocol(url, "a line is not UTF-8"))
}

fn read_fields(reader: &mut impl BufRead, url: &str) -> Result<Headers, ApiError> {
    let mut headers = Headers::new();
    loop {
        let line = read_line(reader, url)?;
        if line.is_empty() {
            return Ok(headers);
        }
        if headers.len() == MAX_HEADERS {
            return Err(ApiError::protocol(url, "too many header fields"));
        }
        let (name, value) = line
            .split_once(':')
            .filter(|(name, _)| !name.is_empty() && !name.contains(' '))
            .ok_or_else(|| ApiError::protocol(url, format!("bad header field {line:?}")))?;
        headers.append(name, value.trim());
    }
}

fn read_body(
    reader: &mut impl BufRead,
    headers: &Headers,
    url: &str,
    max_body: usize,
) -> Result<Vec<u8>, ApiError> {
    let io = |e: std::io::Error| ApiError::io(url, &e);
    let too_big = || ApiError::protocol(url, format!("body over {max_body} bytes"));
    let chunked = headers
        .get_all("transfer-encoding")
        .iter()
        .any(|v| v.to_ascii_lowercase().contains("chunked"));
    if chunked {
        let mut body = Vec::new();
        loop {
            let line = read_line(reader, url)?;
            let size = line.split(';').next().unwrap_or_default().trim();
            let size = usize::from_str_radix(size, 16)
                .map_err(|_| ApiError::protocol(url, format!("bad chunk size {line:?}")))?;
            if size == 0 {
                // Trailer fields, up to the empty line.
                read_fields(reader, url)?;
                return Ok(body);
            }
            if body.len() + size > max_body {
                return Err(too_big());
            }
            let start = body.len();
            body.resize(start + size, 0);
            reader.read_exact(&mut body[start..]).map_err(io)?;
            if !read_line(reader, url)?.is_empty() {
                return Err(ApiError::protocol(url, "chunk longer than its size"));
            }
        }
    }
    if let Some(length) = headers.get("content-length") {
        let length: usize = length
            .parse()
            .map_err(|_| ApiError::protocol(url, format!("bad Content-Length {length:?}")))?;
        if length > max_body {
            return Err(too_big());
        }
        let mut body = vec![0; length];
        reader.read_exact(&mut body).map_err(io)?;
        return Ok(body);
    }
    // Neither: the body runs to the end of the connection.
    let mut body = Vec::new();
    let limit = u64::try_from(max_body)
        .unwrap_or(u64::MAX)
        .saturating_add(1);
    reader.take(limit).read_to_end(&mut body).map_err(io)?;
    if body.len() > max_body {
        return Err(too_big());
    }
    Ok(body)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(raw: &str) -> Result<Response, ApiError> {
        read_response(raw.as_bytes(), "http://t/", false, 64)
    }

    #[test]
    fn content_length_body() {
        let response =
            parse("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nX-A: b \r\n\r\nhello+extra").unwrap();
        assert_eq!((response.status, response.reason.as_str()), (200, "OK"));
        assert_eq!(response.headers.get("x-a"), Some("b"));
        assert_eq!(response.body, b"hello");
    }

    #[test]
    fn chunked_body_with_extension_and_trailer() {
        let raw = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n\
                   4;ext=1\r\nWiki\r\n6\r\npedia \r\n0\r\nX-Trailer: 1\r\n\r\n";
        assert_eq!(parse(raw).unwrap().body, b"Wikipedia ");
    }

    #[test]
    fn body_to_the_end_and_continue_and_no_body_statuses() {
        let raw = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.0 404 Not Found\r\n\r\nnope";
        let response = parse(raw).unwrap();
        assert_eq!(
            (response.status, response.body.as_slice()),
            (404, &b"nope"[..])
        );
        let raw = "HTTP/1.1 204 No Content\r\nContent-Length: 3\r\n\r\n";
        assert!(parse(raw).unwrap().body.is_empty());
    }

    #[test]
    fn malformed_responses_are_protocol_errors() {
        for raw in [
            "",
            "SMTP 220 hi\r\n\r\n",
            "HTTP/1.1 abc OK\r\n\r\n",
            "HTTP/1.1 200 OK\r\nno colon\r\n\r\n",
            "HTTP/1.1 200 OK\r\nContent-Length: x\r\n\r\n",
            "HTTP/1.1 200 OK\r\nContent-Length: 65\r\n\r\n",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
        ] {
            assert!(
                matches!(parse(raw), Err(ApiError::Protocol { .. })),
                "{raw:?}"
            );
        }
        let truncated = "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort";
        assert!(matches!(parse(truncated), Err(ApiError::Io { .. })));
    }

    #[test]
    fn the_head_carries_host_fields_and_close() {
        let adapter = HttpAdapter::default();
        let url = Url::parse("http://127.0.0.1:8/a?b=1").unwrap();
        let request = Request::get(url.to_string()).header("Accept", "application/json");
        let head = adapter.head(&url, &request).unwrap();
        assert!(head.starts_with("GET /a?b=1 HTTP/1.1\r\nHost: 127.0.0.1:8\r\nAccept: application/json\r\nUser-Agent: apiclient-core-adapters/"));
        assert!(head.ends_with("Connection: close\r\n\r\n"));
        let evil = Request::get(url.to_string()).header("X", "a\r\nInjected: 1");
        assert!(matches!(
            adapter.head(&url, &evil),
            Err(ApiError::Config(_))
        ));
    }
}
