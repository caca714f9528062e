//! The HTTP routes of every feature, on the bot's one axum router, exercised in
//! process with `tower::ServiceExt::oneshot`.

#![cfg(all(feature = "geolocate", feature = "incident"))]

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use axum::http::{Method, StatusCode};
use chatops::{Bot, startup};
use chatops_hookspecs::{Platforms, Settings};
use hookcore::{PluginManager, hookimpl};

fn bot() -> Bot {
    startup(Settings::default()).unwrap()
}

#[tokio::test]
async fn every_features_routes_are_on_the_router() {
    let bot = bot();
    assert_eq!(
        bot.routes,
        [
            "GET /health",
            "POST /events",
            "GET /geolocate/{ip}",
            "GET /incidents",
            "POST /incidents"
        ]
    );
    let (status, _) = bot.request(Method::GET, "/health", None).await.unwrap();
    assert_eq!(status, StatusCode::OK);
    let (status, _) = bot.request(Method::GET, "/nowhere", None).await.unwrap();
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn geolocate_answers_with_json_or_an_error() {
    let bot = bot();
    let (status, body) = bot
        .request(Method::GET, "/geolocate/2606:4700::1111", None)
        .await
        .unwrap();
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        body,
        r#"{"ip":"2606:4700::1111","network":"2606:4700::/32","org":"Cloudflare","city":"San Francisco","country":"US"}"#
    );
    let (status, body) = bot
        .request(Method::GET, "/geolocate/192.0.2.7", None)
        .await
        .unwrap();
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains(r#""city":null,"country":null"#), "{body}");

    let (status, body) = bot
        .request(Method::GET, "/geolocate/x.y", None)
        .await
        .unwrap();
    assert_eq!(
        (status, body.as_str()),
        (StatusCode::BAD_REQUEST, "`x.y` is not an IP address")
    );
    let (status, body) = bot
        .request(Method::GET, "/geolocate/100.64.0.1", None)
        .await
        .unwrap();
    assert_eq!(
        (status, body.as_str()),
        (StatusCode::NOT_FOUND, "100.64.0.1 is not in the table")
    );
}

#[tokio::test]
async fn incidents_posted_over_http_are_listed_and_reach_slack() {
    let bot = bot();
    let (status, body) = bot
        .request(
            Method::POST,
            "/incidents",
            Some(r#"{"summary":"tls certificate expires in 2 days","service":"edge"}"#),
        )
        .await
        .unwrap();
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert!(
        body.contains(r#""summary":"tls certificate expires in 2 days","service":"edge","opened_via":"http","open":true"#),
        "{body}"
    );

    let (status, body) = bot.request(Method::GET, "/incidents", None).await.unwrap();
    assert_eq!(status, StatusCode::OK);
    assert!(
        body.starts_with('[') && body.contains("tls certificate expires"),
        "{body}"
    );

    // The same incident log is behind the Slack command.
    let listed = bot.slack.as_ref().unwrap().dispatch("/incident list");
    assert!(
        listed.contains("tls certificate expires in 2 days (via http)"),
        "{listed}"
    );
}

#[tokio::test]
async fn a_bad_incident_is_refused() {
    let bot = bot();
    let (status, body) = bot
        .request(Method::POST, "/incidents", Some(r#"{"summary":"  "}"#))
        .await
        .unwrap();
    assert_eq!(
        (status, body.as_str()),
        (StatusCode::BAD_REQUEST, "summary is empty")
    );
    let (status, _) = bot
        .request(Method::POST, "/incidents", Some(r#"{"service":"edge"}"#))
        .await
        .unwrap();
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, _) = bot
        .request(Method::POST, "/incidents", Some("not json"))
        .await
        .unwrap();
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn health_awaits_every_plugins_async_health_hook() {
    let bot = bot();
    let (status, body) = bot.request(Method::GET, "/health", None).await.unwrap();
    assert_eq!(status, StatusCode::OK, "{body}");
    let lines: Vec<&str> = body.lines().collect();
    assert_eq!(lines[..2], ["ok", "geolocate: 17 networks"], "{body}");
    assert!(
        lines.last().unwrap().starts_with("incident: "),
        "the incident desk is last in call order: {body}"
    );
}

/// A run-time plugin whose async `health` counts its calls and fails or not.
struct Probe {
    calls: AtomicUsize,
    fails: bool,
}

#[hookimpl(runtime)]
impl Platforms for Probe {
    async fn health(&self) -> Result<String, String> {
        self.calls.fetch_add(1, Ordering::SeqCst);
        tokio::task::yield_now().await;
        if self.fails {
            Err("pager: unreachable".to_owned())
        } else {
            Ok("pager: ok".to_owned())
        }
    }
}

fn probe(fails: bool) -> Arc<Probe> {
    Arc::new(Probe {
        calls: AtomicUsize::new(0),
        fails,
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn health_is_503_with_the_first_err_and_asks_no_one_after_it() {
    // A manager of its own: the process-wide one is frozen by `startup`.
    let pm = PluginManager::<dyn Platforms>::linked().unwrap();
    let healthy = probe(false);
    pm.register_arc("healthy", Arc::clone(&healthy)).unwrap();
    let (status, body) = chatops::health(&pm).await;
    assert_eq!(status, StatusCode::OK);
    // Run-time plugins first, then the linked ones.
    assert!(body.starts_with("ok\npager: ok\ngeolocate: "), "{body}");
    assert_eq!(healthy.calls.load(Ordering::SeqCst), 1);

    let down = probe(true);
    pm.register_arc("down", Arc::clone(&down)).unwrap();
    let (status, body) = chatops::health(&pm).await;
    assert_eq!(
        (status, body.as_str()),
        (StatusCode::SERVICE_UNAVAILABLE, "pager: unreachable")
    );
    assert_eq!(down.calls.load(Ordering::SeqCst), 1);
    assert_eq!(
        healthy.calls.load(Ordering::SeqCst),
        1,
        "after the first Err, nothing runs"
    );
}
