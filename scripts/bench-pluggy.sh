#!/usr/bin/env bash
# pluggy against hookcore in the same shapes, one command.
#
# 1. Makes a virtual environment under ${CARGO_TARGET_DIR:-target}/pluggy-venv with a
#    pinned pluggy from PyPI (once; reused while the pin matches).
# 2. Runs benches/pluggy/bench_pluggy.py: pluggy calls in the shapes of
#    benches/benches/hooks.rs, written to ${CARGO_TARGET_DIR:-target}/pluggy-bench.json.
# 3. Runs the matching criterion groups, hookcore_hoisted and hookcore_per_call only,
#    with short times.
# 4. Prints one table: shape, N, pluggy ns/call, hookcore ns/call (criterion medians),
#    pluggy ÷ hookcore, and whether the row meets the issue's target (≥ 1000×).
#
# Usage: scripts/bench-pluggy.sh [--skip-cargo] [--skip-pluggy]
#
# Environment:
#   SKIP_CARGO=1        reuse the criterion results already under the target directory
#   SKIP_PLUGGY=1       reuse the pluggy JSON already there
#   WARM_UP_TIME        criterion warm-up seconds per benchmark (default 0.5)
#   MEASUREMENT_TIME    criterion measurement seconds per benchmark (default 1)
#   PLUGGY_SECONDS      seconds per pluggy case, all rounds together (default 0.5)
#   PLUGGY_ROUNDS       pluggy rounds per case, median reported (default 5)
#   PLUGGY_VERSION      the pluggy pin (default 1.7.0, the latest 1.x when written)
#   PYTHON              the interpreter the environment is made from (default python3)
#   CARGO_TARGET_DIR    as for cargo (default target/ in the workspace)
set -euo pipefail

# A relative CARGO_TARGET_DIR means what it means to cargo: relative to where this
# was run from. Then everything runs from the workspace root.
if [ -n "${CARGO_TARGET_DIR:-}" ]; then
    mkdir -p "$CARGO_TARGET_DIR"
    CARGO_TARGET_DIR=$(cd "$CARGO_TARGET_DIR" && pwd)
    export CARGO_TARGET_DIR
fi
cd "$(dirname "$0")/.."
self="scripts/$(basename "$0")"

usage() {
    sed -n '2,/^set -euo/p' "$self" | sed '$d' | sed 's/^# \{0,1\}//'
}

skip_cargo=${SKIP_CARGO:-0}
skip_pluggy=${SKIP_PLUGGY:-0}
for arg in "$@"; do
    case "$arg" in
        --skip-cargo) skip_cargo=1 ;;
        --skip-pluggy) skip_pluggy=1 ;;
        -h | --help)
            usage
            exit 0
            ;;
        *)
            echo "bench-pluggy: unknown argument: $arg" >&2
            usage >&2
            exit 2
            ;;
    esac
done

target=${CARGO_TARGET_DIR:-$PWD/target}
mkdir -p "$target"

pluggy_version=${PLUGGY_VERSION:-1.7.0}
venv=$target/pluggy-venv
json=$target/pluggy-bench.json
bench=benches/pluggy/bench_pluggy.py

# The environment, made once and reused while it holds the pinned version.
installed=$("$venv/bin/python" -c 'import importlib.metadata as m; print(m.version("pluggy"))' 2>/dev/null || true)
if [ "$installed" != "$pluggy_version" ]; then
    echo "== virtual environment $venv with pluggy==$pluggy_version" >&2
    "${PYTHON:-python3}" -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "pluggy==$pluggy_version"
fi

if [ "$skip_pluggy" = 1 ]; then
    echo "== pluggy: reusing $json" >&2
else
    echo "== pluggy $pluggy_version" >&2
    "$venv/bin/python" "$bench" --json "$json"
fi

if [ "$skip_cargo" = 1 ]; then
    echo "== hookcore: reusing the criterion results in $target/criterion" >&2
else
    echo "== hookcore: cargo bench (hookcore_hoisted, hookcore_per_call)" >&2
    filter='^(unit|collect|first_at_first|first_at_last|wrapped_unit|threads_unit_n10)/hookcore_(hoisted|per_call)/'
    cargo bench -p hookcore-benches --bench hooks -- "$filter" \
        --warm-up-time "${WARM_UP_TIME:-0.5}" \
        --measurement-time "${MEASUREMENT_TIME:-1}" \
        --noplot >&2
fi

echo >&2
"$venv/bin/python" "$bench" --compare --json "$json" --criterion "$target/criterion"
