// Hooks whose signature ties lifetimes together take no wrappers: one error each,
// at the lifetimes, for an impl-block method and for a free function.
#[hookcore::hookspec]
pub trait Names {
    fn pick<'a>(&self, items: &'a [String]) -> Option<&'a str>;
    fn label(&self, item: &str) -> &str;
}

pub struct Audit;

#[hookcore::hookimpl(runtime)]
impl Names for Audit {
    #[hookimpl(wrapper)]
    fn pick<'a>(&self, items: &'a [String], next: NamesPickNext<'_>) -> Vec<&'a str> {
        next.call(items)
    }
}

mod free {
    #[hookcore::hookimpl(super::Names, wrapper)]
    fn label(item: &str, next: super::NamesLabelNext<'_>) -> Vec<&str> {
        next.call(item)
    }
}

fn main() {}
