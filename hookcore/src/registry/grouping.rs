//! Linked entries grouped into plugins: the free functions of one module are
//! one plugin, and a plugin name claimed twice is an error reported the same
//! way whatever the linker's order.

use std::collections::BTreeMap;

use super::Part;
use crate::error::Error;
use crate::info::{ImplMeta, Source};
use crate::linked::LinkedPlugin;
use crate::object::ErasedEntry;

pub(super) type LinkedParts = (Source, Vec<Part>);

/// Linked entries grouped by plugin name: free functions of one module are one
/// plugin. Fails if one name comes from two packages or implements a hook twice.
pub(super) fn group_linked(
    entries: impl IntoIterator<Item = (&'static LinkedPlugin, Vec<ErasedEntry>)>,
) -> Result<BTreeMap<&'static str, LinkedParts>, Error> {
    let mut plugins: BTreeMap<&'static str, LinkedParts> = BTreeMap::new();
    for (linked, entries) in entries {
        let (source, parts) = plugins
            .entry(linked.name)
            .or_insert_with(|| (linked.source, Vec::new()));
        if (source.package, source.version) != (linked.source.package, linked.source.version) {
            let (first, second) = sorted_pair(source.to_string(), linked.source.to_string());
            return Err(Error::NameClash {
                plugin: linked.name.into(),
                first,
                second,
            });
        }
        for meta in linked.impls {
            if let Some(earlier) = parts
                .iter()
                .flat_map(|part| part.impls)
                .find(|m| (m.hook, m.wrapper) == (meta.hook, meta.wrapper))
            {
                // Report the two places in a stable order, whatever the linker did.
                let (first, second) = sorted_pair(location(earlier), location(meta));
                return Err(Error::DuplicateImpl {
                    plugin: linked.name.into(),
                    hook: meta.hook,
                    first,
                    second,
                });
            }
        }
        parts.push(Part {
            entries: entries.into(),
            impls: linked.impls,
            object: None,
        });
        // The smallest module of a plugin's parts, whatever the linker's order.
        if linked.source.module < source.module {
            *source = linked.source;
        }
    }
    // Parts in source order, so nothing that depends on them (historic replays)
    // follows the linker's order.
    for (_, parts) in plugins.values_mut() {
        parts.sort_by_key(|part| part.impls.first().map(|meta| (meta.file, meta.line)));
    }
    Ok(plugins)
}

fn location(meta: &ImplMeta) -> String {
    format!("{}:{}", meta.file, meta.line)
}

fn sorted_pair(a: String, b: String) -> (String, String) {
    if a <= b { (a, b) } else { (b, a) }
}
