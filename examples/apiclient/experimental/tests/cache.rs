//! `cached-http` against a server on 127.0.0.1:0 that answers a fixed number of
//! connections: what the cache serves never reaches the server.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::thread;
use std::time::{Duration, Instant};

use apiclient_experimental::{CachedHttp, Experimental};
use apiclient_hookspecs::{AdapterRegistry, ApiPlugins, Options, Request};
use hookcore::{Order, Origin, PluginManager};

/// Serves `count` connections, each answered `200` with `Cache-Control` from
/// the path (`/store` or `/no-store`) and the connection's number as the body.
fn serve(count: usize) -> (String, thread::JoinHandle<Vec<String>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    listener.set_nonblocking(true).unwrap();
    let handle = thread::spawn(move || {
        let deadline = Instant::now() + Duration::from_secs(10);
        let mut paths = Vec::new();
        while paths.len() < count && Instant::now() < deadline {
            let Ok((stream, _)) = listener.accept() else {
                thread::sleep(Duration::from_millis(2));
                continue;
            };
            stream.set_nonblocking(false).unwrap();
            let mut reader = BufReader::new(stream);
            let mut line = String::new();
            reader.read_line(&mut line).unwrap();
            let path = line.split(' ').nth(1).unwrap().to_owned();
            while line.trim_end() != "" {
                line.clear();
                reader.read_line(&mut line).unwrap();
            }
            let control = if path == "/no-store" {
                "no-store"
            } else {
                "max-age=60"
            };
            let body = paths.len().to_string();
            let reply = format!(
                "HTTP/1.1 200 OK\r\nCache-Control: {control}\r\nContent-Length: {}\r\n\r\n{body}",
                body.len()
            );
            reader.into_inner().write_all(reply.as_bytes()).unwrap();
            paths.push(path);
        }
        paths
    });
    (base, handle)
}

#[tokio::test]
async fn cached_responses_do_not_reach_the_server() {
    let (base, server) = serve(3);
    let cache = CachedHttp::from_options(&Options::new()).unwrap();
    use apiclient_hookspecs::Adapter as _;
    let get = async |path: &str| {
        cache
            .send(&Request::get(format!("{base}{path}")))
            .await
            .unwrap()
    };

    let first = get("/store").await;
    assert_eq!(
        (first.text().as_ref(), first.headers.get("x-cache")),
        ("0", Some("MISS"))
    );
    let again = get("/store").await;
    assert_eq!(
        (again.text().as_ref(), again.headers.get("x-cache")),
        ("0", Some("HIT"))
    );
    // no-store: both go to the server.
    assert_eq!(get("/no-store").await.text(), "1");
    assert_eq!(get("/no-store").await.text(), "2");
    assert_eq!((cache.hits(), cache.misses()), (1, 3));
    assert_eq!(server.join().unwrap(), ["/store", "/no-store", "/no-store"]);
}

#[test]
fn registered_at_run_time_it_adds_its_adapter_last() {
    // This test binary links the core adapters (it names them through
    // `CachedHttp`'s crate) and this crate, whose plugin type is `runtime`:
    // linking it registers nothing.
    let pm = PluginManager::<dyn ApiPlugins>::linked().unwrap();
    let linked: Vec<String> = pm.plugins().into_iter().map(|p| p.name).collect();
    assert_eq!(linked, ["apiclient_core_adapters"]);
    pm.register("experimental", Experimental::default())
        .unwrap();
    let info = pm.plugin("experimental").unwrap();
    assert_eq!(info.origin, Origin::Registered);
    assert_eq!(
        (info.source.package, info.source.version),
        ("apiclient-experimental", "0.0.1")
    );
    let order: Vec<(String, Order)> = pm
        .hookimpls("register_adapters")
        .unwrap()
        .into_iter()
        .map(|imp| (imp.plugin, imp.order))
        .collect();
    assert_eq!(
        order,
        [
            ("apiclient_core_adapters".to_owned(), Order::Normal),
            ("experimental".to_owned(), Order::TryLast),
        ]
    );

    let mut adapters = AdapterRegistry::new("adapter");
    pm.hook().register_adapters(&mut adapters);
    assert_eq!(adapters.names(), ["http", "file", "cached-http"]);
    assert!(
        adapters
            .create("cached-http", &Options::new().with("ttl_ms", "x"))
            .is_err()
    );
}

#[tokio::test]
async fn at_exit_the_plugin_releases_its_cache_and_shutdown_drops_it() {
    let (base, server) = serve(2);
    let pm = PluginManager::<dyn ApiPlugins>::linked().unwrap();
    let plugin = Experimental::default();
    let resources = plugin.resources();
    pm.register("experimental", plugin).unwrap();
    let mut adapters = AdapterRegistry::new("adapter");
    pm.hook().register_adapters(&mut adapters);

    // Two adapters share the plugin's cache: the second one's GET is a hit.
    let first = adapters.create("cached-http", &Options::new()).unwrap();
    let second = adapters.create("cached-http", &Options::new()).unwrap();
    let url = format!("{base}/store");
    assert_eq!(
        first
            .send(&Request::get(&url))
            .await
            .unwrap()
            .headers
            .get("x-cache"),
        Some("MISS")
    );
    assert_eq!(
        second
            .send(&Request::get(&url))
            .await
            .unwrap()
            .headers
            .get("x-cache"),
        Some("HIT")
    );
    assert_eq!((resources.held(), resources.released()), (1, 0));

    // The host's exit: the hook first, then the manager's shutdown.
    assert_eq!(
        pm.hook().shutdown(),
        ["experimental: cache emptied, 1 cached response released"]
    );
    assert_eq!((resources.held(), resources.released()), (0, 1));
    assert!(!resources.plugin_dropped(), "still registered");
    let ended: Vec<String> = pm.shutdown().into_iter().map(|p| p.name).collect();
    assert_eq!(ended, ["experimental", "apiclient_core_adapters"]);
    assert!(
        resources.plugin_dropped(),
        "pm.shutdown() dropped the plugin"
    );
    assert!(pm.hook().shutdown().is_empty(), "later calls reach nothing");

    // The cache is empty: the same GET reaches the server again.
    assert_eq!(
        first
            .send(&Request::get(&url))
            .await
            .unwrap()
            .headers
            .get("x-cache"),
        Some("MISS")
    );
    assert_eq!(server.join().unwrap(), ["/store", "/store"]);
}

#[tokio::test]
async fn dropped_without_the_shutdown_hook_it_still_releases_its_cache() {
    let (base, server) = serve(1);
    let pm = PluginManager::<dyn ApiPlugins>::new();
    let plugin = Experimental::default();
    let resources = plugin.resources();
    pm.register("experimental", plugin).unwrap();
    let mut adapters = AdapterRegistry::new("adapter");
    pm.hook().register_adapters(&mut adapters);
    let cached = adapters.create("cached-http", &Options::new()).unwrap();
    cached
        .send(&Request::get(format!("{base}/store")))
        .await
        .unwrap();
    assert_eq!(resources.held(), 1);
    assert_eq!(pm.shutdown().len(), 1);
    assert_eq!(
        (
            resources.held(),
            resources.released(),
            resources.plugin_dropped()
        ),
        (0, 1, true)
    );
    assert_eq!(server.join().unwrap(), ["/store"]);
}
