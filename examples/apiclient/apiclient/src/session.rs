//! The scripted session `cargo run -p apiclient` prints.

use std::error::Error;
use std::io::Write;
use std::time::{SystemTime, UNIX_EPOCH};

use apiclient_hookspecs::{ApiPlugins, Options, Request, Response};
use hookcore::PluginManager;

use crate::demo::{DemoConfig, DemoServer};
use crate::{EXPERIMENTAL_FLAG, Plugins, enable_plugins_with};

/// The token the demo uses when `APICLIENT_TOKEN` is not set.
pub const DEMO_TOKEN: &str = "demo-token-4f2a";
/// The demo's basic-auth user.
pub const DEMO_USER: &str = "ada";
/// The demo's basic-auth password.
pub const DEMO_PASSWORD: &str = "lovelace";

/// What the session takes from the environment; `main` reads it, tests build it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Settings {
    /// `$APICLIENT_TOKEN`: the bearer provider reads it itself, and the demo
    /// server expects it. Unset, the session gives the provider [`DEMO_TOKEN`].
    pub token: Option<String>,
    /// `$APICLIENT_EXPERIMENTAL`: `1` registers the experimental plugin.
    pub experimental: Option<String>,
}

impl Settings {
    /// From the process environment.
    #[must_use]
    pub fn from_env() -> Self {
        Settings {
            token: std::env::var(apiclient_auth::TOKEN_VAR).ok(),
            experimental: std::env::var(EXPERIMENTAL_FLAG).ok(),
        }
    }
}

/// Enables the process-wide plugins with `settings`, runs the session, and at
/// the end ends the plugins ([`write_shutdown`]), as the program exits. Async:
/// `main` awaits it on tokio's runtime.
///
/// # Errors
///
/// As [`run_with`], and if a required plugin crate is missing.
pub async fn run(out: &mut dyn Write, settings: &Settings) -> Result<(), Box<dyn Error>> {
    let plugins = enable_plugins_with(settings.experimental.as_deref())?;
    run_with(out, plugins, settings).await?;
    write_shutdown(out, plugins.manager())
}

/// Ends the plugins of `pm` ([`shutdown`](crate::shutdown)) and writes what
/// they released and which plugins ended.
///
/// # Errors
///
/// If writing fails.
pub fn write_shutdown(
    out: &mut dyn Write,
    pm: &PluginManager<dyn ApiPlugins>,
) -> Result<(), Box<dyn Error>> {
    let ended = crate::shutdown(pm);
    writeln!(out, "\nat exit (the shutdown hook, then pm.shutdown()):")?;
    for line in &ended.released {
        writeln!(out, "  {line}")?;
    }
    writeln!(
        out,
        "  {} plugins ended: {}",
        ended.plugins.len(),
        ended.plugins.join(", ")
    )?;
    Ok(())
}

/// The session, on `plugins`, written to `out`: the plugins, the hooks' call
/// order, the registries and the registration log; then a demo server, fetched
/// from with bearer auth and `Link` pagination, a token the auth plugin fetches
/// from the server's token endpoint, basic auth and page numbers, and
/// transforms; a file read through `file`, a `data:` URL; the request and
/// response logs. Every request is awaited: the adapters are async.
///
/// # Errors
///
/// If writing fails, the server cannot start, or a request fails.
pub async fn run_with(
    out: &mut dyn Write,
    plugins: &Plugins<'_>,
    settings: &Settings,
) -> Result<(), Box<dyn Error>> {
    let pm = plugins.manager();
    writeln!(
        out,
        "apiclient {}: {} plugins enabled; experimental adapter {}",
        env!("CARGO_PKG_VERSION"),
        pm.plugins().len(),
        if plugins.experimental() {
            format!("on (${EXPERIMENTAL_FLAG}=1)")
        } else {
            format!("off (${EXPERIMENTAL_FLAG}=1 adds it)")
        }
    )?;

    // The plugins and each hook's call order: the manager's report.
    write!(out, "\n{}", pm.report())?;

    writeln!(out, "\nregistries:")?;
    writeln!(
        out,
        "  list_adapters(): {}",
        plugins.list_adapters().join(", ")
    )?;
    writeln!(
        out,
        "  auth providers:  {}",
        plugins.auth_providers().names().join(", ")
    )?;
    writeln!(
        out,
        "  transforms:      {}",
        plugins.transforms().names().join(", ")
    )?;
    writeln!(
        out,
        "  paginators:      {}",
        plugins.paginators().names().join(", ")
    )?;

    writeln!(out, "\nregistration log (apiclient-logging's wrappers):")?;
    for registration in apiclient_logging::registrations() {
        writeln!(out, "  {registration}")?;
    }
    writeln!(
        out,
        "scrub's automaton built yet: {}",
        if apiclient_scrub::is_built() {
            "yes"
        } else {
            "no"
        }
    )?;

    fetch_from_demo_server(out, plugins, settings).await?;
    read_local(out, plugins).await?;

    writeln!(out, "\nrequest log (apiclient-logging's on_request):")?;
    for line in apiclient_logging::requests() {
        writeln!(out, "  {line}")?;
    }
    writeln!(out, "response log (apiclient-logging's on_response):")?;
    for line in apiclient_logging::responses() {
        writeln!(out, "  {line}")?;
    }
    match apiclient_scrub::stats() {
        Some(stats) => writeln!(
            out,
            "scrub's automaton, built on first use: {} patterns, {} states, {} KiB table, {:?}",
            stats.patterns,
            stats.states,
            stats.table_bytes / 1024,
            stats.build_time
        )?,
        None => writeln!(out, "scrub's automaton: never built")?,
    }
    Ok(())
}

/// The body in one line, long ones cut.
fn one_line(response: &Response) -> String {
    let text: String = response
        .text()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if text.chars().count() > 72 {
        format!("{}...", text.chars().take(69).collect::<String>())
    } else {
        text
    }
}

async fn fetch_from_demo_server(
    out: &mut dyn Write,
    plugins: &Plugins<'_>,
    settings: &Settings,
) -> Result<(), Box<dyn Error>> {
    // Three pages of items; a token and one page twice with it; two pages of
    // numbers, the profile, one refusal; and with the experimental adapter one
    // more (its second fetch is a cache hit).
    let requests = 10 + usize::from(plugins.adapters().contains("cached-http"));
    let token = settings.token.as_deref().unwrap_or(DEMO_TOKEN);
    let server = DemoServer::start(DemoConfig::new(token, DEMO_USER, DEMO_PASSWORD, requests))?;
    let base = server.base_url();
    writeln!(
        out,
        "\ndemo server at {base}, answering {requests} requests, then stopping"
    )?;

    // Bearer auth: from $APICLIENT_TOKEN if set, which the provider reads itself.
    let bearer = match settings.token {
        Some(_) => Options::new(),
        None => Options::new().with("token", DEMO_TOKEN),
    };
    let items = plugins
        .client(&base)
        .auth("bearer", bearer.clone())
        .paginator("link", Options::new())
        .build()?;
    writeln!(out, "\nGET /items: {}", items.describe())?;
    for (i, page) in items.get_all("/items").await?.iter().enumerate() {
        writeln!(
            out,
            "  page {}: {} {}  {}",
            i + 1,
            page.status,
            page.reason,
            one_line(page)
        )?;
    }

    // The refresh provider has no token at first: before the first request the
    // auth plugin's async `authenticate` hook fetches one from POST /token; the
    // second request reuses it while it is valid.
    let refreshing = plugins
        .client(&base)
        .auth(
            "refresh",
            Options::new()
                .with("client_id", DEMO_USER)
                .with("client_secret", DEMO_PASSWORD),
        )
        .build()?;
    writeln!(out, "GET /items?page=3 twice: {}", refreshing.describe())?;
    for _ in 0..2 {
        let page = refreshing.get("/items?page=3").await?;
        writeln!(
            out,
            "  {} {}  {}",
            page.status,
            page.reason,
            one_line(&page)
        )?;
    }
    writeln!(out, "  then: {}", refreshing.describe())?;

    let basic = Options::new()
        .with("user", DEMO_USER)
        .with("password", DEMO_PASSWORD);
    let numbers = plugins
        .client(&base)
        .auth("basic", basic.clone())
        .paginator("page", Options::new())
        .build()?;
    writeln!(out, "GET /numbers?page=1: {}", numbers.describe())?;
    for (i, page) in numbers.get_all("/numbers?page=1").await?.iter().enumerate() {
        let total = page.headers.get("x-total-pages").unwrap_or("?");
        writeln!(
            out,
            "  page {}/{total}: {} {}  {}",
            i + 1,
            page.status,
            page.reason,
            one_line(page)
        )?;
    }

    let profile = plugins
        .client(&base)
        .auth("basic", basic.clone())
        .transform("redact-headers", Options::new())
        .transform("scrub", Options::new())
        .transform("json-pretty", Options::new())
        .build()?;
    writeln!(out, "GET /me: {}", profile.describe())?;
    let me = profile.get("/me").await?;
    writeln!(
        out,
        "  {} {}; Set-Cookie: {}; X-Scrubbed: {}",
        me.status,
        me.reason,
        me.headers.get("set-cookie").unwrap_or("-"),
        me.headers.get("x-scrubbed").unwrap_or("0")
    )?;
    for line in me.text().lines() {
        writeln!(out, "  | {line}")?;
    }

    let anonymous = plugins.client(&base).build()?;
    let refused = anonymous.get("/items").await?;
    writeln!(
        out,
        "GET /items without credentials: {} {} (WWW-Authenticate: {})",
        refused.status,
        refused.reason,
        refused.headers.get("www-authenticate").unwrap_or("-")
    )?;

    if plugins.adapters().contains("cached-http") {
        let cached = plugins
            .client(&base)
            .adapter("cached-http", Options::new())
            .auth("basic", basic)
            .build()?;
        for _ in 0..2 {
            let response = cached.get("/numbers?page=1").await?;
            writeln!(
                out,
                "GET /numbers?page=1 through cached-http: {} {}, X-Cache: {}",
                response.status,
                response.reason,
                response.headers.get("x-cache").unwrap_or("-")
            )?;
        }
    } else {
        writeln!(
            out,
            "cached-http: not registered (${EXPERIMENTAL_FLAG} is not 1)"
        )?;
    }
    let served = server.finish()?;
    writeln!(out, "demo server stopped after {served} requests")?;
    Ok(())
}

async fn read_local(out: &mut dyn Write, plugins: &Plugins<'_>) -> Result<(), Box<dyn Error>> {
    let nanos = SystemTime::now().duration_since(UNIX_EPOCH)?.subsec_nanos();
    let path = std::env::temp_dir().join(format!(
        "apiclient-demo-{}-{nanos}.json",
        std::process::id()
    ));
    std::fs::write(
        &path,
        r#"{"service":"apiclient","adapters":["http","file"],"retries":3}"#,
    )?;
    let url = apiclient_core_adapters::FileAdapter::url_for(&path)?;
    let file = plugins
        .client(&url)
        .transform("json-pretty", Options::new())
        .build()?;
    let read = file.get(&url).await;
    std::fs::remove_file(&path)?;
    let read = read?;
    writeln!(out, "\nGET {url}: {}", file.describe())?;
    writeln!(
        out,
        "  {} {}, {}",
        read.status,
        read.reason,
        read.headers.get("content-type").unwrap_or("-")
    )?;
    for line in read.text().lines() {
        writeln!(out, "  | {line}")?;
    }

    let data_url = "data:text/csv;base64,aWQsbmFtZQoxLGFkYQoyLGdyYWNl";
    match plugins.get_adapter("data", &Options::new()) {
        Ok(adapter) => {
            let response = adapter.send(&Request::get(data_url)).await?;
            writeln!(
                out,
                "get_adapter(\"data\") on {data_url}: {} {}, {}",
                response.status,
                response.reason,
                response.headers.get("content-type").unwrap_or("-")
            )?;
            for line in response.text().lines() {
                writeln!(out, "  | {line}")?;
            }
        }
        Err(error) => writeln!(out, "get_adapter(\"data\"): {error}")?,
    }
    Ok(())
}
