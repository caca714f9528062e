//! Maintenance windows: alerts for a service in one are acknowledged, not paged.

use std::sync::{Mutex, PoisonError};

use chatops_hookspecs::{Event, Events, Settings};
use hookcore::hookimpl;

/// The services in a maintenance window, as the settings at startup said.
static WINDOWS: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// Learns the maintenance windows.
#[hookimpl(Events)]
pub fn on_startup(settings: Settings) {
    *WINDOWS.lock().unwrap_or_else(PoisonError::into_inner) = settings.maintenance;
}

/// Silences alerts for services in a maintenance window. `tryfirst`, and the hook
/// is `firstresult`: an alert answered here reaches no other handler, so it
/// opens no incident. An `async fn`, as the hook is; it awaits nothing.
#[hookimpl(Events, tryfirst)]
pub async fn handle_event(event: &Event) -> Option<String> {
    silence(&windows(), event)
}

/// The services in a maintenance window now.
#[must_use]
pub fn windows() -> Vec<String> {
    WINDOWS
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .clone()
}

/// The acknowledgement of `event` if it is an alert for a service in `windows`.
///
/// ```
/// use chatops_hookspecs::{Event, Severity};
/// use chatops_sre_tools::maintenance::silence;
///
/// let alert = Event::Alert { service: "payments".into(), severity: Severity::Critical, summary: "down".into() };
/// assert!(silence(&["payments".into()], &alert).unwrap().starts_with("silenced"));
/// assert_eq!(silence(&[], &alert), None);
/// ```
#[must_use]
pub fn silence(windows: &[String], event: &Event) -> Option<String> {
    match event {
        Event::Alert { service, .. } if windows.contains(service) => Some(format!(
            "silenced: {service} is in a maintenance window ({event})"
        )),
        _ => None,
    }
}
