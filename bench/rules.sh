#!/usr/bin/env bash
# Rule-analysis scaling benchmark: generates realistic documents of 1k, 10k and 100k rules (bench/gen_rules.py) and
#  1. times the whole `modelctl check` command on each (wall time, median of RUNS runs, through the launcher with
#     MODELCTL_JIT=full, as a CI job checking a huge document would run it);
#  2. times the phases in-process (bench/RulesBench.java, a fresh JVM per document with the launcher's GC and stack
#     flags): loading with positions, the typed view, and the rule analysis alone — first run / median of later runs.
#   usage: bench/rules.sh [RUNS]      (default 3; needs python3 and a JDK >= 17)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-3}"
jar="$root/cli/target/modelctl.jar"
[ -f "$jar" ] || (cd "$root" && mvn -q -B -DskipTests package)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
printf '{}\n' > "$work/empty.yaml"   # no repo config: no ownership file, so only the document's own checks run

# the JDK the launcher would pick: $MODELCTL_JAVA_HOME, else the newest under /usr/lib/jvm, else java on PATH
java="java"
if [ -n "${MODELCTL_JAVA_HOME:-}" ]; then
  java="$MODELCTL_JAVA_HOME/bin/java"
else
  best=0
  for h in /usr/lib/jvm/*; do
    m="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$h/release" 2>/dev/null || true)"
    if [ -x "$h/bin/java" ] && [ "${m:-0}" -gt "$best" ]; then best="$m"; java="$h/bin/java"; fi
  done
fi

echo "| rules | document | findings (error/warning/info) | \`check\` wall time (median of $runs) | load: first / warm | typed view: first / warm | analysis: first / warm |"
echo "|---:|---:|---|---:|---:|---:|---:|"
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
  phases=$("$java" -XX:+UseSerialGC -Xss4m -cp "$jar" "$root/bench/RulesBench.java" "$doc" "$((runs + 1))")
  IFS='|' read -r load view analysis _ <<< "$phases"
  printf '| %s | %s KB | %s | %s ms | %s | %s | %s |\n' "$n" "$(( $(stat -c %s "$doc") / 1024 ))" "$counts" "$median" \
    "$(xargs <<< "$load")" "$(xargs <<< "$view")" "$(xargs <<< "$analysis")"
done
