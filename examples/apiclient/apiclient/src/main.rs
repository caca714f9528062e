//! `cargo run -p apiclient`: enables the plugins, starts a small HTTP server on
//! 127.0.0.1, fetches from it with auth, pagination and transforms, reads a file
//! and a `data:` URL, prints what happened, and exits. The client is async: the
//! session runs on tokio's multi-thread runtime.

use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    let settings = apiclient::Settings::from_env();
    match apiclient::run(&mut std::io::stdout().lock(), &settings).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("apiclient: {error}");
            ExitCode::FAILURE
        }
    }
}
