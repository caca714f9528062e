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

#[hookspec]
pub trait Waits {
    async fn wait(&self, round: u8) -> String;
}

struct Waiter(&'static str);

#[hookimpl(runtime)]
impl Waits for Waiter {
    async fn wait(&self, round: u8) -> String {
        tokio::task::yield_now().await;
        // Recorded with the span entered at this point of the future.
        tracing::info!(round, "after a yield");
        tokio::task::yield_now().await;
        format!("{} {round}", self.0)
    }
}

/// Tracks the entered spans of this thread, and for each event the innermost
/// span's line (`name field=value ...`).
#[derive(Default)]
struct Entered {
    lines: Mutex<Vec<String>>,
    events: Mutex<Vec<String>>,
}

thread_local! {
    static STACK: std::cell::RefCell<Vec<u64>> = const { std::cell::RefCell::new(Vec::new()) };
}

struct Round<'a>(&'a mut String);

impl Visit for Round<'_> {
    fn record_u64(&mut self, field: &Field, value: u64) {
        self.0.push_str(&format!(" {}={value}", field.name()));
    }
    fn record_debug(&mut self, _: &Field, _: &dyn std::fmt::Debug) {}
}

impl Subscriber for &'static Entered {
    fn enabled(&self, _: &Metadata<'_>) -> bool {
        true
    }
    fn new_span(&self, span: &Attributes<'_>) -> Id {
        let mut line = span.metadata().name().to_owned();
        span.record(&mut Fields(&mut line));
        let mut lines = self.lines.lock().unwrap();
        lines.push(line);
        Id::from_u64(lines.len() as u64)
    }
    fn record(&self, _: &Id, _: &Record<'_>) {}
    fn record_follows_from(&self, _: &Id, _: &Id) {}
    fn event(&self, event: &Event<'_>) {
        let mut round = String::new();
        event.record(&mut Round(&mut round));
        let span = STACK.with_borrow(|stack| stack.last().copied());
        let inside = span.map_or("no span".to_owned(), |id| {
            self.lines.lock().unwrap()[usize::try_from(id).unwrap() - 1].clone()
        });
        self.events
            .lock()
            .unwrap()
            .push(format!("{inside}:{round}"));
    }
    fn enter(&self, span: &Id) {
        STACK.with_borrow_mut(|stack| stack.push(span.into_u64()));
    }
    fn exit(&self, _: &Id) {
        STACK.with_borrow_mut(|stack| {
            stack.pop();
        });
    }
}

#[test]
fn an_async_implementations_span_follows_its_future() {
    let entered: &'static Entered = Box::leak(Box::default());
    let pm = PluginManager::<dyn Waits>::new();
    pm.register("first", Waiter("first")).unwrap();
    pm.register("second", Waiter("second")).unwrap();
    pm.enable_tracing();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    tracing::subscriber::with_default(entered, || {
        runtime.block_on(async {
            // Two calls interleave on one thread: each implementation's event
            // must still be inside its own span, not the last one entered.
            // The caller lives as long as the futures that borrow it.
            let hooks = pm.hook();
            let (one, two) = tokio::join!(hooks.wait(1), hooks.wait(2));
            assert_eq!(one, ["second 1", "first 1"]);
            assert_eq!(two, ["second 2", "first 2"]);
        });
    });
    let mut events = entered.events.lock().unwrap().clone();
    events.sort();
    assert_eq!(
        events,
        [
            // Each call's outcome, in the call's span.
            "hook spec=Waits hook=wait:",
            "hook spec=Waits hook=wait:",
            "hookimpl hook=wait plugin=first: round=1",
            "hookimpl hook=wait plugin=first: round=2",
            "hookimpl hook=wait plugin=second: round=1",
            "hookimpl hook=wait plugin=second: round=2",
        ]
    );
    assert_eq!(
        entered
            .lines
            .lock()
            .unwrap()
            .iter()
            .filter(|line| line.starts_with("hook "))
            .count(),
        2,
        "a span per call"
    );
}
