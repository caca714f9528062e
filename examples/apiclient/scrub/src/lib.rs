//! A transform that masks leaked secrets in response bodies: API keys and tokens
//! recognised by their prefixes (`ghp_`, `xoxb-`, `AKIA`, `sk_live_`, ...).
//!
//! Matching runs through an Aho-Corasick automaton compiled from [`PATTERNS`]
//! into a dense transition table, one lookup per byte. Compiling it is the heavy
//! part, so the plugin does it lazily (the seed's "import heavy dependencies only
//! when needed"): registering the `scrub` transform, and building one, costs
//! nothing; the automaton is built in a [`std::sync::OnceLock`] the first time a
//! body is scrubbed. [`is_built`] and [`stats`] show whether that has happened.
//!
//! The plugin is a type, [`Scrub`], named `scrub`.

#![warn(missing_docs)]

use std::collections::VecDeque;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use apiclient_hookspecs::{ApiError, ApiPlugins, Response, Transform, TransformRegistry};
use hookcore::hookimpl;

/// The secrets recognised: a prefix and what it is a prefix of. A match needs at
/// least [`MIN_TAIL`] token characters after the prefix, and no token character
/// right before it.
pub const PATTERNS: &[(&str, &str)] = &[
    ("ghp_", "GitHub personal access token"),
    ("gho_", "GitHub OAuth token"),
    ("ghu_", "GitHub user-to-server token"),
    ("ghs_", "GitHub server-to-server token"),
    ("ghr_", "GitHub refresh token"),
    ("github_pat_", "GitHub fine-grained token"),
    ("glpat-", "GitLab personal token"),
    ("glptt-", "GitLab trigger token"),
    ("glsa_", "Grafana service account token"),
    ("xoxb-", "Slack bot token"),
    ("xoxp-", "Slack user token"),
    ("xoxa-", "Slack app token"),
    ("xoxr-", "Slack refresh token"),
    ("xapp-", "Slack app-level token"),
    ("AKIA", "AWS access key"),
    ("ASIA", "AWS temporary access key"),
    ("sk_live_", "Stripe secret key"),
    ("sk_test_", "Stripe test key"),
    ("rk_live_", "Stripe restricted key"),
    ("whsec_", "Stripe webhook secret"),
    ("AIza", "Google API key"),
    ("ya29.", "Google OAuth token"),
    ("npm_", "npm token"),
    ("pypi-", "PyPI token"),
    ("SG.", "SendGrid key"),
    ("dop_v1_", "DigitalOcean token"),
    ("shpat_", "Shopify token"),
    ("hf_", "Hugging Face token"),
    ("sk-ant-", "Anthropic key"),
    ("sk-proj-", "OpenAI project key"),
    ("eyJ", "JSON Web Token"),
];

/// Token characters a secret needs after its prefix.
pub const MIN_TAIL: usize = 8;

/// What replaces the part of a secret after its prefix.
pub const MASK: &str = "[redacted]";

/// The plugin.
#[derive(Debug, Clone, Copy, Default)]
pub struct Scrub;

#[hookimpl(name = "scrub")]
impl ApiPlugins for Scrub {
    /// Registers `scrub`. Cheap: the automaton is not built here.
    fn register_transforms(&self, registry: &mut TransformRegistry) {
        registry.register("scrub", |_| Ok(Box::new(ScrubTransform)));
    }
}

/// The `scrub` transform: masks every secret in the body after its prefix
/// (`ghp_[redacted]`) and says how many in `X-Scrubbed`.
#[derive(Debug, Clone, Copy, Default)]
pub struct ScrubTransform;

impl Transform for ScrubTransform {
    fn apply(&self, response: &mut Response) -> Result<(), ApiError> {
        let (body, found) = scrub(&response.body);
        if !found.is_empty() {
            response.set_body(body);
            response.headers.set("X-Scrubbed", found.len().to_string());
        }
        Ok(())
    }
}

/// One secret found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The prefix it was recognised by, from [`PATTERNS`].
    pub prefix: &'static str,
    /// What it is, from [`PATTERNS`].
    pub what: &'static str,
    /// Byte offset in the input.
    pub offset: usize,
    /// Its length in bytes, prefix included.
    pub len: usize,
}

/// `input` with each secret masked, and the secrets found. Builds the automaton
/// if this is the first use.
#[must_use]
pub fn scrub(input: &[u8]) -> (Vec<u8>, Vec<Finding>) {
    let found = automaton().find(input);
    let mut out = Vec::with_capacity(input.len());
    let mut copied = 0;
    for finding in &found {
        out.extend_from_slice(&input[copied..finding.offset + finding.prefix.len()]);
        out.extend_from_slice(MASK.as_bytes());
        copied = finding.offset + finding.len;
    }
    out.extend_from_slice(&input[copied..]);
    (out, found)
}

/// Whether the automaton has been built in this process.
#[must_use]
pub fn is_built() -> bool {
    AUTOMATON.get().is_some()
}

/// The automaton's size and build time, once it is built.
#[must_use]
pub fn stats() -> Option<Stats> {
    AUTOMATON.get().map(|automaton| automaton.stats)
}

/// The size of the built automaton.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stats {
    /// Patterns compiled in.
    pub patterns: usize,
    /// States of the automaton.
    pub states: usize,
    /// Bytes of its transition table.
    pub table_bytes: usize,
    /// How long building it took.
    pub build_time: Duration,
}

static AUTOMATON: OnceLock<Automaton> = OnceLock::new();

fn automaton() -> &'static Automaton {
    AUTOMATON.get_or_init(Automaton::build)
}

/// An Aho-Corasick automaton as a DFA: `next[state * 256 + byte]`.
struct Automaton {
    next: Vec<u16>,
    /// Per state, the patterns that end there (its own and its suffixes').
    outputs: Vec<Vec<u16>>,
    stats: Stats,
}

fn is_token(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || matches!(byte, b'_' | b'-' | b'.')
}

impl Automaton {
    fn build() -> Automaton {
        let started = Instant::now();
        const NONE: u16 = u16::MAX;
        // The trie.
        let mut next: Vec<u16> = vec![NONE; 256];
        let mut outputs: Vec<Vec<u16>> = vec![Vec::new()];
        for (index, (prefix, _)) in PATTERNS.iter().enumerate() {
            let mut state = 0;
            for &byte in prefix.as_bytes() {
                let slot = state * 256 + usize::from(byte);
                if next[slot] == NONE {
                    next[slot] = u16::try_from(outputs.len()).expect("fewer than 65535 states");
                    next.extend(std::iter::repeat_n(NONE, 256));
                    outputs.push(Vec::new());
                }
                state = usize::from(next[slot]);
            }
            outputs[state].push(u16::try_from(index).expect("few patterns"));
        }
        // Failure links, breadth first, folded into the table: every missing
        // transition goes where the failure state's would.
        let mut fail = vec![0usize; outputs.len()];
        let mut queue = VecDeque::new();
        for slot in &mut next[..256] {
            match *slot {
                NONE => *slot = 0,
                child => queue.push_back(usize::from(child)),
            }
        }
        while let Some(state) = queue.pop_front() {
            for byte in 0..256 {
                let slot = state * 256 + byte;
                let via_fail = next[fail[state] * 256 + byte];
                if next[slot] == NONE {
                    next[slot] = via_fail;
                } else {
                    let child = usize::from(next[slot]);
                    fail[child] = usize::from(via_fail);
                    let inherited = outputs[fail[child]].clone();
                    outputs[child].extend(inherited);
                    queue.push_back(child);
                }
            }
        }
        let states = outputs.len();
        Automaton {
            stats: Stats {
                patterns: PATTERNS.len(),
                states,
                table_bytes: next.len() * std::mem::size_of::<u16>(),
                build_time: started.elapsed(),
            },
            next,
            outputs,
        }
    }

    /// The secrets in `input`, in order, not overlapping.
    fn find(&self, input: &[u8]) -> Vec<Finding> {
        let mut found: Vec<Finding> = Vec::new();
        let mut state = 0;
        for (end, &byte) in input.iter().enumerate() {
            state = usize::from(self.next[state * 256 + usize::from(byte)]);
            for &pattern in &self.outputs[state] {
                let (prefix, what) = PATTERNS[usize::from(pattern)];
                let start = end + 1 - prefix.len();
                if start > 0 && is_token(input[start - 1]) {
                    continue;
                }
                if found
                    .last()
                    .is_some_and(|last| start < last.offset + last.len)
                {
                    continue;
                }
                let mut stop = end + 1;
                while stop < input.len() && is_token(input[stop]) {
                    stop += 1;
                }
                while stop > end + 1 && input[stop - 1] == b'.' {
                    stop -= 1; // a full stop ends the sentence, not the token
                }
                if stop - (end + 1) >= MIN_TAIL {
                    found.push(Finding {
                        prefix,
                        what,
                        offset: start,
                        len: stop - start,
                    });
                }
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_secrets_after_their_prefixes() {
        let text = "key=ghp_EXAMPLEexample0123456789 slack xoxb-1234-5678-abcdefgh. aws:AKIAEXAMPLE000000XY";
        let (out, found) = scrub(text.as_bytes());
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "key=ghp_[redacted] slack xoxb-[redacted]. aws:AKIA[redacted]"
        );
        let what: Vec<_> = found.iter().map(|f| f.what).collect();
        assert_eq!(
            what,
            [
                "GitHub personal access token",
                "Slack bot token",
                "AWS access key"
            ]
        );
        assert_eq!(found[0].offset, 4);
        assert!(is_built());
    }

    #[test]
    fn leaves_short_tails_and_prefixes_inside_words_alone() {
        for text in [
            "ghp_short",
            "a_ghp_EXAMPLEexample0123456789",
            "MAKIAEXAMPLE000000XY",
            "nothing to see here",
            "",
        ] {
            let (out, found) = scrub(text.as_bytes());
            assert!(found.is_empty(), "{text}");
            assert_eq!(out, text.as_bytes());
        }
    }

    #[test]
    fn overlapping_prefixes_give_one_finding() {
        // `sk-ant-` and `sk-proj-` share `sk-`; a JWT has `eyJ` again inside.
        let text = "sk-ant-api03-EXAMPLE00 eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig";
        let (out, found) = scrub(text.as_bytes());
        assert_eq!(found.len(), 2);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "sk-ant-[redacted] eyJ[redacted]"
        );
    }

    #[test]
    fn the_automaton_agrees_with_a_naive_search() {
        let text = b"xx ghp_AAAAAAAAAAAA yy glpat-BBBBBBBBBB zz SG.CCCCCCCCCCCC ya29.DDDDDDDDDD";
        let naive: Vec<usize> = (0..text.len())
            .filter(|&i| i == 0 || !is_token(text[i - 1]))
            .filter(|&i| {
                PATTERNS
                    .iter()
                    .any(|(p, _)| text[i..].starts_with(p.as_bytes()))
            })
            .collect();
        let found: Vec<usize> = scrub(text).1.iter().map(|f| f.offset).collect();
        assert_eq!(found, naive);
        let stats = stats().unwrap();
        assert_eq!(stats.patterns, PATTERNS.len());
        assert_eq!(stats.table_bytes, stats.states * 256 * 2);
    }
}
