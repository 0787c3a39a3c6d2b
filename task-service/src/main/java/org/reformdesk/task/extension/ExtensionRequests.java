package org.reformdesk.task.extension;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** What clients send about extension requests. */
final class ExtensionRequests {

    private ExtensionRequests() {
    }

    /** The lead unit asks for {@code requestedDeadline}, later than the task's deadline, with its reason. */
    public record NewRequest(@NotNull LocalDate requestedDeadline, @NotBlank @Size(max = 2000) String reason) {
    }

    /** The office's decision on a request. */
    public enum Outcome {
        APPROVED, REJECTED
    }

    /**
     * The reform office's decision with its comment; an approval may grant an earlier {@code deadline} than was
     * asked for (still later than the task's), by default the one asked for.
     */
    public record Decision(@NotNull Outcome decision, @NotBlank @Size(max = 1000) String comment, LocalDate deadline) {
    }
}
