package org.oko.compendium.internal.render;

import java.util.Locale;

/** A chart as inline SVG for the printable page; text widths estimated (the browser measures the real ones). */
final class SvgCanvas implements Canvas {

    private final StringBuilder svg = new StringBuilder();

    @Override
    public void rect(double x, double y, double width, double height, String color) {
        svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>", x, y, width, height, color));
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, String color, double width) {
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%.1f\"/>", x1, y1,
                x2, y2, color, width));
    }

    @Override
    public void text(double x, double y, String text, double size, String anchor, String color) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.1f\" text-anchor=\"%s\" fill=\"%s\">%s</text>", x, y, size,
                anchor, color, Html.escape(text)));
    }

    @Override
    public double width(String text, double size) {
        return text.length() * size * 0.52;
    }

    String svg(double width, double height, String label) {
        return String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %.0f %.0f\" role=\"img\" aria-label=\"%s\""
                + " font-family=\"Liberation Sans, Arial, sans-serif\">", width, height, Html.escape(label)) + svg + "</svg>";
    }
}
