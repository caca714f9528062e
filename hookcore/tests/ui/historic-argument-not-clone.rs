// A historic hook's arguments are kept and cloned for each plugin registered
// later: an argument type that is not `Clone` is one error, at the type.
pub struct Settings {
    pub region: String,
}

#[hookcore::hookspec]
pub trait Config {
    #[hookspec(historic)]
    fn configure(&self, settings: Settings, profile: String);
}

fn main() {}
