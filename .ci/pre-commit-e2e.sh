#!/usr/bin/env bash
# End to end with the real pre-commit framework: a scratch repository installs this repository's hooks (at its
# committed HEAD) and also tries them with `pre-commit try-repo` (with the jar CI built, and without it: the launcher
# then builds it in pre-commit's clone); a commit that hard-codes a model ID is blocked with the message, a clean
# commit passes, a routing document over a model's max_tokens is blocked.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
if ! command -v pre-commit >/dev/null 2>&1; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pre-commit) >/dev/null
fi
export MODELCTL_JAR="$repo/cli/target/modelctl.jar"   # the jar this CI run built; no rebuild in pre-commit's cache
[ -f "$MODELCTL_JAR" ] || (cd "$repo" && mvn -q -B -DskipTests package)
work="$(mktemp -d)"
export PRE_COMMIT_HOME="$work/.cache"
trap 'rm -rf "$work"' EXIT
cd "$work"
git init -q -b main scratch && cd scratch
git config user.email ci@example.invalid && git config user.name ci && git config commit.gpgsign false
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $repo
    rev: $(git -C "$repo" rev-parse HEAD)
    hooks:
      - id: modelctl-scan
      - id: modelctl-check
YAML
git add .pre-commit-config.yaml && git commit -q --no-verify -m "hooks"
pre-commit install >/dev/null

echo 'MODEL = "anthropic.claude-3-haiku-20240307-v1:0"' > service.py
git add service.py
if git commit -q -m "hard-coded model" > blocked.log 2>&1; then
  cat blocked.log; echo "FAIL: a commit with a hard-coded model ID was not blocked"; exit 1
fi
grep -q "hard-coded Bedrock model ID 'anthropic.claude-3-haiku-20240307-v1:0' in service.py:1" blocked.log \
  || { cat blocked.log; echo "FAIL: the block did not name the ID, file and line"; exit 1; }
grep -q "Use TieredModelRouter.get_model_id(task_type) instead." blocked.log || { cat blocked.log; echo "FAIL: no hint"; exit 1; }

# the same through `pre-commit try-repo` (how a hook repository is tried before adopting it)
if pre-commit try-repo "$repo" modelctl-scan --files service.py > tryrepo.log 2>&1; then
  cat tryrepo.log; echo "FAIL: try-repo did not block the hard-coded model ID"; exit 1
fi
grep -q "hard-coded Bedrock model ID" tryrepo.log || { cat tryrepo.log; echo "FAIL: try-repo output lacks the message"; exit 1; }

# what a consuming repository gets: no MODELCTL_JAR, so the hook's launcher builds the jar inside pre-commit's clone
# of this repository on first use (JDK + Maven on the machine; about 20 s once, then cached with the clone)
if env -u MODELCTL_JAR pre-commit try-repo "$repo" modelctl-scan --files service.py > nojar.log 2>&1; then
  cat nojar.log; echo "FAIL: try-repo without a prebuilt jar did not block the hard-coded model ID"; exit 1
fi
grep -q "modelctl: no jar yet (first run); building .*/cli/target/modelctl.jar" nojar.log \
  || { cat nojar.log; echo "FAIL: the launcher did not build the jar in pre-commit's clone"; exit 1; }
grep -q "hard-coded Bedrock model ID 'anthropic.claude-3-haiku-20240307-v1:0' in service.py:1" nojar.log \
  || { cat nojar.log; echo "FAIL: the jar-less run lacks the message"; exit 1; }

echo 'MODEL = router.get_model_id("chat")' > service.py
cp "$repo/templates/model_routing_config.example.yaml" model_routing_config.yaml
git add service.py model_routing_config.yaml
git commit -q -m "clean" > clean.log 2>&1 || { cat clean.log; echo "FAIL: a clean commit was blocked"; exit 1; }

sed -i 's/max_tokens: 4096/max_tokens: 200000/' model_routing_config.yaml
git add model_routing_config.yaml
if git commit -q -m "bad routing" > check.log 2>&1; then
  cat check.log; echo "FAIL: a routing document over the model's max_tokens was not blocked"; exit 1
fi
grep -q "max-tokens-over-limit" check.log || { cat check.log; echo "FAIL: check did not report max-tokens-over-limit"; exit 1; }
echo "pre-commit e2e: 5 passed, 0 failed"
