#!/usr/bin/env python3
"""Generates a source tree for the scan benchmark: TOTAL_MB of Python/Java/YAML/Markdown-like files, about one
hard-coded model ID per 200 KB and many near misses (SDK packages, amazon.com URLs, prose). Deterministic.
usage: gen_tree.py OUT_DIR [TOTAL_MB]
"""
import os
import random
import sys

out = sys.argv[1]
total = int(sys.argv[2]) * 1024 * 1024 if len(sys.argv) > 2 else 220 * 1024 * 1024
rnd = random.Random(11)
filler = [
    "def handler(event, context):\n    return {'status': 200, 'body': json.dumps(event)}\n",
    "import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;\n",
    "// see https://aws.amazon.com/bedrock/ and https://www.amazon.com/dp/B000000\n",
    "We route requests with Anthropic Claude and Amazon Nova; the model is chosen at runtime.\n",
    "    timeout_seconds: 30\n    retries: 3\n    memory: 1024\n",
    "for (int i = 0; i < items.size(); i++) { total += items.get(i).price(); }\n",
    "    logger.info(\"request %s took %d ms\", request_id, elapsed)\n",
    "const client = new BedrockRuntimeClient({ region: process.env.AWS_REGION });\n",
]
ids = ["anthropic.claude-3-haiku-20240307-v1:0", "us.anthropic.claude-3-5-sonnet-20240620-v1:0", "amazon.nova-lite-v1:0",
       "meta.llama3-1-70b-instruct-v1:0"]
ext = [".py", ".java", ".ts", ".yaml", ".md"]
written = 0
n = 0
while written < total:
    d = os.path.join(out, "pkg%03d" % (n // 100))
    os.makedirs(d, exist_ok=True)
    size = rnd.randint(20_000, 180_000)
    parts = []
    length = 0
    while length < size:
        if rnd.random() < 0.002:
            line = 'MODEL_ID = "%s"\n' % rnd.choice(ids)
        else:
            line = rnd.choice(filler)
        parts.append(line)
        length += len(line)
    text = "".join(parts)
    with open(os.path.join(d, "file%05d%s" % (n, rnd.choice(ext))), "w") as f:
        f.write(text)
    written += len(text)
    n += 1
print("%d files, %d MB" % (n, written // (1024 * 1024)))
