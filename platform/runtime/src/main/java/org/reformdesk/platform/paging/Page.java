package org.reformdesk.platform.paging;

import java.util.List;
import java.util.function.Function;

/** One page of a collection, with the total so a client can page through all of it. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
