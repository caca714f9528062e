//! The dispatch benchmark's plugins (`benches/dispatch.rs`): for N = 1, 10 and
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
//! registered last first, so that theirs is too.
//!
//! Written by `scripts/gen-dispatch-bench.py`; edit that, not this file.

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
linked!(Linked1, UNIT_1, COLLECT_1, FIRST_1, 1; n1_p000 0);
linked!(Linked10, UNIT_10, COLLECT_10, FIRST_10, 10; n10_p000 0, n10_p001 1, n10_p002 2, n10_p003 3, n10_p004 4, n10_p005 5, n10_p006 6, n10_p007 7, n10_p008 8, n10_p009 9);
linked!(Linked100, UNIT_100, COLLECT_100, FIRST_100, 100; n100_p000 0, n100_p001 1, n100_p002 2, n100_p003 3, n100_p004 4, n100_p005 5, n100_p006 6, n100_p007 7, n100_p008 8, n100_p009 9, n100_p010 10, n100_p011 11, n100_p012 12, n100_p013 13, n100_p014 14, n100_p015 15, n100_p016 16, n100_p017 17, n100_p018 18, n100_p019 19, n100_p020 20, n100_p021 21, n100_p022 22, n100_p023 23, n100_p024 24, n100_p025 25, n100_p026 26, n100_p027 27, n100_p028 28, n100_p029 29, n100_p030 30, n100_p031 31, n100_p032 32, n100_p033 33, n100_p034 34, n100_p035 35, n100_p036 36, n100_p037 37, n100_p038 38, n100_p039 39, n100_p040 40, n100_p041 41, n100_p042 42, n100_p043 43, n100_p044 44, n100_p045 45, n100_p046 46, n100_p047 47, n100_p048 48, n100_p049 49, n100_p050 50, n100_p051 51, n100_p052 52, n100_p053 53, n100_p054 54, n100_p055 55, n100_p056 56, n100_p057 57, n100_p058 58, n100_p059 59, n100_p060 60, n100_p061 61, n100_p062 62, n100_p063 63, n100_p064 64, n100_p065 65, n100_p066 66, n100_p067 67, n100_p068 68, n100_p069 69, n100_p070 70, n100_p071 71, n100_p072 72, n100_p073 73, n100_p074 74, n100_p075 75, n100_p076 76, n100_p077 77, n100_p078 78, n100_p079 79, n100_p080 80, n100_p081 81, n100_p082 82, n100_p083 83, n100_p084 84, n100_p085 85, n100_p086 86, n100_p087 87, n100_p088 88, n100_p089 89, n100_p090 90, n100_p091 91, n100_p092 92, n100_p093 93, n100_p094 94, n100_p095 95, n100_p096 96, n100_p097 97, n100_p098 98, n100_p099 99);
runtime!(R000 0, R001 1, R002 2, R003 3, R004 4, R005 5, R006 6, R007 7, R008 8, R009 9, R010 10, R011 11, R012 12, R013 13, R014 14, R015 15, R016 16, R017 17, R018 18, R019 19, R020 20, R021 21, R022 22, R023 23, R024 24, R025 25, R026 26, R027 27, R028 28, R029 29, R030 30, R031 31, R032 32, R033 33, R034 34, R035 35, R036 36, R037 37, R038 38, R039 39, R040 40, R041 41, R042 42, R043 43, R044 44, R045 45, R046 46, R047 47, R048 48, R049 49, R050 50, R051 51, R052 52, R053 53, R054 54, R055 55, R056 56, R057 57, R058 58, R059 59, R060 60, R061 61, R062 62, R063 63, R064 64, R065 65, R066 66, R067 67, R068 68, R069 69, R070 70, R071 71, R072 72, R073 73, R074 74, R075 75, R076 76, R077 77, R078 78, R079 79, R080 80, R081 81, R082 82, R083 83, R084 84, R085 85, R086 86, R087 87, R088 88, R089 89, R090 90, R091 91, R092 92, R093 93, R094 94, R095 95, R096 96, R097 97, R098 98, R099 99);

/// The first 1 run-time plugin types, for the `&dyn` floor.
pub static DYN_1: [&dyn Runtime; 1] = [&R000];

/// The first 10 run-time plugin types, for the `&dyn` floor.
pub static DYN_10: [&dyn Runtime; 10] = [
    &R000, &R001, &R002, &R003, &R004, &R005, &R006, &R007, &R008, &R009,
];

/// The first 100 run-time plugin types, for the `&dyn` floor.
pub static DYN_100: [&dyn Runtime; 100] = [
    &R000, &R001, &R002, &R003, &R004, &R005, &R006, &R007, &R008, &R009, &R010, &R011, &R012,
    &R013, &R014, &R015, &R016, &R017, &R018, &R019, &R020, &R021, &R022, &R023, &R024, &R025,
    &R026, &R027, &R028, &R029, &R030, &R031, &R032, &R033, &R034, &R035, &R036, &R037, &R038,
    &R039, &R040, &R041, &R042, &R043, &R044, &R045, &R046, &R047, &R048, &R049, &R050, &R051,
    &R052, &R053, &R054, &R055, &R056, &R057, &R058, &R059, &R060, &R061, &R062, &R063, &R064,
    &R065, &R066, &R067, &R068, &R069, &R070, &R071, &R072, &R073, &R074, &R075, &R076, &R077,
    &R078, &R079, &R080, &R081, &R082, &R083, &R084, &R085, &R086, &R087, &R088, &R089, &R090,
    &R091, &R092, &R093, &R094, &R095, &R096, &R097, &R098, &R099,
];
