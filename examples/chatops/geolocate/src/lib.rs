//! Geolocation for the chat-ops bot: `/geolocate <ip>` in Slack and
//! `GET /geolocate/{ip}` over HTTP, answered from a built-in table of networks.
//!
//! The hooks are free functions: as in pluggy, the module is the plugin, named
//! `chatops_geolocate` after it. It implements two of the `Platforms` hooks (no
//! Teams command), the subset the seed's `packages/geolocate` implements, and the
//! async `health` hook.

use std::net::IpAddr;

use axum::Json;
use axum::extract::Path;
use axum::http::StatusCode;
use chatops_hookspecs::{HttpRoutes, Invocation, Platforms, SlackProvider};
use hookcore::hookimpl;
use serde::Serialize;

/// Registers `/geolocate`.
#[hookimpl(Platforms)]
pub fn register_slack_commands(provider: &mut dyn SlackProvider) {
    provider.register_command(
        "geolocate",
        "Where an IP address is: /geolocate <ip> [<ip> ...]",
        Box::new(geolocate_command),
    );
}

/// Registers `GET /geolocate/{ip}`, answering with a [`Located`] as JSON.
#[hookimpl(Platforms)]
pub fn register_http_routes(routes: &mut HttpRoutes) {
    routes.get("/geolocate/{ip}", geolocate_route);
}

/// Healthy if every network in the table parses: `geolocate: 17 networks`. An
/// async free function, as the hook is; a plugin asking a remote geolocation
/// service would `.await` it here.
#[hookimpl(Platforms)]
pub async fn health() -> Result<String, String> {
    match NETWORKS.iter().find(|l| parse_cidr(l.network).is_none()) {
        Some(bad) => Err(format!("geolocate: bad network {}", bad.network)),
        None => Ok(format!("geolocate: {} networks", NETWORKS.len())),
    }
}

/// Where a network is, as the table knows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Location {
    /// The network, in CIDR notation: `8.8.8.0/24`.
    pub network: &'static str,
    /// Who uses it.
    pub org: &'static str,
    /// The city, for a public network.
    pub city: Option<&'static str>,
    /// The ISO 3166 country code, for a public network.
    pub country: Option<&'static str>,
}

/// The networks the bot knows. [`lookup`] picks the longest prefix that matches.
pub const NETWORKS: &[Location] = &[
    public("8.0.0.0/9", "Level 3 Communications", "Broomfield", "US"),
    public("8.8.4.0/24", "Google Public DNS", "Mountain View", "US"),
    public("8.8.8.0/24", "Google Public DNS", "Mountain View", "US"),
    public("1.1.1.0/24", "Cloudflare DNS", "Brisbane", "AU"),
    public("9.9.9.0/24", "Quad9", "Zurich", "CH"),
    public("208.67.222.0/24", "OpenDNS", "San Francisco", "US"),
    public("2001:4860::/32", "Google", "Mountain View", "US"),
    public("2606:4700::/32", "Cloudflare", "San Francisco", "US"),
    special("10.0.0.0/8", "private network (RFC 1918)"),
    special("172.16.0.0/12", "private network (RFC 1918)"),
    special("192.168.0.0/16", "private network (RFC 1918)"),
    special("127.0.0.0/8", "loopback"),
    special("::1/128", "loopback"),
    special("192.0.2.0/24", "documentation (TEST-NET-1)"),
    special("198.51.100.0/24", "documentation (TEST-NET-2)"),
    special("203.0.113.0/24", "documentation (TEST-NET-3)"),
    special("2001:db8::/32", "documentation"),
];

const fn public(
    network: &'static str,
    org: &'static str,
    city: &'static str,
    country: &'static str,
) -> Location {
    Location {
        network,
        org,
        city: Some(city),
        country: Some(country),
    }
}

const fn special(network: &'static str, org: &'static str) -> Location {
    Location {
        network,
        org,
        city: None,
        country: None,
    }
}

/// The most specific network in [`NETWORKS`] that holds `ip`.
///
/// ```
/// let google = chatops_geolocate::lookup("8.8.8.8".parse().unwrap()).unwrap();
/// assert_eq!(google.network, "8.8.8.0/24"); // not the wider 8.0.0.0/9
/// assert_eq!(chatops_geolocate::lookup("100.64.0.1".parse().unwrap()), None);
/// ```
#[must_use]
pub fn lookup(ip: IpAddr) -> Option<&'static Location> {
    NETWORKS
        .iter()
        .filter_map(|location| {
            let (network, prefix) = parse_cidr(location.network)?;
            contains(network, prefix, ip).then_some((prefix, location))
        })
        .max_by_key(|(prefix, _)| *prefix)
        .map(|(_, location)| location)
}

/// `"8.8.8.0/24"` as its address and prefix length; `None` if malformed.
fn parse_cidr(cidr: &str) -> Option<(IpAddr, u32)> {
    let (address, prefix) = cidr.split_once('/')?;
    let address: IpAddr = address.parse().ok()?;
    let prefix: u32 = prefix.parse().ok()?;
    let bits = if address.is_ipv4() { 32 } else { 128 };
    (prefix <= bits).then_some((address, prefix))
}

fn contains(network: IpAddr, prefix: u32, ip: IpAddr) -> bool {
    let (network, ip, bits) = match (network, ip) {
        (IpAddr::V4(network), IpAddr::V4(ip)) => (
            u128::from(u32::from(network)),
            u128::from(u32::from(ip)),
            32,
        ),
        (IpAddr::V6(network), IpAddr::V6(ip)) => (u128::from(network), u128::from(ip), 128),
        _ => return false,
    };
    let shift = bits - prefix;
    network.checked_shr(shift).unwrap_or(0) == ip.checked_shr(shift).unwrap_or(0)
}

/// The `/geolocate` command: one line per address in the arguments.
///
/// ```
/// use chatops_hookspecs::{Invocation, Platform};
///
/// let reply = chatops_geolocate::geolocate_command(&Invocation { platform: Platform::Slack, args: "9.9.9.9" });
/// assert_eq!(reply, "9.9.9.9: Quad9, Zurich, CH (9.9.9.0/24)");
/// ```
#[must_use]
pub fn geolocate_command(run: &Invocation<'_>) -> String {
    if run.args.is_empty() {
        return "usage: /geolocate <ip> [<ip> ...]".to_owned();
    }
    let lines: Vec<String> = run
        .args
        .split_whitespace()
        .map(|arg| match arg.parse::<IpAddr>() {
            Err(_) => format!("`{arg}` is not an IP address"),
            Ok(ip) => match lookup(ip) {
                None => format!("{ip}: not in the table"),
                Some(location) => format!("{ip}: {}", describe(location)),
            },
        })
        .collect();
    lines.join("\n")
}

fn describe(location: &Location) -> String {
    let mut text = location.org.to_owned();
    for part in [location.city, location.country].into_iter().flatten() {
        text.push_str(", ");
        text.push_str(part);
    }
    format!("{text} ({})", location.network)
}

/// The JSON body of `GET /geolocate/{ip}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Located {
    /// The address asked about.
    pub ip: String,
    /// The network that holds it.
    pub network: &'static str,
    /// Who uses the network.
    pub org: &'static str,
    /// The city, or `null`.
    pub city: Option<&'static str>,
    /// The country code, or `null`.
    pub country: Option<&'static str>,
}

/// `GET /geolocate/{ip}`: 200 with a [`Located`], 400 if `ip` is not an address,
/// 404 if no network in the table holds it.
///
/// # Errors
///
/// The 400 and 404 responses, as a status and a message.
pub async fn geolocate_route(
    Path(ip): Path<String>,
) -> Result<Json<Located>, (StatusCode, String)> {
    let address: IpAddr = ip.parse().map_err(|_| {
        (
            StatusCode::BAD_REQUEST,
            format!("`{ip}` is not an IP address"),
        )
    })?;
    let location = lookup(address).ok_or_else(|| {
        (
            StatusCode::NOT_FOUND,
            format!("{address} is not in the table"),
        )
    })?;
    Ok(Json(Located {
        ip: address.to_string(),
        network: location.network,
        org: location.org,
        city: location.city,
        country: location.country,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_network_in_the_table_parses() {
        for location in NETWORKS {
            assert!(
                parse_cidr(location.network).is_some(),
                "{}",
                location.network
            );
        }
    }

    #[test]
    fn the_longest_prefix_wins_and_families_do_not_mix() {
        let at = |ip: &str| lookup(ip.parse().unwrap()).map(|l| l.network);
        assert_eq!(at("8.8.8.8"), Some("8.8.8.0/24"));
        assert_eq!(at("8.1.2.3"), Some("8.0.0.0/9"));
        assert_eq!(at("8.200.0.1"), None);
        assert_eq!(at("2001:4860:4860::8888"), Some("2001:4860::/32"));
        assert_eq!(at("::1"), Some("::1/128"));
        assert_eq!(at("::2"), None);
        assert_eq!(at("::ffff:8.8.8.8"), None);
    }
}
