package org.oko.compendium.internal.render;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

import org.oko.compendium.api.Chapter;

/**
 * Lays a chart out once for every output: bars horizontally (territory names are long), one bar per series in each
 * category's band, the value at its end; lines over the categories (years) with a dot and value at each point. A legend
 * names the series when there are several. The colours are told apart in grey print too.
 */
public final class ChartPainter {

    public static final double WIDTH = 500;
    static final String[] COLORS = {"#1f5fa8", "#e08a1e", "#3a9a4b", "#8e44ad", "#c0392b", "#7f8c8d"};
    private static final double FONT = 8;
    private static final double BAR = 9;
    private static final double GAP = 5;

    private ChartPainter() {
    }

    /** The chart's height, to size its canvas before painting. */
    public static double height(Chapter.Chart chart) {
        double legend = chart.series().size() > 1 ? 16 : 0;
        if (Chapter.Chart.LINES.equals(chart.kind())) {
            return 200 + legend;
        }
        return chart.categories().size() * (chart.series().size() * BAR + GAP) + 24 + legend;
    }

    public static void paint(Chapter.Chart chart, String language, Canvas canvas) {
        if (Chapter.Chart.LINES.equals(chart.kind())) {
            lines(chart, language, canvas);
        } else {
            bars(chart, language, canvas);
        }
        legend(chart, language, canvas, height(chart) - 6);
    }

    private static double max(Chapter.Chart chart) {
        double max = chart.series().stream().flatMap(s -> s.values().stream()).filter(Objects::nonNull).mapToDouble(BigDecimal::doubleValue)
                .max().orElse(0);
        return max <= 0 ? 1 : max;
    }

    private static void bars(Chapter.Chart chart, String language, Canvas canvas) {
        double labels = Math.min(190, chart.categories().stream().mapToDouble(c -> canvas.width(Cells.text(c, language), FONT)).max().orElse(0) + 6);
        double room = WIDTH - labels - 40;
        double max = max(chart);
        double y = 4;
        for (int c = 0; c < chart.categories().size(); c++) {
            String label = clip(canvas, Cells.text(chart.categories().get(c), language), labels - 6);
            double band = chart.series().size() * BAR;
            canvas.text(labels - 4, y + band / 2 + FONT / 3, label, FONT, "end", "#222222");
            for (int s = 0; s < chart.series().size(); s++) {
                BigDecimal value = chart.series().get(s).values().size() > c ? chart.series().get(s).values().get(c) : null;
                double top = y + s * BAR;
                if (value != null) {
                    double length = Math.max(0.5, room * value.doubleValue() / max);
                    canvas.rect(labels, top + 1, length, BAR - 2, COLORS[s % COLORS.length]);
                    canvas.text(labels + length + 3, top + BAR - 2, Cells.text(value, language), FONT - 1, "start", "#222222");
                }
            }
            y += band + GAP;
        }
        canvas.line(labels, 2, labels, y, "#555555", 0.6);
        if (chart.unit() != null) {
            canvas.text(WIDTH - 4, y + 10, Cells.text(chart.unit(), language), FONT - 1, "end", "#555555");
        }
    }

    private static void lines(Chapter.Chart chart, String language, Canvas canvas) {
        double left = 40;
        double top = 12;
        double plotWidth = WIDTH - left - 20;
        double plotHeight = 150;
        double max = max(chart) * 1.1;
        int n = chart.categories().size();
        canvas.line(left, top, left, top + plotHeight, "#555555", 0.6);
        canvas.line(left, top + plotHeight, left + plotWidth, top + plotHeight, "#555555", 0.6);
        for (int i = 0; i <= 4; i++) {
            double value = max * i / 4;
            double y = top + plotHeight - plotHeight * i / 4;
            canvas.line(left - 2, y, left + plotWidth, y, "#dddddd", 0.4);
            canvas.text(left - 4, y + 3, Cells.text(BigDecimal.valueOf(value).setScale(max < 10 ? 1 : 0, java.math.RoundingMode.HALF_UP), language),
                    FONT - 1, "end", "#555555");
        }
        double step = n > 1 ? plotWidth / (n - 1) : 0;
        for (int c = 0; c < n; c++) {
            canvas.text(left + (n > 1 ? c * step : plotWidth / 2), top + plotHeight + 12, Cells.text(chart.categories().get(c), language), FONT,
                    "middle", "#222222");
        }
        for (int s = 0; s < chart.series().size(); s++) {
            List<BigDecimal> values = chart.series().get(s).values();
            String color = COLORS[s % COLORS.length];
            double[] last = null;
            for (int c = 0; c < n && c < values.size(); c++) {
                if (values.get(c) == null) {
                    last = null;
                    continue;
                }
                double x = left + (n > 1 ? c * step : plotWidth / 2);
                double y = top + plotHeight - plotHeight * values.get(c).doubleValue() / max;
                if (last != null) {
                    canvas.line(last[0], last[1], x, y, color, 1.4);
                }
                canvas.rect(x - 2, y - 2, 4, 4, color);
                canvas.text(x, y - 5, Cells.text(values.get(c), language), FONT - 1, "middle", "#222222");
                last = new double[] {x, y};
            }
        }
        if (chart.unit() != null) {
            canvas.text(left, top - 3, Cells.text(chart.unit(), language), FONT - 1, "start", "#555555");
        }
    }

    private static void legend(Chapter.Chart chart, String language, Canvas canvas, double y) {
        if (chart.series().size() < 2) {
            return;
        }
        double x = 4;
        for (int s = 0; s < chart.series().size(); s++) {
            String name = Cells.text(chart.series().get(s).name(), language);
            canvas.rect(x, y - 7, 8, 8, COLORS[s % COLORS.length]);
            canvas.text(x + 11, y, name, FONT, "start", "#222222");
            x += 11 + canvas.width(name, FONT) + 14;
        }
    }

    private static String clip(Canvas canvas, String text, double width) {
        if (canvas.width(text, FONT) <= width) {
            return text;
        }
        String clipped = text;
        while (clipped.length() > 1 && canvas.width(clipped + "…", FONT) > width) {
            clipped = clipped.substring(0, clipped.length() - 1);
        }
        return clipped + "…";
    }
}
