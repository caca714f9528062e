// `impl Trait` anywhere in a hook's signature, however deep, is one error each,
// and nothing else: the rest of the spec still expands.
#[hookcore::hookspec]
pub trait Formats {
    fn parsers(&self) -> Vec<Box<impl Fn(&str) -> u32>>;
    fn show_all(&self, items: (&[impl std::fmt::Display], u8));
    fn name(&self) -> &'static str;
}

fn main() {
    let pm = hookcore::PluginManager::<dyn Formats>::new();
    let _: Vec<&'static str> = pm.hook().name();
}
