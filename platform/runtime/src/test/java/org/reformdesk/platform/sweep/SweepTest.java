package org.reformdesk.platform.sweep;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SweepTest {

    /** Candidates 1..n; a page emits its even ones. */
    private static Function<Integer, Sweep.Page<Integer>> candidates(int n, int batch, List<Integer> asked) {
        return after -> {
            asked.add(after);
            List<Integer> page = IntStream.rangeClosed(after + 1, n).limit(batch).boxed().toList();
            int emitted = (int) page.stream().filter(c -> c % 2 == 0).count();
            return new Sweep.Page<>(page.size(), emitted, page.isEmpty() ? after : page.get(page.size() - 1));
        };
    }

    @Test
    void pagesFollowTheLastKeyOfThePageBeforeUntilOneComesBackShort() {
        List<Integer> asked = new ArrayList<>();
        List<Supplier<?>> transactions = new ArrayList<>();

        Sweep.Swept swept = Sweep.inPages(0, 3, candidates(7, 3, asked), run -> {
            transactions.add(run);
            return run.get();
        });

        assertThat(asked).containsExactly(0, 3, 6);
        assertThat(transactions).hasSize(3);
        assertThat(swept).isEqualTo(new Sweep.Swept(7, 3));
    }

    @Test
    void aFullLastPageIsFollowedByAnEmptyOneAndNoCandidatesMeanOnePage() {
        List<Integer> asked = new ArrayList<>();
        assertThat(Sweep.inPages(0, 3, candidates(6, 3, asked), Supplier::get)).isEqualTo(new Sweep.Swept(6, 3));
        assertThat(asked).containsExactly(0, 3, 6);

        asked.clear();
        assertThat(Sweep.inPages(0, 3, candidates(0, 3, asked), Supplier::get)).isEqualTo(new Sweep.Swept(0, 0));
        assertThat(asked).containsExactly(0);
    }

    @Test
    void aPageThatFailsEndsTheSweepWithItsFailure() {
        List<Integer> asked = new ArrayList<>();
        Function<Integer, Sweep.Page<Integer>> pages = candidates(9, 3, asked);

        assertThatThrownBy(() -> Sweep.inPages(0, 3, after -> {
            if (after == 3) {
                throw new IllegalStateException("connection cut");
            }
            return pages.apply(after);
        }, Supplier::get)).hasMessage("connection cut");
        assertThat(asked).containsExactly(0);
    }
}
