package com.uberpopug.ates.tasks;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AssigneeDrawTest {

    private static final List<UUID> POPUGS = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());

    @Test
    void theRandomSourceDecidesWhoIsDrawn() {
        assertThat(new AssigneeDraw(() -> POPUGS, new FixedRandom(0)).draw()).contains(POPUGS.get(0));
        assertThat(new AssigneeDraw(() -> POPUGS, new FixedRandom(2)).draw()).contains(POPUGS.get(2));
    }

    @Test
    void nobodyIsDrawnFromNobody() {
        assertThat(new AssigneeDraw(List::of, new FixedRandom(0)).draw()).isEmpty();
        assertThat(new AssigneeDraw(List::of, new FixedRandom(0)).pool().isEmpty()).isTrue();
    }

    @Test
    void aPopugWhoLeftBetweenCountingAndReadingIsNotDrawn() {
        // Counted three; the third left before it was read: the draw counts again and takes one of the two left.
        List<UUID> left = POPUGS.subList(0, 2);
        Iterator<Integer> counts = List.of(3, 2).iterator();
        EligibleAssignees shrinking = new EligibleAssignees() {
            @Override
            public List<UUID> ids() {
                return left;
            }

            @Override
            public int count() {
                return counts.next();
            }
        };
        assertThat(new AssigneeDraw(shrinking, new FixedRandom(2)).draw()).contains(POPUGS.get(0));
    }

    @Test
    void aSeededSourceDrawsTheSameSequenceEveryTime() {
        AssigneeDraw.Pool first = new AssigneeDraw(() -> POPUGS, new SplittableRandom(7)).pool();
        AssigneeDraw.Pool second = new AssigneeDraw(() -> POPUGS, new SplittableRandom(7)).pool();
        for (int i = 0; i < 50; i++) {
            assertThat(first.draw()).isEqualTo(second.draw());
        }
    }

    @Test
    void everyEligiblePopugGetsAShareOfTheDraws() {
        AssigneeDraw.Pool pool = new AssigneeDraw(() -> POPUGS, new SplittableRandom(42)).pool();
        Map<UUID, Integer> drawn = new HashMap<>();
        for (int i = 0; i < 3_000; i++) {
            drawn.merge(pool.draw().orElseThrow(), 1, Integer::sum);
        }
        // Uniform: about 1,000 each; the bounds are far outside what a fair draw of this seed gives.
        assertThat(drawn).hasSize(3).allSatisfy((popug, count) -> assertThat(count).isBetween(850, 1150));
    }
}
