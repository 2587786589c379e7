package dev.modelctl.core.features.deploy;

import java.util.List;
import java.util.Map;

/** CloudWatch alarm states (OK, ALARM, INSUFFICIENT_DATA) of the alarms that monitor an environment. */
public interface AlarmService {
    /** State per alarm ARN; an alarm CloudWatch does not know is absent from the map. */
    Map<String, String> states(List<String> alarmArns);

    /** For environments read without CloudWatch access: every state unknown. */
    AlarmService NONE = arns -> Map.of();
}
