//! The words of option errors: where an option belongs, what a site takes, and
//! the closest keyword to a misspelt one.

use syn::Ident;

use super::*;
use crate::errors::Errors;

/// Where an option does belong, for the message when it stands elsewhere.
pub(super) fn home_of(option: &str) -> &'static str {
    match option {
        FIRSTRESULT => "on a hook method of a #[hookspec] trait: `#[hookspec(firstresult)]`",
        HISTORIC => "on a hook method of a #[hookspec] trait: `#[hookspec(historic)]`",
        TRYFIRST | TRYLAST | WRAPPER | BEFORE | AFTER | SPECNAME => {
            "on a #[hookimpl] function, or on a method inside a #[hookimpl] impl block"
        }
        NAME => "on a #[hookimpl] function or impl block: `#[hookimpl(name = \"...\")]`",
        INSTANCE | RUNTIME => "on a #[hookimpl] impl block",
        _ => "on #[hookspec] on a trait, or on #[hookimpl] on a function or impl block",
    }
}

/// Whether `site` takes the option `word`; if not, says where it belongs.
pub(super) fn accepted(site: Site, word: &Ident, errors: &mut Errors) -> bool {
    if site.accepts().iter().any(|option| word == option) {
        return true;
    }
    let option = word.to_string();
    errors.at(
        word,
        format!(
            "`{option}` does not go on {}; it belongs {}",
            site.describe(),
            home_of(&option)
        ),
    );
    false
}

/// "unknown option" with what the site takes, and the closest keyword if any.
pub(super) fn unknown(site: Site, word: &str) -> String {
    let takes = site
        .accepts()
        .iter()
        .map(|option| format!("`{option}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let mut message = format!("unknown option `{word}`; {} takes {takes}", site.describe());
    if site == Site::ImplFn {
        message.push_str(", after the spec trait");
    }
    if let Some(close) = ALL.iter().find(|keyword| edit_distance(word, keyword) <= 2) {
        message.push_str(&format!("; did you mean `{close}`?"));
    }
    message
}

/// Levenshtein distance, for "did you mean".
pub(super) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = diagonal + usize::from(ca != *cb);
            diagonal = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[b.len()]
}
