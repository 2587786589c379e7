# Chat service. Models come from the routing config; MODEL_ID = "..." is never set here.
variable "model_tier" {
  type    = string
  default = "cheap"
}

resource "aws_lambda_function" "chat" {
  function_name = "chat"
  handler       = "app.handler"
  tags = {
    MODEL = "none"
  }
  environment {
    variables = {
      BEDROCK_MODEL_ID = "anthropic.claude-3-5-sonnet-20240620-v1:0"
      MODEL_TIER       = var.model_tier
      "STAGE"          = "prod"
    }
  }
}

resource "aws_ecs_task_definition" "api" {
  family = "api"
  container_definitions = jsonencode([
    {
      name  = "api"
      image = "chat-api:latest"
      environment = [
        {
          name  = "FM_ID"
          value = "amazon.nova-lite-v1:0"
        },
        { name = "PORT", value = "8080" },
      ]
    }
  ])
}

resource "aws_ecs_task_definition" "worker" {
  family                = "worker"
  container_definitions = <<EOF
[
  {
    "name": "worker",
    "environment": [
      {"name": "WORKER_MODEL", "value": "${local.worker_model}"}
    ]
  }
]
EOF
}

resource "aws_codebuild_project" "eval" {
  name = "eval"
  environment {
    compute_type = "BUILD_GENERAL1_SMALL"
    environment_variable {
      name  = "EVAL_BEDROCK_MODEL"
      value = "meta.llama3-1-70b-instruct-v1:0"
    }
  }
}
