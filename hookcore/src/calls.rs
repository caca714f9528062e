//! One hook's part of the dispatch table: [`HookTable`] (its entries of any
//! type, in call order, with what introspection reports about each), the typed
//! [`HookCalls`] calls read, and the [`Table`] trait of the table `#[hookspec]`
//! generates, which holds a `HookCalls` per hook.

use std::sync::Arc;

use crate::info::{ImplMeta, Origin, Source};
use crate::object::{Calls, ErasedEntry, Object};

/// A recorded historic call: runs the hook, with the call's arguments, on one
/// implementation's entry and hands the result to the caller's callback.
#[doc(hidden)]
/// Not public API; built by generated code.
pub type Replay = Arc<dyn Fn(&ErasedEntry) + Send + Sync>;

/// What introspection reports about one entry of a hook's table.
#[derive(Debug, Clone)]
pub(crate) struct ImplRecord {
    pub plugin: Arc<str>,
    pub meta: ImplMeta,
    pub origin: Origin,
    pub source: Source,
    /// The plugin's registration sequence number, for the call order.
    pub seq: u64,
    /// `before`/`after` names that matched no other entry of the hook.
    pub ignored: Box<[&'static str]>,
}

/// One hook's wrappers (outermost first) and implementations (in call order),
/// as entries of any type; `records` describes the wrappers, then the
/// implementations. The hook's typed calls are made from it.
#[doc(hidden)]
/// Not public API; named by [`ErasedCalls`].
#[derive(Clone)]
pub struct HookTable {
    // Shared lists: a table copied into the next snapshot (a hook a change does
    // not touch) costs a pointer each, not a count per entry; the typed calls
    // keep the same lists.
    pub(crate) wrappers: Arc<[ErasedEntry]>,
    pub(crate) impls: Arc<[ErasedEntry]>,
    /// The plugin of each of `impls`.
    pub(crate) impl_plugins: Arc<[Arc<str>]>,
    /// The plugin of each of `wrappers`.
    pub(crate) wrapper_plugins: Arc<[Arc<str>]>,
    pub(crate) records: Arc<[Arc<ImplRecord>]>,
}

impl HookTable {
    /// A hook's table from its wrappers and implementations, each with what
    /// introspection reports about it, in call order.
    pub(crate) fn new(
        wrappers: impl IntoIterator<Item = (ErasedEntry, Arc<ImplRecord>)>,
        impls: impl IntoIterator<Item = (ErasedEntry, Arc<ImplRecord>)>,
    ) -> Self {
        let (wrappers, wrapper_records): (Vec<_>, Vec<_>) = wrappers.into_iter().unzip();
        let (impls, impl_records): (Vec<_>, Vec<_>) = impls.into_iter().unzip();
        let plugins = |records: &[Arc<ImplRecord>]| -> Arc<[Arc<str>]> {
            records
                .iter()
                .map(|record| Arc::clone(&record.plugin))
                .collect()
        };
        HookTable {
            wrapper_plugins: plugins(&wrapper_records),
            impl_plugins: plugins(&impl_records),
            wrappers: wrappers.into(),
            impls: impls.into(),
            records: wrapper_records.into_iter().chain(impl_records).collect(),
        }
    }

    /// The wrappers, then the implementations, each with its record.
    pub(crate) fn entries(&self) -> impl Iterator<Item = (&ErasedEntry, &Arc<ImplRecord>)> {
        self.wrappers
            .iter()
            .chain(self.impls.iter())
            .zip(self.records.iter())
    }

    /// The wrappers (`true`) or the implementations, each with its record.
    pub(crate) fn group(
        &self,
        wrappers: bool,
    ) -> impl Iterator<Item = (&ErasedEntry, &Arc<ImplRecord>)> {
        let (entries, records) = if wrappers {
            (&self.wrappers, &self.records[..self.wrappers.len()])
        } else {
            (&self.impls, &self.records[self.wrappers.len()..])
        };
        entries.iter().zip(records)
    }
}

/// One hook's part of the typed table: its implementations typed `H` (the
/// hook's trait), its wrappers typed `W` (the hook's wrapper trait), and
/// whether a call is nothing but the strategy over the implementations.
#[doc(hidden)]
/// Not public API; a field of the table `#[hookspec]` generates, read by the
/// generated caller.
pub struct HookCalls<H: ?Sized + 'static, W: ?Sized + 'static> {
    impls: Calls<H>,
    /// No wrapper and no monitor. Set by the snapshot (`table.rs`), the one place that knows both.
    plain: bool,
    wrappers: Calls<W>,
}

impl<H: ?Sized, W: ?Sized> HookCalls<H, W> {
    /// The implementations when a call is nothing but the strategy over them:
    /// no wrapper and no monitor. One check, so that the caller method stays
    /// small enough to inline into the user's code.
    #[inline(always)]
    pub fn plain(&self) -> Option<&[Object<H>]> {
        if self.plain {
            Some(self.impls.objects())
        } else {
            None
        }
    }

    /// The implementations, in call order.
    #[inline]
    pub fn impls(&self) -> &[Object<H>] {
        self.impls.objects()
    }

    /// The wrappers, outermost first.
    #[inline]
    pub fn wrappers(&self) -> &[Object<W>] {
        self.wrappers.objects()
    }
}

impl<H: ?Sized, W: ?Sized> Default for HookCalls<H, W> {
    fn default() -> Self {
        HookCalls {
            impls: Calls::default(),
            plain: true,
            wrappers: Calls::default(),
        }
    }
}

impl<H: ?Sized, W: ?Sized> Clone for HookCalls<H, W> {
    fn clone(&self) -> Self {
        HookCalls {
            impls: self.impls.clone(),
            plain: self.plain,
            wrappers: self.wrappers.clone(),
        }
    }
}

/// A [`HookCalls`] of any type, as the runtime builds it: the generated table
/// hands out each hook's as this.
#[doc(hidden)]
/// Not public API.
pub trait ErasedCalls {
    /// Makes this hook's calls those of `table`.
    fn set(&mut self, table: &HookTable);
    /// Whether monitors see the calls: a call is then never plain.
    fn set_monitored(&mut self, monitored: bool);
}

impl<H: ?Sized + 'static, W: ?Sized + 'static> ErasedCalls for HookCalls<H, W> {
    fn set(&mut self, table: &HookTable) {
        self.impls = Calls::new(&table.impls);
        self.wrappers = Calls::new(&table.wrappers);
    }

    fn set_monitored(&mut self, monitored: bool) {
        self.plain = !monitored && self.wrappers.is_empty();
    }
}

/// The typed table `#[hookspec]` generates: a [`HookCalls`] field per hook.
#[doc(hidden)]
/// Not public API; implemented by generated code.
pub trait Table: Default + Clone + Send + Sync + 'static {
    /// The calls of hook number `index` (its position in `HOOKS`).
    fn hook_mut(&mut self, index: usize) -> Option<&mut dyn ErasedCalls>;
}
