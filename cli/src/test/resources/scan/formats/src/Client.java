package com.example.chat;

import com.amazonaws.services.s3.AmazonS3;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;

class Client {
    // Mistral and Meta Llama are fine too: pick a family in the routing config, not here.
    static final String MODEL = "mistral.mistral-large-2407-v1:0";

    ConverseRequest request() {
        return ConverseRequest.builder().modelId("deepseek.r1-v1:0").build();
    }
}
