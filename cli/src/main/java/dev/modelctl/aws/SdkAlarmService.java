package dev.modelctl.aws;

import dev.modelctl.core.features.deploy.AlarmService;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link AlarmService} over CloudWatch DescribeAlarms (by alarm name, the last segment of the ARN). */
public final class SdkAlarmService implements AlarmService {
    private final CloudWatchClient client;

    public SdkAlarmService(CloudWatchClient client) {
        this.client = client;
    }

    @Override
    public Map<String, String> states(List<String> alarmArns) {
        Map<String, String> byName = new LinkedHashMap<>();
        for (String arn : alarmArns) {
            int i = arn.indexOf(":alarm:");
            byName.put(i < 0 ? arn : arn.substring(i + 7), arn);
        }
        Map<String, String> out = new LinkedHashMap<>();
        var response = AwsErrors.call("CloudWatch", "DescribeAlarms", () -> client.describeAlarms(r -> r.alarmNames(byName.keySet())
                .alarmTypes(AlarmType.METRIC_ALARM, AlarmType.COMPOSITE_ALARM)));
        response.metricAlarms().forEach(a -> put(out, alarmArns, byName, a.alarmArn(), a.alarmName(), a.stateValueAsString()));
        response.compositeAlarms().forEach(a -> put(out, alarmArns, byName, a.alarmArn(), a.alarmName(), a.stateValueAsString()));
        return out;
    }

    private static void put(Map<String, String> out, List<String> arns, Map<String, String> byName, String arn, String name, String state) {
        String key = arn != null && arns.contains(arn) ? arn : byName.get(name);
        if (key != null) {
            out.put(key, state);
        }
    }
}
