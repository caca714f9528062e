//! The async `authenticate` hook: the auth plugin refreshes a `refresh`
//! provider's token through the adapter it is given, awaited, before it adds
//! the credentials; a current token is not fetched again.

use std::sync::Mutex;

use apiclient_auth::{BasicAuth, RefreshAuth};
use apiclient_hookspecs::{Adapter, ApiError, ApiPlugins, BoxFuture, Request, Response};
use hookcore::PluginManager;

/// A token endpoint: answers every request with a fresh token valid for `ttl`
/// seconds, after yielding to the runtime; remembers what it was sent.
struct TokenServer {
    ttl: u64,
    seen: Mutex<Vec<String>>,
}

impl TokenServer {
    fn new(ttl: u64) -> Self {
        TokenServer {
            ttl,
            seen: Mutex::new(Vec::new()),
        }
    }

    fn seen(&self) -> Vec<String> {
        self.seen.lock().unwrap().clone()
    }
}

impl Adapter for TokenServer {
    fn send<'a>(&'a self, request: &'a Request) -> BoxFuture<'a, Result<Response, ApiError>> {
        Box::pin(async move {
            tokio::task::yield_now().await;
            let n = {
                let mut seen = self.seen.lock().unwrap();
                seen.push(format!(
                    "{} {} {}",
                    request.method,
                    request.url,
                    request.headers.get("authorization").unwrap_or("-")
                ));
                seen.len()
            };
            let mut response = Response::new(&request.url, 200, "OK");
            response.body =
                format!(r#"{{"access_token":"tok-{n}","expires_in":{}}}"#, self.ttl).into_bytes();
            Ok(response)
        })
    }
}

fn manager() -> PluginManager<dyn ApiPlugins> {
    let pm = PluginManager::<dyn ApiPlugins>::linked().unwrap();
    pm.require(["apiclient-auth"]).unwrap();
    pm
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_hook_fetches_a_token_once_while_it_is_current() {
    let pm = manager();
    let server = TokenServer::new(60);
    let auth = RefreshAuth::new("/token", "app", "pw").unwrap();
    for page in 1..=3 {
        let mut request = Request::get(format!("http://api.test/items?page={page}"));
        pm.hook()
            .authenticate(&auth, &server, &mut request)
            .await
            .unwrap();
        assert_eq!(request.headers.get("authorization"), Some("Bearer tok-1"));
    }
    assert_eq!(auth.fetched(), 1);
    assert_eq!(server.seen(), ["POST http://api.test/token Basic YXBwOnB3"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_expired_token_is_fetched_again_before_the_request() {
    let pm = manager();
    // Tokens that expire at once: every request needs a new one.
    let server = TokenServer::new(0);
    let auth = RefreshAuth::new("http://auth.test/oauth", "app", "pw").unwrap();
    let tokens = tokio::spawn(async move {
        let mut tokens = Vec::new();
        for _ in 0..2 {
            let mut request = Request::get("http://api.test/me");
            // Inside a spawned task: the hook's future is Send.
            let result = pm.hook().authenticate(&auth, &server, &mut request).await;
            assert_eq!(result, Ok(()));
            tokens.push(request.headers.get("authorization").unwrap().to_owned());
        }
        (tokens, server.seen().len())
    });
    let (tokens, fetches) = tokens.await.unwrap();
    assert_eq!(tokens, ["Bearer tok-1", "Bearer tok-2"]);
    assert_eq!(fetches, 2);
}

#[tokio::test]
async fn a_provider_without_refresh_sends_nothing_and_a_refusal_stops_the_call() {
    let pm = manager();
    let server = TokenServer::new(60);
    let basic = BasicAuth::new("ada", "lovelace").unwrap();
    let mut request = Request::get("http://api.test/");
    pm.hook()
        .authenticate(&basic, &server, &mut request)
        .await
        .unwrap();
    assert_eq!(
        request.headers.get("authorization"),
        Some(basic.header_value().as_str())
    );
    assert!(server.seen().is_empty());

    /// A token endpoint that refuses the client.
    struct Refusing;
    impl Adapter for Refusing {
        fn send<'a>(&'a self, request: &'a Request) -> BoxFuture<'a, Result<Response, ApiError>> {
            Box::pin(std::future::ready(Ok(Response::new(
                &request.url,
                401,
                "Unauthorized",
            ))))
        }
    }
    let auth = RefreshAuth::new("/token", "app", "wrong").unwrap();
    let mut request = Request::get("http://api.test/");
    let refused = pm.hook().authenticate(&auth, &Refusing, &mut request).await;
    assert!(
        refused
            .unwrap_err()
            .to_string()
            .contains("refused the client"),
    );
    assert_eq!(request.headers.get("authorization"), None);
}
