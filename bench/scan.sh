#!/usr/bin/env bash
# Scan throughput against ripgrep on a generated >= 200 MB tree, and the pre-commit figure (10 staged files through
# the launcher). Prints wall times (median of RUNS) and the ratio.   usage: bench/scan.sh [RUNS]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-3}"
[ -f "$root/cli/target/modelctl.jar" ] || (cd "$root" && mvn -q -B -DskipTests package)
command -v rg >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ripgrep >/dev/null)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 "$root/bench/gen_tree.py" "$work/tree" 220
size_mb=$(du -sm "$work/tree" | cut -f1)
# the same providers, names and version tails as rules/model_ids.yaml (ripgrep's engine has no look-behind)
pattern='(?:(?:us|eu|apac|us-gov|ca|jp|au|global)\.)?(?:anthropic|amazon|meta|mistral|cohere|ai21|stability|deepseek|writer|qwen|openai|twelvelabs|luma)\.[a-z0-9][a-z0-9.-]{0,80}?(?:-v[0-9]+(?::[0-9]+(?::[0-9]+k)?)?|:[0-9]+)'
median() { sort -n | sed -n "$(((runs + 1) / 2))p"; }
time_ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N); echo $(((e - s) / 1000000)); }
printf '{}\n' > "$work/empty.yaml"
mc=$(for ((i = 0; i < runs; i++)); do time_ms env MODELCTL_JIT=full "$root/hooks/modelctl" scan --config "$work/empty.yaml" --no-baseline "$work/tree"; done | median)
mc1=$(for ((i = 0; i < runs; i++)); do time_ms "$root/hooks/modelctl" scan --config "$work/empty.yaml" --no-baseline "$work/tree"; done | median)
rgt=$(for ((i = 0; i < runs; i++)); do time_ms rg -c -e "$pattern" "$work/tree"; done | median)
found_mc=$( ("$root/hooks/modelctl" scan --config "$work/empty.yaml" --no-baseline --format json "$work/tree" || true) | python3 -c "import json,sys; print(len(json.load(sys.stdin)['findings']))")
found_rg=$( (rg -o -e "$pattern" "$work/tree" || true) | wc -l)
echo "tree: ${size_mb} MB, $(find "$work/tree" -type f | wc -l) files, $(nproc) cores"
echo "| tool | wall time (median of $runs) | matches |"
echo "|---|---:|---:|"
echo "| modelctl scan (MODELCTL_JIT=full) | ${mc} ms | ${found_mc} |"
echo "| modelctl scan (launcher default, C1 only) | ${mc1} ms | ${found_mc} |"
echo "| rg -c (same pattern) | ${rgt} ms | ${found_rg} |"
awk -v a="$mc" -v b="$rgt" 'BEGIN { printf "ratio modelctl/rg: %.2f\n", a / b }'

# pre-commit path: 10 staged files in a scratch repository, through the launcher
repo="$work/repo"; git init -q "$repo"; (cd "$repo" && for i in $(seq 1 10); do cp "$work/tree/pkg000/$(ls "$work/tree/pkg000" | sed -n "${i}p")" "f$i.py"; done && git add .)
pc=$(for ((i = 0; i < runs; i++)); do (cd "$repo" && time_ms "$root/hooks/modelctl" scan --staged --no-baseline); done | median)
echo "pre-commit: scan --staged of 10 files ($(du -ck "$repo"/f*.py | tail -1 | cut -f1) KB) through the launcher: ${pc} ms"
