#[hookcore::hookspec]
pub trait Config {
    #[hookspec(historic)]
    fn configure(&self, profile: &str);
}

fn main() {}
