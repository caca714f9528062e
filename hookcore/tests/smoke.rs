use hookcore::{PluginManager, hookimpl, hookspec};

#[hookspec]
pub trait Greet {
    /// Hello.
    fn hello(&self, name: &str) -> String;
    #[hookspec(firstresult)]
    fn nick(&self, name: &str) -> Option<String>;
    fn log(&self, out: &mut Vec<String>);
    fn check(&self, n: u32) -> Result<(), String>;
}

#[hookimpl(Greet)]
fn hello(name: &str) -> String {
    format!("hi {name}")
}

struct Fr;

#[hookimpl]
impl Greet for Fr {
    fn hello(&self, name: &str) -> String {
        format!("salut {name}")
    }
    #[hookimpl(tryfirst)]
    fn nick(&self, name: &str) -> Option<String> {
        Some(format!("{name}y"))
    }
}

#[test]
fn smoke() {
    let pm = PluginManager::<dyn Greet>::linked().unwrap();
    println!("{:?}", pm.plugins());
    println!("{:?}", pm.hookimpls("hello").unwrap());
    assert_eq!(pm.hook().hello("a").len(), 2);
    assert_eq!(pm.hook().nick("a"), Some("ay".into()));
    let mut out = vec![];
    pm.hook().log(&mut out);
    assert_eq!(pm.hook().check(1), Ok(()));
}
