package com.uberpopug.ates.app.views;

import com.uberpopug.ates.api.analytics.EarningsOfDay;
import com.vaadin.flow.component.Svg;

import java.util.List;
import java.util.Locale;

/**
 * Management earnings per day as a bar chart, rendered on the server as SVG (no npm code in the browser):
 * bars above the axis for days that earned, below for days that paid out more in rewards than they took in fees.
 */
final class EarningsChart {

    static final int WIDTH = 720;
    static final int HEIGHT = 220;
    private static final int AXIS_LABELS = 24;

    private EarningsChart() {
    }

    static Svg of(List<EarningsOfDay> days) {
        long max = days.stream().mapToLong(d -> Math.abs(d.earnings().cents())).max().orElse(0);
        double scale = max == 0 ? 0 : (HEIGHT / 2.0 - AXIS_LABELS) / max;
        double barWidth = days.isEmpty() ? 0 : (double) WIDTH / days.size();
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 %d %d' width='%d' height='%d' role='img' "
                        + "aria-label='Management earnings per day'>", WIDTH, HEIGHT, WIDTH, HEIGHT));
        double axis = HEIGHT / 2.0;
        svg.append(String.format(Locale.ROOT, "<line x1='0' y1='%.1f' x2='%d' y2='%.1f' stroke='#999'/>", axis, WIDTH, axis));
        for (int i = 0; i < days.size(); i++) {
            EarningsOfDay day = days.get(i);
            double height = Math.abs(day.earnings().cents()) * scale;
            double y = day.earnings().isNegative() ? axis : axis - height;
            String colour = day.earnings().isNegative() ? "#d9534f" : "#2e7d32";
            svg.append(String.format(Locale.ROOT,
                    "<rect x='%.1f' y='%.1f' width='%.1f' height='%.1f' fill='%s'><title>%s: %s</title></rect>",
                    i * barWidth + 1, y, Math.max(barWidth - 2, 1), height, colour, day.day(), day.earnings().format()));
        }
        if (!days.isEmpty()) {
            svg.append(String.format(Locale.ROOT, "<text x='2' y='%d' font-size='11'>%s</text>", HEIGHT - 4, days.get(0).day()));
            svg.append(String.format(Locale.ROOT, "<text x='%d' y='%d' font-size='11' text-anchor='end'>%s</text>",
                    WIDTH - 2, HEIGHT - 4, days.get(days.size() - 1).day()));
        }
        svg.append("</svg>");
        return new Svg(svg.toString());
    }
}
