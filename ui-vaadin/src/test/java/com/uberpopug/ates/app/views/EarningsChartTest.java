package com.uberpopug.ates.app.views;

import com.uberpopug.ates.api.accounting.Money;
import com.uberpopug.ates.api.analytics.EarningsOfDay;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class EarningsChartTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);

    @Test
    void theAmountAxisHasRoundStepsFromTheLowestToTheHighestDayThroughZero() {
        String svg = svg(List.of(day(0, 16_200), day(1, -4_000), day(2, 0)));
        // From -$40 to $162: a quarter of the span is $50.50, rounded up to $100; -$100 … $200, zero among them.
        assertThat(svg).contains(">-$100.00<", ">$0.00<", ">$100.00<", ">$200.00<").doesNotContain(">$300.00<", ">-$200.00<", ">$50.00<");
    }

    @Test
    void eachBarSaysItsDayAndAmountAndLossesAreDrawnBelowTheZeroLine() {
        String svg = svg(List.of(day(0, 16_200), day(1, -4_000)));
        assertThat(svg).contains("<title>2026-12-01: $162.00</title>", "<title>2026-12-02: -$40.00</title>");
        assertThat(svg).contains("fill='#c62828'"); // the day that paid out more than it took in
        assertThat(svg).contains(">2026-12-01<", ">2026-12-02<"); // both days along the bottom
        assertThat(svg).contains(">$162.00<"); // few days: amounts written above the bars
    }

    @Test
    void aLongRangeNamesEveryFewDaysAndLeavesTheAmountsToTheTooltips() {
        List<EarningsOfDay> days = IntStream.range(0, 90).mapToObj(i -> day(i, 1_000 + i)).toList();
        String svg = svg(days);
        assertThat(svg.split("<title>", -1)).hasSize(91);
        assertThat(svg).contains(">2026-12-01<").doesNotContain(">2026-12-02<");
        assertThat(svg).doesNotContain(">$10.89<");
    }

    @Test
    void daysWithoutMovementsGiveAnEmptyChartOfOneStep() {
        assertThat(svg(List.of(day(0, 0), day(1, 0)))).contains(">$0.00<", ">$1.00<").doesNotContain("NaN", "Infinity");
    }

    private static EarningsOfDay day(int offset, long cents) {
        return new EarningsOfDay(DAY.plusDays(offset), new Money(cents));
    }

    private static String svg(List<EarningsOfDay> days) {
        return EarningsChart.of(days).getElement().getProperty("innerHTML");
    }
}
