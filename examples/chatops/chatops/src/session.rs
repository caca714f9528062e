//! The scripted session `cargo run -p chatops` prints.

use std::error::Error;
use std::io::Write;

use axum::http::Method;
use chatops_hookspecs::{Event, Settings, Severity};

use crate::{event_plugin_manager, platform_plugin_manager, startup};

/// Starts the bot with `settings` and runs a scripted session, writing to `out`:
/// the plugins found and each hook's call order (the managers' reports), then a few commands on each enabled
/// platform, a few events (each reply awaited and posted to the ops channel) and a
/// few HTTP requests, `POST /events` among them, with the bot's replies; last, what
/// the ops channel received.
///
/// # Errors
///
/// If a required plugin is missing, writing to `out` fails, or a request fails.
pub async fn run(out: &mut dyn Write, settings: Settings) -> Result<(), Box<dyn Error>> {
    let bot = startup(settings)?;
    let on = |enabled: bool| if enabled { "on" } else { "off" };
    writeln!(
        out,
        "chat-ops bot: slack {}, teams {}, maintenance windows: {}",
        on(bot.settings.slack),
        on(bot.settings.teams),
        list_or_none(&bot.settings.maintenance),
    )?;

    let platforms = platform_plugin_manager()?;
    let events = event_plugin_manager()?;
    // The plugins found at link time and each hook's call order.
    write!(out, "\n{}\n{}", platforms.report(), events.report())?;

    writeln!(out)?;
    match &bot.slack {
        Some(slack) => {
            writeln!(out, "slack commands: {}", list_or_none(&slack.commands()))?;
            for text in [
                "/geolocate 8.8.8.8 2001:db8::1 banana",
                "/incident open checkout p99 latency over 2s",
                "/oncall payments",
                "/incident list",
                "/deploy checkout",
            ] {
                exchange(out, text, &slack.dispatch(text))?;
            }
        }
        None => writeln!(out, "slack: off")?,
    }
    match &bot.teams {
        Some(teams) => {
            writeln!(out, "teams commands: {}", list_or_none(&teams.commands()))?;
            for text in ["@sre-bot incident close 1", "@sre-bot oncall"] {
                exchange(out, text, &teams.dispatch(text))?;
            }
        }
        None => writeln!(out, "teams: off")?,
    }

    writeln!(out, "\nevents, replies posted to {}:", bot.ops.name())?;
    let alert = |service: &str, severity, summary: &str| Event::Alert {
        service: service.into(),
        severity,
        summary: summary.into(),
    };
    for event in [
        alert("payments", Severity::Critical, "error rate 12%"),
        alert("checkout", Severity::Critical, "5xx above 5%"),
        Event::Deploy {
            service: "checkout".into(),
            version: "4.2.1".into(),
        },
        alert("platform", Severity::Warning, "disk 81% full"),
    ] {
        writeln!(out, "  {event}")?;
        match bot.handle_event(&event).await {
            Some(reply) => writeln!(out, "    {reply}")?,
            None => writeln!(out, "    (no plugin answered)")?,
        }
    }

    writeln!(out, "\nhttp routes: {}", bot.routes.join(", "))?;
    for (method, uri, body) in [
        (Method::GET, "/health", None),
        (Method::GET, "/geolocate/1.1.1.1", None),
        (Method::GET, "/geolocate/banana", None),
        (
            Method::POST,
            "/incidents",
            Some(r#"{"summary":"queue backlog growing","service":"platform"}"#),
        ),
        (Method::GET, "/incidents", None),
        (
            Method::POST,
            "/events",
            Some(
                r#"{"kind":"alert","service":"search","severity":"critical","summary":"index lag 10 min"}"#,
            ),
        ),
        (
            Method::POST,
            "/events",
            Some(r#"{"kind":"deploy","service":"search","version":"7.1.0"}"#),
        ),
        (
            Method::POST,
            "/events",
            Some(r#"{"kind":"deploy","service":"ledger","version":"0.3.0"}"#),
        ),
    ] {
        let (status, reply) = bot.request(method.clone(), uri, body).await?;
        let body = body.map(|body| format!(" {body}")).unwrap_or_default();
        writeln!(out, "  {method} {uri}{body}")?;
        let reply = format!("{status} {reply}");
        for line in reply.trim_end().lines() {
            writeln!(out, "    {line}")?;
        }
    }

    let posts = bot.ops.posts();
    writeln!(out, "\n{}: {} posted", bot.ops.name(), posts.len())?;
    for post in posts {
        writeln!(out, "  {post}")?;
    }

    if let Some(slack) = &bot.slack {
        writeln!(out)?;
        exchange(out, "/audit", &slack.dispatch("/audit"))?;
    }
    Ok(())
}

/// A message and the bot's reply, the reply indented.
fn exchange(out: &mut dyn Write, text: &str, reply: &str) -> std::io::Result<()> {
    writeln!(out, "  > {text}")?;
    for line in reply.lines() {
        writeln!(out, "    {line}")?;
    }
    Ok(())
}

fn list_or_none<T: AsRef<str>>(items: &[T]) -> String {
    if items.is_empty() {
        return "none".to_owned();
    }
    let items: Vec<&str> = items.iter().map(AsRef::as_ref).collect();
    items.join(", ")
}
