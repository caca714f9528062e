#[hookcore::hookspec]
pub trait Config {
    #[hookspec(historic)]
    fn configure(&self, profile: String);
}

struct Logging;

#[hookcore::hookimpl]
impl Config for Logging {
    #[hookimpl(wrapper)]
    fn configure(&self, profile: String, next: ConfigConfigureNext<'_>) {
        println!("configuring {profile}");
        next.call(profile);
    }
}

fn main() {}
