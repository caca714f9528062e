//! `pm.check()`: every start-up problem at once, one variant each, with messages
//! a person can act on.

use hookcore::{Constraint, PluginManager, Problem, Source, hookspec};

#[hookspec]
pub trait Site {
    fn render(&self) -> &'static str;
    fn setup(&self);
}

mod feeds {
    #[hookcore::hookimpl(super::Site, name = "feeds")]
    fn render() -> &'static str {
        "feeds"
    }

    #[hookcore::hookimpl(super::Site, name = "feeds")]
    fn setup() {}
}

mod menu {
    /// One misspelt name (close to `feeds`) and one that is nothing like a plugin.
    #[hookcore::hookimpl(super::Site, name = "menu", before = "nowhere", after = "feed")]
    fn render() -> &'static str {
        "menu"
    }
}

mod footer {
    /// `setup-only` is registered but does not implement `render`.
    #[hookcore::hookimpl(super::Site, name = "footer", after = "setup-only")]
    fn render() -> &'static str {
        "footer"
    }
}

mod setup_only {
    #[hookcore::hookimpl(super::Site, name = "setup-only")]
    fn setup() {}
}

mod audit {
    /// `feeds` has an implementation of `render`, but no wrapper.
    #[hookcore::hookimpl(super::Site, wrapper, name = "audit", after = "feeds")]
    fn render(next: super::SiteRenderNext<'_>) -> Vec<&'static str> {
        next.call()
    }
}

mod legacy {
    #[hookcore::hookimpl(super::Site, name = "legacy")]
    fn setup() {}
}

fn linked() -> PluginManager<dyn Site> {
    PluginManager::linked().unwrap()
}

#[test]
fn a_manager_without_problems_reports_none() {
    assert_eq!(PluginManager::<dyn Site>::new().check(), []);
}

#[test]
fn unknown_names_are_reported_with_the_closest_registered_name() {
    let problems = linked().check();
    let unknown: Vec<&Problem> = problems
        .iter()
        .filter(|problem| matches!(problem, Problem::UnknownPlugin { .. }))
        .collect();
    assert_eq!(
        unknown,
        [
            &Problem::UnknownPlugin {
                plugin: "menu".into(),
                hook: "render",
                constraint: Constraint::Before,
                name: "nowhere",
                suggestion: None,
            },
            &Problem::UnknownPlugin {
                plugin: "menu".into(),
                hook: "render",
                constraint: Constraint::After,
                name: "feed",
                suggestion: Some("feeds".into()),
            },
        ]
    );
    assert_eq!(
        unknown[0].to_string(),
        "plugin `menu` orders hook `render` `before = \"nowhere\"`, but no plugin named `nowhere` \
         is registered, so the constraint is ignored; correct the name, or link or register the \
         plugin `nowhere`"
    );
    assert_eq!(
        unknown[1].to_string(),
        "plugin `menu` orders hook `render` `after = \"feed\"`, but no plugin named `feed` is \
         registered, so the constraint is ignored; did you mean `feeds`?"
    );
}

#[test]
fn a_named_plugin_without_the_hook_in_the_group_is_reported() {
    let problems = linked().check();
    let not_implemented: Vec<&Problem> = problems
        .iter()
        .filter(|problem| matches!(problem, Problem::NotImplemented { .. }))
        .collect();
    assert_eq!(
        not_implemented,
        [
            &Problem::NotImplemented {
                plugin: "audit".into(),
                hook: "render",
                constraint: Constraint::After,
                name: "feeds",
                wrapper: true,
            },
            &Problem::NotImplemented {
                plugin: "footer".into(),
                hook: "render",
                constraint: Constraint::After,
                name: "setup-only",
                wrapper: false,
            },
        ]
    );
    assert_eq!(
        not_implemented[0].to_string(),
        "plugin `audit` orders hook `render` `after = \"feeds\"`, but plugin `feeds` has no \
         wrapper of `render` (wrappers are ordered among wrappers, implementations among \
         implementations), so the constraint is ignored; remove it or name another plugin"
    );
    assert_eq!(
        not_implemented[1].to_string(),
        "plugin `footer` orders hook `render` `after = \"setup-only\"`, but plugin `setup-only` \
         has no implementation of `render` (wrappers are ordered among wrappers, implementations \
         among implementations), so the constraint is ignored; remove it or name another plugin"
    );
}

#[test]
fn blocked_linked_plugins_and_unknown_blocked_names_are_reported() {
    let pm = linked();
    pm.set_blocked("legacy");
    pm.set_blocked("zzz-runtime");
    pm.set_blocked("legasy");
    let blocked: Vec<Problem> = pm
        .check()
        .into_iter()
        .filter(|problem| {
            matches!(
                problem,
                Problem::Blocked { .. } | Problem::UnknownBlocked { .. }
            )
        })
        .collect();
    let Problem::Blocked { source, .. } = &blocked[0] else {
        panic!("{blocked:?}");
    };
    assert_eq!(
        (source.package, source.module),
        ("hookcore", "check::legacy")
    );
    let source: Source = *source;
    assert_eq!(
        blocked,
        [
            Problem::Blocked {
                plugin: "legacy".into(),
                source,
                hooks: vec!["setup"],
            },
            Problem::UnknownBlocked {
                name: "legasy".into(),
                suggestion: Some("legacy".into()),
            },
            Problem::UnknownBlocked {
                name: "zzz-runtime".into(),
                suggestion: None,
            },
        ]
    );
    let version = env!("CARGO_PKG_VERSION");
    assert_eq!(
        blocked[0].to_string(),
        format!(
            "the linked plugin `legacy` (hookcore {version}) is blocked, so its hooks (setup) are \
             not called; call `unblock(\"legacy\")` then `load_linked()` to use it, or drop its \
             crate from the binary"
        )
    );
    assert_eq!(
        blocked[1].to_string(),
        "the blocked name `legasy` matches no linked plugin; did you mean `legacy`?"
    );
    assert_eq!(
        blocked[2].to_string(),
        "the blocked name `zzz-runtime` matches no linked plugin; correct it, or ignore this if \
         it is meant for a plugin registered at run time"
    );

    // Unblocked and loaded again: nothing left to say about it.
    assert!(pm.unblock("legacy"));
    assert_eq!(pm.load_linked().unwrap(), 1);
    assert!(
        !pm.check()
            .iter()
            .any(|problem| matches!(problem, Problem::Blocked { .. }))
    );
}

#[test]
fn every_problem_comes_at_once_in_a_stable_order() {
    let pm = linked();
    pm.set_blocked("legacy");
    let kinds: Vec<(&str, String)> = pm
        .check()
        .iter()
        .map(|problem| match problem {
            Problem::UnknownPlugin { plugin, name, .. } => ("unknown", format!("{plugin}->{name}")),
            Problem::NotImplemented { plugin, name, .. } => {
                ("not implemented", format!("{plugin}->{name}"))
            }
            Problem::Blocked { plugin, .. } => ("blocked", plugin.clone()),
            Problem::UnknownBlocked { name, .. } => ("unknown blocked", name.clone()),
            other => panic!("unexpected {other:?}"),
        })
        .collect();
    assert_eq!(
        kinds,
        [
            ("not implemented", "audit->feeds".to_owned()),
            ("not implemented", "footer->setup-only".to_owned()),
            ("unknown", "menu->nowhere".to_owned()),
            ("unknown", "menu->feed".to_owned()),
            ("blocked", "legacy".to_owned()),
        ]
    );
}

#[test]
fn check_required_adds_the_missing_required_names_after_checks_problems() {
    let pm = PluginManager::<dyn Site>::linked().unwrap();
    let checked = pm.check();
    // A plugin name, a package name of this test crate and a crate name are
    // present; the others are not, in the order asked.
    let problems = pm.check_required(["feeds", "hookcore", "plugin-maps", "weather::radar"]);
    assert_eq!(problems[..checked.len()], checked[..]);
    let missing: Vec<String> = problems[checked.len()..]
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        missing,
        [
            "the required plugin `plugin-maps` is missing: `plugin-maps` is a package: add \
             `use plugin_maps as _;` to the binary's crate root",
            "the required plugin `weather::radar` is missing: `weather::radar` is a plugin \
             named after its module: add `use weather as _;` to the binary's crate root",
        ]
    );
    assert!(matches!(&problems[checked.len()], Problem::Missing { name } if name == "plugin-maps"));
    assert_eq!(pm.check_required(["feeds", "menu"]), checked);
}
