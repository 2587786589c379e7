#!/usr/bin/env bash
# Big-document benchmark, in ONE hyperfine run so every command sees the same machine load: generated realistic
# routing documents (bench/gen_rules.py: 40 task types, 6 attributes, rules grouped per tenant) of 10k and 100k rules,
# written as YAML, and
#   the floor   - a Java hello world with its own AOT cache (the launcher's JVM and flags);
#   Python      - yaml (libyaml) + jsonschema validating the 10k document (bench/py_validate.py);
#   modelctl    - `validate` of the 10k document, `check` (JSON output, every finding) of the 10k and 100k documents,
#                 through the launcher as a CI job runs it: the launcher picks the JIT mode from the document's size
#                 (C1 only for the 1.9 MB one, C2 for the 19 MB one); and, side by side, the 100k check held to C1
#                 (MODELCTL_JIT=c1, what the launcher ran for every size before it chose).
# Prints hyperfine's table, then the ratios the goals are stated in. In-process phase timings: bench/RulesBench.java.
#   usage: bench/rules.sh [RUNS]      (default 5; installs hyperfine, python3-yaml, python3-jsonschema via apt)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-5}"
launcher="${MODELCTL_LAUNCHER:-$root/hooks/modelctl}"
schema="$root/schemas/model_routing_config.schema.json"

# shellcheck source=bench/lib.sh
. "$root/bench/lib.sh"
need_packages hyperfine=hyperfine py:yaml=python3-yaml py:jsonschema=python3-jsonschema
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export MODELCTL_CACHE_DIR="$work/cache" MODELCTL_JAVA_HOME="$jdk25"
printf '{}\n' > "$work/empty.yaml"   # no repo config: no ownership file, so only the document's own checks run

for n in 10000 100000; do
  python3 "$root/bench/gen_rules.py" "$n" "$work/rules-$n.json"
  python3 -c 'import json, sys, yaml; yaml.dump(json.load(open(sys.argv[1])), open(sys.argv[2], "w"), Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), sort_keys=False)' \
    "$work/rules-$n.json" "$work/rules-$n.yaml"
done

build_floor "$work"
"$launcher" check --config "$work/empty.yaml" "$root/templates/model_routing_config.example.yaml" >/dev/null 2>&1 || true   # the launcher's check cache for this jar and JVM

m="$launcher"
opts="--config $work/empty.yaml --max-bytes 256M"
names=() commands=()
add() { names+=("$1"); commands+=("$2"); }
add "floor JDK 25 (hello world, AOT cache)" "$jdk25/bin/java ${bench_flags25[*]} -XX:AOTCache=$work/hello.aot -cp $work/hello.jar Hello"
add "python yaml+jsonschema, 10k rules" "python3 $root/bench/py_validate.py $schema $work/rules-10000.yaml"
add "modelctl validate, 10k rules" "$m validate $opts $work/rules-10000.yaml"
add "modelctl check, 10k rules" "$m check $opts --format json $work/rules-10000.yaml"
add "modelctl check, 100k rules" "$m check $opts --format json $work/rules-100000.yaml"
add "modelctl check, 100k rules, MODELCTL_JIT=c1" "MODELCTL_JIT=c1 $m check $opts --format json $work/rules-100000.yaml"
args=()
for i in "${!names[@]}"; do args+=(-n "${names[$i]}" "${commands[$i]}"); done

echo "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u '+%Y-%m-%d %H:%M UTC'), $runs runs each;" \
  "documents: 10k rules $(( $(stat -c %s "$work/rules-10000.yaml") / 1024 )) KB, 100k rules $(( $(stat -c %s "$work/rules-100000.yaml") / 1024 )) KB YAML"
for n in 10000 100000; do
  "$launcher" check --config "$work/empty.yaml" --max-bytes 256M --format json "$work/rules-$n.yaml" > "$work/out-$n.json" || true
  python3 -c "import json,sys; s=json.load(open(sys.argv[1]))['summary']; print('%s rules: findings %d errors / %d warnings / %d info' % (sys.argv[2], s['errors'], s['warnings'], s['info']))" \
    "$work/out-$n.json" "$n"
done
hyperfine --style basic --warmup 1 --runs "$runs" -i --export-json "$work/result.json" "${args[@]}" >&2
python3 - "$work/result.json" <<'EOF'
import json, sys
res = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
med = {k: sorted(v["times"])[len(v["times"]) // 2] for k, v in res.items()}
print("| command | median | min |")
print("|---|---:|---:|")
for name, m in med.items():
    print("| %s | %.2f s | %.2f s |" % (name, m, min(res[name]["times"])))
print()
print("validate 10k / python yaml+jsonschema 10k: %.2f" % (med["modelctl validate, 10k rules"] / med["python yaml+jsonschema, 10k rules"]))
print("check 100k / check 10k (growth): %.1fx" % (med["modelctl check, 100k rules"] / med["modelctl check, 10k rules"]))
print("check 100k wall: %.2f s (held to C1: %.2f s)" % (med["modelctl check, 100k rules"], med["modelctl check, 100k rules, MODELCTL_JIT=c1"]))
EOF
