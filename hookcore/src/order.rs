//! `before`/`after` constraints applied to a base order: a stable topological sort.
//!
//! Among the items whose constraints are met, the one earliest in the base order
//! goes next, so constraints move only what they must and the result is
//! deterministic. Items are indices into the base order.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// The order of `0..count` that keeps every `(first, then)` edge and otherwise the
/// base order; or, if the edges form a cycle, the items of one cycle in order, the
/// first repeated at the end.
pub(crate) fn constrained(
    count: usize,
    edges: &[(usize, usize)],
) -> Result<Vec<usize>, Vec<usize>> {
    if edges.is_empty() {
        // The common case: nothing to move.
        return Ok((0..count).collect());
    }
    let mut waiting_on = vec![0usize; count];
    let mut followers: Vec<Vec<usize>> = vec![Vec::new(); count];
    for &(first, then) in edges {
        waiting_on[then] += 1;
        followers[first].push(then);
    }
    // The items whose constraints are met, earliest in the base order on top:
    // O((count + edges) log count), where a scan for the earliest would be
    // quadratic in `count` (seconds for a few thousand plugins).
    let mut ready: BinaryHeap<Reverse<usize>> = (0..count)
        .filter(|&item| waiting_on[item] == 0)
        .map(Reverse)
        .collect();
    let mut placed = vec![false; count];
    let mut order = Vec::with_capacity(count);
    while let Some(Reverse(next)) = ready.pop() {
        placed[next] = true;
        order.push(next);
        for &then in &followers[next] {
            waiting_on[then] -= 1;
            if waiting_on[then] == 0 {
                ready.push(Reverse(then));
            }
        }
    }
    if order.len() < count {
        return Err(cycle(count, edges, &placed));
    }
    Ok(order)
}

fn cycle(count: usize, edges: &[(usize, usize)], placed: &[bool]) -> Vec<usize> {
    let predecessor = |item: usize| {
        edges
            .iter()
            .find(|&&(first, then)| then == item && !placed[first])
            .map(|&(first, _)| first)
    };
    let mut seen = vec![None; count];
    let mut walk = Vec::new();
    let mut item = (0..count).find(|&item| !placed[item]).unwrap_or(0);
    while seen[item].is_none() {
        seen[item] = Some(walk.len());
        walk.push(item);
        match predecessor(item) {
            Some(first) => item = first,
            None => break,
        }
    }
    let start = seen[item].unwrap_or(0);
    // The walk went against the edges; reversed, it follows them. Rotated to begin
    // at its earliest item, so the report does not depend on where the walk began.
    let mut cycle: Vec<usize> = walk[start..].iter().rev().copied().collect();
    if let Some(earliest) = (0..cycle.len()).min_by_key(|&at| cycle[at]) {
        cycle.rotate_left(earliest);
    }
    if let Some(&first) = cycle.first() {
        cycle.push(first);
    }
    cycle
}

#[cfg(test)]
mod tests {
    use super::constrained;

    #[test]
    fn no_edges_keep_the_base_order() {
        assert_eq!(constrained(4, &[]), Ok(vec![0, 1, 2, 3]));
    }

    #[test]
    fn an_edge_moves_only_what_it_must() {
        // 3 before 1: 1 waits for 3; 0 and 2 go first, as in the base order.
        assert_eq!(constrained(4, &[(3, 1)]), Ok(vec![0, 2, 3, 1]));
        // 0 after 2.
        assert_eq!(constrained(4, &[(2, 0)]), Ok(vec![1, 2, 0, 3]));
    }

    #[test]
    fn chains_of_edges() {
        assert_eq!(constrained(3, &[(2, 1), (1, 0)]), Ok(vec![2, 1, 0]));
    }

    /// The definition, as a scan: among the unplaced items whose constraints
    /// are met, the earliest goes next.
    fn by_scanning(count: usize, edges: &[(usize, usize)]) -> Option<Vec<usize>> {
        let mut order: Vec<usize> = Vec::new();
        while order.len() < count {
            let next = (0..count).find(|&item| {
                !order.contains(&item)
                    && edges
                        .iter()
                        .all(|&(first, then)| then != item || order.contains(&first))
            })?;
            order.push(next);
        }
        Some(order)
    }

    #[test]
    fn the_order_is_the_scans_on_every_small_graph_tried() {
        // A fixed pseudo-random walk over graphs of up to 7 items and 8 edges.
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = |bound: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            usize::try_from(state % bound as u64).unwrap()
        };
        let (mut sorted, mut cyclic) = (0, 0);
        for _ in 0..5_000 {
            let count = 1 + next(7);
            let edges: Vec<(usize, usize)> = (0..next(9))
                .map(|_| (next(count), next(count)))
                .filter(|(first, then)| first != then)
                .collect();
            match (constrained(count, &edges), by_scanning(count, &edges)) {
                (Ok(order), Some(expected)) => {
                    assert_eq!(order, expected, "{count} items, edges {edges:?}");
                    sorted += 1;
                }
                (Err(cycle), None) => {
                    // Every step of the reported cycle is an edge.
                    assert!(cycle.windows(2).all(|w| edges.contains(&(w[0], w[1]))));
                    cyclic += 1;
                }
                (got, expected) => panic!("{got:?} against {expected:?} for {edges:?}"),
            }
        }
        assert!(
            sorted > 1_000 && cyclic > 100,
            "{sorted} sorted, {cyclic} cyclic"
        );
    }

    #[test]
    fn a_cycle_is_reported_in_its_order() {
        assert_eq!(constrained(3, &[(0, 1), (1, 0)]), Err(vec![0, 1, 0]));
        assert_eq!(
            constrained(4, &[(1, 2), (2, 3), (3, 1)]),
            Err(vec![1, 2, 3, 1])
        );
    }
}
