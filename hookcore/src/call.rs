//! Call strategies: how the results of one hook's implementations become the
//! result of the call. The generated caller picks one per hook from the hook's
//! return type; each takes the implementations in call order and a closure that
//! calls one of them.
//!
//! | hook returns       | call returns           | strategy              |
//! |--------------------|------------------------|-----------------------|
//! | `()`               | `()`                   | [`unit`]              |
//! | `T`                | `Vec<T>`               | [`collect`]           |
//! | `Option<T>`        | `Vec<T>` (no `None`s)  | [`collect_some`]      |
//! | `Option<T>`, first | `Option<T>`            | [`first_some`]        |
//! | `Result<(), E>`    | `Result<(), E>`        | [`try_unit`]          |
//! | `Result<T, E>`     | `Result<Vec<T>, E>`    | [`try_collect`]       |
//! | `Result<Option<T>, E>` | `Result<Vec<T>, E>` | [`try_collect_some`] |
//! | `Result<Option<T>, E>`, first | `Result<Option<T>, E>` | [`try_first_some`] |
//!
//! A `Result` strategy stops at the first `Err`: later implementations do not run.
//! `unit` and the `first` strategies allocate nothing; the collecting ones allocate
//! the result vector once, sized for every implementation.
//!
//! Each strategy is `#[inline(always)]` and makes its vector itself
//! (`with_capacity`, then `extend` or a loop), so that with the caller method it
//! inlines into the user's code, as a hand-written loop would. An iterator
//! `collect()` left `Vec::from_iter` out of line, and the vector it returned
//! through memory stalled the caller's first read of it: 1.7× the floor at N = 1
//! instead of 1.05–1.1× (docs/benchmarks.md).

#![allow(clippy::missing_errors_doc)]

/// Call every implementation.
///
/// ```
/// let mut seen = Vec::new();
/// hookcore::__private::call::unit([1, 2, 3], |n| seen.push(n));
/// assert_eq!(seen, [1, 2, 3]);
/// ```
#[inline(always)]
pub fn unit<I: IntoIterator>(impls: I, mut call: impl FnMut(I::Item)) {
    for plugin in impls {
        call(plugin);
    }
}

/// Every implementation's value, in call order.
///
/// ```
/// let doubled = hookcore::__private::call::collect([1, 2, 3], |n| n * 2);
/// assert_eq!(doubled, [2, 4, 6]);
/// ```
#[inline(always)]
pub fn collect<I: IntoIterator, T>(impls: I, call: impl FnMut(I::Item) -> T) -> Vec<T> {
    let impls = impls.into_iter();
    let mut values = Vec::with_capacity(impls.size_hint().0);
    values.extend(impls.map(call));
    values
}

/// Every `Some` value, in call order.
///
/// ```
/// let odd = hookcore::__private::call::collect_some([1, 2, 3], |n| (n % 2 == 1).then_some(n));
/// assert_eq!(odd, [1, 3]);
/// ```
#[inline(always)]
pub fn collect_some<I: IntoIterator, T>(
    impls: I,
    mut call: impl FnMut(I::Item) -> Option<T>,
) -> Vec<T> {
    let impls = impls.into_iter();
    // Sized for every implementation answering: one allocation, never a regrowth.
    let mut values = Vec::with_capacity(impls.size_hint().0);
    for plugin in impls {
        if let Some(value) = call(plugin) {
            values.push(value);
        }
    }
    values
}

/// The first `Some`; implementations after it do not run.
///
/// ```
/// let mut asked = 0;
/// let first = hookcore::__private::call::first_some([1, 2, 3], |n| {
///     asked += 1;
///     (n >= 2).then_some(n * 10)
/// });
/// assert_eq!((first, asked), (Some(20), 2));
/// ```
#[inline(always)]
pub fn first_some<I: IntoIterator, T>(
    impls: I,
    mut call: impl FnMut(I::Item) -> Option<T>,
) -> Option<T> {
    for plugin in impls {
        if let Some(value) = call(plugin) {
            return Some(value);
        }
    }
    None
}

/// Every implementation, until the first `Err`.
///
/// ```
/// let mut ran = Vec::new();
/// let outcome = hookcore::__private::call::try_unit([1, 2, 3], |n| {
///     ran.push(n);
///     if n == 2 { Err("two") } else { Ok(()) }
/// });
/// assert_eq!((outcome, ran), (Err("two"), vec![1, 2]));
/// ```
#[inline(always)]
pub fn try_unit<I: IntoIterator, E>(
    impls: I,
    mut call: impl FnMut(I::Item) -> Result<(), E>,
) -> Result<(), E> {
    for plugin in impls {
        call(plugin)?;
    }
    Ok(())
}

/// Every `Ok` value in call order, or the first `Err`.
///
/// ```
/// use hookcore::__private::call::try_collect;
/// assert_eq!(try_collect([1, 2], |n| Ok::<_, ()>(n + 1)), Ok(vec![2, 3]));
/// assert_eq!(try_collect([1, 2], |n| if n == 1 { Err(n) } else { Ok(n) }), Err(1));
/// ```
#[inline(always)]
pub fn try_collect<I: IntoIterator, T, E>(
    impls: I,
    mut call: impl FnMut(I::Item) -> Result<T, E>,
) -> Result<Vec<T>, E> {
    let impls = impls.into_iter();
    let mut values = Vec::with_capacity(impls.size_hint().0);
    for plugin in impls {
        values.push(call(plugin)?);
    }
    Ok(values)
}

/// Every `Ok(Some)` value in call order, or the first `Err`.
///
/// ```
/// use hookcore::__private::call::try_collect_some;
/// let got = try_collect_some([1, 2, 3], |n| Ok::<_, ()>((n != 2).then_some(n)));
/// assert_eq!(got, Ok(vec![1, 3]));
/// ```
#[inline(always)]
pub fn try_collect_some<I: IntoIterator, T, E>(
    impls: I,
    mut call: impl FnMut(I::Item) -> Result<Option<T>, E>,
) -> Result<Vec<T>, E> {
    let impls = impls.into_iter();
    let mut values = Vec::with_capacity(impls.size_hint().0);
    for plugin in impls {
        if let Some(value) = call(plugin)? {
            values.push(value);
        }
    }
    Ok(values)
}

/// The first `Ok(Some)`, or the first `Err`, whichever comes first; `Ok(None)` when
/// no implementation answers.
///
/// ```
/// use hookcore::__private::call::try_first_some;
/// assert_eq!(try_first_some([1, 2, 3], |n| Ok::<_, ()>((n > 1).then_some(n))), Ok(Some(2)));
/// assert_eq!(try_first_some([1, 2], |_| Ok::<Option<u8>, ()>(None)), Ok(None));
/// ```
#[inline(always)]
pub fn try_first_some<I: IntoIterator, T, E>(
    impls: I,
    mut call: impl FnMut(I::Item) -> Result<Option<T>, E>,
) -> Result<Option<T>, E> {
    for plugin in impls {
        if let Some(value) = call(plugin)? {
            return Ok(Some(value));
        }
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn try_collect_stops_at_first_err() {
        let mut ran = Vec::new();
        let outcome = try_collect([1, 2, 3], |n| {
            ran.push(n);
            if n == 2 { Err(n) } else { Ok(n) }
        });
        assert_eq!(outcome, Err(2));
        assert_eq!(ran, [1, 2]);
    }

    #[test]
    fn try_collect_some_stops_at_first_err() {
        let mut ran = Vec::new();
        let outcome = try_collect_some([1, 2, 3], |n| {
            ran.push(n);
            if n == 2 { Err("stop") } else { Ok(Some(n)) }
        });
        assert_eq!(outcome, Err("stop"));
        assert_eq!(ran, [1, 2]);
    }

    #[test]
    fn try_first_some_err_before_answer_wins() {
        let outcome = try_first_some([1, 2, 3], |n| match n {
            1 => Err("one"),
            _ => Ok(Some(n)),
        });
        assert_eq!(outcome, Err("one"));
    }

    #[test]
    fn collect_allocates_once_for_all_values() {
        let values = collect([1, 2, 3], |n| n * 10);
        assert_eq!(values, [10, 20, 30]);
        assert_eq!(values.capacity(), 3);
    }

    #[test]
    fn collect_some_allocates_once_for_all_answers() {
        let values = collect_some([1, 2, 3, 4], Some);
        assert_eq!(values, [1, 2, 3, 4]);
        assert_eq!(values.capacity(), 4);
    }

    #[test]
    fn empty_calls() {
        assert_eq!(collect(std::iter::empty::<u8>(), |n| n), Vec::<u8>::new());
        assert_eq!(first_some(std::iter::empty::<u8>(), Some), None);
        assert_eq!(try_unit(std::iter::empty::<u8>(), |_| Err(())), Ok(()));
    }
}
