#!/usr/bin/env bash
# Smoke-run benchmark: wall time of `modelctl smoke` on the bundled example document (11 calls: 4 model blocks,
# 4 use cases, 3 cost-override models) against the in-process fake Bedrock Runtime of the test suite, run as a local
# process answering every InvokeModel after a fixed latency. Shows the tool's own cost (JVM start, SDK client, request
# building) and what --concurrency buys. Prints the median and min of N runs per variant (default 7, after 1 warm-up).
#   usage: bench/smoke.sh [RUNS] [LATENCY_MS]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-7}"
latency="${2:-200}"
jar="$root/cli/target/modelctl.jar"
doc="$root/templates/model_routing_config.example.yaml"
catalog="$root/catalog/bedrock_models.yaml"
if [ ! -f "$jar" ] || [ ! -d "$root/cli/target/test-classes/dev/modelctl/fakes" ]; then (cd "$root" && mvn -q -B -DskipTests package); fi

workdir="$(mktemp -d)"
java -cp "$jar:$root/cli/target/test-classes" dev.modelctl.fakes.FakeBedrockMain "$catalog" "$latency" >"$workdir/endpoint" &
fake_pid=$!
trap 'kill "$fake_pid" 2>/dev/null || true; rm -rf "$workdir"' EXIT
for _ in $(seq 50); do [ -s "$workdir/endpoint" ] && break; sleep 0.1; done
endpoint="$(head -n1 "$workdir/endpoint")"
echo "{}" >"$workdir/none.yaml"
export AWS_ACCESS_KEY_ID=AKIAFAKEFAKEFAKE AWS_SECRET_ACCESS_KEY=fake-secret-key AWS_REGION=us-east-1

# median and min of N runs, in ms
measure() {
  local label="$1"; shift
  local times=() i s e
  "$@" >/dev/null 2>&1 || true   # warm-up
  for ((i = 0; i < runs; i++)); do
    s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N)
    times+=($(((e - s) / 1000000)))
  done
  local sorted; mapfile -t sorted < <(printf '%s\n' "${times[@]}" | sort -n)
  printf '| %-44s | %6d ms | %6d ms |\n' "$label" "${sorted[$((runs / 2))]}" "${sorted[0]}"
}

smoke() { java -jar "$jar" smoke "$doc" --config "$workdir/none.yaml" --endpoint-url "bedrock-runtime=$endpoint" "$@"; }

echo "modelctl smoke $(basename "$doc") (11 calls), fake Bedrock at ${latency} ms per call — $runs runs each, $(nproc) cores, $(date -u +%Y-%m-%d)"
echo "| variant                                      | median    | min       |"
echo "|----------------------------------------------|-----------|-----------|"
measure "--max-cost 0 (plan and estimate, no call)" smoke --max-cost 0
measure "--concurrency 1"                           smoke --concurrency 1
measure "--concurrency 4 (default)"                 smoke
measure "--concurrency 11"                          smoke --concurrency 11
