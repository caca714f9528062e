use std::rc::Rc;

#[hookcore::hookspec]
pub trait Config {
    #[hookspec(historic)]
    fn configure(&self, settings: Rc<Vec<String>>);
}

fn main() {}
