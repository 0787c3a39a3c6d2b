package org.reformdesk.bench;

/**
 * One scenario of docs/performance.md, run on the platform a {@link BenchRun} started: it prints its figures into the
 * run's sink, each only once the counts behind it were checked, and fails the run when a count of effects is not
 * exact. The runner seeds every chosen scenario before any runs, then runs them in its order on the one platform.
 */
interface Scenario {

    /** Its own sizes and rates, for the results' context (the run's {@code -Dbench.tasks} is there already). */
    default String sizes() {
        return "";
    }

    /**
     * Writes what it needs into the services' databases before the platform settles and any scenario runs (tasks in
     * SQL need no events), so that each finds the task table as a full run has it: the trickle among the burst's tasks.
     */
    default void seed(BenchRun run) {
    }

    /** Measures, on the running platform. */
    void run(BenchRun run);

    /** Measures what must not share the machine with the platform, once the platform has stopped. */
    default void afterPlatform(BenchRun run) {
    }
}
