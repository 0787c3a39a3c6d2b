package org.reformdesk.console.api;

import java.util.List;
import java.util.Map;

/** One page of a service's collection, as every {@code /api/v1} list answers: items, page (from 0), size, total. */
public record Page(List<Map<String, Object>> items, int page, int size, long total) {

    public int pages() {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < pages();
    }
}
