//! Monitors of an async call: each monitor's callbacks around the call and
//! around each implementation's awaits, as for a sync call; a
//! [`TracingMonitor`](crate::TracingMonitor)'s spans instead instrument the
//! futures, so that they are entered whenever the future is polled, on whatever
//! thread polls it, rather than kept on one thread's stack across awaits.

use std::fmt::Debug;
use std::future::Future;

use crate::monitor::{HookCall, Monitors};

/// The span of an async call, when a tracing monitor is added.
#[doc(hidden)]
/// Not public API; held by the generated caller between its monitor calls.
pub struct CallSpan {
    #[cfg(feature = "tracing")]
    span: Option<tracing::Span>,
}

impl Monitors {
    /// The start of an async call: `before_call` of each monitor, and the
    /// call's span for tracing monitors.
    #[doc(hidden)]
    pub fn before_async_call(&self, call: &HookCall<'_>) -> CallSpan {
        for (_, monitor) in self.list.iter() {
            if !monitor.__follows_futures() {
                monitor.before_call(call);
            }
        }
        CallSpan {
            #[cfg(feature = "tracing")]
            span: self
                .traced()
                .then(|| tracing::debug_span!("hook", spec = call.spec, hook = call.hook)),
        }
    }

    /// `call`'s work, in its span.
    #[doc(hidden)]
    pub async fn in_call<F: Future>(&self, span: &CallSpan, work: F) -> F::Output {
        #[cfg(feature = "tracing")]
        if let Some(span) = &span.span {
            return tracing::Instrument::instrument(work, span.clone()).await;
        }
        let _ = span;
        work.await
    }

    /// One implementation of an async call, by `plugin`: `before_impl` and
    /// `after_impl` of each monitor around its awaits, and for tracing monitors
    /// the implementation's span on its future.
    #[doc(hidden)]
    pub async fn run_impl<F: Future>(
        &self,
        call: &HookCall<'_>,
        plugin: &str,
        future: F,
    ) -> F::Output {
        for (_, monitor) in self.list.iter() {
            if !monitor.__follows_futures() {
                monitor.before_impl(call, plugin);
            }
        }
        #[cfg(feature = "tracing")]
        let value = if self.traced() {
            let span = tracing::debug_span!("hookimpl", hook = call.hook, plugin);
            tracing::Instrument::instrument(future, span).await
        } else {
            future.await
        };
        #[cfg(not(feature = "tracing"))]
        let value = future.await;
        for (_, monitor) in self.list.iter() {
            if !monitor.__follows_futures() {
                monitor.after_impl(call, plugin);
            }
        }
        value
    }

    /// The end of an async call: `after_call` of each monitor; a tracing
    /// monitor's outcome event is in the call's span.
    #[doc(hidden)]
    pub fn after_async_call(
        &self,
        call: &HookCall<'_>,
        span: &CallSpan,
        outcome: Option<&dyn Debug>,
    ) {
        for (_, monitor) in self.list.iter() {
            if !monitor.__follows_futures() {
                monitor.after_call(call, outcome);
            }
        }
        #[cfg(feature = "tracing")]
        if let (Some(span), Some(outcome)) = (&span.span, outcome) {
            span.in_scope(|| tracing::trace!(?outcome, "hook returned"));
        }
        let _ = span;
    }

    /// Whether a tracing monitor is added.
    #[cfg(feature = "tracing")]
    fn traced(&self) -> bool {
        self.list
            .iter()
            .any(|(_, monitor)| monitor.__follows_futures())
    }
}
