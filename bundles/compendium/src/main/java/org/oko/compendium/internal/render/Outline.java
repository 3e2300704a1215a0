package org.oko.compendium.internal.render;

import java.util.ArrayList;
import java.util.List;

import org.oko.compendium.api.Chapter;
import org.oko.compendium.internal.book.Book;

/**
 * The book's numbering, the same in every output: chapters from 1, and within chapter N its tables N.1, N.2 … and its
 * figures N.1, N.2 … counted apart, as Russian statistical compendia number them.
 */
public record Outline(List<Part> chapters) {

    /** A block with its number ("2.3"), null for a text. */
    public record Numbered(Chapter.Block block, String number) {
    }

    public record Part(int number, Chapter chapter, List<Numbered> blocks) {
    }

    public static Outline of(Book book) {
        List<Part> parts = new ArrayList<>();
        int n = 0;
        for (Chapter chapter : book.chapters()) {
            n++;
            int tables = 0;
            int figures = 0;
            List<Numbered> blocks = new ArrayList<>();
            for (Chapter.Block block : chapter.blocks()) {
                String number = null;
                if (block instanceof Chapter.Table) {
                    number = n + "." + ++tables;
                } else if (block instanceof Chapter.Chart) {
                    number = n + "." + ++figures;
                }
                blocks.add(new Numbered(block, number));
            }
            parts.add(new Part(n, chapter, blocks));
        }
        return new Outline(parts);
    }

    /** Every table, in order, with its number. */
    public List<Numbered> tables() {
        List<Numbered> tables = new ArrayList<>();
        chapters.forEach(p -> p.blocks().stream().filter(b -> b.block() instanceof Chapter.Table).forEach(tables::add));
        return tables;
    }
}
