#!/usr/bin/env bash
# Start-up benchmark for the pre-commit path: `modelctl check` of the bundled example document, run through each
# launcher variant. Prints the median and min wall time of N runs per variant (default 15, after 2 warm-ups).
#   usage: bench/startup.sh [RUNS]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-15}"
jar="$root/cli/target/modelctl.jar"
doc="$root/templates/model_routing_config.example.yaml"
[ -f "$jar" ] || (cd "$root" && mvn -q -B -DskipTests package)

jdk17="${JDK17_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}"
jdk25="${JDK25_HOME:-$(find /usr/lib/jvm -maxdepth 1 -name 'temurin-25*' 2>/dev/null | sort | head -n1)}"
MODELCTL_CACHE_DIR="$(mktemp -d)"
export MODELCTL_CACHE_DIR
trap 'rm -rf "$MODELCTL_CACHE_DIR"' EXIT

# median and min of N runs, in ms
measure() {
  local label="$1"; shift
  local times=() i s e
  "$@" >/dev/null 2>&1 || true; "$@" >/dev/null 2>&1 || true   # warm-up (and cache creation for the launcher)
  for ((i = 0; i < runs; i++)); do
    s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N)
    times+=($(((e - s) / 1000000)))
  done
  local sorted; mapfile -t sorted < <(printf '%s\n' "${times[@]}" | sort -n)
  printf '| %-46s | %6d ms | %6d ms |\n' "$label" "${sorted[$((runs / 2))]}" "${sorted[0]}"
}

echo "modelctl check $(basename "$doc") — $runs runs each, $(nproc) cores, $(date -u +%Y-%m-%d)"
echo "| variant                                        | median    | min       |"
echo "|------------------------------------------------|-----------|-----------|"
measure "JDK 17: java -jar"                      "$jdk17/bin/java" -jar "$jar" check "$doc"
measure "JDK 17: launcher (AppCDS, C1, SerialGC)" env MODELCTL_JAVA_HOME="$jdk17" "$root/hooks/modelctl" check "$doc"
if [ -n "$jdk25" ] && [ -x "$jdk25/bin/java" ]; then
  measure "JDK 25: java -jar"                    "$jdk25/bin/java" -jar "$jar" check "$doc"
  measure "JDK 25: launcher, no cache (C1, SerialGC)" env MODELCTL_NO_CACHE=1 MODELCTL_JAVA_HOME="$jdk25" "$root/hooks/modelctl" check "$doc"
  measure "JDK 25: launcher (AOT cache, C1, SerialGC)" env MODELCTL_JAVA_HOME="$jdk25" "$root/hooks/modelctl" check "$doc"
  measure "JDK 25: launcher (AOT cache, full JIT)" env MODELCTL_JIT=full MODELCTL_JAVA_HOME="$jdk25" "$root/hooks/modelctl" check "$doc"
fi
