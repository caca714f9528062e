//! `before`/`after` constraints applied to a base order: a stable topological sort.
//!
//! Among the items whose constraints are met, the one earliest in the base order
//! goes next, so constraints move only what they must and the result is
//! deterministic. Items are indices into the base order.

/// The order of `0..count` that keeps every `(first, then)` edge and otherwise the
/// base order; or, if the edges form a cycle, the items of one cycle in order, the
/// first repeated at the end.
pub(crate) fn constrained(
    count: usize,
    edges: &[(usize, usize)],
) -> Result<Vec<usize>, Vec<usize>> {
    let mut waiting_on = vec![0usize; count];
    for &(_, then) in edges {
        waiting_on[then] += 1;
    }
    let mut placed = vec![false; count];
    let mut order = Vec::with_capacity(count);
    while order.len() < count {
        let Some(next) = (0..count).find(|&item| !placed[item] && waiting_on[item] == 0) else {
            return Err(cycle(count, edges, &placed));
        };
        placed[next] = true;
        order.push(next);
        for &(first, then) in edges {
            if first == next {
                waiting_on[then] -= 1;
            }
        }
    }
    Ok(order)
}

/// A cycle among the unplaced items: every unplaced item waits on another unplaced
/// one, so walking back along edges must come round.
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

    #[test]
    fn a_cycle_is_reported_in_its_order() {
        assert_eq!(constrained(3, &[(0, 1), (1, 0)]), Err(vec![0, 1, 0]));
        assert_eq!(
            constrained(4, &[(1, 2), (2, 3), (3, 1)]),
            Err(vec![1, 2, 3, 1])
        );
    }
}
