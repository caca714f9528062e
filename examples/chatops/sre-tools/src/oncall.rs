//! `/oncall [team]`: who is on call, from the built-in rota.

use chatops_hookspecs::{Invocation, Platforms, SlackProvider, TeamsProvider};
use hookcore::hookimpl;

/// The rota: team, primary, secondary.
pub const ROTA: &[(&str, &str, &str)] = &[
    ("checkout", "@sam", "@ada"),
    ("payments", "@dana", "@lee"),
    ("platform", "@kim", "@noor"),
];

const HELP: &str = "Who is on call: /oncall [team]";

/// Registers `/oncall`.
#[hookimpl(Platforms)]
pub fn register_slack_commands(provider: &mut dyn SlackProvider) {
    provider.register_command("oncall", HELP, Box::new(oncall_command));
}

/// Registers `oncall`.
#[hookimpl(Platforms)]
pub fn register_teams_commands(provider: &mut dyn TeamsProvider) {
    provider.register_command("oncall", HELP, Box::new(oncall_command));
}

/// Healthy if every team on the rota has a primary and a secondary:
/// `oncall: 3 teams`.
#[hookimpl(Platforms)]
pub async fn health() -> Result<String, String> {
    match ROTA
        .iter()
        .find(|(_, primary, secondary)| primary.is_empty() || secondary.is_empty())
    {
        Some((team, ..)) => Err(format!("oncall: {team} has nobody on call")),
        None => Ok(format!("oncall: {} teams", ROTA.len())),
    }
}

/// The `/oncall` command: one team's primary and secondary, or every team's
/// primary when no team is named.
///
/// ```
/// use chatops_hookspecs::{Invocation, Platform};
/// use chatops_sre_tools::oncall::oncall_command;
///
/// let run = Invocation { platform: Platform::Teams, args: "payments" };
/// assert_eq!(oncall_command(&run), "payments: @dana (primary), @lee (secondary)");
/// ```
#[must_use]
pub fn oncall_command(run: &Invocation<'_>) -> String {
    if run.args.is_empty() {
        let lines: Vec<String> = ROTA
            .iter()
            .map(|(team, primary, _)| format!("{team}: {primary}"))
            .collect();
        return lines.join("\n");
    }
    match ROTA
        .iter()
        .find(|(team, ..)| team.eq_ignore_ascii_case(run.args))
    {
        Some((team, primary, secondary)) => {
            format!("{team}: {primary} (primary), {secondary} (secondary)")
        }
        None => {
            let teams: Vec<&str> = ROTA.iter().map(|(team, ..)| *team).collect();
            format!("no rota for `{}`; teams: {}", run.args, teams.join(", "))
        }
    }
}
