from aws_cdk import Stack, aws_lambda as _lambda
from constructs import Construct


class ChatStack(Stack):
    def __init__(self, scope: Construct, id: str, environment: str = "prod") -> None:
        super().__init__(scope, id)
        # environment={"MODEL_ID": "..."} is what we avoid
        fn = _lambda.Function(
            self, "Chat",
            runtime=_lambda.Runtime.PYTHON_3_12,
            handler="app.handler",
            environment={"BEDROCK_MODEL_ID": "amazon.nova-lite-v1:0", "STAGE": environment},
        )
        _lambda.Function(self, "Eval", environment=dict(EVAL_MODEL="small", LOG_LEVEL="info"))
        fn.add_environment("FM_ID", "anthropic.claude-3-5-sonnet-20240620-v1:0")
