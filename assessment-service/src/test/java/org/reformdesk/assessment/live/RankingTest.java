package org.reformdesk.assessment.live;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RankingTest {

    @Test
    void higherScoresRankFirstAndTiesShareARank() {
        UUID best = UUID.randomUUID();
        UUID tiedOne = UUID.randomUUID();
        UUID tiedTwo = UUID.randomUUID();
        UUID last = UUID.randomUUID();

        Map<UUID, Integer> ranks = Ranking.rank(List.of(
                new Ranking.Scored(last, new BigDecimal("91.50")),
                new Ranking.Scored(tiedOne, new BigDecimal("98.00")),
                new Ranking.Scored(best, new BigDecimal("100.00")),
                new Ranking.Scored(tiedTwo, new BigDecimal("98.0"))));

        assertThat(ranks).containsEntry(best, 1).containsEntry(tiedOne, 2).containsEntry(tiedTwo, 2)
                .containsEntry(last, 4);
    }

    @Test
    void anEmptyCategoryHasNoRanks() {
        assertThat(Ranking.rank(List.of())).isEmpty();
    }
}
