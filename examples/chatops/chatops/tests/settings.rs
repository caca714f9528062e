//! Settings from a config file and the environment.

use chatops::settings::{SettingsError, apply_config, apply_env};
use chatops_hookspecs::Settings;

#[test]
fn the_file_then_the_environment() {
    let mut settings = Settings::default();
    assert!(settings.slack && !settings.teams && settings.maintenance.is_empty());

    let file = "# comment\nslack = off\n\nteams = YES   # trailing comment\nmaintenance = payments, ,search\n";
    apply_config(&mut settings, file, "bot.conf").unwrap();
    assert_eq!(
        settings,
        Settings {
            slack: false,
            teams: true,
            maintenance: vec!["payments".into(), "search".into()],
        }
    );

    let env = |name: &str| match name {
        "CHATOPS_SLACK" => Some("1".to_owned()),
        "CHATOPS_MAINTENANCE" => Some(String::new()),
        _ => None,
    };
    apply_env(&mut settings, env).unwrap();
    assert!(settings.slack && settings.teams);
    assert!(settings.maintenance.is_empty());
}

#[test]
fn mistakes_say_where_they_are() {
    let mut settings = Settings::default();
    let err = apply_config(&mut settings, "slack = on\nteams = maybe\n", "bot.conf").unwrap_err();
    assert!(matches!(err, SettingsError::Invalid { .. }));
    assert_eq!(
        err.to_string(),
        "bot.conf:2: expected on or off, found `maybe`"
    );

    let err = apply_config(&mut settings, "discord = on", "bot.conf").unwrap_err();
    assert_eq!(err.to_string(), "bot.conf:1: unknown setting `discord`");
    let err = apply_config(&mut settings, "slack", "bot.conf").unwrap_err();
    assert_eq!(
        err.to_string(),
        "bot.conf:1: expected `key = value`, found `slack`"
    );

    let err = apply_env(&mut settings, |_| Some("2".to_owned())).unwrap_err();
    assert_eq!(
        err.to_string(),
        "CHATOPS_SLACK: expected on or off, found `2`"
    );
}

#[test]
fn the_example_config_parses() {
    let text = std::fs::read_to_string(chatops::settings::EXAMPLE_CONFIG).unwrap();
    let mut settings = Settings::default();
    apply_config(&mut settings, &text, "chatops.conf").unwrap();
    assert!(settings.slack && settings.teams);
    assert_eq!(settings.maintenance, ["payments"]);
}
