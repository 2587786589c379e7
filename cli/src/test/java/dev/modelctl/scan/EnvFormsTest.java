package dev.modelctl.scan;

import dev.modelctl.testing.Cli;
import dev.modelctl.testing.Findings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The less common ways each format sets an environment variable: one file each, exact findings. */
class EnvFormsTest {
    private static final String ID = "amazon.nova-pro-v1:0";

    @TempDir
    Path dir;

    /** "severity line:col NAME-in-message" rows of a scan of one file. */
    private List<String> scan(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        Path config = Files.writeString(dir.resolve("c.yaml"), "scan:\n  allow: []\n");
        Cli.Result r = Cli.run("scan", "--format", "json", "--no-baseline", "--config", config.toString(), file.toString());
        List<String> rows = new ArrayList<>();
        for (Findings.Row f : Findings.of(r.out())) {
            String message = f.message();
            String subject = message.startsWith("environment variable ") ? message.split(" ")[2] : "id";
            rows.add(f.check() + " " + f.severity() + " " + f.line() + ":" + f.column() + " " + subject);
        }
        return rows;
    }

    @Test
    void dockerfileEscapeDirectiveAndQuotedValues() throws IOException {
        assertEquals(List.of("env-model-key error 3:5 MODEL_ID", "env-model-key warning 4:5 FM_ID", "env-model-key error 5:3 BEDROCK_MODEL"),
                scan("Dockerfile.windows", "# escape=`\nFROM mcr.microsoft.com/windows/servercore\nENV MODEL_ID=\"" + ID + "\" `\n"
                        + "    FM_ID='a b' `\n  BEDROCK_MODEL=" + ID + "\n"));
    }

    @Test
    void dotenvMultiLineAndSingleQuotedValues() throws IOException {
        assertEquals(List.of("env-model-key warning 1:1 PROMPT_MODEL_NOTES", "env-model-key error 3:3 MODEL_ID"),
                scan("prod.env", "PROMPT_MODEL_NOTES=\"line one\nline two\"\n  MODEL_ID='" + ID + "' # pinned\nNOT A VARIABLE\n"));
    }

    @Test
    void kotlinJavaEntriesAndCodeBuildProperties() throws IOException {
        assertEquals(List.of("env-model-key error 2:25 MODEL_ID", "env-model-key warning 2:63 MODEL_TIER"),
                scan("Stack.kt", "fun build() = Function.Builder.create(this, \"Fn\")\n    .environment(mapOf(\"MODEL_ID\" to \"" + ID + "\", \"MODEL_TIER\" to tier))\n"));
        assertEquals(List.of("env-model-key error 2:66 FM_ID"),
                scan("Stack.java", "class S {\n  Map<String, String> env = environment(Map.ofEntries(Map.entry(\"FM_ID\", \"" + ID + "\"), Map.entry(\"X\", y)));\n}\n"));
        assertEquals(List.of("env-model-key error 3:5 EVAL_MODEL"),
                scan("pipeline.ts", "new codebuild.Project(this, 'Eval', {\n  environmentVariables: {\n    EVAL_MODEL: { value: '" + ID + "' },\n"
                        + "    STAGE: { value: 'prod', type: codebuild.BuildEnvironmentVariableType.PLAINTEXT },\n  },\n});\n"));
    }

    @Test
    void terraformBeanstalkSettingsAppRunnerAndJsonSyntax() throws IOException {
        assertEquals(List.of("env-model-key error 4:18 BEDROCK_MODEL_ID", "env-model-key warning 12:37 MODEL_TIER"), scan("eb.tf", """
                resource "aws_elastic_beanstalk_environment" "chat" {
                  setting {
                    namespace = "aws:elasticbeanstalk:application:environment"
                    name      = "BEDROCK_MODEL_ID"
                    value     = "%s"
                  }
                  setting {
                    namespace = "aws:autoscaling:asg"
                    name      = "MODEL_SCALING_MIN"
                    value     = "1"
                  }
                  runtime_environment_variables = { MODEL_TIER = local.tier }
                }
                """.formatted(ID)));
        assertEquals(List.of("env-model-key error 1:76 MODEL_ID"),
                scan("lambda.tf.json", "{\"resource\": {\"aws_lambda_function\": {\"f\": {\"environment\": {\"variables\": {\"MODEL_ID\": \"" + ID + "\"}}}}}}\n"));
    }

    @Test
    void keyWordsAnywhereInTheFileIncludingShortFilesAndWordBoundaries() throws IOException {
        assertEquals(List.of("env-model-key warning 1:1 MODEL"), scan("a.env", "MODEL=x")); // shorter than one 8-byte word
        assertEquals(List.of("env-model-key warning 1:1 XFM_ID"), scan("b.env", "XFM_ID=1")); // the D is a word's last byte
        assertEquals(List.of("env-model-key warning 2:1 USE_BEDROCK"), scan("c.env", "A=1234567\nUSE_BEDROCK=y\n"));
        assertEquals(List.of(), scan("d.env", "MODE=1\nBEDROC=2\nFM_I=3\nDDDDDDDDDDDDDDDD=4\n"));
    }

    @Test
    void namesOutsideTheModelGlobsAndNonEnvKeysAreNotReported() throws IOException {
        assertEquals(List.of(), scan("values.yaml", "image:\n  tag: 1.2.3\nenv:\n  model_id: lower-case-is-not-the-glob\n  REGION: us-east-1\n"
                + "modelConfig:\n  MODEL_ID: not-under-an-env-key\n"));
        assertEquals(List.of("hardcoded-model-id error 2:13 id"),
                scan("values-prod.yaml", "modelConfig:\n  MODEL_ID: " + ID + "\n"));
    }
}
