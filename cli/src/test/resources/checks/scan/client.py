# Scanner fixture: a hard-coded model ID and an env-var model key (see client.py.expected).
import os
import boto3

bedrock = boto3.client("bedrock-runtime")
MODEL = "anthropic.claude-3-haiku-20240307-v1:0"
fallback = os.environ.get("FALLBACK_MODEL_ID", "cheap")
