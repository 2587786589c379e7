#!/usr/bin/env bash
# Start-up benchmark for the pre-commit paths, in ONE hyperfine run so every command sees the same machine load:
#   the floor   - a Java hello world with its own AOT cache (JDK 25) / AppCDS archive (JDK 17), same JVM flags;
#   Python      - yaml + jsonschema validating the bundled example against the same schema (bench/py_validate.py);
#   modelctl    - `--version`, `check` of the bundled example, `scan --staged` of 10 staged files and `scan` of the
#                 same 10 by name (what the pre-commit hook runs), through the launcher (hooks/modelctl, its cache
#                 built beforehand) on JDK 25 and JDK 17.
# Prints hyperfine's table, then each path's median as a ratio of the floor and of Python.
#   usage: bench/startup.sh [RUNS]        (default 20; installs hyperfine, python3-yaml, python3-jsonschema via apt: bench/lib.sh)
#   MODELCTL_LAUNCHER=path/to/modelctl measures another launcher (e.g. an older checkout, for before/after figures)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-20}"
launcher="${MODELCTL_LAUNCHER:-$root/hooks/modelctl}"
doc="$root/templates/model_routing_config.example.yaml"
schema="$root/schemas/model_routing_config.schema.json"

# shellcheck source=bench/lib.sh
. "$root/bench/lib.sh"
need_packages hyperfine=hyperfine py:yaml=python3-yaml py:jsonschema=python3-jsonschema
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export MODELCTL_CACHE_DIR="$work/cache"
flags=("${bench_flags[@]}")
build_floor "$work"   # the floor: hello world in a jar, with a cache trained on itself

# a repository with 10 staged files (sources, configs, one hard-coded model ID: the findings path runs)
repo="$work/repo"
mkdir -p "$repo/src" "$repo/deploy"
git -C "$repo" init -q
for i in 0 1 2 3 4 5 6 7; do
  for ((l = 0; l < 40; l++)); do echo "def handler_${i}_$l(event): return invoke(event, max_tokens=$l)  # line $l"; done > "$repo/src/module_$i.py"
done
printf 'service: api\nprovider:\n  environment:\n    LOG_LEVEL: info\n' > "$repo/deploy/serverless.yml"
printf 'import boto3\nMODEL = "anthropic.claude-3-haiku-20240307-v1:0"\n' > "$repo/src/client.py"
git -C "$repo" add -A

cmd() { printf '%s' "$*"; }
names=() commands=()
add() { names+=("$1"); commands+=("$2"); }
add "floor JDK 25 (hello world, AOT cache)" "$(cmd "$jdk25/bin/java" "${bench_flags25[@]}" -XX:AOTCache="$work/hello.aot" -cp "$work/hello.jar" Hello)"
add "floor JDK 17 (hello world, AppCDS)" "$(cmd "$jdk17/bin/java" "${flags[@]}" -XX:SharedArchiveFile="$work/hello.jsa" -cp "$work/hello.jar" Hello)"
add "python yaml+jsonschema (example)" "$(cmd python3 "$root/bench/py_validate.py" "$schema" "$doc")"
for jdk in 25 17; do
  home="$jdk25"; [ "$jdk" = 17 ] && home="$jdk17"
  run="cd $repo && MODELCTL_JAVA_HOME=$home MODELCTL_CACHE_DIR=$MODELCTL_CACHE_DIR $launcher"
  # build the launcher's caches (one per profile) for this JVM before timing: the first run of a profile trains it
  (cd "$repo" && MODELCTL_JAVA_HOME="$home" "$launcher" check "$doc" >/dev/null 2>&1) || true
  (cd "$repo" && MODELCTL_JAVA_HOME="$home" "$launcher" scan --staged >/dev/null 2>&1) || true
  add "JDK $jdk: modelctl --version" "$run --version"
  add "JDK $jdk: modelctl check example" "$run check $doc"
  # the alternative, side by side: the same check parsed by picocli instead of the fast path (docs/startup.md)
  [ "$jdk" = 25 ] && add "JDK $jdk: modelctl check example, picocli parse" "cd $repo && MODELCTL_PICOCLI=1 MODELCTL_JAVA_HOME=$home MODELCTL_CACHE_DIR=$MODELCTL_CACHE_DIR $launcher check $doc"
  add "JDK $jdk: modelctl scan --staged (10 files)" "$run scan --staged"
  add "JDK $jdk: modelctl scan FILES (the same 10, as pre-commit passes them)" "$run scan $(cd "$repo" && git ls-files | tr '\n' ' ')"
done

args=()
for i in "${!names[@]}"; do args+=(-n "${names[$i]}" "${commands[$i]}"); done
echo "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u '+%Y-%m-%d %H:%M UTC'), $runs runs each"
hyperfine --style basic --warmup 3 --runs "$runs" -i --export-json "$work/result.json" "${args[@]}" >&2
python3 - "$work/result.json" <<'EOF'
import json, sys
res = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
med = {k: sorted(v["times"])[len(v["times"]) // 2] * 1000 for k, v in res.items()}
py = med["python yaml+jsonschema (example)"]
print("| path | median | min | × floor | × Python |")
print("|---|---:|---:|---:|---:|")
for name, m in med.items():
    floor = med["floor JDK 17 (hello world, AppCDS)"] if "17" in name.split(":")[0] else med["floor JDK 25 (hello world, AOT cache)"]
    print("| %s | %.0f ms | %.0f ms | %.2f | %.2f |" % (name, m, min(res[name]["times"]) * 1000, m / floor, m / py))
EOF
