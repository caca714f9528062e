//! Hook implementations tested directly, as the seed's `test_hooks.py` does: each
//! is called with a recording provider, with no plugin manager and no platform.

#![cfg(all(feature = "geolocate", feature = "incident", feature = "sre-tools"))]

use axum::body::Body;
use axum::http::{Request, StatusCode};
use chatops_hookspecs::{
    Event, Events, HttpRoutes, Platform, Platforms, RecordingProvider, Severity,
};
use chatops_incident::{IncidentDesk, IncidentLog};
use tower::ServiceExt;

/// A desk with a log of its own, so that tests do not share incidents.
fn fresh_desk() -> IncidentDesk {
    IncidentDesk::new(Box::leak(Box::new(IncidentLog::new())))
}

#[test]
fn geolocate_registers_one_slack_command_that_looks_addresses_up() {
    let mut provider = RecordingProvider::new();
    chatops_geolocate::register_slack_commands(&mut provider);

    assert_eq!(provider.names(), ["geolocate"]);
    assert!(
        provider.registrations()[0].help.contains("/geolocate <ip>"),
        "{:?}",
        provider.registrations()[0]
    );
    let run = |args| provider.run("geolocate", Platform::Slack, args).unwrap();
    assert_eq!(
        run("8.8.8.8"),
        "8.8.8.8: Google Public DNS, Mountain View, US (8.8.8.0/24)"
    );
    assert_eq!(
        run("8.1.2.3"),
        "8.1.2.3: Level 3 Communications, Broomfield, US (8.0.0.0/9)"
    );
    assert_eq!(
        run("10.1.2.3"),
        "10.1.2.3: private network (RFC 1918) (10.0.0.0/8)"
    );
    assert_eq!(run("100.64.0.1"), "100.64.0.1: not in the table");
    assert_eq!(run("nope"), "`nope` is not an IP address");
    assert_eq!(run(""), "usage: /geolocate <ip> [<ip> ...]");
    assert_eq!(run("9.9.9.9 ::1").lines().count(), 2);
}

#[tokio::test]
async fn a_plugins_routes_work_on_their_own_router() {
    let mut routes = HttpRoutes::new();
    chatops_geolocate::register_http_routes(&mut routes);
    assert_eq!(routes.routes(), ["GET /geolocate/{ip}"]);

    let request = Request::get("/geolocate/9.9.9.9")
        .body(Body::empty())
        .unwrap();
    let response = routes.into_router().oneshot(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let body = axum::body::to_bytes(response.into_body(), 4096)
        .await
        .unwrap();
    assert_eq!(
        body,
        r#"{"ip":"9.9.9.9","network":"9.9.9.0/24","org":"Quad9","city":"Zurich","country":"CH"}"#
    );
}

#[test]
fn incident_desk_registers_on_both_platforms_and_keeps_state() {
    let desk = fresh_desk();
    let mut slack = RecordingProvider::new();
    let mut teams = RecordingProvider::new();
    Platforms::register_slack_commands(&desk, &mut slack);
    Platforms::register_teams_commands(&desk, &mut teams);
    assert_eq!(slack.names(), ["incident"]);
    assert_eq!(teams.names(), ["incident"]);

    let slack = |args| slack.run("incident", Platform::Slack, args).unwrap();
    let teams = |args| teams.run("incident", Platform::Teams, args).unwrap();
    assert_eq!(slack("list"), "no open incidents");
    assert_eq!(slack("open db failover"), "INC-1 opened: db failover");
    assert_eq!(teams("open cert expiry"), "INC-2 opened: cert expiry");
    assert_eq!(
        slack("list"),
        "INC-1 db failover (via slack)\nINC-2 cert expiry (via teams)"
    );
    assert_eq!(teams("close INC-1"), "INC-1 closed: db failover");
    assert_eq!(slack("close 1"), "no open incident INC-1");
    assert_eq!(slack("close one"), "usage: /incident close <id>");
    assert!(slack("open").starts_with("usage: "));
    assert_eq!(desk.log().open_incidents().len(), 1);
}

#[tokio::test]
async fn incident_desk_opens_incidents_for_critical_alerts_only() {
    let desk = fresh_desk();
    let alert = |severity| Event::Alert {
        service: "search".into(),
        severity,
        summary: "latency".into(),
    };
    // The async hook's method, awaited directly: no manager, no runtime beyond
    // the test's.
    assert_eq!(desk.handle_event(&alert(Severity::Warning)).await, None);
    assert_eq!(
        desk.handle_event(&alert(Severity::Critical))
            .await
            .as_deref(),
        Some("INC-1 opened for critical alert on search: latency")
    );
    let deploy = |service: &str| Event::Deploy {
        service: service.into(),
        version: "1.0".into(),
    };
    assert_eq!(
        desk.handle_event(&deploy("search")).await.as_deref(),
        Some("noted deploy of search 1.0 on INC-1")
    );
    assert_eq!(desk.handle_event(&deploy("billing")).await, None);
    assert_eq!(desk.log().all()[0].notes, ["deployed 1.0"]);
}

#[tokio::test]
async fn each_plugins_async_health_hook_reports_one_line() {
    assert_eq!(
        chatops_geolocate::health().await.as_deref(),
        Ok("geolocate: 17 networks")
    );
    assert_eq!(
        chatops_sre_tools::oncall::health().await.as_deref(),
        Ok("oncall: 3 teams")
    );
    let desk = fresh_desk();
    let _ = desk.log().open("a", None, "test");
    let closed = desk.log().open("b", None, "test");
    let _ = desk.log().close(closed.id);
    assert_eq!(
        Platforms::health(&desk).await.as_deref(),
        Ok("incident: 1 open of 2")
    );
}

#[test]
fn oncall_is_registered_on_both_platforms() {
    let mut provider = RecordingProvider::new();
    chatops_sre_tools::oncall::register_slack_commands(&mut provider);
    chatops_sre_tools::oncall::register_teams_commands(&mut provider);
    assert_eq!(provider.names(), ["oncall", "oncall"]);
    assert_eq!(
        provider.run("oncall", Platform::Slack, "Checkout").unwrap(),
        "checkout: @sam (primary), @ada (secondary)"
    );
    assert_eq!(
        provider.run("oncall", Platform::Slack, "search").unwrap(),
        "no rota for `search`; teams: checkout, payments, platform"
    );
}

#[tokio::test]
async fn the_maintenance_hook_is_an_async_fn_that_answers_only_in_a_window() {
    // The linked free function, awaited directly. No window is open in this test
    // process (nothing here calls `on_startup`), so it lets every alert through.
    let alert = Event::Alert {
        service: "payments".into(),
        severity: Severity::Critical,
        summary: "down".into(),
    };
    assert_eq!(
        chatops_sre_tools::maintenance::windows(),
        Vec::<String>::new()
    );
    assert_eq!(
        chatops_sre_tools::maintenance::handle_event(&alert).await,
        None
    );
}

#[test]
fn maintenance_silences_alerts_not_deploys() {
    use chatops_sre_tools::maintenance::silence;
    let windows = ["payments".to_owned()];
    let alert = Event::Alert {
        service: "payments".into(),
        severity: Severity::Info,
        summary: "x".into(),
    };
    assert_eq!(
        silence(&windows, &alert).as_deref(),
        Some("silenced: payments is in a maintenance window (info alert on payments: x)")
    );
    let deploy = Event::Deploy {
        service: "payments".into(),
        version: "2".into(),
    };
    assert_eq!(silence(&windows, &deploy), None);
}
