//! The `file` adapter on files and a directory it writes itself in the temp dir.

use std::fs;
use std::path::PathBuf;

use apiclient_core_adapters::FileAdapter;
use apiclient_hookspecs::{Adapter, ApiError, Request};

/// A fresh directory for one test, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(test: &str) -> Self {
        let dir =
            std::env::temp_dir().join(format!("apiclient-file-{test}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    fn url(&self, name: &str) -> String {
        FileAdapter::url_for(&self.0.join(name)).unwrap()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

#[tokio::test]
async fn reads_a_file_with_its_type_and_length() {
    let dir = TempDir::new("read");
    let json = br#"{"user": "ada", "langs": ["rust", "python"]}"#;
    fs::write(dir.0.join("user data.json"), json).unwrap();

    let url = dir.url("user data.json");
    assert!(url.contains("user%20data.json"), "{url}");
    let response = FileAdapter.send(&Request::get(&url)).await.unwrap();
    assert_eq!((response.status, response.reason.as_str()), (200, "OK"));
    assert_eq!(response.body, json);
    assert_eq!(response.media_type().as_deref(), Some("application/json"));
    assert_eq!(
        response.headers.get("content-length"),
        Some(json.len().to_string().as_str())
    );

    let mut head = Request::get(&url);
    head.method = "HEAD".into();
    let head = FileAdapter.send(&head).await.unwrap();
    assert!(head.body.is_empty());
    assert_eq!(
        head.headers.get("content-length"),
        Some(json.len().to_string().as_str())
    );
}

#[tokio::test]
async fn missing_files_directories_and_other_methods() {
    let dir = TempDir::new("errors");
    fs::write(dir.0.join("b.txt"), "b").unwrap();
    fs::create_dir(dir.0.join("a")).unwrap();

    let missing = FileAdapter
        .send(&Request::get(dir.url("nope.txt")))
        .await
        .unwrap();
    assert_eq!(missing.status, 404);
    assert!(missing.text().contains("nope.txt"));

    let listing = FileAdapter.send(&Request::get(dir.url(""))).await.unwrap();
    assert_eq!(listing.status, 200);
    assert_eq!(listing.text(), "a/\nb.txt");

    let mut post = Request::get(dir.url("b.txt"));
    post.method = "POST".into();
    let refused = FileAdapter.send(&post).await.unwrap();
    assert_eq!(refused.status, 405);
    assert_eq!(refused.headers.get("allow"), Some("GET, HEAD"));
}

#[tokio::test]
async fn only_local_file_urls() {
    for url in [
        "http://example.com/x",
        "file://example.com/etc/hosts",
        "nonsense",
    ] {
        let err = FileAdapter.send(&Request::get(url)).await.unwrap_err();
        assert!(matches!(err, ApiError::InvalidUrl { .. }), "{url}: {err}");
    }
}
