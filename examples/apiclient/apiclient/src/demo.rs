//! A small HTTP/1.1 server for the session and the tests: a
//! [`TcpListener`] on 127.0.0.1 (port 0: the system picks one) in a thread,
//! serving a few canned pages. It is bounded: it answers a fixed number of
//! connections, one request each, then stops; if fewer come, it stops at a
//! deadline.
//!
//! Pages:
//!
//! - `GET /items?page=N`: three pages of items; needs `Authorization: Bearer
//!   <token>`; `Link` headers with `rel="next"` and `rel="last"`.
//! - `GET /numbers?page=N`: two pages of numbers; needs basic auth;
//!   `X-Total-Pages: 2`; `Cache-Control: max-age=60`.
//! - `GET /me`: a profile with secrets in it and a `Set-Cookie`; needs basic
//!   auth; sent chunked.
//! - `POST /token`: the token endpoint of the `refresh` auth provider; needs
//!   basic auth (the client's id and secret are the basic user and password);
//!   answers `{"access_token":"<token>","token_type":"Bearer","expires_in":N}`,
//!   the bearer token `/items` wants, valid for [`DemoConfig::token_ttl`].
//!
//! The server is plain blocking `std::net`, in its own thread: the client's
//! async adapter talks to it over tokio's `TcpStream` like to any server.
//! - anything else: `404`; without the right credentials: `401`.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

/// The items `/items` pages through, two per page.
pub const ITEMS: [&str; 6] = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot"];

/// The pages of `/numbers`.
pub const NUMBERS: [&[u32]; 2] = [&[1, 2, 3, 4, 5], &[6, 7, 8]];

/// What the server accepts and how long it runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoConfig {
    /// The bearer token `/items` wants.
    pub token: String,
    /// The user basic auth wants.
    pub user: String,
    /// The password basic auth wants.
    pub password: String,
    /// How many connections to answer before stopping.
    pub requests: usize,
    /// When to stop if fewer connections come.
    pub deadline: Duration,
    /// How long the tokens `POST /token` hands out say they are valid
    /// (`expires_in`, whole seconds).
    pub token_ttl: Duration,
}

impl DemoConfig {
    /// A server wanting `token` for bearer auth and `user`/`password` for
    /// basic, answering `requests` connections within ten seconds.
    #[must_use]
    pub fn new(token: &str, user: &str, password: &str, requests: usize) -> Self {
        DemoConfig {
            token: token.to_owned(),
            user: user.to_owned(),
            password: password.to_owned(),
            requests,
            deadline: Duration::from_secs(10),
            token_ttl: Duration::from_secs(60),
        }
    }
}

/// The running server.
#[derive(Debug)]
pub struct DemoServer {
    addr: SocketAddr,
    served: Arc<AtomicUsize>,
    handle: JoinHandle<io::Result<()>>,
}

impl DemoServer {
    /// Binds 127.0.0.1:0 and starts serving in a thread.
    ///
    /// # Errors
    ///
    /// If the socket cannot be bound.
    pub fn start(config: DemoConfig) -> io::Result<DemoServer> {
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let addr = listener.local_addr()?;
        listener.set_nonblocking(true)?;
        let served = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&served);
        let handle = thread::spawn(move || serve(&listener, &config, &counter));
        Ok(DemoServer {
            addr,
            served,
            handle,
        })
    }

    /// `http://127.0.0.1:<port>`.
    #[must_use]
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Connections answered so far.
    #[must_use]
    pub fn served(&self) -> usize {
        self.served.load(Ordering::SeqCst)
    }

    /// Waits for the server to stop (it has answered its connections, or its
    /// deadline passed); returns how many it answered.
    ///
    /// # Errors
    ///
    /// If accepting failed, or the thread panicked.
    pub fn finish(self) -> io::Result<usize> {
        self.handle
            .join()
            .map_err(|_| io::Error::other("the demo server panicked"))??;
        Ok(self.served.load(Ordering::SeqCst))
    }
}

fn serve(listener: &TcpListener, config: &DemoConfig, served: &AtomicUsize) -> io::Result<()> {
    let deadline = Instant::now() + config.deadline;
    while served.load(Ordering::SeqCst) < config.requests && Instant::now() < deadline {
        match listener.accept() {
            Ok((stream, _)) => {
                // A client that misbehaves spoils its own connection only.
                let _ = answer(stream, config);
                served.fetch_add(1, Ordering::SeqCst);
            }
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                thread::sleep(Duration::from_millis(2));
            }
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// A response to write: status, header fields, body, chunked or not.
struct Reply {
    status: u16,
    reason: &'static str,
    headers: Vec<(&'static str, String)>,
    body: String,
    chunked: bool,
}

impl Reply {
    fn json(status: u16, reason: &'static str, body: String) -> Reply {
        Reply {
            status,
            reason,
            headers: vec![("Content-Type", "application/json".to_owned())],
            body,
            chunked: false,
        }
    }

    fn header(mut self, name: &'static str, value: impl Into<String>) -> Reply {
        self.headers.push((name, value.into()));
        self
    }

    fn write(&self, stream: &mut TcpStream) -> io::Result<()> {
        let mut head = format!(
            "HTTP/1.1 {} {}\r\nServer: apiclient-demo\r\n",
            self.status, self.reason
        );
        for (name, value) in &self.headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        if self.chunked {
            head.push_str("Transfer-Encoding: chunked\r\n");
        } else {
            head.push_str(&format!("Content-Length: {}\r\n", self.body.len()));
        }
        head.push_str("Connection: close\r\n\r\n");
        stream.write_all(head.as_bytes())?;
        if self.chunked {
            for chunk in self.body.as_bytes().chunks(24) {
                stream.write_all(format!("{:x}\r\n", chunk.len()).as_bytes())?;
                stream.write_all(chunk)?;
                stream.write_all(b"\r\n")?;
            }
            stream.write_all(b"0\r\n\r\n")?;
        } else {
            stream.write_all(self.body.as_bytes())?;
        }
        stream.flush()
    }
}

/// Reads one request and answers it.
fn answer(stream: TcpStream, config: &DemoConfig) -> io::Result<()> {
    stream.set_nonblocking(false)?;
    stream.set_read_timeout(Some(Duration::from_secs(5)))?;
    stream.set_write_timeout(Some(Duration::from_secs(5)))?;
    let mut reader = BufReader::new(stream);
    let mut request_line = String::new();
    (&mut reader).take(8192).read_line(&mut request_line)?;
    let mut headers: Vec<(String, String)> = Vec::new();
    loop {
        let mut line = String::new();
        (&mut reader).take(8192).read_line(&mut line)?;
        let line = line.trim_end();
        if line.is_empty() || headers.len() == 100 {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            headers.push((name.trim().to_ascii_lowercase(), value.trim().to_owned()));
        }
    }
    let header = |name: &str| {
        headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    };
    // Read the body (the token request has one) before answering: closing a
    // socket with unread data resets the connection under the client's read.
    let length = header("content-length")
        .and_then(|n| n.parse::<u64>().ok())
        .unwrap_or(0)
        .min(64 * 1024);
    io::copy(&mut (&mut reader).take(length), &mut io::sink())?;
    let mut parts = request_line.split_ascii_whitespace();
    let (method, target) = (
        parts.next().unwrap_or_default(),
        parts.next().unwrap_or("/"),
    );
    let reply = route(method, target, header("authorization"), config);
    let mut stream = reader.into_inner();
    reply.write(&mut stream)
}

fn route(method: &str, target: &str, authorization: Option<&str>, config: &DemoConfig) -> Reply {
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    let page: usize = query
        .split('&')
        .find_map(|pair| pair.strip_prefix("page="))
        .and_then(|page| page.parse().ok())
        .unwrap_or(1);
    let allowed = if path == "/token" { "POST" } else { "GET" };
    if method != allowed {
        return Reply::json(
            405,
            "Method Not Allowed",
            format!(r#"{{"error":"{allowed} only"}}"#),
        )
        .header("Allow", allowed);
    }
    let bearer = authorization == Some(format!("Bearer {}", config.token).as_str());
    let basic = authorization
        .and_then(|value| value.strip_prefix("Basic "))
        .and_then(|encoded| base64_decode(encoded.trim()))
        .is_some_and(|decoded| {
            decoded == format!("{}:{}", config.user, config.password).as_bytes()
        });
    let unauthorized = |scheme: &str| {
        Reply::json(401, "Unauthorized", r#"{"error":"unauthorized"}"#.into())
            .header("WWW-Authenticate", format!("{scheme} realm=\"demo\""))
    };
    match path {
        "/items" if !bearer => unauthorized("Bearer"),
        "/items" => {
            let pages = ITEMS.len().div_ceil(2);
            let Some(items) = ITEMS.chunks(2).nth(page.wrapping_sub(1)) else {
                return Reply::json(404, "Not Found", r#"{"error":"no such page"}"#.into());
            };
            let first_id = (page - 1) * 2 + 1;
            let items: Vec<String> = items
                .iter()
                .enumerate()
                .map(|(i, name)| format!(r#"{{"id":{},"name":"{name}"}}"#, first_id + i))
                .collect();
            let mut links = Vec::new();
            if page < pages {
                links.push(format!("</items?page={}>; rel=\"next\"", page + 1));
            }
            links.push(format!("</items?page={pages}>; rel=\"last\""));
            Reply::json(200, "OK", format!("[{}]", items.join(",")))
                .header("Link", links.join(", "))
        }
        "/numbers" if !basic => unauthorized("Basic"),
        "/numbers" => {
            let Some(numbers) = NUMBERS.get(page.wrapping_sub(1)) else {
                return Reply::json(404, "Not Found", r#"{"error":"no such page"}"#.into());
            };
            let numbers: Vec<String> = numbers.iter().map(u32::to_string).collect();
            Reply::json(200, "OK", format!("[{}]", numbers.join(",")))
                .header("X-Total-Pages", NUMBERS.len().to_string())
                .header("Cache-Control", "max-age=60")
        }
        "/token" if !basic => unauthorized("Basic"),
        "/token" => Reply::json(
            200,
            "OK",
            format!(
                r#"{{"access_token":"{}","token_type":"Bearer","expires_in":{}}}"#,
                config.token,
                config.token_ttl.as_secs()
            ),
        )
        .header("Cache-Control", "no-store"),
        "/me" if !basic => unauthorized("Basic"),
        "/me" => {
            let body = format!(
                r##"{{"user":"{}","role":"admin","api_key":"ghp_EXAMPLEexample0000DEMO0000demo00","slack":{{"bot_token":"xoxb-0000-1111-EXAMPLEdemo","channel":"#ops"}},"note":"rotate keys quarterly"}}"##,
                config.user
            );
            let mut reply = Reply::json(200, "OK", body)
                .header("Set-Cookie", "session=d3m0s3ss10n; HttpOnly")
                .header("X-Request-Id", "req-0001");
            reply.chunked = true;
            reply
        }
        _ => Reply::json(404, "Not Found", r#"{"error":"not found"}"#.into()),
    }
}

/// Standard base64 with padding, for checking basic credentials.
fn base64_decode(input: &str) -> Option<Vec<u8>> {
    let value = |c: u8| -> Option<u32> {
        Some(u32::from(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        }))
    };
    if !input.len().is_multiple_of(4) {
        return None;
    }
    let mut out = Vec::new();
    for quad in input.as_bytes().chunks(4) {
        let pad = quad.iter().rev().take_while(|&&c| c == b'=').count();
        let mut n = 0;
        for &c in &quad[..4 - pad] {
            n = (n << 6) | value(c)?;
        }
        n <<= 6 * pad;
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&bytes[..3 - pad.min(2)]);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_basic_credentials() {
        assert_eq!(
            base64_decode("QWxhZGRpbjpvcGVuIHNlc2FtZQ==").unwrap(),
            b"Aladdin:open sesame"
        );
        assert_eq!(base64_decode("Zm9vYmFy").unwrap(), b"foobar");
        assert_eq!(base64_decode("Zm8=").unwrap(), b"fo");
        assert_eq!(base64_decode("Zm8"), None);
        assert_eq!(base64_decode("Zm8*"), None);
    }
}
