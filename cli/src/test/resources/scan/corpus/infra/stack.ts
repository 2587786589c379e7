import * as cdk from 'aws-cdk-lib';
import * as bedrock from 'aws-cdk-lib/aws-bedrock';
import * as lambda from 'aws-cdk-lib/aws-lambda';

export class AssistantStack extends cdk.Stack {
  constructor(scope: cdk.App, id: string) {
    super(scope, id);
    const coder = bedrock.FoundationModel.fromFoundationModelId(this, 'Coder',
      new bedrock.FoundationModelIdentifier('qwen.qwen3-coder-30b-a3b-v1:0'));
    const router = { promptRouterId: 'meta.llama:1' };
    new lambda.Function(this, 'Fn', {
      runtime: lambda.Runtime.NODEJS_20_X,
      handler: 'index.handler',
      code: lambda.Code.fromAsset('lambda'),
      environment: {
        PLANNER_MODEL: 'zai.glm-4.7',
        REVIEW_MODEL: coder.modelId,
      },
    });
  }
}
