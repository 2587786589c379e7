"""Chat routing. We use Anthropic Claude 3.5 Sonnet and Amazon Nova; see https://www.amazon.com/dp/B000 and
https://docs.aws.amazon.com/bedrock/latest/userguide/models-supported.html for the anthropic.claude family."""
import boto3

client = boto3.client("bedrock-runtime", region_name="us-east-1")
DEFAULT = "anthropic.claude-3-5-sonnet-20240620-v1:0"
PROFILES = ["eu.anthropic.claude-3-haiku-20240307-v1:0", 'apac.amazon.nova-pro-v1:0']
NEWEST = "global.anthropic.claude-sonnet-4-6"  # versionless IDs count too
LEGACY = "amazon.titan-text-express-v1"  # modelctl:allow -- migration in progress, INC-1234
ARN = "arn:aws:bedrock:us-east-1::foundation-model/cohere.command-r-plus-v1:0"
PROFILE_ARN = "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/a1b2c3d4e5f6"


def model_for(task_type):
    return router.get_model_id(task_type)  # the right way
