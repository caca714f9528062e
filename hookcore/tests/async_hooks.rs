//! Async hooks: `async fn` in a spec, implemented by async free functions and
//! async methods, linked and registered at run time, called with `.await` on
//! tokio's multi-thread runtime; every call kind, in call order, one
//! implementation at a time; sync and async hooks in one spec.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use hookcore::{PluginManager, hookimpl, hookspec};

#[hookspec]
pub trait Fetch {
    /// Every implementation's page for `url`, in call order.
    async fn pages(&self, url: &str) -> String;

    /// The first implementation that has `url` cached answers.
    #[hookspec(firstresult)]
    async fn cached(&self, url: &str) -> Option<String>;

    /// Every `Some`.
    async fn headers(&self, url: &str) -> Option<String>;

    /// The first refusal ends the check.
    async fn allow(&self, url: &str) -> Result<(), String>;

    /// Every `Ok` value, or the first `Err`.
    async fn sizes(&self, url: &str) -> Result<usize, String>;

    /// Each implementation appends to `log`, seeing what the earlier ones wrote.
    async fn log(&self, log: &mut Vec<String>);

    /// A sync hook in the same spec.
    fn name(&self) -> String;
}

#[hookimpl(Fetch)]
async fn pages(url: &str) -> String {
    // Yields to the runtime: the call must survive moving between threads.
    tokio::time::sleep(Duration::from_millis(1)).await;
    format!("linked page of {url}")
}

#[hookimpl(Fetch)]
async fn cached(url: &str) -> Option<String> {
    tokio::task::yield_now().await;
    (url == "/linked").then(|| "linked cache".to_owned())
}

#[hookimpl(Fetch)]
async fn log(log: &mut Vec<String>) {
    tokio::task::yield_now().await;
    log.push(format!("linked after {}", log.len()));
}

#[hookimpl(Fetch)]
fn name() -> String {
    "linked".into()
}

/// A run-time plugin: counts its calls, refuses `/private` and empty paths.
struct Gate {
    calls: AtomicUsize,
    tag: &'static str,
}

#[hookimpl(runtime)]
impl Fetch for Gate {
    async fn pages(&self, url: &str) -> String {
        self.calls.fetch_add(1, Ordering::SeqCst);
        tokio::task::yield_now().await;
        format!("{} page of {url}", self.tag)
    }

    async fn cached(&self, url: &str) -> Option<String> {
        self.calls.fetch_add(1, Ordering::SeqCst);
        (url == "/gate").then(|| format!("{} cache", self.tag))
    }

    async fn headers(&self, url: &str) -> Option<String> {
        (url != "/bare").then(|| format!("{}: {url}", self.tag))
    }

    async fn allow(&self, url: &str) -> Result<(), String> {
        self.calls.fetch_add(1, Ordering::SeqCst);
        if url == "/private" {
            Err(format!("{} refuses {url}", self.tag))
        } else {
            Ok(())
        }
    }

    async fn sizes(&self, url: &str) -> Result<usize, String> {
        self.calls.fetch_add(1, Ordering::SeqCst);
        if url.is_empty() {
            Err(format!("{}: empty", self.tag))
        } else {
            Ok(url.len() + self.tag.len())
        }
    }

    async fn log(&self, log: &mut Vec<String>) {
        tokio::time::sleep(Duration::from_millis(1)).await;
        log.push(format!("{} after {}", self.tag, log.len()));
    }

    fn name(&self) -> String {
        self.tag.into()
    }
}

fn gate(tag: &'static str) -> Arc<Gate> {
    Arc::new(Gate {
        calls: AtomicUsize::new(0),
        tag,
    })
}

fn manager(gates: &[&Arc<Gate>]) -> PluginManager<dyn Fetch> {
    let pm = PluginManager::<dyn Fetch>::linked().unwrap();
    for gate in gates {
        pm.register_arc(gate.tag, Arc::clone(gate)).unwrap();
    }
    pm
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_call_kind_awaits_the_implementations_in_call_order() {
    let (first, second) = (gate("first"), gate("second"));
    let pm = manager(&[&first, &second]);
    // Run-time plugins, the most recent first, then linked ones.
    assert_eq!(
        pm.hook().pages("/a").await,
        ["second page of /a", "first page of /a", "linked page of /a"]
    );
    assert_eq!(
        pm.hook().cached("/gate").await.as_deref(),
        Some("second cache")
    );
    assert_eq!(
        pm.hook().cached("/linked").await.as_deref(),
        Some("linked cache")
    );
    assert_eq!(pm.hook().cached("/none").await, None);
    assert_eq!(pm.hook().headers("/x").await, ["second: /x", "first: /x"]);
    assert_eq!(pm.hook().headers("/bare").await, Vec::<String>::new());
    assert_eq!(pm.hook().allow("/public").await, Ok(()));
    assert_eq!(pm.hook().sizes("/ab").await, Ok(vec![9, 8]));
    // The sync hook of the same spec.
    assert_eq!(pm.hook().name(), ["second", "first", "linked"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn firstresult_and_err_stop_the_later_implementations() {
    let (first, second) = (gate("first"), gate("second"));
    let pm = manager(&[&first, &second]);
    assert_eq!(
        pm.hook().cached("/gate").await.as_deref(),
        Some("second cache")
    );
    assert_eq!(
        first.calls.load(Ordering::SeqCst),
        0,
        "after the first answer, nothing runs"
    );
    assert_eq!(
        pm.hook().allow("/private").await,
        Err("second refuses /private".into())
    );
    assert_eq!(
        first.calls.load(Ordering::SeqCst),
        0,
        "after the first Err, nothing runs"
    );
    assert_eq!(pm.hook().sizes("").await, Err("second: empty".into()));
    assert_eq!(first.calls.load(Ordering::SeqCst), 0);
    assert_eq!(second.calls.load(Ordering::SeqCst), 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_later_implementation_sees_what_an_earlier_one_did() {
    let first = gate("first");
    let pm = manager(&[&first]);
    let mut log = Vec::new();
    pm.hook().log(&mut log).await;
    assert_eq!(log, ["first after 0", "linked after 1"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn calls_run_inside_spawned_tasks() {
    let pm = Arc::new(manager(&[&gate("first")]));
    pm.freeze();
    let tasks: Vec<_> = (0..8)
        .map(|n| {
            let pm = Arc::clone(&pm);
            tokio::spawn(async move {
                let url = format!("/{n}");
                pm.hook().pages(&url).await
            })
        })
        .collect();
    for (n, task) in tasks.into_iter().enumerate() {
        assert_eq!(
            task.await.unwrap(),
            [
                format!("first page of /{n}"),
                format!("linked page of /{n}")
            ]
        );
    }
    // A live manager's caller crosses threads too.
    let live = Arc::new(manager(&[]));
    let answer = tokio::spawn(async move { live.hook().cached("/linked").await })
        .await
        .unwrap();
    assert_eq!(answer.as_deref(), Some("linked cache"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn monitors_see_each_implementation_of_an_async_call() {
    #[derive(Default)]
    struct Seen(Mutex<Vec<String>>);
    impl hookcore::Monitor for Seen {
        fn before_impl(&self, call: &hookcore::HookCall<'_>, plugin: &str) {
            self.0
                .lock()
                .unwrap()
                .push(format!("{} {plugin}", call.hook));
        }
        fn after_call(&self, call: &hookcore::HookCall<'_>, outcome: Option<&dyn std::fmt::Debug>) {
            self.0
                .lock()
                .unwrap()
                .push(format!("{} -> {outcome:?}", call.hook));
        }
    }
    let pm = manager(&[&gate("first")]);
    let seen = Arc::new(Seen::default());
    pm.add_monitor(Arc::clone(&seen) as Arc<dyn hookcore::Monitor>);
    assert_eq!(
        pm.hook().cached("/linked").await.as_deref(),
        Some("linked cache")
    );
    assert_eq!(
        *seen.0.lock().unwrap(),
        [
            "cached first",
            // A linked function's plugin is named after its module.
            "cached async_hooks",
            "cached -> Some(Some(\"linked cache\"))"
        ]
    );
}

#[test]
fn introspection_shows_async_hooks_as_declared() {
    let hooks = <dyn Fetch as hookcore::HookSpec>::HOOKS;
    assert_eq!(
        hooks[0].signature,
        "async fn pages(&self, url: &str) -> String"
    );
    assert!(hooks[1].firstresult);
    let pm = manager(&[]);
    let linked = pm.hookimpls("pages").unwrap();
    assert_eq!(linked.len(), 1);
}

/// A spec for local executors: its futures need not be `Send`.
#[hookspec(?Send)]
pub trait Local {
    async fn shared_len(&self, text: String) -> usize;
}

struct Counter;

#[hookimpl(runtime)]
impl Local for Counter {
    async fn shared_len(&self, text: String) -> usize {
        // An `Rc` held across an await: allowed under `?Send` only.
        let shared = std::rc::Rc::new(text);
        tokio::task::yield_now().await;
        shared.len()
    }
}

#[test]
fn a_maybe_send_spec_runs_futures_that_are_not_send_on_a_local_executor() {
    let pm = PluginManager::<dyn Local>::new();
    pm.register("counter", Counter).unwrap();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let local = tokio::task::LocalSet::new();
    let lengths = local.block_on(&runtime, async {
        let hooks = pm.hook();
        tokio::task::spawn_local(async {}).await.unwrap();
        hooks.shared_len("four".into()).await
    });
    assert_eq!(lengths, [4]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn subset_and_extra_callers_await_async_hooks_too() {
    let (first, second) = (gate("first"), gate("second"));
    let pm = manager(&[&first, &second]);
    let subset = pm.subset_hook(["second"]);
    assert_eq!(
        subset.hook().pages("/s").await,
        ["first page of /s", "linked page of /s"]
    );
    let extra = pm
        .extra_hook(
            "extra",
            Gate {
                calls: AtomicUsize::new(0),
                tag: "extra",
            },
        )
        .unwrap();
    assert_eq!(
        extra.headers("/e").await,
        ["extra: /e", "second: /e", "first: /e"]
    );
    // The manager itself did not change.
    assert_eq!(pm.hook().headers("/e").await, ["second: /e", "first: /e"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_tagged_caller_awaits_async_hooks_and_names_each_plugin() {
    let (first, second) = (gate("first"), gate("second"));
    let pm = manager(&[&first, &second]);
    let tagged = pm.tagged_hook();
    let pages: Vec<(String, String)> = tagged
        .pages("/t")
        .await
        .into_iter()
        .map(|page| (page.plugin.to_string(), page.value))
        .collect();
    assert_eq!(
        pages,
        [
            ("second".into(), "second page of /t".into()),
            ("first".into(), "first page of /t".into()),
            ("async_hooks".into(), "linked page of /t".into()),
        ]
    );
    let cached = tagged.cached("/linked").await.unwrap();
    assert_eq!(
        (&*cached.plugin, cached.value.as_str()),
        ("async_hooks", "linked cache")
    );
    let sizes = tagged.sizes("").await;
    assert_eq!(
        sizes.unwrap_err(),
        "second: empty",
        "the first Err stops the call"
    );
}

#[hookspec]
pub trait Wrapped {
    #[hookspec(firstresult)]
    async fn fetch(&self, url: &str) -> Option<String>;
    async fn all(&self, url: &str) -> String;
}

/// Answers `/cached` only.
struct Store;

#[hookimpl(runtime)]
impl Wrapped for Store {
    async fn fetch(&self, url: &str) -> Option<String> {
        tokio::task::yield_now().await;
        (url == "/cached").then(|| "stored".to_owned())
    }
    async fn all(&self, url: &str) -> String {
        format!("store {url}")
    }
}

/// Rewrites the url, awaits the rest, and marks the answer; keeps a log.
struct Rewriter(Mutex<Vec<String>>);

#[hookimpl(runtime)]
impl Wrapped for Rewriter {
    #[hookimpl(wrapper)]
    async fn fetch(&self, url: &str, next: WrappedFetchNext<'_>) -> Option<String> {
        self.0.lock().unwrap().push(format!("before {url}"));
        // The wrapper passes an argument of its own making.
        let rewritten = url.replace("/old", "/cached");
        tokio::task::yield_now().await;
        let answer = next.call(&rewritten).await;
        self.0.lock().unwrap().push(format!("after {answer:?}"));
        answer.map(|value| format!("{value} (rewritten)"))
    }
}

/// Answers without calling the rest.
#[hookimpl(Wrapped, wrapper)]
async fn all(url: &str, next: WrappedAllNext<'_>) -> Vec<String> {
    if url == "/short" {
        // `next` is never called: the rest of the call does not run.
        let _ = next;
        return vec!["short-circuited".into()];
    }
    let mut values = next.call(url).await;
    values.push("wrapped".into());
    values
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn async_wrappers_await_the_rest_of_the_call_at_most_once() {
    let pm = PluginManager::<dyn Wrapped>::linked().unwrap();
    pm.register("store", Store).unwrap();
    let rewriter = Arc::new(Rewriter(Mutex::new(Vec::new())));
    pm.register_arc("rewriter", Arc::clone(&rewriter)).unwrap();
    let pm = Arc::new(pm);
    let answer = tokio::spawn({
        let pm = Arc::clone(&pm);
        async move { pm.hook().fetch("/old").await }
    })
    .await
    .unwrap();
    assert_eq!(answer.as_deref(), Some("stored (rewritten)"));
    assert_eq!(
        *rewriter.0.lock().unwrap(),
        ["before /old", "after Some(\"stored\")"]
    );
    assert_eq!(pm.hook().all("/x").await, ["store /x", "wrapped"]);
    assert_eq!(pm.hook().all("/short").await, ["short-circuited"]);
    // Monitored, the wrapped call gives the same answers.
    struct Quiet;
    impl hookcore::Monitor for Quiet {}
    pm.add_monitor(Arc::new(Quiet));
    assert_eq!(
        pm.hook().fetch("/old").await.as_deref(),
        Some("stored (rewritten)")
    );
    pm.freeze();
    assert_eq!(pm.hook().all("/y").await, ["store /y", "wrapped"]);
}
