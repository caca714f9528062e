//! The `file` adapter: `file:///path` URLs, read from the local file system.

use std::io::ErrorKind;
use std::path::Path;

use apiclient_hookspecs::{Adapter, ApiError, BoxFuture, Request, Response, Url};
use tokio::fs;

/// Reads `file://` URLs: a file's bytes with `Content-Type` guessed from its
/// extension, a directory's entries one per line. Answers in HTTP's terms: a
/// missing file is `404`, an unreadable one `403`, a method other than `GET` or
/// `HEAD` is `405`. Async: it reads through `tokio::fs`, which runs the file
/// system calls on the runtime's blocking threads.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FileAdapter;

impl FileAdapter {
    /// The `file://` URL of the absolute `path`, each segment percent-encoded.
    ///
    /// ```
    /// use std::path::Path;
    /// use apiclient_core_adapters::FileAdapter;
    ///
    /// assert_eq!(FileAdapter::url_for(Path::new("/tmp/a b.json"))?, "file:///tmp/a%20b.json");
    /// assert!(FileAdapter::url_for(Path::new("relative.json")).is_err());
    /// # Ok::<(), apiclient_hookspecs::ApiError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`ApiError::InvalidUrl`] for a relative or non-UTF-8 path.
    pub fn url_for(path: &Path) -> Result<String, ApiError> {
        let invalid = |reason: &str| ApiError::InvalidUrl {
            url: path.display().to_string(),
            reason: reason.to_owned(),
        };
        let text = path
            .to_str()
            .ok_or_else(|| invalid("the path is not UTF-8"))?;
        let rest = text
            .strip_prefix('/')
            .filter(|_| path.is_absolute())
            .ok_or_else(|| invalid("a file URL needs an absolute path"))?;
        let segments: Vec<String> = rest
            .split('/')
            .map(apiclient_hookspecs::url::percent_encode_component)
            .collect();
        Ok(format!("file:///{}", segments.join("/")))
    }
}

impl Adapter for FileAdapter {
    fn send<'a>(&'a self, request: &'a Request) -> BoxFuture<'a, Result<Response, ApiError>> {
        Box::pin(exchange(request))
    }
}

async fn exchange(request: &Request) -> Result<Response, ApiError> {
    {
        let url = Url::parse(&request.url)?;
        let invalid = |reason: &str| ApiError::InvalidUrl {
            url: request.url.clone(),
            reason: reason.to_owned(),
        };
        if url.scheme() != "file" {
            return Err(invalid("the file adapter reads file:// URLs"));
        }
        if !matches!(url.host(), "" | "localhost") {
            return Err(invalid("a file URL on another host"));
        }
        let path = String::from_utf8(apiclient_hookspecs::url::percent_decode(url.path()))
            .map_err(|_| invalid("the path is not UTF-8"))?;
        let path = Path::new(&path);
        let mut response = match request.method.as_str() {
            "GET" | "HEAD" => read(&request.url, path).await?,
            _ => {
                let mut response = Response::new(&request.url, 405, "Method Not Allowed");
                response.headers.append("Allow", "GET, HEAD");
                response
            }
        };
        response
            .headers
            .append("Content-Length", response.body.len().to_string());
        if request.method == "HEAD" {
            response.body.clear();
        }
        Ok(response)
    }
}

async fn read(url: &str, path: &Path) -> Result<Response, ApiError> {
    let error_response = |status, reason: &str, message: String| {
        let mut response = Response::new(url, status, reason);
        response
            .headers
            .append("Content-Type", "text/plain; charset=utf-8");
        response.body = message.into_bytes();
        response
    };
    if fs::metadata(path).await.is_ok_and(|m| m.is_dir()) {
        let mut entries = fs::read_dir(path)
            .await
            .map_err(|e| ApiError::io(url, &e))?;
        let mut names: Vec<String> = Vec::new();
        while let Ok(Some(entry)) = entries.next_entry().await {
            let name = entry.file_name().to_string_lossy().into_owned();
            let dir = entry.file_type().await.is_ok_and(|t| t.is_dir());
            names.push(if dir { format!("{name}/") } else { name });
        }
        names.sort();
        let mut response = error_response(200, "OK", String::new());
        response.body = names.join("\n").into_bytes();
        return Ok(response);
    }
    match fs::read(path).await {
        Ok(body) => {
            let mut response = Response::new(url, 200, "OK");
            response.headers.append("Content-Type", media_type(path));
            response.body = body;
            Ok(response)
        }
        Err(e) if e.kind() == ErrorKind::NotFound => Ok(error_response(
            404,
            "Not Found",
            format!("{}: {e}", path.display()),
        )),
        Err(e) if e.kind() == ErrorKind::PermissionDenied => Ok(error_response(
            403,
            "Forbidden",
            format!("{}: {e}", path.display()),
        )),
        Err(e) => Err(ApiError::io(url, &e)),
    }
}

/// The media type of a file, by extension.
fn media_type(path: &Path) -> &'static str {
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    match extension.as_deref() {
        Some("json") => "application/json",
        Some("txt" | "log" | "md") => "text/plain; charset=utf-8",
        Some("html" | "htm") => "text/html; charset=utf-8",
        Some("csv") => "text/csv; charset=utf-8",
        Some("xml") => "application/xml",
        _ => "application/octet-stream",
    }
}
