//! pluggy's `testing/test_details.py`, ported: how an implementation shows itself,
//! the package a plugin comes from, and an error passing through a wrapper.

use std::panic::{AssertUnwindSafe, catch_unwind};

use hookcore::{PluginManager, hookimpl, hookspec};

#[hookspec]
pub trait Details {
    fn myhook(&self);
    fn fail_late(&self) -> Result<(), String>;
}

struct Plugin;

const PLUGIN_IMPL_LINE: u32 = line!();
#[hookimpl(runtime)]
impl Details for Plugin {
    fn myhook(&self) {}
}

#[test]
fn repr() {
    let pm = PluginManager::<dyn Details>::new();
    pm.register("plugin", Plugin).unwrap();
    let imps = pm.hookimpls("myhook").unwrap();
    assert_eq!(imps.len(), 1);
    // pluggy's `<HookImpl plugin_name=..., plugin=...>`: the name, package and place.
    assert_eq!(
        imps[0].to_string(),
        format!(
            "plugin (hookcore {}) at hookcore/tests/pluggy_details.rs:{}",
            env!("CARGO_PKG_VERSION"),
            PLUGIN_IMPL_LINE + 3
        )
    );
}

#[test]
fn dist_facade_project_name_and_delegation() {
    // pluggy's DistFacade is a plugin's `Source`: package name, version and module.
    let pm = PluginManager::<dyn Details>::new();
    pm.register("plugin", Plugin).unwrap();
    let source = pm.plugin("plugin").unwrap().source;
    assert_eq!(source.package, env!("CARGO_PKG_NAME"));
    assert_eq!(source.version, env!("CARGO_PKG_VERSION"));
    assert_eq!(source.module, "pluggy_details");
    assert_eq!(
        source.to_string(),
        format!("hookcore {}", env!("CARGO_PKG_VERSION"))
    );
    assert_eq!(pm.hookimpls("myhook").unwrap()[0].source, source);
}

#[test]
fn wrapper_runtimeerror_passtrough() {
    struct Fail {
        panics: bool,
    }

    #[hookimpl(runtime)]
    impl Details for Fail {
        fn fail_late(&self) -> Result<(), String> {
            assert!(!self.panics, "this is personal");
            Err("this is personal".into())
        }
    }

    struct Wrapper;

    #[hookimpl(runtime)]
    impl Details for Wrapper {
        #[hookimpl(wrapper)]
        fn fail_late(&self, next: DetailsFailLateNext<'_>) -> Result<(), String> {
            next.call()
        }
    }

    // An `Err` passes through the wrapper unchanged.
    let pm = PluginManager::<dyn Details>::new();
    pm.register("plugin", Wrapper).unwrap();
    pm.register("fail", Fail { panics: false }).unwrap();
    assert_eq!(pm.hook().fail_late(), Err("this is personal".into()));

    // So does a panic (pluggy's RuntimeError is an exception like any other).
    let pm = PluginManager::<dyn Details>::new();
    pm.register("plugin", Wrapper).unwrap();
    pm.register("fail", Fail { panics: true }).unwrap();
    let payload = catch_unwind(AssertUnwindSafe(|| pm.hook().fail_late())).unwrap_err();
    assert_eq!(payload.downcast_ref::<&str>(), Some(&"this is personal"));
}
