package org.oko.compendium.internal.render;

import java.awt.Color;

import com.lowagie.text.Element;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfTemplate;

/** A chart drawn into a PDF template (y upwards there, so every y is turned over), with the compendium's embedded font. */
final class PdfCanvas implements Canvas {

    private final PdfTemplate template;
    private final BaseFont font;
    private final double height;

    PdfCanvas(PdfTemplate template, BaseFont font, double height) {
        this.template = template;
        this.font = font;
        this.height = height;
    }

    @Override
    public void rect(double x, double y, double width, double h, String color) {
        template.setColorFill(Color.decode(color));
        template.rectangle((float) x, (float) (height - y - h), (float) width, (float) h);
        template.fill();
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, String color, double width) {
        template.setColorStroke(Color.decode(color));
        template.setLineWidth((float) width);
        template.moveTo((float) x1, (float) (height - y1));
        template.lineTo((float) x2, (float) (height - y2));
        template.stroke();
    }

    @Override
    public void text(double x, double y, String text, double size, String anchor, String color) {
        int align = switch (anchor) {
            case "middle" -> Element.ALIGN_CENTER;
            case "end" -> Element.ALIGN_RIGHT;
            default -> Element.ALIGN_LEFT;
        };
        template.beginText();
        template.setColorFill(Color.decode(color));
        template.setFontAndSize(font, (float) size);
        template.showTextAligned(align, text, (float) x, (float) (height - y), 0);
        template.endText();
    }

    @Override
    public double width(String text, double size) {
        return font.getWidthPoint(text, (float) size);
    }
}
