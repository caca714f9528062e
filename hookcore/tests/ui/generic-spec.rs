#[hookcore::hookspec]
pub trait Storage<T> {
    fn save(&self, key: &str, value: &T);
}

fn main() {}
