//! apiclient's auth providers: `bearer`, a token from an environment variable
//! (or given directly), and `basic`, RFC 7617 user and password.
//!
//! The plugin is a type, [`Auth`], named `auth`: an `impl ApiPlugins` block
//! that implements one hook.

#![warn(missing_docs)]

use apiclient_hookspecs::{ApiError, ApiPlugins, AuthProvider, AuthRegistry, Options, Request};
use hookcore::hookimpl;

/// The variable `bearer` reads its token from unless told another.
pub const TOKEN_VAR: &str = "APICLIENT_TOKEN";

/// The plugin.
#[derive(Debug, Clone, Copy, Default)]
pub struct Auth;

#[hookimpl(name = "auth")]
impl ApiPlugins for Auth {
    /// Registers `bearer` then `basic`.
    ///
    /// `bearer` options: `token` (used as it is), else `env`, the variable to read
    /// it from (default [`TOKEN_VAR`]). `basic` options: `user` (required) and
    /// `password`.
    fn register_auth_providers(&self, registry: &mut AuthRegistry) {
        registry.register("bearer", |options| {
            Ok(Box::new(BearerAuth::from_options(options)?))
        });
        registry.register("basic", |options| {
            Ok(Box::new(BasicAuth::from_options(options)?))
        });
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
    fn the_hook_registers_bearer_then_basic() {
        let mut registry = AuthRegistry::new("auth provider");
        Auth.register_auth_providers(&mut registry);
        assert_eq!(registry.names(), ["bearer", "basic"]);
        let basic = registry
            .create("basic", &Options::new().with("user", "ada"))
            .unwrap();
        let mut request = Request::get("http://h/");
        basic.authenticate(&mut request).unwrap();
        assert_eq!(request.headers.get("authorization"), Some("Basic YWRhOg=="));
    }
}
