//! The `http` adapter: one HTTP/1.1 request per connection, over tokio's
//! [`TcpStream`].

use std::future::Future;
use std::io;
use std::time::Duration;

use apiclient_hookspecs::{Adapter, ApiError, BoxFuture, Headers, Options, Request, Response, Url};
use tokio::io::{AsyncBufRead, AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

/// Longest status or header line accepted.
const MAX_LINE: u64 = 16 * 1024;
/// Most header fields accepted.
const MAX_HEADERS: usize = 128;

/// An HTTP/1.1 client: sends the request with `Connection: close`, reads the
/// status line, the header fields and the body (by `Content-Length`, chunked, or
/// to the end of the stream). Plain TCP only: `https` is refused.
///
/// Async: it connects, writes and reads over tokio's `TcpStream`, so it needs a
/// tokio runtime with I/O and time enabled (`#[tokio::main]`, `#[tokio::test]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpAdapter {
    /// Limit on connecting, on writing the request, and on each read (a line,
    /// a chunk, a body).
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

    async fn connect(&self, url: &Url, raw: &str) -> Result<TcpStream, ApiError> {
        let host = url.host().trim_start_matches('[').trim_end_matches(']');
        if host.is_empty() {
            return Err(ApiError::InvalidUrl {
                url: raw.to_owned(),
                reason: "no host".into(),
            });
        }
        let port = url.port().unwrap_or(80);
        let addrs = timed(self.timeout, tokio::net::lookup_host((host, port)))
            .await
            .map_err(|e| ApiError::io(raw, &e))?;
        let mut last = None;
        for addr in addrs {
            match timed(self.timeout, TcpStream::connect(addr)).await {
                Ok(stream) => return Ok(stream),
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

impl HttpAdapter {
    async fn exchange(&self, request: &Request) -> Result<Response, ApiError> {
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
        let mut stream = self.connect(&url, &request.url).await?;
        let io = |e: io::Error| ApiError::io(&request.url, &e);
        timed(self.timeout, async {
            stream.write_all(head.as_bytes()).await?;
            stream.write_all(&request.body).await?;
            stream.flush().await
        })
        .await
        .map_err(io)?;
        read_response(
            BufReader::new(stream),
            &request.url,
            request.method == "HEAD",
            self.max_body,
            self.timeout,
        )
        .await
    }
}

impl Adapter for HttpAdapter {
    fn send<'a>(&'a self, request: &'a Request) -> BoxFuture<'a, Result<Response, ApiError>> {
        Box::pin(self.exchange(request))
    }
}

/// `operation`, or an [`io::ErrorKind::TimedOut`] error if it takes longer than
/// `limit`.
async fn timed<T>(
    limit: Duration,
    operation: impl Future<Output = io::Result<T>>,
) -> io::Result<T> {
    match tokio::time::timeout(limit, operation).await {
        Ok(result) => result,
        Err(_) => Err(io::Error::new(
            io::ErrorKind::TimedOut,
            format!("no answer within {} ms", limit.as_millis()),
        )),
    }
}

/// Reads a response: status line, header fields, body. `head_only` for the
/// answer to `HEAD`, which has no body whatever its header says.
/// Each read waits at most `timeout`.
pub(crate) async fn read_response(
    reader: impl AsyncBufRead + Unpin,
    url: &str,
    head_only: bool,
    max_body: usize,
    timeout: Duration,
) -> Result<Response, ApiError> {
    let mut reader = Reader {
        inner: reader,
        url,
        timeout,
    };
    loop {
        let status_line = reader.line().await?;
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
        let headers = reader.fields().await?;
        if (100..200).contains(&status) {
            continue; // 100 Continue and friends: the real response follows.
        }
        let mut response = Response::new(url, status, reason);
        response.headers = headers;
        if !head_only && status != 204 && status != 304 {
            response.body = reader.body(&response.headers, max_body).await?;
        }
        return Ok(response);
    }
}

/// A response being read: the stream, the URL for errors, the limit on each read.
struct Reader<'u, R> {
    inner: R,
    url: &'u str,
    timeout: Duration,
}

impl<R: AsyncBufRead + Unpin> Reader<'_, R> {
    fn io(&self, error: &io::Error) -> ApiError {
        ApiError::io(self.url, error)
    }

    async fn line(&mut self) -> Result<String, ApiError> {
        let mut line = Vec::new();
        let mut limited = (&mut self.inner).take(MAX_LINE);
        timed(self.timeout, limited.read_until(b'\n', &mut line))
            .await
            .map_err(|e| self.io(&e))?;
        if line.last() != Some(&b'\n') {
            let why = if line.is_empty() {
                "connection closed before the response"
            } else {
                "line too long, or connection closed in a line"
            };
            return Err(ApiError::protocol(self.url, why));
        }
        line.pop();
        if line.last() == Some(&b'\r') {
            line.pop();
        }
        String::from_utf8(line).map_err(|_| ApiError::protocol(self.url, "a line is not UTF-8"))
    }

    async fn fields(&mut self) -> Result<Headers, ApiError> {
        let mut headers = Headers::new();
        loop {
            let line = self.line().await?;
            if line.is_empty() {
                return Ok(headers);
            }
            if headers.len() == MAX_HEADERS {
                return Err(ApiError::protocol(self.url, "too many header fields"));
            }
            let (name, value) = line
                .split_once(':')
                .filter(|(name, _)| !name.is_empty() && !name.contains(' '))
                .ok_or_else(|| {
                    ApiError::protocol(self.url, format!("bad header field {line:?}"))
                })?;
            headers.append(name, value.trim());
        }
    }

    async fn exact(&mut self, buf: &mut [u8]) -> Result<(), ApiError> {
        timed(self.timeout, self.inner.read_exact(buf))
            .await
            .map(drop)
            .map_err(|e| ApiError::io(self.url, &e))
    }

    async fn body(&mut self, headers: &Headers, max_body: usize) -> Result<Vec<u8>, ApiError> {
        let url = self.url;
        let too_big = || ApiError::protocol(url, format!("body over {max_body} bytes"));
        let chunked = headers
            .get_all("transfer-encoding")
            .iter()
            .any(|v| v.to_ascii_lowercase().contains("chunked"));
        if chunked {
            let mut body = Vec::new();
            loop {
                let line = self.line().await?;
                let size = line.split(';').next().unwrap_or_default().trim();
                let size = usize::from_str_radix(size, 16)
                    .map_err(|_| ApiError::protocol(url, format!("bad chunk size {line:?}")))?;
                if size == 0 {
                    // Trailer fields, up to the empty line.
                    self.fields().await?;
                    return Ok(body);
                }
                if body.len() + size > max_body {
                    return Err(too_big());
                }
                let start = body.len();
                body.resize(start + size, 0);
                self.exact(&mut body[start..]).await?;
                if !self.line().await?.is_empty() {
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
            self.exact(&mut body).await?;
            return Ok(body);
        }
        // Neither: the body runs to the end of the connection.
        let mut body = Vec::new();
        let limit = u64::try_from(max_body)
            .unwrap_or(u64::MAX)
            .saturating_add(1);
        let mut limited = (&mut self.inner).take(limit);
        timed(self.timeout, limited.read_to_end(&mut body))
            .await
            .map_err(|e| ApiError::io(url, &e))?;
        if body.len() > max_body {
            return Err(too_big());
        }
        Ok(body)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(raw: &str) -> Result<Response, ApiError> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()
            .unwrap();
        runtime.block_on(read_response(
            raw.as_bytes(),
            "http://t/",
            false,
            64,
            Duration::from_secs(1),
        ))
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
