//! Incidents for the chat-ops bot: `/incident open|list|close` in Slack and Teams,
//! `GET /incidents` and `POST /incidents` over HTTP, and an incident opened for
//! every critical alert (the async `handle_event` hook).
//!
//! The plugin is a type, [`IncidentDesk`], with state: the [`IncidentLog`] it
//! shares with its command handlers and routes. One instance is linked; it
//! implements hooks of both services, `Platforms` and `Events`, as one plugin
//! named `incident`.

use std::sync::{Mutex, MutexGuard, PoisonError};

use axum::Json;
use axum::http::StatusCode;
use chatops_hookspecs::{
    CommandHandler, Event, Events, HttpRoutes, Invocation, Platforms, Severity, SlackProvider,
    TeamsProvider,
};
use hookcore::hookimpl;
use serde::{Deserialize, Serialize};

/// One incident.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Incident {
    /// Its number: `INC-<id>`.
    pub id: u32,
    /// What is wrong.
    pub summary: String,
    /// The service affected, when known.
    pub service: Option<String>,
    /// Where it was opened: `slack`, `teams`, `http` or `alert`.
    pub opened_via: String,
    /// Not closed yet.
    pub open: bool,
    /// What happened since, such as deploys of the service.
    pub notes: Vec<String>,
}

/// The incidents, behind a lock: the plugin's state.
#[derive(Debug, Default)]
pub struct IncidentLog {
    incidents: Mutex<Vec<Incident>>,
}

impl IncidentLog {
    /// An empty log.
    #[must_use]
    pub const fn new() -> Self {
        IncidentLog {
            incidents: Mutex::new(Vec::new()),
        }
    }

    /// Opens an incident and returns it.
    pub fn open(&self, summary: &str, service: Option<&str>, via: &str) -> Incident {
        let mut incidents = self.lock();
        let incident = Incident {
            id: incidents.last().map_or(1, |last| last.id + 1),
            summary: summary.to_owned(),
            service: service.map(str::to_owned),
            opened_via: via.to_owned(),
            open: true,
            notes: Vec::new(),
        };
        incidents.push(incident.clone());
        incident
    }

    /// Closes the open incident `id` and returns it, or `None` if no incident
    /// with that number is open.
    pub fn close(&self, id: u32) -> Option<Incident> {
        let mut incidents = self.lock();
        let incident = incidents.iter_mut().find(|i| i.id == id && i.open)?;
        incident.open = false;
        Some(incident.clone())
    }

    /// Adds `note` to every open incident of `service`; returns their numbers.
    pub fn note(&self, service: &str, note: &str) -> Vec<u32> {
        let mut incidents = self.lock();
        incidents
            .iter_mut()
            .filter(|i| i.open && i.service.as_deref() == Some(service))
            .map(|incident| {
                incident.notes.push(note.to_owned());
                incident.id
            })
            .collect()
    }

    /// Every incident, open and closed, oldest first.
    #[must_use]
    pub fn all(&self) -> Vec<Incident> {
        self.lock().clone()
    }

    /// The open incidents, oldest first.
    #[must_use]
    pub fn open_incidents(&self) -> Vec<Incident> {
        self.lock().iter().filter(|i| i.open).cloned().collect()
    }

    fn lock(&self) -> MutexGuard<'_, Vec<Incident>> {
        // Nothing panics while the lock is held, but a poisoned log is still whole.
        self.incidents
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }
}

/// The log of the linked plugin: the process's incidents.
static LOG: IncidentLog = IncidentLog::new();

/// The plugin: an incident desk working on one [`IncidentLog`].
///
/// The log is `&'static` because command handlers and HTTP routes outlive the hook
/// call that registers them, and a hook method sees only `&self`.
#[derive(Debug, Clone, Copy)]
pub struct IncidentDesk {
    log: &'static IncidentLog,
}

/// `/incident`'s help line.
pub const HELP: &str = "Incidents: /incident open <summary> | list | close <id>";

impl IncidentDesk {
    /// A desk working on `log`. The linked plugin works on the process's log;
    /// tests make desks with logs of their own.
    #[must_use]
    pub const fn new(log: &'static IncidentLog) -> Self {
        IncidentDesk { log }
    }

    /// The linked plugin's desk, on the process's log.
    #[must_use]
    pub fn linked() -> Self {
        IncidentDesk::new(&LOG)
    }

    /// The log this desk works on.
    #[must_use]
    pub fn log(&self) -> &'static IncidentLog {
        self.log
    }

    /// The `/incident` command's handler.
    #[must_use]
    pub fn handler(&self) -> CommandHandler {
        let desk = *self;
        Box::new(move |run| desk.command(run))
    }

    /// Runs `/incident` with `run.args`.
    #[must_use]
    pub fn command(&self, run: &Invocation<'_>) -> String {
        let (verb, rest) = run.args.split_once(' ').unwrap_or((run.args, ""));
        let rest = rest.trim();
        match verb {
            "open" if !rest.is_empty() => {
                let incident = self.log.open(rest, None, &run.platform.to_string());
                format!("INC-{} opened: {}", incident.id, incident.summary)
            }
            "list" => {
                let open = self.log.open_incidents();
                if open.is_empty() {
                    return "no open incidents".to_owned();
                }
                let lines: Vec<String> = open
                    .iter()
                    .map(|i| format!("INC-{} {} (via {})", i.id, i.summary, i.opened_via))
                    .collect();
                lines.join("\n")
            }
            "close" => match rest.trim_start_matches("INC-").parse::<u32>() {
                Ok(id) => match self.log.close(id) {
                    Some(incident) => format!("INC-{id} closed: {}", incident.summary),
                    None => format!("no open incident INC-{id}"),
                },
                Err(_) => "usage: /incident close <id>".to_owned(),
            },
            _ => format!("usage: {HELP}"),
        }
    }
}

#[hookimpl(name = "incident", instance = IncidentDesk::new(&LOG))]
impl Platforms for IncidentDesk {
    fn register_slack_commands(&self, provider: &mut dyn SlackProvider) {
        provider.register_command("incident", HELP, self.handler());
    }

    fn register_teams_commands(&self, provider: &mut dyn TeamsProvider) {
        provider.register_command("incident", HELP, self.handler());
    }

    fn register_http_routes(&self, routes: &mut HttpRoutes) {
        let log = self.log;
        routes
            .get("/incidents", move || async move { Json(log.all()) })
            .post(
                "/incidents",
                move |Json(new): Json<NewIncident>| async move {
                    if new.summary.trim().is_empty() {
                        return Err((StatusCode::BAD_REQUEST, "summary is empty".to_owned()));
                    }
                    let incident = log.open(new.summary.trim(), new.service.as_deref(), "http");
                    Ok((StatusCode::CREATED, Json(incident)))
                },
            );
    }

    /// An async method beside the sync ones: `incident: 2 open of 3`.
    async fn health(&self) -> Result<String, String> {
        let (open, all) = (self.log.open_incidents().len(), self.log.all().len());
        Ok(format!("incident: {open} open of {all}"))
    }
}

/// Critical alerts open an incident; deploys of a service with open incidents
/// are noted on them.
#[hookimpl(name = "incident", instance = IncidentDesk::new(&LOG))]
impl Events for IncidentDesk {
    /// Async, as the hook is: the host awaits it. The log is in memory, so nothing
    /// here waits; a desk backed by a ticket system would `.await` it here.
    async fn handle_event(&self, event: &Event) -> Option<String> {
        match event {
            Event::Alert {
                service,
                severity: Severity::Critical,
                summary,
            } => {
                let incident = self.log.open(summary, Some(service), "alert");
                Some(format!("INC-{} opened for {event}", incident.id))
            }
            Event::Alert { .. } => None,
            Event::Deploy { service, version } => {
                let noted = self.log.note(service, &format!("deployed {version}"));
                let numbers: Vec<String> = noted.iter().map(|id| format!("INC-{id}")).collect();
                (!noted.is_empty()).then(|| format!("noted {event} on {}", numbers.join(", ")))
            }
        }
    }
}

/// The JSON body of `POST /incidents`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct NewIncident {
    /// What is wrong.
    pub summary: String,
    /// The service affected, if known.
    #[serde(default)]
    pub service: Option<String>,
}
