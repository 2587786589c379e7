#!/usr/bin/env bash
# Cost-override drill on the REAL clock against the fake AppConfig control and data planes of the test suite (run as a
# local process): `modelctl drill cost-override` with 5 sessions polling every 15 s (the AppConfig minimum), the override
# deployed all-at-once (--bake 0m, so the lever returns as soon as AppConfig has it), and per-session propagation delays
# (default 0 5 10 20 30 s). Prints the drill's own table and the wall time. Takes about a minute.
#   usage: bench/drill.sh [DELAY_S...]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
jar="$root/cli/target/modelctl.jar"
doc="$root/templates/model_routing_config.example.yaml"
if [ ! -f "$jar" ] || [ ! -d "$root/cli/target/test-classes/dev/modelctl/fakes" ]; then (cd "$root" && mvn -q -B -DskipTests package); fi
delays=("$@"); [ ${#delays[@]} -gt 0 ] || delays=(0 5 10 20 30)

workdir="$(mktemp -d)"
export AWS_ACCESS_KEY_ID=AKIAFAKEFAKEFAKE AWS_SECRET_ACCESS_KEY=fake-secret-key AWS_REGION=us-east-1
java -cp "$jar:$root/cli/target/test-classes" dev.modelctl.fakes.FakeAppConfigMain "$doc" "${delays[@]}" >"$workdir/endpoints" 2>"$workdir/fake.log" &
fake_pid=$!
trap 'kill "$fake_pid" 2>/dev/null || true; rm -rf "$workdir"' EXIT
for _ in $(seq 300); do [ -s "$workdir/endpoints" ] && break; sleep 0.1; done
read -r appconfig data <"$workdir/endpoints"
echo "appconfig: {application: chatbot, profile: model-routing, region: us-east-1}" >"$workdir/.modelctl.yaml"

echo "modelctl drill cost-override, fake AppConfig on the real clock, propagation delays ${delays[*]} s, $(nproc) cores, $(date -u +%Y-%m-%d)"
s=$(date +%s%N)
java -jar "$jar" drill cost-override --env staging --bake 0m --engineer bench@example.com --config "$workdir/.modelctl.yaml" \
  --report "$workdir/report.md" --endpoint-url "appconfig=$appconfig" --endpoint-url "appconfigdata=$data" 2>"$workdir/progress.log" || true
e=$(date +%s%N)
grep '^drill:' "$workdir/progress.log" || true
sed -n '/^### Sessions/,/^$/p;/^| [0-9]/p' "$workdir/report.md" | sort -u | grep '^| [0-9]' || true
echo "wall time: $(((e - s) / 1000000)) ms"
