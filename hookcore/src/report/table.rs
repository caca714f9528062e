//! A [`Report`] as text: a table of the plugins, then each hook's
//! implementations in call order with their options.
//!
//! ```text
//! plugins of Platforms (2):
//!   name               package            version  origin      module
//!   teams              chatops            0.1.0    registered  chatops::teams
//!   chatops_geolocate  chatops-geolocate  0.4.0    linked      chatops_geolocate
//!
//! hooks of Platforms, in call order:
//!   register_slack_commands
//!     1. chatops_sre_tools::audit  wrapper
//!     2. chatops_geolocate
//!   get_adapter  firstresult
//!     none
//! ```

use std::fmt;

use super::{Report, marks, options};
use crate::info::Origin;

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "plugins of {} ({}):", self.spec, self.plugins.len())?;
        let header = ["name", "package", "version", "origin", "module"].map(str::to_owned);
        let rows: Vec<[String; 5]> = self
            .plugins
            .iter()
            .map(|plugin| {
                [
                    plugin.name.clone(),
                    plugin.source.package.to_owned(),
                    plugin.source.version.to_owned(),
                    match plugin.origin {
                        Origin::Linked => "linked",
                        Origin::Registered => "registered",
                    }
                    .to_owned(),
                    plugin.source.module.to_owned(),
                ]
            })
            .collect();
        if rows.is_empty() {
            writeln!(f, "  none")?;
        } else {
            let mut widths = [0; 5];
            for row in std::iter::once(&header).chain(&rows) {
                for (width, cell) in widths.iter_mut().zip(row) {
                    *width = (*width).max(cell.chars().count());
                }
            }
            for row in std::iter::once(&header).chain(&rows) {
                let mut line = String::from(" ");
                for (at, (cell, width)) in row.iter().zip(widths).enumerate() {
                    line.push(' ');
                    line.push_str(cell);
                    if at + 1 < row.len() {
                        let pad = width - cell.chars().count() + 1;
                        line.extend(std::iter::repeat_n(' ', pad));
                    }
                }
                writeln!(f, "{}", line.trim_end())?;
            }
        }

        writeln!(f, "\nhooks of {}, in call order:", self.spec)?;
        for hook in &self.hooks {
            let marks = marks(hook);
            if marks.is_empty() {
                writeln!(f, "  {}", hook.hook.name)?;
            } else {
                writeln!(f, "  {}  {}", hook.hook.name, marks.join(", "))?;
            }
            if hook.impls.is_empty() {
                writeln!(f, "    none")?;
            }
            for (at, imp) in hook.impls.iter().enumerate() {
                let options = options(imp);
                if options.is_empty() {
                    writeln!(f, "    {}. {}", at + 1, imp.plugin)?;
                } else {
                    writeln!(f, "    {}. {}  {}", at + 1, imp.plugin, options.join(", "))?;
                }
            }
            if !hook.pending.is_empty() {
                writeln!(
                    f,
                    "    pending (registered, receiving the recorded calls): {}",
                    hook.pending.join(", ")
                )?;
            }
        }
        Ok(())
    }
}
