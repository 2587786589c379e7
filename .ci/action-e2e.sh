#!/usr/bin/env bash
# The GitHub Action's steps (action/modelctl-ci.sh) off GitHub, as far as they go: a pull request in a scratch
# repository that moves a use case to a 55x pricier model and hard-codes a model ID, checked out the way
# actions/checkout does (one commit), with a fake GITHUB_* environment. Asserts the install paths (release download
# with checksum, cache hit, checksum mismatch, source fallback), the base fetch, one check and one scan with
# annotations, the job summary, the step outputs, SARIF accepted by sarif-multitool, and the fail-on verdicts.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
script="$repo/action/modelctl-ci.sh"
jar="$repo/cli/target/modelctl.jar"
[ -f "$jar" ] || (cd "$repo" && mvn -q -B -DskipTests package)
[ -x "$repo/node_modules/.bin/sarif-multitool" ] || (cd "$repo" && npm ci --no-audit --no-fund --loglevel=error)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
expect() { grep -qF -- "$1" "$2" || { cat "$2" >&2; fail "$2 lacks: $1"; }; }

# the consumer repository: main, and a pull request branch
git init -q -b main "$work/origin"
cd "$work/origin"
git config user.email ci@example.invalid && git config user.name ci && git config commit.gpgsign false
cp "$repo/cli/src/test/resources/impact/routing.yaml" routing.yaml
cp "$repo/cli/src/test/resources/impact/modelctl.yaml" .modelctl.yaml
git add -A && git commit -q -m "routing"
git checkout -q -b feature
sed -i 's/intent_classify: {model: nova_lite}/intent_classify: {model: sonnet}/' routing.yaml
echo 'MODEL = "anthropic.claude-3-haiku-20240307-v1:0"' > service.py
git add -A && git commit -q -m "intent on sonnet"
git clone -q --depth 1 --branch feature "file://$work/origin" "$work/ws"

# what the runner provides
export GITHUB_ACTIONS=true GITHUB_EVENT_NAME=pull_request GITHUB_BASE_REF=main GITHUB_HEAD_REF=feature
export GITHUB_WORKSPACE="$work/ws" GITHUB_ACTION_PATH="$repo" RUNNER_TEMP="$work/runner" RUNNER_TOOL_CACHE="$work/toolcache"
export GITHUB_OUTPUT="$work/github_output" GITHUB_STEP_SUMMARY="$work/step_summary"
export MODELCTL_OUT_DIR="$RUNNER_TEMP/modelctl"
mkdir -p "$RUNNER_TEMP"
: > "$GITHUB_OUTPUT"
: > "$GITHUB_STEP_SUMMARY"

# install: a release download (checksum checked), then the cache, a tampered release, and the source fallback
mkdir -p "$work/release/v9.9.9" "$work/bad/v9.9.8"
cp "$jar" "$work/release/v9.9.9/modelctl.jar"
(cd "$work/release/v9.9.9" && sha256sum modelctl.jar > modelctl.jar.sha256)
cp "$jar" "$work/bad/v9.9.8/modelctl.jar"
echo "0000000000000000000000000000000000000000000000000000000000000000  modelctl.jar" > "$work/bad/v9.9.8/modelctl.jar.sha256"
MODELCTL_VERSION=v9.9.9 MODELCTL_RELEASE_URL="file://$work/release/v9.9.9" "$script" install 2> "$work/install.log"
expect "downloaded modelctl v9.9.9" "$work/install.log"
expect "source=release" "$GITHUB_OUTPUT"
expect "jar=$RUNNER_TOOL_CACHE/modelctl/v9.9.9/modelctl.jar" "$GITHUB_OUTPUT"
MODELCTL_VERSION=v9.9.9 MODELCTL_RELEASE_URL="file://$work/nowhere" "$script" install 2> "$work/install.log"
expect "using cached modelctl v9.9.9" "$work/install.log"
if MODELCTL_VERSION=v9.9.8 MODELCTL_RELEASE_URL="file://$work/bad/v9.9.8" "$script" install > "$work/bad.log" 2>&1; then
  fail "a jar with the wrong checksum was installed"
fi
expect "checksum mismatch" "$work/bad.log"
MODELCTL_VERSION=v0.0.0-none MODELCTL_RELEASE_URL="file://$work/nowhere" "$script" install 2> "$work/install.log"
expect "building from the action's sources" "$work/install.log"
expect "jar=$repo/cli/target/modelctl.jar" "$GITHUB_OUTPUT"

# run: the base is fetched into the shallow clone, then one check and one scan
cd "$work/ws"
git rev-parse --verify --quiet origin/main >/dev/null && fail "the shallow clone already has origin/main"
MODELCTL_JAR="$jar" "$script" run > "$work/run.log" 2> "$work/run.err" || { cat "$work/run.log" "$work/run.err" >&2; fail "run failed"; }
git rev-parse --verify --quiet origin/main >/dev/null || fail "run did not fetch the base"
expect "::error file=routing.yaml,line=7,col=21,title=modelctl cost-increase::cost per request rises +232.3%25 since origin/main" "$work/run.log"
expect "::notice file=routing.yaml,line=7,col=21,title=modelctl routing-change::use case intent_classify: nova_lite (amazon.nova-lite-v1:0) -> sonnet" "$work/run.log"
expect "::error file=service.py,line=1,col=10,title=modelctl hardcoded-model-id::" "$work/run.log"
[ "$(grep -c '^::' "$work/run.log")" -ge 4 ] || fail "expected annotations from check and scan"
for kv in check-exit-code=1 scan-exit-code=1 check-errors=1 scan-errors=1 base=origin/main "check-sarif=$MODELCTL_OUT_DIR/check.sarif"; do
  expect "$kv" "$GITHUB_OUTPUT"
done
head -n 1 "$GITHUB_STEP_SUMMARY" | grep -qx "### modelctl check: failed" || fail "the job summary does not start with the check verdict"
expect "| use case intent_classify | \`nova_lite\` (\`amazon.nova-lite-v1:0\`) → \`sonnet\`" "$GITHUB_STEP_SUMMARY"
expect "### modelctl scan: failed" "$GITHUB_STEP_SUMMARY"
multitool="$(cd "$repo" && node -p "require('@microsoft/sarif-multitool')")"   # the executable, with its GitHub rules
for sarif in "$MODELCTL_OUT_DIR/check.sarif" "$MODELCTL_OUT_DIR/scan.sarif"; do
  "$multitool" validate "$sarif" --rule-kind "Gh;Sarif" --output "$sarif.log" > "$work/validate.log" 2>&1 \
    || { cat "$work/validate.log"; fail "multitool failed on $sarif"; }
  python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['runs'][0]['results']; sys.exit(print(r) or 1 if r else 0)" "$sarif.log" \
    || fail "sarif-multitool reports problems in $sarif"
  expect '"uriBaseId" : "%SRCROOT%"' "$sarif"
done

# verdict per fail-on
MODELCTL_FAIL_ON=error "$script" verdict > "$work/verdict.log" && fail "fail-on error passed a blocking change"
expect "modelctl check: 1 blocking finding(s) (fail-on: error)" "$work/verdict.log"
MODELCTL_FAIL_ON=warning "$script" verdict > /dev/null && fail "fail-on warning passed a blocking change"
MODELCTL_FAIL_ON=never "$script" verdict > /dev/null || fail "fail-on never failed"
if MODELCTL_FAIL_ON=sometimes "$script" verdict > "$work/verdict.log" 2>&1; then fail "a bad fail-on was accepted"; fi
expect "fail-on must be error, warning or never" "$work/verdict.log"

# a clean pull request passes
git -C "$work/origin" checkout -q main
git -C "$work/origin" checkout -q -b clean
echo "# a comment" >> "$work/origin/routing.yaml"
git -C "$work/origin" commit -q -am "comment only"
git clone -q --depth 1 --branch clean "file://$work/origin" "$work/ws2"
cd "$work/ws2"
export MODELCTL_OUT_DIR="$RUNNER_TEMP/modelctl2"
MODELCTL_JAR="$jar" "$script" run > "$work/run2.log" 2>&1 || { cat "$work/run2.log"; fail "clean run failed"; }
expect "check-exit-code=0" "$MODELCTL_OUT_DIR/outputs"
expect "scan-exit-code=0" "$MODELCTL_OUT_DIR/outputs"
MODELCTL_FAIL_ON=error "$script" verdict > /dev/null || fail "a clean pull request failed"
echo "action e2e: ok"
