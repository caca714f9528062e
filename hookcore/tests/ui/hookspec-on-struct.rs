#[hookcore::hookspec]
pub struct Platforms {
    pub commands: Vec<String>,
}

fn main() {}
