//! What `benches/scale.rs` measures: hookcore with 10,000 linked implementations.
//!
//! `build.rs` generates two specs of [`HOOKS`] hooks (50) and [`PLUGIN_MODULES`]
//! plugin modules, each implementing [`HOOKS_PER_MODULE`] (10) hooks of [`Crowded`]
//! as `#[hookimpl(Crowded)]` free functions, the way an application with many
//! plugin modules or crates would have them:
//!
//! | spec | `probe` | the other hooks |
//! |---|---|---|
//! | [`Crowded`] | 1 implementation | [`OTHER_IMPLS`] linked implementations, about 204 per hook |
//! | [`Sparse`] | 1 implementation | none |
//!
//! The benchmarks build managers from these (`linked()`, and run-time
//! registrations of [`Registered`]) and call `probe` with the other hooks full or
//! empty ([`crowded_with`] blocks all but some of the generated modules).
//!
//! **Sizes.** An optimised build (`cargo bench`, `--release`) has 1,000 modules,
//! [`OTHER_IMPLS`] = 10,000. A dev or test build (`cargo clippy`, `cargo test`,
//! `cargo doc`, as in CI) has 20 modules, 200 implementations: 10,000 would take
//! minutes to check and gigabytes to build in debug. `HOOKCORE_SCALE_MODULES` and
//! `HOOKCORE_SCALE_HOOKS` at build time override the numbers (see `build.rs`).
//!
//! Run: `cargo bench -p hookcore-scale` (see `benches/scale.rs` for how long);
//! `cargo test -p hookcore-scale` checks the generated plugins at 200
//! implementations, `cargo test --release -p hookcore-scale` at the benchmarked
//! 10,000 (an optimised build: about 5 minutes and 5 GB to compile).

use std::hint::black_box;

use hookcore::{Error, PluginManager};

include!(concat!(env!("OUT_DIR"), "/scale_plugins.rs"));

/// The body of both `probe` implementations.
#[inline]
#[must_use]
pub fn probe_work(x: u64) -> Option<u64> {
    Some(black_box(x).wrapping_mul(3))
}

/// The plugin name of generated module `module` (0 .. [`PLUGIN_MODULES`]): its
/// module path, the default name of a free-function plugin.
#[must_use]
pub fn plugin_name(module: usize) -> String {
    format!("{}::plugins::plugin_{module:04}", module_path!())
}

/// A manager of [`Crowded`] holding `probe` and the first `modules` generated
/// plugin modules (`modules * HOOKS_PER_MODULE` other implementations); the others
/// are blocked before the linked plugins are loaded.
///
/// # Errors
///
/// As [`PluginManager::load_linked`].
pub fn crowded_with(modules: usize) -> Result<PluginManager<dyn Crowded>, Error> {
    let pm = PluginManager::<dyn Crowded>::new();
    for module in modules..PLUGIN_MODULES {
        pm.set_blocked(&plugin_name(module));
    }
    pm.load_linked()?;
    Ok(pm)
}

/// A manager of [`Crowded`] with `plugins` run-time plugins [`Registered`]
/// (`plugins * REGISTERED_HOOKS` implementations), registered one by one as
/// `r0`, `r1`, ...
///
/// # Errors
///
/// As [`PluginManager::register`]; none for these names.
pub fn registered(plugins: usize) -> Result<PluginManager<dyn Crowded>, Error> {
    let pm = PluginManager::<dyn Crowded>::new();
    for n in 0..plugins {
        pm.register(format!("r{n}"), Registered(n as u64))?;
    }
    Ok(pm)
}

/// The same manager as [`registered`], made with one
/// [`PluginManager::register_all`] call.
///
/// # Errors
///
/// As [`PluginManager::register_all`]; none for these names.
pub fn registered_all(plugins: usize) -> Result<PluginManager<dyn Crowded>, Error> {
    let pm = PluginManager::<dyn Crowded>::new();
    pm.register_all(
        (0..plugins).map(|n| hookcore::Registration::new(format!("r{n}"), Registered(n as u64))),
    )?;
    Ok(pm)
}

/// How many implementations (wrappers included) the manager's table holds, over
/// every hook of [`Crowded`].
///
/// # Errors
///
/// None: every name asked for is a hook of the spec.
pub fn implementations(pm: &PluginManager<dyn Crowded>) -> Result<usize, Error> {
    let mut total = 0;
    for hook in <dyn Crowded as hookcore::HookSpec>::HOOKS {
        total += pm.hookimpls(hook.name)?.len();
    }
    Ok(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_linked_implementation_is_found() {
        let pm = PluginManager::<dyn Crowded>::linked().unwrap();
        assert_eq!(implementations(&pm).unwrap(), OTHER_IMPLS + 1);
        assert_eq!(pm.plugins().len(), PLUGIN_MODULES + 1);
        assert_eq!(pm.hook().probe(5), Some(15));
        if PLUGIN_MODULES > 0 {
            let first = pm.plugin(&plugin_name(0)).expect("module 0 by its name");
            assert_eq!(first.hooks.len(), HOOKS_PER_MODULE);
        }
    }

    #[test]
    fn the_sparse_spec_has_probe_only() {
        let pm = PluginManager::<dyn Sparse>::linked().unwrap();
        assert_eq!(pm.plugins().len(), 1);
        assert_eq!(pm.hookimpls("probe").unwrap().len(), 1);
        assert_eq!(pm.hook().probe(5), Some(15));
    }

    #[test]
    fn blocked_modules_leave_the_rest() {
        let kept = PLUGIN_MODULES.min(3);
        let pm = crowded_with(kept).unwrap();
        assert_eq!(implementations(&pm).unwrap(), kept * HOOKS_PER_MODULE + 1);
        assert_eq!(pm.hook().probe(7), Some(21));
    }

    #[test]
    fn registered_plugins_implement_their_hooks() {
        let pm = registered(4).unwrap();
        assert_eq!(implementations(&pm).unwrap(), 4 * REGISTERED_HOOKS);
        // `hook_02` collects: the most recent registration first.
        assert_eq!(pm.hook().hook_02(10), [13, 12, 11, 10]);
        assert_eq!(pm.hook().hook_03(2), Some(2));
    }

    #[test]
    fn registering_all_at_once_gives_the_same_manager() {
        let (one_by_one, at_once) = (registered(4).unwrap(), registered_all(4).unwrap());
        for hook in <dyn Crowded as hookcore::HookSpec>::HOOKS {
            let plugins = |pm: &PluginManager<dyn Crowded>| -> Vec<String> {
                let impls = pm.hookimpls(hook.name).unwrap();
                impls.into_iter().map(|imp| imp.plugin).collect()
            };
            assert_eq!(plugins(&at_once), plugins(&one_by_one), "{}", hook.name);
        }
        assert_eq!(at_once.hook().hook_02(10), [13, 12, 11, 10]);
    }
}
