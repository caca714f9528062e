#[hookcore::hookspec]
pub trait Checks {
    fn check(&self, text: &str) -> Result<(), String>;
}

#[hookcore::hookimpl(Checks)]
fn check(text: &str) {
    let _ = text;
}

fn main() {}
