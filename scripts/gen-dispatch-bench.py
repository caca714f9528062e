#!/usr/bin/env python3
"""Writes benches/src/dispatch.rs: the dispatch benchmark's 111 linked plugins,
100 run-time plugin types and floors. Run from the repository root, then
`cargo fmt --all`."""
ns=[1,10,100]
out=[]
out.append('''//! The dispatch benchmark's plugins (`benches/dispatch.rs`): for N = 1, 10 and
//! 100, N linked free-function plugins of their own spec and N run-time plugin
//! types, each with its own bodies (implementation number `i` runs
//! `unit_body::<i>` and so on), and the floors over the same functions.
//!
//! | floor | what it is |
//! |---|---|
//! | `static_floor` | a loop over a `static [fn; N]` of the N linked functions: LLVM knows N and unrolls it |
//! | `slice_floor` | the same array as a slice whose length the optimiser cannot see (`black_box`): what a table built at run time can reach |
//! | `dyn_floor` | a loop over a `static [&dyn Spec; N]` of the N run-time plugin types |
//!
//! The modules and types are listed once, in the macro calls at the end; a
//! linked plugin's name is its module path, so the linked call order (by name,
//! `p000` < `p001` < ...) is the arrays' order, and run-time plugins are
//! registered last first, so that theirs is too.\n//!\n//! Written by `scripts/gen-dispatch-bench.py`; edit that, not this file.

use crate::{collect_body, first_body, unit_body};

/// One linked plugin per listed module, implementing every hook of `$spec`
/// with the bodies of its number; and the `static` arrays of those functions.
macro_rules! linked {
    ($spec:ident, $unit:ident, $collect:ident, $first:ident, $n:literal; $($module:ident $i:literal),*) => {
        #[doc = concat!("The hooks of the ", stringify!($n), " linked plugins.")]
        #[hookcore::hookspec]
        pub trait $spec {
            /// Every implementation runs.
            fn unit(&self, x: u64);
            /// Every implementation's value.
            fn collect(&self, x: u64) -> u64;
            /// The first `Some`.
            #[hookspec(firstresult)]
            fn first(&self, x: u64) -> Option<u64>;
        }
        $(
            #[doc = concat!("Linked plugin number ", stringify!($i), " of ", stringify!($spec), ".")]
            pub mod $module {
                /// `unit` number `i`.
                #[hookcore::hookimpl(super::$spec)]
                pub fn unit(x: u64) {
                    super::unit_body::<$i>(x);
                }
                /// `collect` number `i`.
                #[hookcore::hookimpl(super::$spec)]
                pub fn collect(x: u64) -> u64 {
                    super::collect_body::<$i>(x)
                }
                /// `first` number `i`.
                #[hookcore::hookimpl(super::$spec)]
                pub fn first(x: u64) -> Option<u64> {
                    super::first_body::<$i>(x)
                }
            }
        )*
        #[doc = concat!("The ", stringify!($n), " `unit` functions, in call order.")]
        pub static $unit: [fn(u64); $n] = [$($module::unit),*];
        #[doc = concat!("The ", stringify!($n), " `collect` functions, in call order.")]
        pub static $collect: [fn(u64) -> u64; $n] = [$($module::collect),*];
        #[doc = concat!("The ", stringify!($n), " `first` functions, in call order.")]
        pub static $first: [fn(u64) -> Option<u64>; $n] = [$($module::first),*];
    };
}

/// The spec of the run-time plugins.
#[hookcore::hookspec]
pub trait Runtime {
    /// Every implementation runs.
    fn unit(&self, x: u64);
    /// Every implementation's value.
    fn collect(&self, x: u64) -> u64;
    /// The first `Some`.
    #[hookspec(firstresult)]
    fn first(&self, x: u64) -> Option<u64>;
}

/// One run-time plugin type per listed name, with the bodies of its number;
/// [`runtime_plugins`] registers the first `n`.
macro_rules! runtime {
    ($($ty:ident $i:literal),*) => {
        $(
            #[doc = concat!("Run-time plugin number ", stringify!($i), ".")]
            pub struct $ty;

            #[hookcore::hookimpl(runtime)]
            impl Runtime for $ty {
                fn unit(&self, x: u64) {
                    unit_body::<$i>(x);
                }
                fn collect(&self, x: u64) -> u64 {
                    collect_body::<$i>(x)
                }
                fn first(&self, x: u64) -> Option<u64> {
                    first_body::<$i>(x)
                }
            }
        )*

        /// A manager with run-time plugins number `0..n`, registered in reverse,
        /// so that they are called in number order (most recent first).
        ///
        /// # Panics
        ///
        /// If `n` is over 100.
        #[must_use]
        pub fn runtime_plugins(n: usize) -> hookcore::PluginManager<dyn Runtime> {
            let pm = hookcore::PluginManager::<dyn Runtime>::new();
            let mut all: Vec<hookcore::Registration<dyn Runtime>> =
                vec![$(hookcore::Registration::new(stringify!($ty), $ty)),*];
            all.truncate(n);
            all.reverse();
            pm.register_all(all).expect("distinct names");
            pm
        }
    };
}
''')
for n,spec,u,c,f in [(1,'Linked1','UNIT_1','COLLECT_1','FIRST_1'),(10,'Linked10','UNIT_10','COLLECT_10','FIRST_10'),(100,'Linked100','UNIT_100','COLLECT_100','FIRST_100')]:
    items=', '.join(f'n{n}_p{i:03} {i}' for i in range(n))
    out.append(f'linked!({spec}, {u}, {c}, {f}, {n}; {items});\n')
out.append('runtime!(' + ', '.join(f'R{i:03} {i}' for i in range(100)) + ');\n')
for n in ns:
    out.append(f'''
/// The first {n} run-time plugin types, for the `&dyn` floor.
pub static DYN_{n}: [&dyn Runtime; {n}] = [{", ".join(f"&R{i:03}" for i in range(n))}];
''')
open('benches/src/dispatch.rs','w').write(''.join(out))
