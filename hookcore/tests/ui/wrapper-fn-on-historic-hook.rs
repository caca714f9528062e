#[hookcore::hookspec]
pub trait Config {
    #[hookspec(historic)]
    fn configure(&self, profile: String);
    fn reload(&self);
}

#[hookcore::hookimpl(Config, wrapper)]
fn configure(profile: String, next: ConfigConfigureNext<'_>) {
    println!("configuring {profile}");
    next.call(profile);
}

// Not historic: wraps fine next to the mistake.
#[hookcore::hookimpl(Config, wrapper)]
fn reload(next: ConfigReloadNext<'_>) {
    next.call();
}

fn main() {}
