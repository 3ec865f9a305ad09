package io.turnstile.policy;

import java.time.ZoneId;
import java.util.Map;

/**
 * How often each rule decided, counted from the stored NAC events, over the windows {@code last_60m},
 * {@code last_24h}, {@code last_7d}, {@code today}, {@code yesterday}, {@code this_week} (calendar windows in
 * {@code zone}, weeks from Monday) and, when given, a custom range {@code [fromMillis, toMillis)}.
 */
public interface RuleHitService {

    /** window name → rule id → hits (rules without hits are absent). */
    Map<String, Map<String, Long>> hits(String orgId, ZoneId zone, Long fromMillis, Long toMillis);
}
