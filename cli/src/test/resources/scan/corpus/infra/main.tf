data "aws_iam_policy_document" "invoke" {
  statement {
    actions = ["bedrock:InvokeModel"]
    resources = [
      "arn:aws:bedrock:${var.region}::foundation-model/amazon.titan-embed-text-v2:0",
      "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.meta.llama3-3-70b-instruct-v1:0",
      "arn:aws:bedrock:*::foundation-model/*",
      "arn:aws:bedrock:${var.region}:${var.account}:knowledge-base/*",
    ]
  }
}

resource "aws_bedrockagent_agent" "triage" {
  agent_name       = "triage"
  foundation_model = "mistral.mistral-large-2407-v1:0"
}
