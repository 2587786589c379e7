package com.example.infra;

import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

import java.util.Map;

public class ChatStack extends Stack {
    public ChatStack(final software.constructs.Construct scope, final String id) {
        super(scope, id);
        Function.Builder.create(this, "Chat")
                .handler("com.example.Handler::handleRequest")
                .environment(Map.of("TABLE", table.getTableName(), "BEDROCK_MODEL_ID", "meta.llama3-1-70b-instruct-v1:0"))
                .build();
    }
}
