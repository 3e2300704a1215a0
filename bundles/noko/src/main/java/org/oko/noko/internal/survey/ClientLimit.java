package org.oko.noko.internal.survey;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many answers one client (an address) gave one survey in the last hour, kept in memory only and keyed by a
 * digest, so that a script cannot fill a survey while a family or a school's computer room still can answer.
 */
public final class ClientLimit {

    private static final Duration WINDOW = Duration.ofHours(1);
    private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();

    /** Counts one more answer if the client is under {@code perHour}; false when it is not (nothing counted). */
    public boolean allow(String client, int perHour, Instant now) {
        Deque<Instant> times = recent.computeIfAbsent(client, c -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(WINDOW))) {
                times.pollFirst();
            }
            if (times.size() >= perHour) {
                return false;
            }
            times.addLast(now);
        }
        if (recent.size() > 100_000) { // a flood of addresses: forget the quiet ones rather than grow
            recent.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    return e.getValue().isEmpty() || e.getValue().peekLast().isBefore(now.minus(WINDOW));
                }
            });
        }
        return true;
    }
}
