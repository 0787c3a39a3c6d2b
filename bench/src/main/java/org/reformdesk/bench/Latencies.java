package org.reformdesk.bench;

import java.util.Arrays;

/** Latency samples in microseconds and their percentiles in milliseconds. */
final class Latencies {

    private long[] micros = new long[1024];
    private int size;

    synchronized void add(long sampleMicros) {
        if (size == micros.length) {
            micros = Arrays.copyOf(micros, size * 2);
        }
        micros[size++] = sampleMicros;
    }

    synchronized int count() {
        return size;
    }

    /** The p-th percentile (nearest rank) in milliseconds; 0 when there is no sample. */
    synchronized double percentileMillis(double p) {
        if (size == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(micros, size);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * size) - 1;
        return sorted[Math.max(0, Math.min(size - 1, index))] / 1000.0;
    }

    synchronized double maxMillis() {
        return percentileMillis(100);
    }
}
