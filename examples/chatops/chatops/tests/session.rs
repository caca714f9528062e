//! The scripted session `cargo run -p chatops` prints runs to the end by itself.
//!
//! One test: the session uses process-wide state (the incident log, the
//! maintenance windows), so its runs must not overlap.

#![cfg(all(feature = "geolocate", feature = "incident", feature = "sre-tools"))]

use chatops_hookspecs::Settings;

#[tokio::test]
async fn the_scripted_session_runs_to_the_end() {
    let settings = Settings {
        slack: true,
        teams: true,
        maintenance: vec!["payments".to_owned()],
    };
    let mut out = Vec::new();
    chatops::run(&mut out, settings).await.unwrap();
    let out = String::from_utf8(out).unwrap();
    for expected in [
        "chat-ops bot: slack on, teams on, maintenance windows: payments\n",
        // The managers' reports: the plugins, then each hook's call order.
        "plugins of Platforms (4):\n  name                       package            version  origin  module\n",
        "  chatops_geolocate          chatops-geolocate  0.4.0    linked  chatops_geolocate\n",
        "  register_slack_commands\n    1. chatops_sre_tools::audit  wrapper\n    2. chatops_geolocate\n    \
         3. chatops_sre_tools::audit\n    4. chatops_sre_tools::oncall\n    5. incident\n",
        "  on_startup  historic, 1 call recorded\n    1. chatops_sre_tools::maintenance\n",
        "  handle_event  firstresult\n    1. chatops_sre_tools::maintenance  tryfirst\n    2. incident\n",
        "  > /geolocate 8.8.8.8 2001:db8::1 banana\n    8.8.8.8: Google Public DNS, Mountain View, US (8.8.8.0/24)\n",
        "  > @sre-bot incident close 1\n    INC-1 closed: checkout p99 latency over 2s\n",
        "events, replies posted to #ops:\n  critical alert on payments: error rate 12%\n    \
         silenced: payments is in a maintenance window",
        "  POST /events {\"kind\":\"alert\",\"service\":\"search\",\"severity\":\"critical\",\"summary\":\"index lag 10 min\"}\n    \
         200 OK INC-",
        "  POST /events {\"kind\":\"deploy\",\"service\":\"ledger\",\"version\":\"0.3.0\"}\n    204 No Content\n",
        // What the ops channel received: the events' replies, then the route's.
        "\n#ops: 5 posted\n  silenced: payments is in a maintenance window",
        " opened for critical alert on search: index lag 10 min\n  noted deploy of search 7.1.0 on INC-",
        "  GET /health\n    200 OK ok\n    geolocate: 17 networks\n    oncall: 3 teams\n    incident: ",
        "  GET /geolocate/banana\n    400 Bad Request `banana` is not an IP address\n",
        "  > /audit\n    registered on slack in ",
    ] {
        assert!(out.contains(expected), "missing {expected:?} in:\n{out}");
    }

    // With both platforms off, it still finishes.
    let settings = Settings {
        slack: false,
        teams: false,
        maintenance: vec!["payments".to_owned()],
    };
    let mut out = Vec::new();
    chatops::run(&mut out, settings).await.unwrap();
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains("\nslack: off\nteams: off\n"), "{out}");
    assert!(out.contains("  GET /incidents\n    200 OK ["), "{out}");
    // The events route and the channel work without any platform.
    assert!(out.contains("\n#ops: 5 posted\n"), "{out}");
}
