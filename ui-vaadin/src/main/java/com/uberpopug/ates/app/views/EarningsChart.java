package com.uberpopug.ates.app.views;

import com.uberpopug.ates.api.accounting.Money;
import com.uberpopug.ates.api.analytics.EarningsOfDay;
import com.vaadin.flow.component.Svg;

import java.util.List;
import java.util.Locale;

/**
 * Management earnings per day as a bar chart, rendered on the server as SVG (no npm code in the browser):
 * an amount axis with round steps and grid lines, the zero line, bars above it for days that earned and
 * below it for days that paid out more in rewards than they took in fees, business days along the bottom,
 * and each bar's day and amount as its tooltip (and written above it while the bars are wide enough).
 */
final class EarningsChart {

    static final int WIDTH = 760;
    static final int HEIGHT = 280;
    private static final int LEFT = 84;
    private static final int RIGHT = 8;
    private static final int TOP = 22;
    private static final int BOTTOM = 30;
    private static final int DAY_LABELS = 7;
    /** Bars this wide have room for their amount written above them. */
    private static final double LABELLED_BAR = 56;

    private EarningsChart() {
    }

    static Svg of(List<EarningsOfDay> days) {
        long high = Math.max(0, days.stream().mapToLong(d -> d.earnings().cents()).max().orElse(0));
        long low = Math.min(0, days.stream().mapToLong(d -> d.earnings().cents()).min().orElse(0));
        long step = roundStep(Math.max(high - low, 100) / 4.0);
        long top = ceil(high, step);
        long bottom = -ceil(-low, step);
        if (top == bottom) {
            top = step; // no movement at all: an empty chart of one step
        }
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double plotWidth = WIDTH - LEFT - RIGHT;
        double perCent = plotHeight / (top - bottom);
        double zero = TOP + top * perCent;

        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 %d %d' width='%d' height='%d' role='img' "
                        + "aria-label='Management earnings per day, %s to %s' font-family='sans-serif' font-size='12'>",
                WIDTH, HEIGHT, WIDTH, HEIGHT, first(days), last(days)));
        for (long tick = bottom; tick <= top; tick += step) {
            double y = zero - tick * perCent;
            svg.append(String.format(Locale.ROOT, "<line x1='%d' y1='%.1f' x2='%d' y2='%.1f' stroke='%s'/>",
                    LEFT, y, WIDTH - RIGHT, y, tick == 0 ? "#555" : "#ddd"));
            svg.append(String.format(Locale.ROOT, "<text x='%d' y='%.1f' text-anchor='end' dominant-baseline='middle' fill='#333'>%s</text>",
                    LEFT - 6, y, new Money(tick).format()));
        }
        double barWidth = days.isEmpty() ? 0 : plotWidth / days.size();
        int labelEvery = Math.max(1, (int) Math.ceil(days.size() / (double) DAY_LABELS));
        for (int i = 0; i < days.size(); i++) {
            EarningsOfDay day = days.get(i);
            long cents = day.earnings().cents();
            double x = LEFT + i * barWidth;
            double height = Math.abs(cents) * perCent;
            double y = cents < 0 ? zero : zero - height;
            svg.append(String.format(Locale.ROOT,
                    "<rect x='%.1f' y='%.1f' width='%.1f' height='%.1f' fill='%s'><title>%s: %s</title></rect>",
                    x + 1, y, Math.max(barWidth - 2, 1), Math.max(height, cents == 0 ? 0 : 1),
                    cents < 0 ? "#c62828" : "#2e7d32", day.day(), day.earnings().format()));
            if (barWidth >= LABELLED_BAR && cents != 0) {
                svg.append(String.format(Locale.ROOT, "<text x='%.1f' y='%.1f' text-anchor='middle' fill='#333'>%s</text>",
                        x + barWidth / 2, cents < 0 ? y + height + 14 : y - 4, day.earnings().format()));
            }
            if (i % labelEvery == 0) {
                svg.append(String.format(Locale.ROOT, "<text x='%.1f' y='%d' text-anchor='middle' fill='#333'>%s</text>",
                        x + barWidth / 2, HEIGHT - 10, day.day()));
            }
        }
        return new Svg(svg.append("</svg>").toString());
    }

    /** 1, 2 or 5 times a power of ten dollars (in cents), at least the raw step. */
    static long roundStep(double rawCents) {
        long power = 100;
        while (true) {
            for (long factor : new long[] {1, 2, 5}) {
                if (factor * power >= rawCents) {
                    return factor * power;
                }
            }
            power *= 10;
        }
    }

    private static long ceil(long cents, long step) {
        return (cents + step - 1) / step * step;
    }

    private static Object first(List<EarningsOfDay> days) {
        return days.isEmpty() ? "" : days.get(0).day();
    }

    private static Object last(List<EarningsOfDay> days) {
        return days.isEmpty() ? "" : days.get(days.size() - 1).day();
    }
}
