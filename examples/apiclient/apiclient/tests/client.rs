//! The client against the demo server, which each test starts on 127.0.0.1:0
//! for the exact number of requests it makes: it stops by itself, and
//! `finish` says how many it answered.

use apiclient::Plugins;
use apiclient::demo::{DemoConfig, DemoServer};
use apiclient_hookspecs::{ApiError, ApiPlugins, Options};
use hookcore::PluginManager;

const TOKEN: &str = "test-token";

fn server(requests: usize) -> DemoServer {
    DemoServer::start(DemoConfig::new(TOKEN, "grace", "hopper", requests)).unwrap()
}

fn basic(password: &str) -> Options {
    Options::new()
        .with("user", "grace")
        .with("password", password)
}

#[tokio::test]
async fn bearer_auth_and_link_pagination_fetch_every_page() {
    let pm = PluginManager::<dyn ApiPlugins>::linked().unwrap();
    let plugins = Plugins::enable(&pm, None).unwrap();
    let server = server(5);
    let client = plugins
        .client(&server.base_url())
        .auth("bearer", Options::new().with("token", TOKEN))
        .paginator("link", Options::new())
        .build()
        .unwrap();
    assert_eq!(
        client.describe(),
        "http adapter, bearer token from the `token` option, pages by link"
    );
    let pages = client.get_all("/items").await.unwrap();
    let urls: Vec<&str> = pages.iter().map(|p| p.url.as_str()).collect();
    let base = server.base_url();
    assert_eq!(
        urls,
        [
            format!("{base}/items"),
            format!("{base}/items?page=2"),
            format!("{base}/items?page=3")
        ]
    );
    let bodies: String = pages.iter().map(|p| p.text().into_owned()).collect();
    for (i, name) in apiclient::demo::ITEMS.iter().enumerate() {
        assert!(bodies.contains(&format!(r#"{{"id":{},"name":"{name}"}}"#, i + 1)));
    }

    // At most `max_pages`.
    let two = plugins
        .client(&base)
        .auth("bearer", Options::new().with("token", TOKEN))
        .paginator("link", Options::new())
        .max_pages(2)
        .build()
        .unwrap();
    assert_eq!(two.get_all("/items").await.unwrap().len(), 2);
    assert_eq!(server.finish().unwrap(), 5);
}

#[tokio::test]
async fn basic_auth_and_page_numbers_and_a_wrong_password() {
    let pm = PluginManager::<dyn ApiPlugins>::linked().unwrap();
    let plugins = Plugins::enable(&pm, None).unwrap();
    let server = server(3);
    let client = plugins
        .client(&server.base_url())
        .auth("basic", basic("hopper"))
        .paginator("page", Options::new())
        .build()
        .unwrap();
    let pages = client.get_all("/numbers?page=1").await.unwrap();
    let bodies: Vec<String> = pages.iter().map(|p| p.text().into_owned()).collect();
    assert_eq!(bodies, ["[1,2,3,4,5]", "[6,7,8]"]);

    let wrong = plugins
        .client(&server.base_url())
        .auth("basic", basic("cobol"))
        .paginator("page", Options::new())
        .build()
        .unwrap();
    let err = wrong.get_all("/numbers").await.unwrap_err();
    assert_eq!(
        err,
        ApiError::Status {
            url: format!("{}/numbers", server.base_url()),
            status: 401
        }
    );
    assert_eq!(server.finish().unwrap(), 3);
}

#[tokio::test]
async fn transforms_run_in_order_on_a_chunked_response() {
    let pm = PluginManager::<dyn ApiPlugins>::linked().unwrap();
    let plugins = Plugins::enable(&pm, None).unwrap();
    let server = server(2);
    let client = plugins
        .client(&server.base_url())
        .auth("basic", basic("hopper"))
        .transform(
            "redact-headers",
            Options::new().with("headers", "x-request-id"),
        )
        .transform("scrub", Options::new())
        .transform("json-pretty", Options::new().with("indent", "4"))
        .build()
        .unwrap();
    let me = client.get("/me").await.unwrap();
    assert_eq!(me.status, 200);
    assert_eq!(me.headers.get("transfer-encoding"), Some("chunked"));
    assert_eq!(me.headers.get("set-cookie"), Some("[redacted]"));
    assert_eq!(me.headers.get("x-request-id"), Some("[redacted]"));
    assert_eq!(me.headers.get("x-scrubbed"), Some("2"));
    let text = me.text();
    assert!(text.starts_with("{\n    \"user\": \"grace\",\n"), "{text}");
    assert!(text.contains("\"api_key\": \"ghp_[redacted]\""), "{text}");
    assert!(!text.contains("EXAMPLE"), "{text}");

    // Untransformed, the same page has the secrets.
    let raw = plugins
        .client(&server.base_url())
        .auth("basic", basic("hopper"))
        .build()
        .unwrap()
        .get("/me")
        .await
        .unwrap();
    assert!(raw.text().contains("ghp_EXAMPLE"));
    assert_eq!(server.finish().unwrap(), 2);
}

#[tokio::test]
async fn credentials_go_to_the_base_origin_only() {
    let pm = PluginManager::<dyn ApiPlugins>::linked().unwrap();
    let plugins = Plugins::enable(&pm, None).unwrap();
    let client = plugins
        .client("http://127.0.0.1:9/api/")
        .auth("bearer", Options::new().with("token", TOKEN))
        .header("Accept", "application/json")
        .build()
        .unwrap();
    let home = client.request(&client.url("items").unwrap()).await.unwrap();
    assert_eq!(home.url, "http://127.0.0.1:9/api/items");
    assert_eq!(home.headers.get("authorization"), Some("Bearer test-token"));
    let away = client
        .request("http://127.0.0.1:10/api/items")
        .await
        .unwrap();
    assert_eq!(away.headers.get("authorization"), None);
    assert_eq!(away.headers.get("accept"), Some("application/json"));

    let err = client.get_all("items").await.unwrap_err();
    assert!(err.to_string().contains("needs a paginator"), "{err}");
    let Err(unknown) = plugins.client("gopher://h/").build() else {
        panic!("no gopher adapter");
    };
    assert!(matches!(
        unknown,
        ApiError::Unknown {
            kind: "adapter",
            ..
        }
    ));
}

fn refresh(secret: &str) -> Options {
    Options::new()
        .with("client_id", "grace")
        .with("client_secret", secret)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_auth_hook_fetches_a_token_before_the_first_request_and_reuses_it() {
    let pm = PluginManager::<dyn ApiPlugins>::linked().unwrap();
    let plugins = Plugins::enable(&pm, None).unwrap();
    // One token request, then three pages.
    let server = server(4);
    let client = plugins
        .client(&server.base_url())
        .auth("refresh", refresh("hopper"))
        .paginator("link", Options::new())
        .build()
        .unwrap();
    assert!(
        client
            .describe()
            .ends_with("(0 tokens fetched), pages by link")
    );
    let pages = client.get_all("/items").await.unwrap();
    assert_eq!(pages.len(), 3);
    assert!(pages.iter().all(|page| page.status == 200));
    assert!(
        client.describe().contains("(1 token fetched)"),
        "{}",
        client.describe()
    );
    assert_eq!(server.finish().unwrap(), 4);
}

#[tokio::test]
async fn an_expired_token_is_refreshed_before_each_request() {
    let pm = PluginManager::<dyn ApiPlugins>::linked().unwrap();
    let plugins = Plugins::enable(&pm, None).unwrap();
    // Tokens valid for 0 s: a token request before each of the two pages.
    let mut config = DemoConfig::new(TOKEN, "grace", "hopper", 4);
    config.token_ttl = std::time::Duration::ZERO;
    let server = DemoServer::start(config).unwrap();
    let client = plugins
        .client(&server.base_url())
        .auth("refresh", refresh("hopper"))
        .build()
        .unwrap();
    for page in ["/items", "/items?page=2"] {
        assert_eq!(client.get(page).await.unwrap().status, 200);
    }
    assert!(client.describe().contains("(2 tokens fetched)"));
    assert_eq!(server.finish().unwrap(), 4);
}

#[tokio::test]
async fn a_refused_token_request_stops_the_request_it_was_for() {
    let pm = PluginManager::<dyn ApiPlugins>::linked().unwrap();
    let plugins = Plugins::enable(&pm, None).unwrap();
    // Only the token request reaches the server.
    let mut config = DemoConfig::new(TOKEN, "grace", "hopper", 2);
    config.deadline = std::time::Duration::from_millis(500);
    let server = DemoServer::start(config).unwrap();
    let client = plugins
        .client(&server.base_url())
        .auth("refresh", refresh("wrong"))
        .build()
        .unwrap();
    let err = client.get("/items").await.unwrap_err();
    assert!(
        err.to_string().contains("/token refused the client: 401"),
        "{err}"
    );
    assert_eq!(server.finish().unwrap(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_serves_requests_from_spawned_tasks() {
    // Spawned tasks want 'static: a manager and plugins that live as long as
    // the test binary, as the process-wide ones do.
    let pm: &'static PluginManager<dyn ApiPlugins> =
        Box::leak(Box::new(PluginManager::linked().unwrap()));
    let plugins: &'static Plugins<'static> =
        Box::leak(Box::new(Plugins::enable(pm, None).unwrap()));
    // A page per task, the tasks sharing one client.
    let server = server(4);
    let client = std::sync::Arc::new(
        plugins
            .client(&server.base_url())
            .auth("bearer", Options::new().with("token", TOKEN))
            .build()
            .unwrap(),
    );
    let tasks: Vec<_> = (1..=4)
        .map(|page| {
            let client = std::sync::Arc::clone(&client);
            tokio::spawn(async move {
                let page = page % 3 + 1;
                client.get(&format!("/items?page={page}")).await
            })
        })
        .collect();
    for task in tasks {
        let response = task.await.unwrap().unwrap();
        assert_eq!(response.status, 200, "{}", response.text());
    }
    assert_eq!(server.finish().unwrap(), 4);
}
