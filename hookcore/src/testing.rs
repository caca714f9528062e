//! A spec written by hand, for the runtime's unit tests: what `#[hookspec]`
//! generates, reduced to two hooks, so the runtime is tested without the macros.
//!
//! `Two` has the hooks `a` and `b`, each returning a `u8`; `TwoA` and `TwoB`
//! are their one-method traits, `TwoWrapper` what their wrappers are typed by
//! (the tests only count wrappers), and `TwoTable` the typed table.

use std::sync::{Arc, OnceLock};

use crate::calls::{ErasedCalls, HookCalls, Table};
use crate::dispatch::Dispatch;
use crate::info::{HookInfo, ImplMeta, Order, Source};
use crate::manager::{PluginManager, SpecCallers};
use crate::object::{ErasedEntry, Owner};
use crate::registry::Part;
use crate::spec::{HookSpec, Plugin};

pub(crate) trait Two: Send + Sync {
    fn a(&self) -> u8 {
        0
    }
    fn b(&self) -> u8 {
        0
    }
}

pub(crate) trait TwoA: Sync {
    fn call(&self) -> u8;
}

impl<T: Two> TwoA for T {
    fn call(&self) -> u8 {
        self.a()
    }
}

pub(crate) trait TwoB: Sync {
    fn call(&self) -> u8;
}

impl<T: Two> TwoB for T {
    fn call(&self) -> u8 {
        self.b()
    }
}

pub(crate) trait TwoWrapper: Sync {}

impl<T: Two> TwoWrapper for T {}

#[derive(Default, Clone)]
pub(crate) struct TwoTable {
    pub a: HookCalls<dyn TwoA, dyn TwoWrapper>,
    pub b: HookCalls<dyn TwoB, dyn TwoWrapper>,
}

impl Table for TwoTable {
    fn hook_mut(&mut self, index: usize) -> Option<&mut dyn ErasedCalls> {
        match index {
            0 => Some(&mut self.a),
            1 => Some(&mut self.b),
            _ => None,
        }
    }
}

/// The caller: each hook's values, in call order.
pub(crate) struct TwoHooks<'a>(pub Dispatch<'a, dyn Two>);

impl TwoHooks<'_> {
    pub(crate) fn a(&self) -> Vec<u8> {
        crate::call::collect(self.0.table().a.impls(), |plugin| plugin.call())
    }

    pub(crate) fn b(&self) -> Vec<u8> {
        crate::call::collect(self.0.table().b.impls(), |plugin| plugin.call())
    }
}

impl HookSpec for dyn Two {
    const NAME: &'static str = "Two";
    const __IDENTITY: crate::SpecIdentity =
        crate::SpecIdentity::__new("hookcore", "0.0.0", "hookcore::testing", "Two");
    const HOOKS: &'static [HookInfo] = &[
        HookInfo::__new("a", false, false, "fn a(&self) -> u8"),
        HookInfo::__new("b", false, false, "fn b(&self) -> u8"),
    ];
    type Hooks<'a> = TwoHooks<'a>;
    type Tagged<'a> = TwoHooks<'a>;
    type __Deprecations<const HOOK: u64> = crate::__private::NoDeprecations;
    type __Table = TwoTable;
}

impl SpecCallers for dyn Two {
    fn __hooks(dispatch: Dispatch<'_, Self>) -> TwoHooks<'_> {
        TwoHooks(dispatch)
    }

    fn __tagged(dispatch: Dispatch<'_, Self>) -> TwoHooks<'_> {
        TwoHooks(dispatch)
    }

    fn __global() -> &'static OnceLock<PluginManager<Self>> {
        static GLOBAL: OnceLock<PluginManager<dyn Two>> = OnceLock::new();
        &GLOBAL
    }
}

/// The entries of `owner`'s object for the implementations `impls`.
pub(crate) fn entries<T: Two + Send + Sync + 'static>(
    owner: &Owner<T>,
    impls: &[ImplMeta],
) -> Vec<ErasedEntry> {
    impls
        .iter()
        .filter_map(|meta| {
            Some(match (meta.hook, meta.wrapper) {
                ("a", false) => owner.entry(0, false, |t| -> &dyn TwoA { t }),
                ("b", false) => owner.entry(1, false, |t| -> &dyn TwoB { t }),
                ("a", true) => owner.entry(0, true, |t| -> &dyn TwoWrapper { t }),
                ("b", true) => owner.entry(1, true, |t| -> &dyn TwoWrapper { t }),
                _ => return None,
            })
        })
        .collect()
}

/// A registered plugin's part: `object`, implementing `impls`.
pub(crate) fn part<T: Two + Send + Sync + 'static>(
    object: Arc<T>,
    impls: &'static [ImplMeta],
) -> Part {
    Part {
        entries: entries(&Owner::Shared(Arc::clone(&object)), impls).into(),
        impls,
        object: Some(object),
    }
}

/// An implementation of `hook` (a wrapper with `wrapper`) declared at `file`:1.
pub(crate) const fn meta(hook: &'static str, wrapper: bool, file: &'static str) -> ImplMeta {
    ImplMeta {
        hook,
        wrapper,
        order: Order::Normal,
        before: &[],
        after: &[],
        file,
        line: 1,
    }
}

/// A plugin of `Two` whose hook `a` answers its value (and `b` its value + 100).
pub(crate) struct Answer(pub u8);

impl Two for Answer {
    fn a(&self) -> u8 {
        self.0
    }
    fn b(&self) -> u8 {
        self.0 + 100
    }
}

impl Plugin<dyn Two> for Answer {
    const SOURCE: Source = Source::__new("hand", "0.0.0", "hand");
    const IMPLS: &'static [ImplMeta] = &[meta("a", false, "a.rs")];

    fn __entries(owner: &Owner<Self>) -> Vec<ErasedEntry> {
        entries(owner, Self::IMPLS)
    }

    fn __into_any(self: Arc<Self>) -> Option<Arc<dyn std::any::Any + Send + Sync>> {
        Some(self)
    }
}
