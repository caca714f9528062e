//! The scripted session, end to end, on a fresh manager with the experimental
//! plugin (its flag passed in, not read from the environment). One test in this
//! binary: the session prints the process-wide logs.

use apiclient::{Plugins, Settings};
use apiclient_hookspecs::ApiPlugins;
use hookcore::PluginManager;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_session_fetches_pages_files_and_data_and_stops_its_server() {
    let pm = PluginManager::<dyn ApiPlugins>::linked().unwrap();
    let settings = Settings {
        token: None,
        experimental: Some("1".into()),
    };
    let plugins = Plugins::enable(&pm, settings.experimental.as_deref()).unwrap();
    let mut out = Vec::new();
    apiclient::run_with(&mut out, &plugins, &settings)
        .await
        .unwrap();
    let out = String::from_utf8(out).unwrap();

    for expected in [
        "experimental adapter on ($APICLIENT_EXPERIMENTAL=1)",
        // The manager's report: the plugins, then each hook's call order.
        "  experimental                apiclient-experimental   0.0.1    registered  apiclient_experimental\n",
        "  auth                        apiclient-auth           0.6.1    linked      apiclient_auth\n",
        "  register_auth_providers\n    1. apiclient_logging  wrapper\n    2. auth\n",
        "scrub's automaton built yet: no",
        "answering 11 requests",
        "  page 3: 200 OK  [{\"id\":5,\"name\":\"echo\"},{\"id\":6,\"name\":\"foxtrot\"}]",
        "  page 2/2: 200 OK  [6,7,8]",
        "  200 OK; Set-Cookie: [redacted]; X-Scrubbed: 2",
        "  |   \"api_key\": \"ghp_[redacted]\",",
        "GET /items without credentials: 401 Unauthorized",
        // The refresh provider: the first request's token fetched first, by the
        // auth plugin's async hook, and reused for the second.
        "refreshed when it expires (0 tokens fetched)\n  200 OK  [{\"id\":5",
        "  then: http adapter, bearer token from POST /token as ada, refreshed when it expires (1 token fetched)\n",
        "  authenticate\n    1. auth\n  on_request\n    1. apiclient_logging\n",
        "through cached-http: 200 OK, X-Cache: MISS",
        "through cached-http: 200 OK, X-Cache: HIT",
        "demo server stopped after 11 requests",
        "  |   \"retries\": 3",
        "scrub's automaton, built on first use: 31 patterns",
    ] {
        assert!(out.contains(expected), "missing {expected:?} in:\n{out}");
    }
    assert!(out.contains("list_adapters(): http, file"));
    assert!(out.contains(", cached-http\n"));
    if cfg!(feature = "data-url") {
        assert!(out.contains("  | 2,grace"), "{out}");
        let order = "    2. apiclient_core_adapters\n    3. apiclient_data_url\n    4. experimental  trylast\n";
        assert!(out.contains(order), "{out}");
    } else {
        let order = "    2. apiclient_core_adapters\n    3. experimental  trylast\n";
        assert!(out.contains(order), "{out}");
        assert!(
            out.contains("get_adapter(\"data\"): no adapter named `data`"),
            "{out}"
        );
    }
    // 3 pages, one page twice with a refreshed token, 2 pages, the profile, the
    // refusal, the cache's miss and hit (the observers see what the client
    // sends and receives, not the auth plugin's token request), the file.
    let logged = out.lines().filter(|l| l.contains(" -> ")).count();
    assert_eq!(logged, 12, "{out}");
    let sent = out.lines().filter(|l| l.ends_with(" credentials")).count();
    assert_eq!(sent, 12, "{out}");
    assert!(!out.contains("/token ->"), "{out}");

    // At exit: the shutdown hook (the experimental plugin empties its cache,
    // which holds the one response it was asked for twice), then pm.shutdown().
    let mut out = Vec::new();
    apiclient::write_shutdown(&mut out, &pm).unwrap();
    let out = String::from_utf8(out).unwrap();
    let count = if cfg!(feature = "data-url") { 8 } else { 7 };
    assert!(
        out.starts_with(&format!(
            "\nat exit (the shutdown hook, then pm.shutdown()):\n  \
             experimental: cache emptied, 1 cached response released\n  \
             {count} plugins ended: experimental, apiclient_core_adapters, "
        )),
        "{out}"
    );
    assert!(out.ends_with(", auth, scrub\n"), "{out}");
    assert!(pm.plugins().is_empty());
}
