#!/usr/bin/env python3
"""Generates a realistic large routing document for the rule-analysis benchmark.

Rules are grouped per tenant (high-cardinality attribute) and constrain task_type plus one to three of
user_segment / region / channel / tier with one to three values each, the way teams write them; a small share
overlap on purpose (same tenant and task) so every analysis path runs. Deterministic for a given seed.
usage: gen_rules.py RULES OUT.json [SEED]
"""
import json
import random
import sys

n = int(sys.argv[1])
out = sys.argv[2]
rnd = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 7)
tasks = ["task_%02d" % i for i in range(40)]
attrs = {
    "user_segment": ["free", "trial", "premium", "enterprise", "internal", "partner"],
    "region": ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-south-1", "ap-northeast-1", "sa-east-1", "ca-central-1"],
    "channel": ["web", "ios", "android", "api", "batch"],
    "tier": ["gold", "silver", "bronze"],
}
tenants = max(1, n // 25)
models = {
    "haiku": {"model_id": "anthropic.claude-3-haiku-20240307-v1:0", "max_tokens": 4096, "anthropic_version": "bedrock-2023-05-31"},
    "sonnet": {"model_id": "anthropic.claude-3-5-sonnet-20240620-v1:0", "max_tokens": 8192, "anthropic_version": "bedrock-2023-05-31"},
    "nova": {"model_id": "amazon.nova-lite-v1:0", "max_tokens": 2048},
}
rules = []
for i in range(n):
    cond = {"tenant": "tenant-%05d" % rnd.randrange(tenants), "task_type": rnd.choice(tasks)}
    for a in rnd.sample(sorted(attrs), rnd.randint(1, 3)):
        vals = sorted(rnd.sample(attrs[a], rnd.randint(1, 3)))
        cond[a] = vals[0] if len(vals) == 1 else vals
    rules.append({"rule_id": "rule-%06d" % i, "priority": i + 1, "conditions": cond, "model": rnd.choice(sorted(models))})
doc = {
    "version": 1,
    "models": models,
    "defaults": {"model": "haiku"},
    "use_cases": {t: {"model": "haiku"} for t in tasks},
    "rules": rules,
}
with open(out, "w") as f:
    json.dump(doc, f, separators=(",", ":"))
