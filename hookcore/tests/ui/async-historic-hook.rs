#[hookcore::hookspec]
pub trait Startup {
    #[hookspec(historic)]
    async fn configured(&self, profile: String);
}

fn main() {}
