//! The `tracing` feature: a span per hook call and per implementation, with the
//! plugin's name. Run with `--all-features` (the README's test command).
#![cfg(feature = "tracing")]

use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use hookcore::{PluginManager, hookimpl, hookspec};
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Metadata, Subscriber};

#[hookspec]
pub trait Steps {
    fn step(&self) -> u8;
}

struct Step(u8);

#[hookimpl(runtime)]
impl Steps for Step {
    fn step(&self) -> u8 {
        self.0
    }
}

/// Records each new span as `name field=value ...`.
#[derive(Default)]
struct Spans {
    seen: Mutex<Vec<String>>,
    next: AtomicU64,
}

struct Fields<'a>(&'a mut String);

impl Visit for Fields<'_> {
    fn record_str(&mut self, field: &Field, value: &str) {
        self.0.push_str(&format!(" {}={value}", field.name()));
    }
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        self.0.push_str(&format!(" {}={value:?}", field.name()));
    }
}

impl Subscriber for &'static Spans {
    fn enabled(&self, _: &Metadata<'_>) -> bool {
        true
    }
    fn new_span(&self, span: &Attributes<'_>) -> Id {
        let mut line = span.metadata().name().to_owned();
        span.record(&mut Fields(&mut line));
        self.seen.lock().unwrap().push(line);
        Id::from_u64(self.next.fetch_add(1, Ordering::Relaxed) + 1)
    }
    fn record(&self, _: &Id, _: &Record<'_>) {}
    fn record_follows_from(&self, _: &Id, _: &Id) {}
    fn event(&self, _: &Event<'_>) {}
    fn enter(&self, _: &Id) {}
    fn exit(&self, _: &Id) {}
}

#[test]
fn a_span_per_call_and_per_implementation() {
    let spans: &'static Spans = Box::leak(Box::default());
    let pm = PluginManager::<dyn Steps>::new();
    pm.register("one", Step(1)).unwrap();
    pm.register("two", Step(2)).unwrap();
    let id = pm.enable_tracing();
    tracing::subscriber::with_default(spans, || {
        assert_eq!(pm.hook().step(), [2, 1]);
    });
    assert_eq!(
        *spans.seen.lock().unwrap(),
        [
            "hook spec=Steps hook=step",
            "hookimpl hook=step plugin=two",
            "hookimpl hook=step plugin=one"
        ]
    );
    assert!(pm.remove_monitor(id));
}
