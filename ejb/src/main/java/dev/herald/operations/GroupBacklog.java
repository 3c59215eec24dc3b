package dev.herald.operations;

/**
 * One consumer group on one stream, as the last sample read it.
 *
 * @param group           the group's name
 * @param consumers       consumers the group knows
 * @param lag             entries of the stream after the group's last delivered entry: written, not yet read by
 *                        any consumer of the group
 * @param lagCapped       true when the lag was counted (Redis before 7) and reached the count limit: the real lag is
 *                        at least {@code lag}
 * @param pending         entries delivered to a consumer and not acknowledged yet (the pending entries list)
 * @param lastDeliveredId the group's last delivered entry id
 */
public record GroupBacklog(String group, long consumers, long lag, boolean lagCapped, long pending,
                           String lastDeliveredId) {
}
