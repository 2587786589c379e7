#!/usr/bin/env bash
# Scan throughput against ripgrep on a generated >= 200 MB tree, and the pre-commit figure (10 staged files through
# the launcher). Prints wall times (median of RUNS) and the ratio.   usage: bench/scan.sh [RUNS] [TREE_MB]
# ripgrep gets the patterns of rules/model_ids.yaml themselves (minus the look-arounds its default engine lacks).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-5}"
tree_mb="${2:-220}"
jar="$root/cli/target/modelctl.jar"
[ -f "$jar" ] || (cd "$root" && mvn -q -B -DskipTests package)
# shellcheck source=bench/lib.sh
. "$root/bench/lib.sh"
need_packages rg=ripgrep
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 "$root/bench/gen_tree.py" "$work/tree" "$tree_mb" >/dev/null
# the rules' own patterns, their {provider}/{geography} placeholders filled from the catalog as the scanner does, minus
# the look-arounds (boundaries, the Anthropic exclusion) that ripgrep's default engine lacks
python3 - "$root" > "$work/patterns.txt" <<'PY'
import re, sys
root = sys.argv[1]
catalog = open(root + "/catalog/bedrock_models.yaml").read()
providers = sorted({m.split(".")[0] for m in re.findall(r"model_id:\s*([^\s,}]+)", catalog)}, key=lambda p: (-len(p), p))
geographies = re.search(r"inference_profile_prefixes:\s*\[([^\]]*)\]", catalog).group(1).replace(" ", "").split(",")
geographies.sort(key=lambda g: (-len(g), g))
for line in open(root + "/rules/model_ids.yaml"):
    m = re.match(r"^ *pattern: '(.*)'$", line)
    if not m:
        continue
    p = m.group(1).replace("{provider}", "(?:" + "|".join(providers) + ")")
    p = p.replace("{geography}", "(?:" + "|".join(g.replace("-", "\\-") for g in geographies) + ")")
    p = p.replace("(?:(?<![A-Za-z0-9_-])(?<![^}]\\.)|(?<=\\\\[nt]))", "").replace("(?![A-Za-z0-9_-]|[.:][A-Za-z0-9_])", "")
    p = p.replace("(?!anthropic\\.)", "").replace("(?<=[0-9])", "")
    print(p)
PY
printf '{}\n' > "$work/empty.yaml"
# the JDK the launcher runs (the newest in /usr/lib/jvm, or MODELCTL_JAVA_HOME), for the warm run too
jhome="${MODELCTL_JAVA_HOME:-$jdk25}"
java="${jhome:+$jhome/bin/}java"
median() { sort -n | sed -n "$(((runs + 1) / 2))p"; }
time_ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N); echo $(((e - s) / 1000000)); }
scan=("$root/hooks/modelctl" scan --config "$work/empty.yaml" --no-baseline "$work/tree")
time_ms "${scan[@]}" >/dev/null # first runs: the launcher records its start-up caches (one per JIT mode)
time_ms env MODELCTL_JIT=full "${scan[@]}" >/dev/null
full=$(for ((i = 0; i < runs; i++)); do time_ms env MODELCTL_JIT=full "${scan[@]}"; done | median)
c1=$(for ((i = 0; i < runs; i++)); do time_ms "${scan[@]}"; done | median)
rgt=$(for ((i = 0; i < runs; i++)); do time_ms rg -c -f "$work/patterns.txt" "$work/tree"; done | median)
read -r warm found_warm < <("$java" -cp "$jar" "$root/bench/ScanWarm.java" "$work/tree" "$runs")
found_mc=$( ("${scan[@]}" --format json || true) | python3 -c "import json,sys; print(len(json.load(sys.stdin)['findings']))")
found_rg=$( (rg -o -f "$work/patterns.txt" "$work/tree" || true) | wc -l)
echo "tree: $(du -sm "$work/tree" | cut -f1) MB, $(find "$work/tree" -type f | wc -l) files, $(nproc) cores, $("$java" -version 2>&1 | head -1)"
echo "| run | wall time (median of $runs) | matches |"
echo "|---|---:|---:|"
echo "| modelctl scan, cold JVM (launcher, MODELCTL_JIT=full) | ${full} ms | ${found_mc} |"
echo "| modelctl scan, cold JVM (launcher default: C1 only) | ${c1} ms | ${found_mc} |"
echo "| modelctl scanner, warm JVM (bench/ScanWarm.java) | ${warm} ms | ${found_warm} |"
echo "| rg -c -f patterns | ${rgt} ms | ${found_rg} |"
awk -v c="$c1" -v f="$full" -v w="$warm" -v b="$rgt" \
  'BEGIN { printf "ratio to rg: cold %.2f (launcher default), %.2f (full JIT); warm %.2f\n", c / b, f / b, w / b }'

# pre-commit path: 10 staged files in a scratch repository, through the launcher
repo="$work/repo"
git init -q "$repo"
(cd "$repo" && find "$work/tree/pkg000" -maxdepth 1 -type f | sort | head -10 | while read -r f; do cp "$f" .; done && git add .)
pc=$(for ((i = 0; i < runs; i++)); do (cd "$repo" && time_ms "$root/hooks/modelctl" scan --staged --no-baseline); done | median)
echo "pre-commit: scan --staged of 10 files ($(du -ck "$repo"/file* | tail -1 | cut -f1) KB) through the launcher: ${pc} ms"
