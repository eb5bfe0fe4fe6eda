package com.uberpopug.ates.messaging.processors;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** How the instances divide a processor's segments between them. */
class SegmentShareTest {

    private static final List<String> PROCESSORS = List.of("kafka-publisher", "task-assignees", "accounting", "task-board",
            "accounting-views", "analytics", "payments", "payout-mails", "accounting-close");

    @Test
    void theSharesOfAllInstancesAddUpToTheSegments() {
        for (String processor : PROCESSORS) {
            for (int segments = 1; segments <= 8; segments++) {
                for (int instances = 1; instances <= 5; instances++) {
                    int s = segments;
                    int n = instances;
                    int total = IntStream.range(0, n).map(me -> SegmentBalancer.share(processor, s, me, n)).sum();
                    assertThat(total).as(processor + ": " + s + " segments over " + n + " instances").isEqualTo(s);
                    assertThat(IntStream.range(0, n).map(me -> SegmentBalancer.share(processor, s, me, n)).max().getAsInt()
                            - IntStream.range(0, n).map(me -> SegmentBalancer.share(processor, s, me, n)).min().getAsInt())
                            .as("shares differ by one at most").isLessThanOrEqualTo(1);
                }
            }
        }
    }

    @Test
    void withFewerSegmentsThanInstancesEveryInstanceStillWorksForSomeProcessor() {
        for (int me = 0; me < 3; me++) {
            int instance = me;
            assertThat(PROCESSORS.stream().mapToInt(processor -> SegmentBalancer.share(processor, 2, instance, 3)).sum())
                    .as("segments held by instance " + me + " of 3, two segments per processor").isPositive();
        }
    }

    @Test
    void aloneAnInstanceHoldsEverySegment() {
        assertThat(SegmentBalancer.share("task-board", 2, 0, 1)).isEqualTo(2);
        assertThat(SegmentBalancer.share("payments", 4, 0, 1)).isEqualTo(4);
    }
}
