//! `cargo run -p quickstart`: prints the plugins found at link time, the dispatch
//! table, and the result of each kind of hook call.

fn main() -> Result<(), Box<dyn std::error::Error>> {
    quickstart::run(&mut std::io::stdout().lock())
}
