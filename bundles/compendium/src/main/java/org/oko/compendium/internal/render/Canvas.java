package org.oko.compendium.internal.render;

/** What a chart is drawn on, y downwards from the top left, in points: an SVG for the HTML page, a PDF template for the PDF. */
public interface Canvas {

    void rect(double x, double y, double width, double height, String color);

    void line(double x1, double y1, double x2, double y2, String color, double width);

    /** A line of text with its baseline at y; anchor start, middle or end. */
    void text(double x, double y, String text, double size, String anchor, String color);

    /** The width of a text, to lay labels out. */
    double width(String text, double size);
}
