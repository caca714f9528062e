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

#[test]
fn bearer_auth_and_link_pagination_fetch_every_page() {
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
    let pages = client.get_all("/items").unwrap();
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
    assert_eq!(two.get_all("/items").unwrap().len(), 2);
    assert_eq!(server.finish().unwrap(), 5);
}

#[test]
fn basic_auth_and_page_numbers_and_a_wrong_password() {
    let pm = PluginManager::<dyn ApiPlugins>::linked().unwrap();
    let plugins = Plugins::enable(&pm, None).unwrap();
    let server = server(3);
    let client = plugins
        .client(&server.base_url())
        .auth("basic", basic("hopper"))
        .paginator("page", Options::new())
        .build()
        .unwrap();
    let pages = client.get_all("/numbers?page=1").unwrap();
    let bodies: Vec<String> = pages.iter().map(|p| p.text().into_owned()).collect();
    assert_eq!(bodies, ["[1,2,3,4,5]", "[6,7,8]"]);

    let wrong = plugins
        .client(&server.base_url())
        .auth("basic", basic("cobol"))
        .paginator("page", Options::new())
        .build()
        .unwrap();
    let err = wrong.get_all("/numbers").unwrap_err();
    assert_eq!(
        err,
        ApiError::Status {
            url: format!("{}/numbers", server.base_url()),
            status: 401
        }
    );
    assert_eq!(server.finish().unwrap(), 3);
}

#[test]
fn transforms_run_in_order_on_a_chunked_response() {
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
    let me = client.get("/me").unwrap();
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
        .unwrap();
    assert!(raw.text().contains("ghp_EXAMPLE"));
    assert_eq!(server.finish().unwrap(), 2);
}

#[test]
fn credentials_go_to_the_base_origin_only() {
    let pm = PluginManager::<dyn ApiPlugins>::linked().unwrap();
    let plugins = Plugins::enable(&pm, None).unwrap();
    let client = plugins
        .client("http://127.0.0.1:9/api/")
        .auth("bearer", Options::new().with("token", TOKEN))
        .header("Accept", "application/json")
        .build()
        .unwrap();
    let home = client.request(&client.url("items").unwrap()).unwrap();
    assert_eq!(home.url, "http://127.0.0.1:9/api/items");
    assert_eq!(home.headers.get("authorization"), Some("Bearer test-token"));
    let away = client.request("http://127.0.0.1:10/api/items").unwrap();
    assert_eq!(away.headers.get("authorization"), None);
    assert_eq!(away.headers.get("accept"), Some("application/json"));

    let err = client.get_all("items").unwrap_err();
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
