//! Round-robin timing, for ratios that hold on a shared machine.
//!
//! Criterion measures one case after another, so load that comes and goes (a
//! neighbour on the host, a build) falls on some cases and not on others, and a
//! ratio of two medians taken minutes apart can be off by half. Here every round
//! runs every case once, for the same number of calls; the best round of each
//! case is its least disturbed one, and the ratios are taken between best rounds.
//!
//! Used by `benches/interleaved.rs` and by the scale crate's benchmark, which
//! includes this file by path (depending on this crate would link its linked
//! plugins into the scale benchmark's binary).

use std::hint::black_box;
use std::time::{Duration, Instant};

/// One case: a name within its group, and the call it times.
pub struct Case<'a> {
    /// The group; ratios are to the group's first case.
    pub group: String,
    /// The case's name within its group.
    pub name: String,
    run: Box<dyn FnMut(u32) -> Duration + 'a>,
}

impl<'a> Case<'a> {
    /// A case that times `call`; its result goes through `black_box`.
    pub fn new<T>(
        group: impl Into<String>,
        name: impl Into<String>,
        mut call: impl FnMut() -> T + 'a,
    ) -> Self {
        Case {
            group: group.into(),
            name: name.into(),
            run: Box::new(move |calls| {
                let start = Instant::now();
                for _ in 0..calls {
                    black_box(call());
                }
                start.elapsed()
            }),
        }
    }
}

/// What the rounds of one case measured.
pub struct Timing {
    /// The case's group.
    pub group: String,
    /// The case's name.
    pub name: String,
    /// The best round, in ns per call.
    pub best: f64,
    /// The median round, in ns per call.
    pub median: f64,
    /// `best` over the best of the group's first case.
    pub ratio: f64,
    /// Each round's time over the group's first case's time in the same round:
    /// the lowest, the median and the highest of those ratios.
    pub round_ratios: [f64; 3],
}

/// Runs `rounds` rounds of `calls` calls of every case, round-robin.
pub fn measure(cases: &mut [Case<'_>], rounds: usize, calls: u32) -> Vec<Timing> {
    let mut samples: Vec<Vec<f64>> = vec![Vec::with_capacity(rounds); cases.len()];
    for _ in 0..rounds {
        for (case, times) in cases.iter_mut().zip(&mut samples) {
            let elapsed = (case.run)(calls);
            times.push(elapsed.as_secs_f64() * 1e9 / f64::from(calls));
        }
    }
    let mut timings: Vec<Timing> = Vec::with_capacity(cases.len());
    let mut bases: Vec<(&str, usize)> = Vec::new();
    for (at, (case, times)) in cases.iter().zip(&samples).enumerate() {
        let base = match bases.iter().find(|(group, _)| *group == case.group) {
            Some(&(_, base)) => base,
            None => {
                bases.push((&case.group, at));
                at
            }
        };
        let mut ratios: Vec<f64> = times
            .iter()
            .zip(&samples[base])
            .map(|(time, base)| time / base)
            .collect();
        ratios.sort_by(f64::total_cmp);
        let round_ratios = [
            ratios[0],
            ratios[ratios.len() / 2],
            ratios[ratios.len() - 1],
        ];
        let mut times = times.clone();
        times.sort_by(f64::total_cmp);
        let (best, median) = (times[0], times[times.len() / 2]);
        let base = timings
            .iter()
            .find(|timing| timing.group == case.group)
            .map_or(best, |first| first.best);
        timings.push(Timing {
            group: case.group.clone(),
            name: case.name.clone(),
            best,
            median,
            ratio: best / base,
            round_ratios,
        });
    }
    timings
}

/// Prints `timings` as a table under `title`; `columns` names the group and case
/// columns.
pub fn print(title: &str, columns: (&str, &str), timings: &[Timing]) {
    println!("\n{title}");
    println!(
        "{:<16} {:>24} {:>8} {:>8} {:>11}",
        columns.0, columns.1, "best", "median", "best ratio"
    );
    for timing in timings {
        println!(
            "{:<16} {:>24} {:>8.2} {:>8.2} {:>11.2}",
            timing.group, timing.name, timing.best, timing.median, timing.ratio
        );
    }
}

/// Prints `timings` with the spread of their per-round ratios: the median
/// round's ns per call, then the lowest, median and highest ratio of a round's
/// time to the group's first case in that round.
pub fn print_spread(title: &str, timings: &[Timing]) {
    println!("\n{title}");
    println!(
        "{:<22} {:>26} {:>9} {:>7} {:>7} {:>7}",
        "shape/N", "variant", "median ns", "low", "ratio", "high"
    );
    for timing in timings {
        let [low, median, high] = timing.round_ratios;
        println!(
            "{:<22} {:>26} {:>9.2} {:>7.2} {:>7.2} {:>7.2}",
            timing.group, timing.name, timing.median, low, median, high
        );
    }
}
