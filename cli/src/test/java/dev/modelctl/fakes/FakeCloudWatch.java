package dev.modelctl.fakes;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CloudWatch alarm states that the fake AppConfig's monitors read. Tests flip an alarm to ALARM mid-deployment, as a
 * real error-rate alarm would, and AppConfig rolls back.
 */
public final class FakeCloudWatch {
    private final Map<String, String> states = new ConcurrentHashMap<>();

    public void setAlarmState(String alarmArn, String state) {
        states.put(alarmArn, state);
    }

    public String state(String alarmArn) {
        return states.getOrDefault(alarmArn, "OK");
    }
}
