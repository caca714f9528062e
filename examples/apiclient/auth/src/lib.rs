//! apiclient's auth providers: `bearer`, a token from an environment variable
//! (or given directly), `basic`, RFC 7617 user and password, and `refresh`, a
//! bearer token fetched from a token endpoint and fetched again when it expires.
//!
//! The plugin is a type, [`Auth`], named `auth`: an `impl ApiPlugins` block
//! that implements two hooks: `register_auth_providers`, and the async
//! `authenticate`, which the client awaits before it sends a request. That hook
//! refreshes the provider's token first when it needs one, with a request of
//! its own through the client's adapter, then adds the credentials.

#![warn(missing_docs)]

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use apiclient_hookspecs::{
    Adapter, ApiError, ApiPlugins, AuthProvider, AuthRegistry, Options, Request, Response, Url,
};
use hookcore::hookimpl;

/// The variable `bearer` reads its token from unless told another.
pub const TOKEN_VAR: &str = "APICLIENT_TOKEN";

/// The plugin.
#[derive(Debug, Clone, Copy, Default)]
pub struct Auth;

#[hookimpl(name = "auth")]
impl ApiPlugins for Auth {
    /// Registers `bearer`, `basic`, then `refresh`.
    ///
    /// `bearer` options: `token` (used as it is), else `env`, the variable to read
    /// it from (default [`TOKEN_VAR`]). `basic` options: `user` (required) and
    /// `password`. `refresh` options: as [`RefreshAuth::from_options`].
    fn register_auth_providers(&self, registry: &mut AuthRegistry) {
        registry.register("bearer", |options| {
            Ok(Box::new(BearerAuth::from_options(options)?))
        });
        registry.register("basic", |options| {
            Ok(Box::new(BasicAuth::from_options(options)?))
        });
        registry.register("refresh", |options| {
            Ok(Box::new(RefreshAuth::from_options(options)?))
        });
    }

    /// Refreshes `auth`'s credentials if it asks to, sending its refresh request
    /// through `adapter` and awaiting the answer, then adds them to `request`.
    async fn authenticate(
        &self,
        auth: &dyn AuthProvider,
        adapter: &dyn Adapter,
        request: &mut Request,
    ) -> Result<(), ApiError> {
        if let Some(refresh) = auth.refresh(request)? {
            let answer = adapter.send(&refresh).await?;
            auth.refreshed(&answer)?;
        }
        auth.authenticate(request)
    }
}

/// `Authorization: Bearer <token>`.
#[derive(Clone, PartialEq, Eq)]
pub struct BearerAuth {
    token: String,
    source: String,
}

impl std::fmt::Debug for BearerAuth {
    /// Never shows the token.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BearerAuth")
            .field("source", &self.source)
            .finish_non_exhaustive()
    }
}

impl BearerAuth {
    /// A provider sending `token`.
    #[must_use]
    pub fn new(token: impl Into<String>) -> Self {
        BearerAuth {
            token: token.into(),
            source: "given".to_owned(),
        }
    }

    /// A provider sending the value of environment variable `var`, looked up by
    /// `lookup` (`std::env::var` in [`from_env`](Self::from_env); tests pass their
    /// own, so nothing touches the process environment).
    ///
    /// # Errors
    ///
    /// [`ApiError::Config`] if the variable is unset or empty.
    pub fn from_env_with(
        var: &str,
        lookup: impl FnOnce(&str) -> Option<String>,
    ) -> Result<Self, ApiError> {
        match lookup(var) {
            Some(token) if !token.trim().is_empty() => Ok(BearerAuth {
                token: token.trim().to_owned(),
                source: format!("${var}"),
            }),
            _ => Err(ApiError::Config(format!(
                "bearer: ${var} is not set; set it, or give the `token` option"
            ))),
        }
    }

    /// A provider sending the value of environment variable `var`.
    ///
    /// # Errors
    ///
    /// As [`from_env_with`](Self::from_env_with).
    pub fn from_env(var: &str) -> Result<Self, ApiError> {
        Self::from_env_with(var, |var| std::env::var(var).ok())
    }

    /// The `token` option if given, else the variable named by `env` (default
    /// [`TOKEN_VAR`]).
    ///
    /// # Errors
    ///
    /// As [`from_env_with`](Self::from_env_with).
    pub fn from_options(options: &Options) -> Result<Self, ApiError> {
        match options.get("token") {
            Some(token) => Ok(BearerAuth {
                source: "the `token` option".to_owned(),
                ..BearerAuth::new(token)
            }),
            None => Self::from_env(options.get("env").unwrap_or(TOKEN_VAR)),
        }
    }
}

impl AuthProvider for BearerAuth {
    fn authenticate(&self, request: &mut Request) -> Result<(), ApiError> {
        request
            .headers
            .set("Authorization", format!("Bearer {}", self.token));
        Ok(())
    }

    fn describe(&self) -> String {
        format!("bearer token from {}", self.source)
    }
}

/// `Authorization: Basic base64(user:password)` (RFC 7617).
#[derive(Clone, PartialEq, Eq)]
pub struct BasicAuth {
    user: String,
    password: String,
}

impl std::fmt::Debug for BasicAuth {
    /// Never shows the password.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BasicAuth")
            .field("user", &self.user)
            .finish_non_exhaustive()
    }
}

impl BasicAuth {
    /// A provider for `user` and `password`.
    ///
    /// # Errors
    ///
    /// [`ApiError::Config`] if `user` is empty or contains `:`.
    pub fn new(user: &str, password: &str) -> Result<Self, ApiError> {
        if user.is_empty() || user.contains(':') {
            return Err(ApiError::Config(format!(
                "basic: user `{user}` must be non-empty and without `:`"
            )));
        }
        Ok(BasicAuth {
            user: user.to_owned(),
            password: password.to_owned(),
        })
    }

    /// From the `user` and `password` options.
    ///
    /// # Errors
    ///
    /// [`ApiError::Config`] without `user`, or as [`new`](Self::new).
    pub fn from_options(options: &Options) -> Result<Self, ApiError> {
        let user = options
            .get("user")
            .ok_or_else(|| ApiError::Config("basic: the `user` option is required".into()))?;
        Self::new(user, options.get("password").unwrap_or_default())
    }

    /// The `Authorization` value.
    #[must_use]
    pub fn header_value(&self) -> String {
        let credentials = format!("{}:{}", self.user, self.password);
        format!("Basic {}", base64_encode(credentials.as_bytes()))
    }
}

impl AuthProvider for BasicAuth {
    fn authenticate(&self, request: &mut Request) -> Result<(), ApiError> {
        request.headers.set("Authorization", self.header_value());
        Ok(())
    }

    fn describe(&self) -> String {
        format!("basic auth as {}", self.user)
    }
}

/// `Authorization: Bearer <token>`, the token fetched from a token endpoint
/// (OAuth 2.0's client-credentials grant, in miniature) and fetched again when
/// it expires.
///
/// [`refresh`](AuthProvider::refresh) gives the token request when the
/// provider has no token or it is within a second of expiring: `POST` to the
/// token URL, with the client's id and secret as basic auth and the body
/// `grant_type=client_credentials`. [`refreshed`](AuthProvider::refreshed)
/// takes the answer, a JSON object with `access_token` and `expires_in`
/// (seconds). The auth plugin's `authenticate` hook does the sending, awaited,
/// before the request it authenticates.
///
/// Tasks sharing one client may each find the token expired and each fetch
/// one; the last answer wins. Nothing is locked across the token request.
pub struct RefreshAuth {
    token_url: String,
    client: BasicAuth,
    token: Mutex<Option<(String, Instant)>>,
    fetched: AtomicUsize,
}

impl std::fmt::Debug for RefreshAuth {
    /// Never shows the token or the secret.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RefreshAuth")
            .field("token_url", &self.token_url)
            .field("client", &self.client)
            .field("fetched", &self.fetched())
            .finish_non_exhaustive()
    }
}

/// How long before its expiry a token is refreshed anyway.
const EARLY: Duration = Duration::from_secs(1);

impl RefreshAuth {
    /// A provider fetching its tokens from `token_url` (absolute, or resolved
    /// against each request's URL) as `client_id` with `client_secret`.
    ///
    /// # Errors
    ///
    /// As [`BasicAuth::new`] for the client's id.
    pub fn new(token_url: &str, client_id: &str, client_secret: &str) -> Result<Self, ApiError> {
        Ok(RefreshAuth {
            token_url: token_url.to_owned(),
            client: BasicAuth::new(client_id, client_secret)?,
            token: Mutex::new(None),
            fetched: AtomicUsize::new(0),
        })
    }

    /// From the options `token_url` (default `/token`), `client_id` (required)
    /// and `client_secret`.
    ///
    /// # Errors
    ///
    /// [`ApiError::Config`] without `client_id`, or as [`new`](Self::new).
    pub fn from_options(options: &Options) -> Result<Self, ApiError> {
        let id = options.get("client_id").ok_or_else(|| {
            ApiError::Config("refresh: the `client_id` option is required".into())
        })?;
        Self::new(
            options.get("token_url").unwrap_or("/token"),
            id,
            options.get("client_secret").unwrap_or_default(),
        )
    }

    /// How many tokens the provider has taken so far.
    #[must_use]
    pub fn fetched(&self) -> usize {
        self.fetched.load(Ordering::Relaxed)
    }

    /// The current token, unless it is missing or about to expire.
    fn current(&self) -> Option<String> {
        let token = self.token.lock().unwrap_or_else(PoisonError::into_inner);
        token
            .as_ref()
            .filter(|(_, expires)| Instant::now() + EARLY < *expires)
            .map(|(token, _)| token.clone())
    }
}

impl AuthProvider for RefreshAuth {
    fn refresh(&self, request: &Request) -> Result<Option<Request>, ApiError> {
        if self.current().is_some() {
            return Ok(None);
        }
        let url = Url::parse(&request.url)?.join(&self.token_url)?;
        let mut refresh = Request::get(url.to_string())
            .header("Authorization", self.client.header_value())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json");
        refresh.method = "POST".to_owned();
        refresh.body = b"grant_type=client_credentials".to_vec();
        Ok(Some(refresh))
    }

    fn refreshed(&self, response: &Response) -> Result<(), ApiError> {
        let refused = |why: String| ApiError::Config(format!("refresh: {} {why}", response.url));
        if !response.is_success() {
            return Err(refused(format!(
                "refused the client: {} {}",
                response.status, response.reason
            )));
        }
        let body = response.text();
        let token = json_string(&body, "access_token")
            .filter(|token| !token.is_empty())
            .ok_or_else(|| refused("answered without an `access_token`".into()))?;
        let seconds = json_number(&body, "expires_in").unwrap_or(60);
        let expires = Instant::now() + Duration::from_secs(seconds);
        *self.token.lock().unwrap_or_else(PoisonError::into_inner) = Some((token, expires));
        self.fetched.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }

    /// Adds the last token taken, even one about to expire: whether to fetch
    /// another is [`refresh`](AuthProvider::refresh)'s decision, made just before.
    fn authenticate(&self, request: &mut Request) -> Result<(), ApiError> {
        let token = self.token.lock().unwrap_or_else(PoisonError::into_inner);
        let token = token.as_ref().map(|(token, _)| token.clone()).ok_or_else(|| {
            ApiError::Config(format!(
                "refresh: no current token from {}; the auth plugin's `authenticate` hook fetches it",
                self.token_url
            ))
        })?;
        request
            .headers
            .set("Authorization", format!("Bearer {token}"));
        Ok(())
    }

    fn describe(&self) -> String {
        let fetched = self.fetched();
        let plural = if fetched == 1 { "" } else { "s" };
        format!(
            "bearer token from POST {} as {}, refreshed when it expires \
             ({fetched} token{plural} fetched)",
            self.token_url, self.client.user
        )
    }
}

/// The string value of `"key"` in a flat JSON object (no escapes in it).
fn json_string(body: &str, key: &str) -> Option<String> {
    let rest = json_value(body, key)?.strip_prefix('"')?;
    Some(rest[..rest.find('"')?].to_owned())
}

/// The whole-number value of `"key"` in a flat JSON object.
fn json_number(body: &str, key: &str) -> Option<u64> {
    let rest = json_value(body, key)?;
    let end = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    rest[..end].parse().ok()
}

fn json_value<'b>(body: &'b str, key: &str) -> Option<&'b str> {
    let at = body.find(&format!("\"{key}\""))? + key.len() + 2;
    Some(body[at..].trim_start().strip_prefix(':')?.trim_start())
}

/// Standard base64 (RFC 4648), with padding.
///
/// ```
/// assert_eq!(apiclient_auth::base64_encode(b"Aladdin:open sesame"), "QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
/// ```
#[must_use]
pub fn base64_encode(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for (i, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> shift) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_test_vectors() {
        // RFC 4648, section 10.
        for (input, expected) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64_encode(input.as_bytes()), expected);
        }
    }

    #[test]
    fn basic_auth_sets_the_rfc_7617_header() {
        let auth = BasicAuth::new("Aladdin", "open sesame").unwrap();
        let mut request = Request::get("http://h/").header("authorization", "stale");
        auth.authenticate(&mut request).unwrap();
        assert_eq!(
            request.headers.get_all("Authorization"),
            ["Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="]
        );
        assert_eq!(auth.describe(), "basic auth as Aladdin");
        assert!(!format!("{auth:?}").contains("sesame"));
        assert!(BasicAuth::new("a:b", "x").is_err());
        assert!(BasicAuth::from_options(&Options::new()).is_err());
    }

    #[test]
    fn bearer_reads_the_variable_it_is_told_through_the_lookup() {
        let auth = BearerAuth::from_env_with("MY_TOKEN", |var| {
            assert_eq!(var, "MY_TOKEN");
            Some(" s3cr3t\n".into())
        })
        .unwrap();
        let mut request = Request::get("http://h/");
        auth.authenticate(&mut request).unwrap();
        assert_eq!(request.headers.get("authorization"), Some("Bearer s3cr3t"));
        assert_eq!(auth.describe(), "bearer token from $MY_TOKEN");
        assert!(!format!("{auth:?}").contains("s3cr3t"));

        let unset = BearerAuth::from_env_with("MY_TOKEN", |_| None).unwrap_err();
        assert_eq!(
            unset.to_string(),
            "configuration: bearer: $MY_TOKEN is not set; set it, or give the `token` option"
        );
        assert!(BearerAuth::from_env_with("MY_TOKEN", |_| Some("  ".into())).is_err());
    }

    #[test]
    fn the_token_option_wins_over_the_environment() {
        let auth = BearerAuth::from_options(&Options::new().with("token", "abc")).unwrap();
        assert_eq!(auth.describe(), "bearer token from the `token` option");
        // A variable nobody sets: an error that names it.
        let err = BearerAuth::from_options(
            &Options::new().with("env", "APICLIENT_TEST_SURELY_UNSET_VARIABLE"),
        )
        .unwrap_err();
        assert!(
            err.to_string()
                .contains("$APICLIENT_TEST_SURELY_UNSET_VARIABLE")
        );
    }

    #[test]
    fn refresh_asks_for_a_token_until_it_has_a_current_one() {
        let auth = RefreshAuth::new("/oauth/token", "app", "s3cr3t").unwrap();
        let target = Request::get("http://h:8/items?page=2");
        let ask = auth.refresh(&target).unwrap().expect("no token yet");
        assert_eq!(
            (ask.method.as_str(), ask.url.as_str()),
            ("POST", "http://h:8/oauth/token")
        );
        assert_eq!(
            ask.headers.get("authorization"),
            Some("Basic YXBwOnMzY3IzdA==")
        );
        assert_eq!(ask.body, b"grant_type=client_credentials");
        let mut request = target.clone();
        assert!(
            auth.authenticate(&mut request).is_err(),
            "no token to add yet"
        );

        let mut answer = Response::new(&ask.url, 200, "OK");
        answer.body =
            br#"{"access_token": "tok-1", "token_type":"Bearer", "expires_in": 60}"#.to_vec();
        auth.refreshed(&answer).unwrap();
        assert_eq!(auth.fetched(), 1);
        assert!(
            auth.refresh(&target).unwrap().is_none(),
            "the token is current"
        );
        auth.authenticate(&mut request).unwrap();
        assert_eq!(request.headers.get("authorization"), Some("Bearer tok-1"));
        assert!(!format!("{auth:?}").contains("tok-1"));
        assert!(!format!("{auth:?}").contains("s3cr3t"));

        // A token about to expire is refreshed before it does.
        answer.body = br#"{"access_token":"tok-2","expires_in":0}"#.to_vec();
        auth.refreshed(&answer).unwrap();
        assert!(auth.refresh(&target).unwrap().is_some());
        auth.authenticate(&mut request).unwrap();
        assert_eq!(request.headers.get("authorization"), Some("Bearer tok-2"));
    }

    #[test]
    fn refresh_refusals_are_errors() {
        let auth = RefreshAuth::from_options(&Options::new().with("client_id", "app")).unwrap();
        let refused = Response::new("http://h/token", 401, "Unauthorized");
        let err = auth.refreshed(&refused).unwrap_err();
        assert!(err.to_string().contains("401 Unauthorized"), "{err}");
        let mut empty = Response::new("http://h/token", 200, "OK");
        empty.body = b"{}".to_vec();
        assert!(auth.refreshed(&empty).is_err());
        assert_eq!(auth.fetched(), 0);
        assert!(RefreshAuth::from_options(&Options::new()).is_err());
    }

    #[test]
    fn the_hook_registers_bearer_basic_then_refresh() {
        let mut registry = AuthRegistry::new("auth provider");
        Auth.register_auth_providers(&mut registry);
        assert_eq!(registry.names(), ["bearer", "basic", "refresh"]);
        let basic = registry
            .create("basic", &Options::new().with("user", "ada"))
            .unwrap();
        let mut request = Request::get("http://h/");
        basic.authenticate(&mut request).unwrap();
        assert_eq!(request.headers.get("authorization"), Some("Basic YWRhOg=="));
    }
}
