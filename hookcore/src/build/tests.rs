//! The updated table against the rebuilt one, over random changes.

use super::*;
use crate::info::Source;
use crate::testing::{Two, part};

struct Object;

impl Two for Object {}

fn meta(
    hook: &'static str,
    wrapper: bool,
    order: Order,
    before: &'static [&'static str],
) -> ImplMeta {
    ImplMeta {
        hook,
        wrapper,
        order,
        before,
        after: &[],
        file: "t.rs",
        line: 1,
    }
}

/// The implementation lists plugins are made of: plain, ordered, wrappers,
/// and (the last two) with constraints, which make a hook be rebuilt.
fn impl_sets() -> Vec<&'static [ImplMeta]> {
    let sets = vec![
        vec![meta("a", false, Order::Normal, &[])],
        vec![
            meta("a", false, Order::TryFirst, &[]),
            meta("b", false, Order::Normal, &[]),
        ],
        vec![
            meta("b", false, Order::TryLast, &[]),
            meta("b", true, Order::Normal, &[]),
        ],
        vec![
            meta("a", true, Order::TryFirst, &[]),
            meta("a", false, Order::TryLast, &[]),
        ],
        vec![meta("b", false, Order::Normal, &["p3"])],
        vec![meta("a", false, Order::Normal, &["p1", "p9"])],
    ];
    sets.into_iter()
        .map(|set| &*Box::leak(set.into_boxed_slice()))
        .collect()
}

/// What a table is, for comparing two: per hook, each entry's plugin, record
/// and entry, in order; then per hook its typed calls.
fn describe(snapshot: &Snapshot<dyn Two>) -> Vec<(Vec<String>, bool)> {
    snapshot
        .hooks
        .iter()
        .map(|table| {
            let entries = table
                .group(true)
                .chain(table.group(false))
                .map(|(object, record)| {
                    let address = object.address();
                    format!(
                        "{} {:?} {:?} {:?} {address:?}",
                        record.plugin, record.meta, record.ignored, record.seq
                    )
                })
                .collect();
            (entries, false)
        })
        .chain([typed(&snapshot.calls.a), typed(&snapshot.calls.b)])
        .collect()
}

/// A hook's typed calls, for comparing two: the objects' addresses, how many
/// wrappers, and whether a call is plain.
fn typed<H: ?Sized, W: ?Sized>(calls: &crate::calls::HookCalls<H, W>) -> (Vec<String>, bool) {
    let address = |object: &H| format!("{:?}", std::ptr::from_ref(object).cast::<()>());
    let mut described: Vec<String> = calls.impls().iter().map(|object| address(object)).collect();
    described.push(format!("{} wrappers", calls.wrappers().len()));
    (described, calls.plain().is_some())
}

#[test]
fn an_updated_table_is_the_rebuilt_table_after_every_change() {
    let sets = impl_sets();
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut random = |bound: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        usize::try_from(state % bound as u64).unwrap()
    };
    let source = Source::__new("t", "1.0.0", "t");
    let mut registry = Registry::<dyn Two>::new();
    let mut table = registry.snapshot().unwrap();
    let (mut updated, mut refused) = (0, 0);
    for step in 0..3_000 {
        let mut next = registry.clone();
        let name = format!("p{}", random(10));
        let mut entered = Vec::new();
        match random(6) {
            0 | 1 => {
                let object = part(Arc::new(Object), sets[random(sets.len())]);
                let _ = next.register(name, object, source);
            }
            2 => drop(next.unregister(&name)),
            3 => drop(next.block(&name)),
            4 => {
                next.unblock(&name);
            }
            _ => {
                // Keep a plugin out of the table, or let it in, as historic
                // replays do.
                let seq = next
                    .plugins()
                    .get(random(next.plugins().len().max(1)))
                    .map(|e| e.seq);
                if let Some(seq) = seq {
                    entered = next.set_pending(&(seq..seq + 1), random(2) == 0);
                }
            }
        }
        let mut changed = changed_plugins(&registry, &next);
        changed.extend(entered);
        let rebuilt = next.snapshot();
        let update = next.snapshot_after(&table, &changed);
        match (rebuilt, update) {
            (Ok(rebuilt), Ok(update)) => {
                assert_eq!(describe(&update), describe(&rebuilt), "step {step}");
                registry = next;
                table = update;
                updated += 1;
            }
            (Err(rebuilt), Err(update)) => {
                assert_eq!(update, rebuilt, "step {step}");
                refused += 1;
            }
            (rebuilt, update) => panic!(
                "step {step}: {:?} against {:?}",
                rebuilt.err(),
                update.err()
            ),
        }
    }
    assert!(
        updated > 2_000 && refused > 10,
        "{updated} updated, {refused} refused"
    );
}

#[test]
fn the_changed_plugins_are_the_added_the_removed_and_the_let_in() {
    let source = Source::__new("t", "1.0.0", "t");
    let sets = impl_sets();
    let mut before = Registry::<dyn Two>::new();
    for name in ["x", "y", "z"] {
        before
            .register(name.into(), part(Arc::new(Object), sets[0]), source)
            .unwrap();
    }
    let mut after = before.clone();
    drop(after.unregister("y"));
    after
        .register("w".into(), part(Arc::new(Object), sets[0]), source)
        .unwrap();
    let z = after.get("z").unwrap().seq;
    after.set_pending(&(z..z + 1), true);
    let changed: Vec<String> = changed_plugins(&before, &after)
        .iter()
        .map(|n| n.to_string())
        .collect();
    assert_eq!(changed, ["y", "z", "w"]);
    assert!(changed_plugins(&before, &before.clone()).is_empty());
}
