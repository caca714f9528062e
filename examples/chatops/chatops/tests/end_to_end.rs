//! The bot as it starts: commands sent to a platform provider reach the feature
//! that registered them, through the wrappers, and events reach their handlers in
//! order.
//!
//! Every test here starts the bot with the same settings: `on_startup` sets
//! process-wide state (the maintenance windows).

#![cfg(all(feature = "geolocate", feature = "incident", feature = "sre-tools"))]

use chatops::{Bot, startup};
use chatops_hookspecs::{Event, RecordingProvider, Settings, Severity};

fn settings() -> Settings {
    Settings {
        slack: true,
        teams: true,
        maintenance: vec!["payments".to_owned()],
    }
}

fn bot() -> Bot {
    startup(settings()).expect("every feature crate is linked")
}

#[test]
fn a_slack_command_reaches_the_feature_that_registered_it() {
    let bot = bot();
    let slack = bot.slack.as_ref().unwrap();
    assert_eq!(
        slack.commands(),
        ["geolocate", "audit", "oncall", "incident"]
    );
    assert_eq!(
        slack.dispatch("/geolocate 8.8.8.8"),
        "8.8.8.8: Google Public DNS, Mountain View, US (8.8.8.0/24)"
    );
    assert_eq!(
        slack.dispatch("/oncall platform"),
        "platform: @kim (primary), @noor (secondary)"
    );
    let opened = slack.dispatch("/incident open search is down");
    assert!(
        opened.starts_with("INC-") && opened.ends_with(" opened: search is down"),
        "{opened}"
    );
    assert!(
        slack
            .dispatch("/incident list")
            .contains("search is down (via slack)")
    );
    assert_eq!(
        slack.dispatch("/nope"),
        "unknown command `/nope`; try /help"
    );
    assert_eq!(
        slack.dispatch("geolocate"),
        "commands start with `/`; try /help"
    );
    let help = slack.dispatch("/help");
    assert_eq!(help.lines().count(), 4, "{help}");
    assert!(
        help.starts_with("/geolocate  Where an IP address is"),
        "{help}"
    );
    assert!(slack.refused().is_empty());
}

#[test]
fn teams_gets_only_the_commands_registered_for_teams() {
    let bot = bot();
    let teams = bot.teams.as_ref().unwrap();
    assert_eq!(teams.commands(), ["oncall", "incident"]);
    assert_eq!(
        teams.dispatch("@sre-bot oncall payments"),
        "payments: @dana (primary), @lee (secondary)"
    );
    assert_eq!(
        teams.dispatch("geolocate 8.8.8.8"),
        "unknown command `geolocate`; try help"
    );
}

#[test]
fn disabled_platforms_get_no_provider() {
    let bot = startup(Settings {
        teams: false,
        ..settings()
    })
    .unwrap();
    assert!(bot.slack.is_some());
    assert!(bot.teams.is_none());
}

#[test]
fn the_audit_wrapper_sees_every_registration_and_run() {
    let bot = bot();
    let slack = bot.slack.as_ref().unwrap();
    let _ = slack.dispatch("/oncall");
    let report = chatops_sre_tools::audit::report();
    assert!(
        report
            .registered
            .iter()
            .any(|r| r.platform == chatops_hookspecs::Platform::Slack
                && r.names == ["geolocate", "audit", "oncall", "incident"])
    );
    assert!(
        report
            .registered
            .iter()
            .any(|r| r.platform == chatops_hookspecs::Platform::Teams
                && r.names == ["oncall", "incident"])
    );
    assert!(
        report
            .runs
            .iter()
            .any(|r| r.name == "oncall" && r.count >= 1)
    );
    let shown = slack.dispatch("/audit");
    assert!(shown.contains("slack /oncall ran "), "{shown}");
}

#[test]
fn discover_and_register_platforms_accepts_any_provider() {
    // The seed's `discover_and_register_platforms(slack_provider=mock)`, through
    // the manager this time, wrapper included.
    let mut slack = RecordingProvider::new();
    let mut teams = RecordingProvider::new();
    chatops::discover_and_register_platforms(Some(&mut slack), Some(&mut teams)).unwrap();
    assert_eq!(slack.names(), ["geolocate", "audit", "oncall", "incident"]);
    assert_eq!(teams.names(), ["oncall", "incident"]);
    let mut only_teams = RecordingProvider::new();
    chatops::discover_and_register_platforms(None, Some(&mut only_teams)).unwrap();
    assert_eq!(only_teams.names(), ["oncall", "incident"]);
}

#[tokio::test]
async fn maintenance_answers_first_and_the_incident_desk_never_sees_the_alert() {
    let bot = bot();
    let alert = |service: &str| Event::Alert {
        service: service.into(),
        severity: Severity::Critical,
        summary: "down".into(),
    };

    let silenced = bot.handle_event(&alert("payments")).await.unwrap();
    // Only the maintenance plugin writes this.
    assert!(silenced.starts_with("silenced: payments"), "{silenced}");
    let incidents = chatops_incident::IncidentDesk::linked().log().all();
    assert!(
        incidents
            .iter()
            .all(|i| i.service.as_deref() != Some("payments"))
    );

    let opened = bot.handle_event(&alert("ledger")).await.unwrap();
    assert!(
        opened.ends_with("opened for critical alert on ledger: down"),
        "{opened}"
    );
    assert!(
        chatops_incident::IncidentDesk::linked()
            .log()
            .open_incidents()
            .iter()
            .any(|i| i.service.as_deref() == Some("ledger") && i.opened_via == "alert")
    );

    let warning = Event::Alert {
        service: "ledger".into(),
        severity: Severity::Warning,
        summary: "slow".into(),
    };
    assert_eq!(bot.handle_event(&warning).await, None);
    // The two replies were posted; the unanswered warning was not.
    assert_eq!(bot.ops.posts(), [silenced, opened]);
}
