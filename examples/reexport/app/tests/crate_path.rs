//! `crate = path` on both attributes: a crate without a `hookcore` dependency
//! declares, implements and calls hooks through a re-export.

use reexport_app::Routes;
use reexport_framework::hooks::PluginManager;

#[test]
fn hooks_work_through_a_re_export() {
    let pm = PluginManager::<dyn Routes>::linked().unwrap();
    let names: Vec<String> = pm.plugins().into_iter().map(|p| p.name).collect();
    assert_eq!(names, ["api", "reexport_app::health"]);
    assert_eq!(pm.hook().routes(), [vec!["/api/users"], vec!["/health"]]);
    assert_eq!(pm.hook().handler("/health"), Some("ok"));
    assert_eq!(pm.hook().handler("/api/users"), Some("api"));
    assert_eq!(pm.hook().handler("/nope"), None);
}
