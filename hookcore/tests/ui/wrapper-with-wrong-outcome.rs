#[hookcore::hookspec]
pub trait Platforms {
    fn describe(&self) -> String;
}

struct Logging;

#[hookcore::hookimpl]
impl Platforms for Logging {
    // A wrapper sees the outcome of the whole call: `Vec<String>`, not `String`.
    #[hookimpl(wrapper)]
    fn describe(&self, next: PlatformsDescribeNext<'_>) -> String {
        next.call().join(", ")
    }
}

fn main() {}
