//! `specname = "hook"`: an implementation whose function name is not the hook's.

use hookcore::{PluginManager, hookimpl, hookspec};

#[hookspec]
pub trait Adapters {
    #[hookspec(firstresult)]
    fn get_adapter(&self, name: &str) -> Option<String>;
}

mod oracle {
    use super::{Adapters, AdaptersGetAdapterNext};

    // Two functions of one module for one hook: the implementation and a wrapper.
    #[hookcore::hookimpl(Adapters, specname = "get_adapter")]
    pub fn oracle_adapter(name: &str) -> Option<String> {
        (name == "oracle").then(|| "oracle adapter".to_owned())
    }

    #[hookcore::hookimpl(Adapters, wrapper, specname = "get_adapter")]
    fn log_lookups(name: &str, next: AdaptersGetAdapterNext<'_>) -> Option<String> {
        next.call(name).map(|adapter| format!("logged {adapter}"))
    }
}

struct Postgres;

#[hookimpl(runtime)]
impl Adapters for Postgres {
    #[hookimpl(specname = "get_adapter")]
    fn postgres_adapter(&self, name: &str) -> Option<String> {
        (name == "postgres").then(|| "postgres adapter".to_owned())
    }
}

#[test]
fn functions_implement_a_hook_under_their_own_names() {
    let pm = PluginManager::<dyn Adapters>::linked().unwrap();
    pm.register("postgres", Postgres).unwrap();
    assert_eq!(
        pm.hook().get_adapter("oracle").as_deref(),
        Some("logged oracle adapter")
    );
    assert_eq!(
        pm.hook().get_adapter("postgres").as_deref(),
        Some("logged postgres adapter")
    );
    let impls: Vec<(String, bool)> = pm
        .hookimpls("get_adapter")
        .unwrap()
        .into_iter()
        .map(|imp| (imp.plugin, imp.wrapper))
        .collect();
    assert_eq!(
        impls,
        [
            ("specname::oracle".into(), true),
            ("postgres".into(), false),
            ("specname::oracle".into(), false)
        ]
    );
    // Still ordinary functions and methods under their own names.
    assert_eq!(
        oracle::oracle_adapter("oracle").as_deref(),
        Some("oracle adapter")
    );
    assert_eq!(
        Postgres.get_adapter("postgres").as_deref(),
        Some("postgres adapter")
    );
}
