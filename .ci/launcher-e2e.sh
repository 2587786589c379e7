#!/usr/bin/env bash
# The launcher's start-up caches (docs/startup.md), end to end on the built jar: one cache per profile and JIT mode
# (a bare --version has its own), the same output with and without a cache, the JIT mode chosen by document size,
# and a cache never used for another jar.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export MODELCTL_CACHE_DIR="$work/cache"
cp "$root/cli/target/modelctl.jar" "$work/modelctl.jar"
export MODELCTL_JAR="$work/modelctl.jar"
launcher="$root/hooks/modelctl"
doc="$root/templates/model_routing_config.example.yaml"
fail() { echo "launcher-e2e: $*" >&2; ls -l "$MODELCTL_CACHE_DIR" >&2 || true; exit 1; }
caches() { find "$MODELCTL_CACHE_DIR" -maxdepth 1 \( -name '*.aot' -o -name '*.jsa' \) -printf '%f\n' 2>/dev/null | sed 's/.*modelctl\.jar-//' | sort | tr '\n' ' '; }

"$launcher" --version >"$work/version.txt"
[[ "$(caches)" =~ ^version\.(aot|jsa)\ $ ]] || fail "--version should make the version cache only, made: $(caches)"
"$launcher" --version >"$work/version-cached.txt"
cmp -s "$work/version.txt" "$work/version-cached.txt" || fail "--version answers differently with its cache"
rm -f "$MODELCTL_CACHE_DIR"/*-version.*

"$launcher" check "$doc" >"$work/first.txt"
[[ "$(caches)" =~ ^check\.(aot|jsa)\ $ ]] || fail "check should make the check cache only, made: $(caches)"
"$launcher" check "$doc" >"$work/cached.txt"
MODELCTL_NO_CACHE=1 "$launcher" check "$doc" >"$work/uncached.txt"
cmp -s "$work/cached.txt" "$work/uncached.txt" || fail "check answers differently with its cache"
for log in "$MODELCTL_CACHE_DIR"/*.log; do
  [ ! -s "$log" ] || fail "the JVM reported a cache problem: $(cat "$log")"
done

# a machine format runs on the cache trained on everything (the hook caches hold the text output only)
"$launcher" check --format json "$doc" >"$work/json-cached.txt"
[[ " $(caches)" =~ \ all\.(aot|jsa)\  ]] || fail "check --format json should make the all cache, made: $(caches)"
MODELCTL_NO_CACHE=1 "$launcher" check --format json "$doc" >"$work/json-uncached.txt"
cmp -s "$work/json-cached.txt" "$work/json-uncached.txt" || fail "check --format json answers differently with its cache"
rm -f "$MODELCTL_CACHE_DIR"/*-all.*

printf 'MODEL = "amazon.nova-lite-v1:0"\n' >"$work/client.py"
if "$launcher" scan "$work/client.py" >/dev/null; then
  fail "scan should find the hard-coded ID (exit 1)"
fi

# a hook command on its cache loads every class of ours from the cache: one class read from the jar opens the jar
# (its ~13,000-entry central directory, interpreted), which a class the training never loaded would do
for args in "check $doc" "scan $work/client.py"; do
  rm -f "$work/classes.log"
  # shellcheck disable=SC2086 # the arguments are two words each, split on purpose
  JAVA_TOOL_OPTIONS="-Xlog:class+load=info:file=$work/classes.log" "$launcher" $args >/dev/null 2>&1 || true
  [ -s "$work/classes.log" ] || fail "$args: no class-load log"
  if grep -q 'source: file:' "$work/classes.log"; then
    fail "$args loaded classes from the jar, not its cache: $(grep 'source: file:' "$work/classes.log" | head -n5)"
  fi
done
# the JIT mode follows the document's size: C2 (and a cache of its own) from 4 MiB on, C1 below; MODELCTL_JIT decides
# when set, and a value it does not know is refused
big="$work/big.yaml"
cp "$doc" "$big"
for ((i = 0; i < 45000; i++)); do
  echo '# a comment line that pads this copy of the bundled example past the launcher big-document threshold'
done >>"$big"
[ "$(wc -c <"$big")" -ge $((4 * 1024 * 1024)) ] || fail "the padded example is smaller than 4 MiB"
"$launcher" check "$big" >"$work/big-auto.txt"
for profile in check check-full scan; do
  [[ " $(caches)" =~ \ $profile\.(aot|jsa)\  ]] || fail "expected a $profile cache, made: $(caches)"
done
[ "$(caches | wc -w)" -eq 3 ] || fail "expected three caches, made: $(caches)"
MODELCTL_JIT=c1 "$launcher" check "$big" >"$work/big-c1.txt"
cmp -s "$work/big-auto.txt" "$work/big-c1.txt" || fail "check of a big document answers differently in the two JIT modes"
[ "$(caches | wc -w)" -eq 3 ] || fail "MODELCTL_JIT=c1 should run on the check cache, made: $(caches)"
if MODELCTL_JIT=fast "$launcher" --version >/dev/null 2>"$work/jit-error.txt"; then
  fail "MODELCTL_JIT=fast should be refused"
fi
grep -q 'MODELCTL_JIT=fast: expected c1 or full' "$work/jit-error.txt" || fail "MODELCTL_JIT=fast: unexpected message: $(cat "$work/jit-error.txt")"

# a new jar (same path, new mtime) never runs on the old cache: the launcher drops it and trains a new one
cache_file="$(find "$MODELCTL_CACHE_DIR" -maxdepth 1 \( -name '*-check.aot' -o -name '*-check.jsa' \) | head -n1)"
before="$(stat -c %Y.%s "$cache_file")"
sleep 1
touch "$MODELCTL_JAR"
"$launcher" check "$doc" >/dev/null
after="$(stat -c %Y.%s "$cache_file")"
[ "$before" != "$after" ] || fail "the check cache was not rebuilt for a changed jar"
echo "launcher-e2e: ok (caches: $(caches))"
