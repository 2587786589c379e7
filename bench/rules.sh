#!/usr/bin/env bash
# Rule-analysis scaling benchmark: generates realistic documents of 1k, 10k and 100k rules and times
# `modelctl check` on each (wall time of the whole command, median of RUNS runs, through the launcher with
# MODELCTL_JIT=full, as a CI job checking a huge document would run it).
#   usage: bench/rules.sh [RUNS]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-3}"
[ -f "$root/cli/target/modelctl.jar" ] || (cd "$root" && mvn -q -B -DskipTests package)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
printf '{}\n' > "$work/empty.yaml"   # no repo config: no ownership file, so only the document's own checks run
echo "| rules | document | findings (error/warning/info) | check wall time (median of $runs) |"
echo "|---:|---:|---|---:|"
for n in 1000 10000 100000; do
  doc="$work/rules-$n.json"
  python3 "$root/bench/gen_rules.py" "$n" "$doc"
  times=()
  for ((i = 0; i < runs; i++)); do
    s=$(date +%s%N)
    MODELCTL_JIT=full "$root/hooks/modelctl" check --config "$work/empty.yaml" --max-bytes 256M --format json "$doc" > "$work/out.json" || true
    e=$(date +%s%N)
    times+=($(((e - s) / 1000000)))
  done
  median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p")
  counts=$(python3 -c "import json,sys; s=json.load(open('$work/out.json'))['summary']; print('%d/%d/%d' % (s['errors'], s['warnings'], s['info']))")
  printf '| %s | %s KB | %s | %s ms |\n' "$n" "$(( $(stat -c %s "$doc") / 1024 ))" "$counts" "$median"
done
