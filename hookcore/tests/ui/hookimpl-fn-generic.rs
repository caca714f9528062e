#[hookcore::hookspec]
pub trait Serializers {
    fn serialize(&self, value: &dyn std::fmt::Debug) -> Option<String>;
}

#[hookcore::hookimpl(Serializers)]
fn serialize<T: std::fmt::Debug>(value: &T) -> Option<String> {
    Some(format!("{value:?}"))
}

fn main() {}
