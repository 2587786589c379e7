package dev.modelctl.fakes;

import software.amazon.awssdk.thirdparty.jackson.core.JsonGenerator;
import software.amazon.awssdk.thirdparty.jackson.core.JsonParser;
import software.amazon.awssdk.thirdparty.jackson.core.JsonToken;
import software.amazon.awssdk.thirdparty.jackson.dataformat.cbor.CBORFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CloudWatch alarm states: read by the fake AppConfig's monitors (an alarm in ALARM rolls a deployment back, as
 * AppConfig does) and served over the wire to the real SDK client as DescribeAlarms in the protocol SDK 2.41 speaks
 * to CloudWatch, Smithy RPC v2 CBOR ({@code POST /service/GraniteServiceVersion20100801/operation/DescribeAlarms},
 * {@code smithy-protocol: rpc-v2-cbor}). Alarms are looked up by name; an unknown name is simply not listed.
 */
public final class FakeCloudWatch extends FakeHttp {
    private static final CBORFactory CBOR = new CBORFactory();
    private final Map<String, String> states = new ConcurrentHashMap<>();
    private final Map<String, String> arnsByName = new ConcurrentHashMap<>();

    public FakeCloudWatch() {
        route("POST", "/service/GraniteServiceVersion20100801/operation/DescribeAlarms", (m, x, body) -> describeAlarms(body));
    }

    public void setAlarmState(String alarmArn, String state) {
        states.put(alarmArn, state);
        arnsByName.put(alarmArn.substring(alarmArn.indexOf(":alarm:") + 7), alarmArn);
    }

    /** An alarm that exists (state OK unless set otherwise). */
    public void register(String alarmArn) {
        if (!states.containsKey(alarmArn)) {
            setAlarmState(alarmArn, "OK");
        }
    }

    public String state(String alarmArn) {
        return states.getOrDefault(alarmArn, "OK");
    }

    private Response describeAlarms(byte[] body) throws IOException {
        List<String> names = new ArrayList<>();
        try (JsonParser p = CBOR.createParser(body)) {
            String field = null;
            boolean inNames = false;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.FIELD_NAME) {
                    field = p.currentName();
                } else if (t == JsonToken.START_ARRAY) {
                    inNames = "AlarmNames".equals(field);
                } else if (t == JsonToken.END_ARRAY) {
                    inNames = false;
                } else if (inNames && t == JsonToken.VALUE_STRING) {
                    names.add(p.getText());
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = CBOR.createGenerator(out)) {
            g.writeStartObject();
            g.writeArrayFieldStart("MetricAlarms");
            for (String name : names) {
                String arn = arnsByName.get(name);
                if (arn == null) {
                    continue;
                }
                g.writeStartObject();
                g.writeStringField("AlarmName", name);
                g.writeStringField("AlarmArn", arn);
                g.writeStringField("StateValue", state(arn));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("CompositeAlarms");
            g.writeEndArray();
            g.writeEndObject();
        }
        return new Response(200, Map.of("Content-Type", "application/cbor", "smithy-protocol", "rpc-v2-cbor"), out.toByteArray());
    }
}
