#!/usr/bin/env bash
# The call order must not depend on the linker: the quickstart prints its plugins
# and dispatch table, and the output must be the same without LTO, with thin LTO
# and with fat LTO (linkme's element order differs between them).
set -euo pipefail
cd "$(dirname "$0")/.."

run() {
    cargo run --quiet -p quickstart "$@"
}

baseline=$(run)
thin=$(CARGO_PROFILE_RELEASE_LTO=thin run --release)
fat=$(CARGO_PROFILE_RELEASE_LTO=fat CARGO_PROFILE_RELEASE_CODEGEN_UNITS=1 run --release)

status=0
for variant in thin fat; do
    if [ "${!variant}" != "$baseline" ]; then
        echo "link order check: output with $variant LTO differs from the debug build:" >&2
        diff <(echo "$baseline") <(echo "${!variant}") >&2 || true
        status=1
    fi
done
[ "$status" -eq 0 ] && echo "link order check: same output without LTO, with thin LTO and with fat LTO"
exit "$status"
