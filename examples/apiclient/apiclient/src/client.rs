//! [`ApiClient`]: an adapter, an auth provider, transforms and a paginator,
//! chosen by name from the registries (the seed's
//! `ApiClient(url=..., adapter="custom_protocol", adapter_options={...})`).

use std::fmt;

use apiclient_hookspecs::{
    Adapter, ApiError, ApiPlugins, AuthProvider, Headers, Options, Paginator, Request, Response,
    Transform, Url,
};
use hookcore::PluginManager;

use crate::Plugins;

/// Chooses what an [`ApiClient`] is made of; [`build`](Self::build) looks the
/// names up.
#[derive(Debug)]
pub struct ClientBuilder<'a> {
    plugins: &'a Plugins<'a>,
    base_url: String,
    adapter: Option<(String, Options)>,
    auth: Option<(String, Options)>,
    transforms: Vec<(String, Options)>,
    paginator: Option<(String, Options)>,
    headers: Headers,
    max_pages: usize,
}

impl<'a> ClientBuilder<'a> {
    pub(crate) fn new(plugins: &'a Plugins<'a>, base_url: &str) -> Self {
        ClientBuilder {
            plugins,
            base_url: base_url.to_owned(),
            adapter: None,
            auth: None,
            transforms: Vec::new(),
            paginator: None,
            headers: Headers::new(),
            max_pages: 20,
        }
    }

    /// The adapter, by name; by default the one named after the URL's scheme.
    #[must_use]
    pub fn adapter(mut self, name: &str, options: Options) -> Self {
        self.adapter = Some((name.to_owned(), options));
        self
    }

    /// The auth provider, by name; none by default.
    #[must_use]
    pub fn auth(mut self, name: &str, options: Options) -> Self {
        self.auth = Some((name.to_owned(), options));
        self
    }

    /// Adds a transform, by name; transforms run in the order added.
    #[must_use]
    pub fn transform(mut self, name: &str, options: Options) -> Self {
        self.transforms.push((name.to_owned(), options));
        self
    }

    /// The paginator [`ApiClient::get_all`] follows, by name.
    #[must_use]
    pub fn paginator(mut self, name: &str, options: Options) -> Self {
        self.paginator = Some((name.to_owned(), options));
        self
    }

    /// A header field sent with every request.
    #[must_use]
    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.headers.append(name, value);
        self
    }

    /// The most pages [`ApiClient::get_all`] fetches (default 20).
    #[must_use]
    pub fn max_pages(mut self, pages: usize) -> Self {
        self.max_pages = pages.max(1);
        self
    }

    /// Builds each part from its registry.
    ///
    /// # Errors
    ///
    /// A base URL that does not parse, [`ApiError::Unknown`] for a name no plugin
    /// registered, or a factory's error.
    pub fn build(self) -> Result<ApiClient<'a>, ApiError> {
        let plugins = self.plugins;
        let base = Url::parse(&self.base_url)?;
        let (adapter_name, adapter_options) = self
            .adapter
            .unwrap_or_else(|| (base.scheme().to_owned(), Options::new()));
        let adapter = plugins.adapters().create(&adapter_name, &adapter_options)?;
        let auth = self
            .auth
            .map(|(name, options)| {
                let provider = plugins.auth_providers().create(&name, &options)?;
                Ok::<_, ApiError>((name, provider))
            })
            .transpose()?;
        let transforms = self
            .transforms
            .into_iter()
            .map(|(name, options)| {
                let transform = plugins.transforms().create(&name, &options)?;
                Ok((name, transform))
            })
            .collect::<Result<_, ApiError>>()?;
        let paginator = self
            .paginator
            .map(|(name, options)| {
                let paginator = plugins.paginators().create(&name, &options)?;
                Ok::<_, ApiError>((name, paginator))
            })
            .transpose()?;
        Ok(ApiClient {
            manager: plugins.manager(),
            base,
            adapter: (adapter_name, adapter),
            auth,
            transforms,
            paginator,
            headers: self.headers,
            max_pages: self.max_pages,
        })
    }
}

/// Sends requests through its adapter, async: credentials added by the
/// plugins' `authenticate` hook (which may refresh a token first), every request
/// shown to the plugins' `on_request` and every response to their
/// `on_response`, then transformed. Each step is awaited in turn; the futures
/// are `Send`, so a client can be used from spawned tokio tasks.
pub struct ApiClient<'a> {
    manager: &'a PluginManager<dyn ApiPlugins>,
    base: Url,
    adapter: (String, Box<dyn Adapter>),
    auth: Option<(String, Box<dyn AuthProvider>)>,
    transforms: Vec<(String, Box<dyn Transform>)>,
    paginator: Option<(String, Box<dyn Paginator>)>,
    headers: Headers,
    max_pages: usize,
}

impl ApiClient<'_> {
    /// What the client is made of, one line.
    #[must_use]
    pub fn describe(&self) -> String {
        let mut parts = vec![format!("{} adapter", self.adapter.0)];
        if let Some((_, auth)) = &self.auth {
            parts.push(auth.describe());
        }
        if !self.transforms.is_empty() {
            let names: Vec<&str> = self.transforms.iter().map(|(n, _)| n.as_str()).collect();
            parts.push(format!("transforms {}", names.join(" > ")));
        }
        if let Some((name, _)) = &self.paginator {
            parts.push(format!("pages by {name}"));
        }
        parts.join(", ")
    }

    /// `path` resolved against the base URL.
    ///
    /// # Errors
    ///
    /// If the result is not a URL.
    pub fn url(&self, path: &str) -> Result<String, ApiError> {
        Ok(self.base.join(path)?.to_string())
    }

    /// A `GET` of `url` with the client's header fields, and credentials if it
    /// goes to the base URL's origin (credentials never go elsewhere): the
    /// plugins' async `authenticate` hook adds them, with the client's auth
    /// provider and adapter, refreshing the provider's token first if it needs
    /// one.
    ///
    /// # Errors
    ///
    /// If the auth provider fails, or its refresh request does.
    pub async fn request(&self, url: &str) -> Result<Request, ApiError> {
        let mut request = Request::get(url);
        for (name, value) in self.headers.iter() {
            request.headers.append(name, value);
        }
        let same_origin = Url::parse(url).is_ok_and(|target| {
            target.scheme() == self.base.scheme() && target.authority() == self.base.authority()
        });
        if let Some((_, auth)) = &self.auth
            && same_origin
        {
            self.manager
                .hook()
                .authenticate(auth.as_ref(), self.adapter.1.as_ref(), &mut request)
                .await?;
        }
        Ok(request)
    }

    /// Fetches `path` (relative to the base URL): one response, whatever its
    /// status, transformed.
    ///
    /// # Errors
    ///
    /// If the request cannot be made or a transform refuses the response.
    pub async fn get(&self, path: &str) -> Result<Response, ApiError> {
        let request = self.request(&self.url(path)?).await?;
        Ok(self.fetch(&request).await?.0)
    }

    /// Fetches `path` and the pages after it, as the paginator finds them, up
    /// to the page limit.
    ///
    /// # Errors
    ///
    /// As [`get`](Self::get); [`ApiError::Status`] for a page that is not 2xx;
    /// [`ApiError::Config`] without a paginator, or if a page links back to one
    /// already fetched.
    pub async fn get_all(&self, path: &str) -> Result<Vec<Response>, ApiError> {
        if self.paginator.is_none() {
            return Err(ApiError::Config(
                "get_all needs a paginator: choose one with `paginator(..)`".into(),
            ));
        }
        let mut pages = Vec::new();
        let mut next = Some(self.url(path)?);
        let mut seen: Vec<String> = Vec::new();
        while let Some(url) = next.take() {
            if pages.len() == self.max_pages {
                break;
            }
            if seen.contains(&url) {
                return Err(ApiError::Config(format!("pagination loops back to {url}")));
            }
            let request = self.request(&url).await?;
            let (response, after) = self.fetch(&request).await?;
            if !response.is_success() {
                return Err(ApiError::Status {
                    url,
                    status: response.status,
                });
            }
            seen.push(url);
            pages.push(response);
            next = after;
        }
        Ok(pages)
    }

    /// Shows `request` to the `on_request` observers, sends it, shows the
    /// answer to the `on_response` observers; returns the transformed response
    /// and the next page's URL, which the paginator finds in the response as it
    /// arrived.
    async fn fetch(&self, request: &Request) -> Result<(Response, Option<String>), ApiError> {
        let hooks = self.manager.hook();
        hooks.on_request(request).await;
        let mut response = self.adapter.1.send(request).await?;
        hooks.on_response(request, &response).await;
        let next = match &self.paginator {
            Some((_, paginator)) if response.is_success() => {
                paginator.next_url(request, &response)?
            }
            _ => None,
        };
        for (_, transform) in &self.transforms {
            transform.apply(&mut response)?;
        }
        Ok((response, next))
    }
}

impl fmt::Debug for ApiClient<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ApiClient")
            .field("base", &self.base.to_string())
            .field("parts", &self.describe())
            .finish_non_exhaustive()
    }
}
