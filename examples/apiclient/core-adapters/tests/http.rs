//! The `http` adapter against a real server: a `TcpListener` on 127.0.0.1:0 in a
//! thread that answers a fixed number of connections, then stops (or stops at a
//! deadline if the test never connects).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use apiclient_core_adapters::HttpAdapter;
use apiclient_hookspecs::{Adapter, AdapterRegistry, ApiError, Options, Request};

/// What the server saw of one request: the request line and header lines, and the body.
#[derive(Debug)]
struct Seen {
    head: Vec<String>,
    body: Vec<u8>,
}

/// Serves `count` connections, answering each with `reply(index)` written raw;
/// returns what it received. Gives up after ten seconds.
fn serve(count: usize, reply: fn(usize) -> Vec<u8>) -> (SocketAddr, JoinHandle<Vec<Seen>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    listener.set_nonblocking(true).unwrap();
    let handle = thread::spawn(move || {
        let deadline = Instant::now() + Duration::from_secs(10);
        let mut seen = Vec::new();
        while seen.len() < count && Instant::now() < deadline {
            match listener.accept() {
                Ok((stream, _)) => {
                    stream.set_nonblocking(false).unwrap();
                    let index = seen.len();
                    seen.push(answer(stream, index, reply));
                }
                Err(_) => thread::sleep(Duration::from_millis(2)),
            }
        }
        seen
    });
    (addr, handle)
}

/// Reads one request, then writes `reply(index)`, late if it starts with [`SLOW`].
fn answer(stream: TcpStream, index: usize, reply: fn(usize) -> Vec<u8>) -> Seen {
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    let mut reader = BufReader::new(stream);
    let mut head = Vec::new();
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        let line = line.trim_end().to_owned();
        if line.is_empty() {
            break;
        }
        head.push(line);
    }
    let length = head
        .iter()
        .find_map(|l| l.strip_prefix("Content-Length: "))
        .map_or(0, |n| n.parse().unwrap());
    let mut body = vec![0; length];
    reader.read_exact(&mut body).unwrap();
    let mut reply = reply(index);
    if let Some(rest) = reply.strip_prefix(SLOW) {
        thread::sleep(Duration::from_millis(2000));
        reply = rest.to_vec();
    }
    // The client may have given up: a failed write is what it chose.
    let _ = reader.into_inner().write_all(&reply);
    Seen { head, body }
}

/// A reply starting with this is sent two seconds late, without it.
const SLOW: &[u8] = b"<slow>";

fn url(addr: SocketAddr, path: &str) -> String {
    format!("http://{addr}{path}")
}

#[tokio::test]
async fn get_sends_the_headers_and_reads_status_headers_and_body() {
    let (addr, server) = serve(1, |_| {
        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 13\r\n\r\n{\"id\": 12345}"
            .to_vec()
    });
    let request = Request::get(url(addr, "/items?page=1"))
        .header("Accept", "application/json")
        .header("Authorization", "Bearer t0k3n");
    let response = HttpAdapter::default().send(&request).await.unwrap();
    assert_eq!((response.status, response.reason.as_str()), (200, "OK"));
    assert_eq!(response.media_type().as_deref(), Some("application/json"));
    assert_eq!(response.text(), "{\"id\": 12345}");
    assert_eq!(response.url, url(addr, "/items?page=1"));

    let seen = server.join().unwrap();
    let head = &seen[0].head;
    assert_eq!(head[0], "GET /items?page=1 HTTP/1.1");
    assert_eq!(head[1], format!("Host: {addr}"));
    assert!(head.contains(&"Accept: application/json".to_owned()));
    assert!(head.contains(&"Authorization: Bearer t0k3n".to_owned()));
    assert!(head.contains(&"Connection: close".to_owned()));
    assert!(
        head.iter()
            .any(|l| l.starts_with("User-Agent: apiclient-core-adapters/1.0.0"))
    );
}

#[tokio::test]
async fn chunked_and_until_close_bodies_and_error_statuses() {
    let (addr, server) = serve(2, |index| {
        match index {
        0 => b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n7\r\n, world\r\n0\r\n\r\n".to_vec(),
        _ => b"HTTP/1.0 404 Not Found\r\nContent-Type: text/plain\r\n\r\nno such page".to_vec(),
    }
    });
    let adapter = HttpAdapter::default();
    let chunked = adapter.send(&Request::get(url(addr, "/c"))).await.unwrap();
    assert_eq!(chunked.text(), "hello, world");
    let missing = adapter
        .send(&Request::get(url(addr, "/nope")))
        .await
        .unwrap();
    assert_eq!(
        (missing.status, missing.reason.as_str()),
        (404, "Not Found")
    );
    assert!(!missing.is_success());
    assert_eq!(missing.text(), "no such page");
    assert_eq!(server.join().unwrap().len(), 2);
}

#[tokio::test]
async fn a_post_sends_its_body_with_its_length() {
    let (addr, server) = serve(1, |_| {
        b"HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n".to_vec()
    });
    let mut request = Request::get(url(addr, "/items"));
    request.method = "POST".into();
    request.body = br#"{"name":"golf"}"#.to_vec();
    let response = HttpAdapter::default().send(&request).await.unwrap();
    assert_eq!(response.status, 201);
    let seen = server.join().unwrap();
    assert_eq!(seen[0].head[0], "POST /items HTTP/1.1");
    assert!(seen[0].head.contains(&"Content-Length: 15".to_owned()));
    assert_eq!(seen[0].body, br#"{"name":"golf"}"#);
}

#[tokio::test]
async fn limits_and_timeouts_are_errors() {
    let (addr, server) = serve(2, |index| match index {
        0 => b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n".to_vec(),
        // An answer later than the client waits: the read times out.
        _ => [SLOW, b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"].concat(),
    });
    let options = Options::new()
        .with("max_body_bytes", "10")
        .with("timeout_ms", "300");
    let adapter = HttpAdapter::from_options(&options).unwrap();
    let big = adapter
        .send(&Request::get(url(addr, "/big")))
        .await
        .unwrap_err();
    assert!(big.to_string().contains("body over 10 bytes"), "{big}");
    let started = Instant::now();
    let slow = adapter
        .send(&Request::get(url(addr, "/slow")))
        .await
        .unwrap_err();
    assert!(matches!(slow, ApiError::Io { .. }), "{slow}");
    let waited = started.elapsed();
    assert!(
        waited >= Duration::from_millis(250) && waited < Duration::from_millis(1500),
        "{waited:?}"
    );
    server.join().unwrap();
}

#[tokio::test]
async fn refused_connections_https_and_other_schemes() {
    // A port that was just free: nobody listens there now.
    let addr = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let adapter = HttpAdapter::default();
    let refused = adapter
        .send(&Request::get(url(addr, "/")))
        .await
        .unwrap_err();
    assert!(matches!(refused, ApiError::Io { .. }), "{refused}");
    let tls = adapter
        .send(&Request::get("https://127.0.0.1/"))
        .await
        .unwrap_err();
    assert!(tls.to_string().contains("no TLS"), "{tls}");
    let ftp = adapter
        .send(&Request::get("ftp://127.0.0.1/"))
        .await
        .unwrap_err();
    assert!(matches!(ftp, ApiError::Unsupported(_)));
    assert!(matches!(
        HttpAdapter::from_options(&Options::new().with("timeout_ms", "soon")),
        Err(ApiError::Config(_))
    ));
}

#[tokio::test]
async fn the_hook_registers_http_then_file_and_the_factory_reads_options() {
    let mut registry = AdapterRegistry::new("adapter");
    apiclient_core_adapters::register_adapters(&mut registry);
    assert_eq!(registry.names(), ["http", "file"]);

    let (addr, server) = serve(1, |_| {
        b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".to_vec()
    });
    let http = registry
        .create("http", &Options::new().with("user_agent", "probe/1"))
        .unwrap();
    assert_eq!(
        http.send(&Request::get(url(addr, "/")))
            .await
            .unwrap()
            .text(),
        "ok"
    );
    let seen = server.join().unwrap();
    assert!(seen[0].head.contains(&"User-Agent: probe/1".to_owned()));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sends_run_inside_spawned_tasks_and_the_future_is_send() {
    let (addr, server) = serve(4, |index| {
        format!("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\n{index}").into_bytes()
    });
    let adapter = std::sync::Arc::new(HttpAdapter::default());
    let tasks: Vec<_> = (0..4)
        .map(|n| {
            let adapter = std::sync::Arc::clone(&adapter);
            tokio::spawn(async move {
                let request = Request::get(url(addr, &format!("/task/{n}")));
                adapter.send(&request).await
            })
        })
        .collect();
    let mut bodies = Vec::new();
    for task in tasks {
        let response = task.await.unwrap().unwrap();
        assert_eq!(response.status, 200);
        bodies.push(response.text().into_owned());
    }
    // The server answers one connection at a time, in the order they came.
    bodies.sort();
    assert_eq!(bodies, ["0", "1", "2", "3"]);
    let mut paths: Vec<String> = server
        .join()
        .unwrap()
        .into_iter()
        .map(|seen| seen.head[0].clone())
        .collect();
    paths.sort();
    assert_eq!(
        paths,
        (0..4)
            .map(|n| format!("GET /task/{n} HTTP/1.1"))
            .collect::<Vec<_>>()
    );
}

#[tokio::test]
async fn a_slow_answer_leaves_the_runtime_free_for_other_work() {
    let (addr, server) = serve(1, |_| {
        [SLOW, b"HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nlate"].concat()
    });
    let adapter = HttpAdapter::default();
    let request = Request::get(url(addr, "/slow"));
    let started = Instant::now();
    // On a single-threaded runtime, timers fire while the request waits: the
    // ticks end long before the answer comes.
    let ticks = async {
        for _ in 0..5 {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        started.elapsed()
    };
    let (response, ticked) = tokio::join!(adapter.send(&request), ticks);
    assert_eq!(response.unwrap().text(), "late");
    let answered = started.elapsed();
    assert!(answered >= Duration::from_millis(1900), "{answered:?}");
    assert!(ticked < Duration::from_millis(1000), "{ticked:?}");
    server.join().unwrap();
}
