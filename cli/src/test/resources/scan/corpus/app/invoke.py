"""Chat helpers for the support bot (a corpus file: the kinds of lines real Bedrock code has)."""
import json
import boto3
from openai import OpenAI

REGION = "us-east-1"
DEFAULT_MODEL = "anthropic.claude-3-5-sonnet-20240620-v1:0"
FAST_MODEL = 'us.anthropic.claude-haiku-4-5-20251001-v1:0'
EMBEDDINGS = ["amazon.titan-embed-text-v1", "amazon.titan-embed-text-v2:0", "cohere.embed-english-v3"]
OSS_MODEL = "openai.gpt-oss-120b"

client = boto3.client("bedrock-runtime", region_name=REGION)


def profile_arn(region, account, geo):
    # the geography is computed, the model is not
    return f"arn:aws:bedrock:{region}:{account}:inference-profile/{geo}.anthropic.claude-sonnet-4-5-20250929-v1:0"


def family(model_id):
    if model_id.startswith("anthropic.claude-3"):
        return "claude3"
    if "amazon.nova" in model_id or "deepseek.v3" in model_id:
        return "other"
    return "unknown"


def summarise(text, model_id=DEFAULT_MODEL):
    body = {"anthropic_version": "bedrock-2023-05-31", "max_tokens": 512,
            "messages": [{"role": "user", "content": text}]}
    response = client.invoke_model(modelId=model_id, body=json.dumps(body))
    return json.loads(response["body"].read())


def oss_chat(prompt):
    oai = OpenAI(base_url=f"https://bedrock-runtime.{REGION}.amazonaws.com/openai/v1")
    return oai.chat.completions.create(model=OSS_MODEL, messages=[{"role": "user", "content": prompt}])


def write_rows(writer, rows):
    writer.writerow(["model", "latency"])
    writer.writerows(rows)
    print(f"embedding with {EMBEDDINGS[1]} via https://docs.aws.amazon.com/bedrock/")
