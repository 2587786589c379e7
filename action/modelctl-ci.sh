#!/usr/bin/env bash
# The logic of the modelctl GitHub Action (action.yml) and reusable workflow, kept here so it runs and is tested off
# GitHub (.ci/action-e2e.sh feeds it a fake GITHUB_* environment). See docs/ci.md.
#
#   modelctl-ci.sh install   find or fetch the modelctl jar: $MODELCTL_JAR, else the cached release jar, else download
#                            the release (checksum verified), else build from the action's sources
#   modelctl-ci.sh run       fetch the PR base if missing, run `check --base` and `scan --since` once each (annotations
#                            on stdout, SARIF/Markdown/JSON files beside), append the summaries, write step outputs
#   modelctl-ci.sh verdict   exit non-zero per fail-on (error | warning | never); exit 2 of modelctl always fails
#
# Inputs (environment): MODELCTL_VERSION (release tag), MODELCTL_REPOSITORY (owner/name, default modelctl/modelctl),
# MODELCTL_RELEASE_URL (base URL of the release assets), MODELCTL_CACHE_DIR, MODELCTL_JAR, MODELCTL_DOCUMENTS
# (space-separated; default: the repo config's), MODELCTL_BASE (default: origin/$GITHUB_BASE_REF on pull requests),
# MODELCTL_SCAN (true/false), MODELCTL_MAX_COST_INCREASE, MODELCTL_APPROVED_BY, MODELCTL_FAIL_ON, MODELCTL_OUT_DIR.
set -euo pipefail

out_dir="${MODELCTL_OUT_DIR:-${RUNNER_TEMP:-/tmp}/modelctl}"
action_path="${GITHUB_ACTION_PATH:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"

log() { echo "modelctl-ci: $*" >&2; }
die() { echo "::error title=modelctl::$*"; log "$*"; exit 2; }

# key=value for later steps (GITHUB_OUTPUT), and a copy in the out dir for the verdict step
output() {
  mkdir -p "$out_dir"
  echo "$1=$2" >> "$out_dir/outputs"
  if [ -n "${GITHUB_OUTPUT:-}" ]; then echo "$1=$2" >> "$GITHUB_OUTPUT"; fi
}

read_output() {
  sed -n "s/^$1=//p" "$out_dir/outputs" 2>/dev/null | tail -n 1
}

sha256_of() {
  if command -v sha256sum >/dev/null 2>&1; then sha256sum "$1" | cut -d' ' -f1; else shasum -a 256 "$1" | cut -d' ' -f1; fi
}

install() {
  local version="${MODELCTL_VERSION:-}" jar
  if [ -n "${MODELCTL_JAR:-}" ]; then
    [ -f "$MODELCTL_JAR" ] || die "MODELCTL_JAR=$MODELCTL_JAR does not exist"
    output jar "$MODELCTL_JAR"
    output source "given"
    return
  fi
  local cache="${MODELCTL_CACHE_DIR:-${RUNNER_TOOL_CACHE:-$HOME/.cache}/modelctl}/${version:-none}"
  jar="$cache/modelctl.jar"
  if [ -n "$version" ] && [ -f "$jar" ]; then
    log "using cached modelctl $version ($jar)"
    output jar "$jar"
    output source "cache"
    return
  fi
  if [ -n "$version" ]; then
    local base="${MODELCTL_RELEASE_URL:-https://github.com/${MODELCTL_REPOSITORY:-modelctl/modelctl}/releases/download/$version}"
    local tmp
    tmp="$(mktemp -d)"
    if curl -fsSL --retry 3 -o "$tmp/modelctl.jar" "$base/modelctl.jar" && curl -fsSL --retry 3 -o "$tmp/modelctl.jar.sha256" "$base/modelctl.jar.sha256"; then
      local want got
      want="$(cut -d' ' -f1 < "$tmp/modelctl.jar.sha256")"
      got="$(sha256_of "$tmp/modelctl.jar")"
      if [ "$want" != "$got" ]; then
        rm -rf "$tmp"
        die "modelctl $version: checksum mismatch for $base/modelctl.jar (expected $want, got $got)"
      fi
      mkdir -p "$cache"
      mv -f "$tmp/modelctl.jar" "$jar.tmp" && mv -f "$jar.tmp" "$jar"
      rm -rf "$tmp"
      log "downloaded modelctl $version ($base/modelctl.jar, sha256 $got)"
      output jar "$jar"
      output source "release"
      return
    fi
    rm -rf "$tmp"
    log "no release asset for '$version' at $base; building from the action's sources"
  fi
  jar="$action_path/cli/target/modelctl.jar"
  if [ ! -f "$jar" ]; then
    (cd "$action_path" && mvn -B -ntp -q -DskipTests package >&2) || die "building modelctl from $action_path failed"
  fi
  output jar "$jar"
  output source "source"
}

# Sets $base to the PR base as a revision this checkout has: actions/checkout fetches one commit, so fetch the base
# tip too. Empty outside pull requests (no MODELCTL_BASE): then check and scan look at everything.
resolve_base() {
  base="${MODELCTL_BASE:-}"
  if [ -z "$base" ] && [ -n "${GITHUB_BASE_REF:-}" ]; then
    base="origin/$GITHUB_BASE_REF"
  fi
  if [ -n "$base" ] && ! git rev-parse --verify --quiet "$base^{commit}" >/dev/null; then
    local branch="${base#origin/}"
    git fetch --no-tags --depth=1 origin "+refs/heads/$branch:refs/remotes/origin/$branch" >&2 \
      || die "cannot fetch the base '$base' (git fetch origin $branch failed)"
  fi
}

# Runs one modelctl command with every output beside stdout; records its exit code and finding counts.
run_command() {
  local name="$1"
  shift
  local code=0
  java -jar "$jar" "$@" --format github \
    --sarif-file "$out_dir/$name.sarif" --summary-file "$out_dir/$name.md" --json-file "$out_dir/$name.json" || code=$?
  output "$name-exit-code" "$code"
  if [ -f "$out_dir/$name.json" ]; then
    output "$name-errors" "$(sed -n 's/^ *"errors" *: *\([0-9]*\).*/\1/p' "$out_dir/$name.json" | tail -n 1)"
    output "$name-warnings" "$(sed -n 's/^ *"warnings" *: *\([0-9]*\).*/\1/p' "$out_dir/$name.json" | tail -n 1)"
    output "$name-sarif" "$out_dir/$name.sarif"
    if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
      { cat "$out_dir/$name.md"; echo; } >> "$GITHUB_STEP_SUMMARY"
    fi
  else
    output "$name-errors" ""
    output "$name-warnings" ""
  fi
}

run() {
  jar="${MODELCTL_JAR:-$(read_output jar)}"
  if [ -z "$jar" ] || [ ! -f "$jar" ]; then die "no modelctl jar: run '$0 install' first"; fi
  mkdir -p "$out_dir"
  resolve_base
  output base "$base"
  local check=(check)
  if [ -n "${MODELCTL_DOCUMENTS:-}" ]; then
    read -r -a docs <<< "$MODELCTL_DOCUMENTS"
    check+=("${docs[@]}")
  fi
  if [ -n "$base" ]; then
    check+=(--base "$base")
    [ -z "${MODELCTL_MAX_COST_INCREASE:-}" ] || check+=(--max-cost-increase "$MODELCTL_MAX_COST_INCREASE")
    [ -z "${MODELCTL_APPROVED_BY:-}" ] || check+=(--approved-by "$MODELCTL_APPROVED_BY")
  fi
  run_command check "${check[@]}"
  if [ "${MODELCTL_SCAN:-true}" = "true" ]; then
    local scan=(scan)
    [ -z "$base" ] || scan+=(--since "$base")
    run_command scan "${scan[@]}"
  fi
}

verdict() {
  local fail_on="${MODELCTL_FAIL_ON:-error}" failed=0 name code errors warnings
  case "$fail_on" in error | warning | never) ;; *) die "fail-on must be error, warning or never (got '$fail_on')" ;; esac
  for name in check scan; do
    code="$(read_output "$name-exit-code")"
    [ -n "$code" ] || continue
    errors="$(read_output "$name-errors")"
    warnings="$(read_output "$name-warnings")"
    if [ "$code" -ge 2 ]; then
      echo "::error title=modelctl $name::modelctl $name could not do its job (exit $code); see its output above"
      failed=1
    elif [ "$fail_on" = "error" ] && [ "$code" -eq 1 ]; then
      echo "modelctl $name: ${errors:-some} blocking finding(s) (fail-on: error)"
      failed=1
    elif [ "$fail_on" = "warning" ] && { [ "$code" -eq 1 ] || [ "${warnings:-0}" -gt 0 ]; }; then
      echo "modelctl $name: ${errors:-0} error(s), ${warnings:-0} warning(s) (fail-on: warning)"
      failed=1
    fi
  done
  exit "$failed"
}

case "${1:-}" in
  install) install ;;
  run) run ;;
  verdict) verdict ;;
  *) echo "usage: $0 install|run|verdict" >&2; exit 2 ;;
esac
