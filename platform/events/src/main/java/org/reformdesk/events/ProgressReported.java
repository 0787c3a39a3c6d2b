package org.reformdesk.events;

import java.util.UUID;

/**
 * The lead unit filed (or updated) its monthly progress report for {@code period} (yyyy-MM); {@code late} when it
 * came after the report day.
 */
public record ProgressReported(UUID taskId, UUID leadUnitId, String period, int percent,
        boolean late) implements ReformEvent {

    public static ProgressReported of(UUID taskId, UUID leadUnitId, String period, int percent, boolean late) {
        return new ProgressReported(taskId, leadUnitId, period, percent, late);
    }

    @Override
    public EventType type() {
        return EventType.PROGRESS_REPORTED;
    }

    @Override
    public String subject() {
        return taskId.toString();
    }
}
