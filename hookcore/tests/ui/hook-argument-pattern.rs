#[hookcore::hookspec]
pub trait Geometry {
    fn on_resize(&self, (width, height): (u32, u32));
}

fn main() {}
