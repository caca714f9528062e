#[hookcore::hookspec]
pub trait Serializers {
    fn serialize<T: std::fmt::Debug>(&self, value: &T) -> Option<String>;
}

fn main() {}
