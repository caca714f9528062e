//! "Did you mean": the name among candidates within two edits of a misspelt
//! one, by optimal string alignment distance.

/// The candidate within two edits of `name` (the fewest edits, then the first in
/// byte order), if any.
pub(crate) fn closest<'a>(name: &str, candidates: impl Iterator<Item = &'a str>) -> Option<String> {
    candidates
        .filter(|candidate| *candidate != name)
        .map(|candidate| (edit_distance(name, candidate), candidate))
        .filter(|(distance, _)| *distance <= 2)
        .min()
        .map(|(_, candidate)| candidate.to_owned())
}

/// The optimal string alignment distance between `a` and `b`: insertions,
/// deletions, substitutions and transpositions of adjacent characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // rows[i][j]: the distance between a[..i] and b[..j].
    let mut rows = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in rows.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in rows[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (rows[i - 1][j] + 1)
                .min(rows[i][j - 1] + 1)
                .min(rows[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = best;
        }
    }
    rows[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::{closest, edit_distance};

    #[test]
    fn edit_distance_counts_edits() {
        assert_eq!(edit_distance("feed", "feeds"), 1);
        assert_eq!(edit_distance("feeds", "fedes"), 1, "a transposition");
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("same", "same"), 0);
    }

    #[test]
    fn closest_is_within_two_edits_the_nearest_then_the_first() {
        let names = ["feeds", "feed-x", "metrics", "fee"];
        assert_eq!(closest("feed", names.into_iter()), Some("fee".into()));
        assert_eq!(closest("metric", names.into_iter()), Some("metrics".into()));
        assert_eq!(closest("zzz", names.into_iter()), None);
        assert_eq!(closest("feeds", ["feeds"].into_iter()), None);
    }
}
