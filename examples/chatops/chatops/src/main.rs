//! `cargo run -p chatops`: starts the bot with the example's settings, shows the
//! plugins it found and its dispatch table, and runs a short scripted session of
//! commands, events (answered by the async `handle_event` hook and posted to the
//! ops channel) and HTTP requests, on a current-thread tokio runtime.

use std::error::Error;
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    match session() {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("chatops: {error}");
            ExitCode::FAILURE
        }
    }
}

fn session() -> Result<(), Box<dyn Error>> {
    let settings = chatops::settings::load(Some(Path::new(chatops::settings::EXAMPLE_CONFIG)))?;
    let runtime = tokio::runtime::Builder::new_current_thread().build()?;
    runtime.block_on(chatops::run(&mut std::io::stdout().lock(), settings))
}
