//! The scripted session `cargo run -p chatops` prints.

use std::error::Error;
use std::io::Write;

use axum::http::Method;
use chatops_hookspecs::{Event, Settings, Severity};
use hookcore::{HookSpec, Order, PluginManager};

use crate::{event_plugin_manager, platform_plugin_manager, startup};

/// Starts the bot with `settings` and runs a scripted session, writing to `out`:
/// the plugins found and the dispatch table, then a few commands on each enabled
/// platform, a few events and a few HTTP requests, with the bot's replies.
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
    writeln!(out, "\nplugins found at link time:")?;
    plugins(out, platforms)?;
    plugins(out, events)?;
    writeln!(
        out,
        "\ndispatch table, in call order ([wrapper] runs around the rest):"
    )?;
    dispatch_table(out, platforms)?;
    dispatch_table(out, events)?;

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

    writeln!(out, "\nevents:")?;
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
        match bot.handle_event(&event) {
            Some(reply) => writeln!(out, "    {}: {}", reply.plugin, reply.value)?,
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
    ] {
        let (status, reply) = bot.request(method.clone(), uri, body).await?;
        let body = body.map(|body| format!(" {body}")).unwrap_or_default();
        writeln!(out, "  {method} {uri}{body}")?;
        writeln!(out, "    {status} {reply}")?;
    }

    if let Some(slack) = &bot.slack {
        writeln!(out)?;
        exchange(out, "/audit", &slack.dispatch("/audit"))?;
    }
    Ok(())
}

/// Each plugin of `pm`: name, package and version, and the hooks it implements.
fn plugins<S: HookSpec + ?Sized>(
    out: &mut dyn Write,
    pm: &PluginManager<S>,
) -> Result<(), Box<dyn Error>> {
    for plugin in pm.plugins() {
        writeln!(
            out,
            "  {:<31} {:<24} {}: {}",
            plugin.name,
            plugin.source.to_string(),
            S::NAME,
            plugin.hooks.join(", ")
        )?;
    }
    Ok(())
}

/// Each hook of `S` and its implementations in call order, with their marks.
fn dispatch_table<S: HookSpec + ?Sized>(
    out: &mut dyn Write,
    pm: &PluginManager<S>,
) -> Result<(), Box<dyn Error>> {
    for hook in S::HOOKS {
        let mut marks = Vec::new();
        if hook.firstresult {
            marks.push("firstresult");
        }
        if hook.historic {
            marks.push("historic");
        }
        let marks = if marks.is_empty() {
            String::new()
        } else {
            format!(" ({})", marks.join(", "))
        };
        writeln!(out, "  {}.{}{marks}", S::NAME, hook.name)?;
        let impls: Vec<String> = pm
            .hookimpls(hook.name)?
            .into_iter()
            .map(|imp| {
                let mut name = imp.plugin;
                if imp.wrapper {
                    name.push_str(" [wrapper]");
                }
                if imp.order != Order::Normal {
                    name = format!("{name} [{}]", imp.order);
                }
                name
            })
            .collect();
        writeln!(out, "      {}", list_or_none(&impls))?;
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
