#!/usr/bin/env python3
"""What the Python tool chain does for one routing document: parse YAML/JSON, validate against the JSON Schema.
usage: py_validate.py SCHEMA DOCUMENT   (exit 1 when the document is invalid)"""
import json
import sys

import jsonschema
import yaml

schema = json.load(open(sys.argv[1]))
with open(sys.argv[2]) as f:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: the fastest the tool chain offers
    doc = json.load(f) if sys.argv[2].endswith(".json") else yaml.load(f, Loader=loader)
errors = list(jsonschema.Draft4Validator(schema).iter_errors(doc))
for e in errors[:20]:
    print("%s: %s" % ("/".join(map(str, e.absolute_path)), e.message))
sys.exit(1 if errors else 0)
