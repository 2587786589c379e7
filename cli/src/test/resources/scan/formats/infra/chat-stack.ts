import * as cdk from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';

// Not here: environment: { MODEL_ID: ... } belongs in the routing config.
const note = "environment: { BEDROCK_MODEL: 'set me' }";

export class ChatStack extends cdk.Stack {
  constructor(scope: cdk.App, id: string, props: ChatProps) {
    super(scope, id);
    const fn = new lambda.Function(this, 'Chat', {
      runtime: lambda.Runtime.NODEJS_20_X,
      handler: 'index.handler',
      environment: {
        BEDROCK_MODEL_ID: 'anthropic.claude-3-5-sonnet-20240620-v1:0',
        MODEL_TIER: props.tier,
        TABLE: table.tableName,
      },
    });
    fn.addEnvironment('FM_ID', `us.anthropic.claude-3-haiku-20240307-v1:0`);
  }
}
