package org.oko.tables.api;

import static org.oko.tables.api.internal.TablesApiTexts.TEXTS;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.function.ObjLongConsumer;

import org.oko.platform.api.rest.ApiMessage;

/**
 * The pipeline every import shares: a tabular file streamed ({@link TableReader}), its columns
 * matched ({@link ColumnMapping}), each row checked by the import's own {@link RowCheck}, and every
 * good row handed on at once while the file has no problem at all. After the first problem the rest
 * is still checked, so that every problem is reported, but nothing more is handed on: the caller
 * discards what it got (all or nothing). Nothing is kept per row; problems beyond
 * {@value #MAX_PROBLEMS_KEPT} are counted, not kept. A row cut short is a problem, never empty cells.
 */
public final class TableImport {

    public static final int MAX_PROBLEMS_KEPT = 1000;
    /** Progress is told every this many rows. */
    public static final int PROGRESS_EVERY = 1000;

    /** An import's own reading of a row. */
    public interface RowCheck<T> {

        /** Called once the header is read and matched without problems, before the first row. */
        default void header(ColumnMapping columns) {
        }

        /** The row's value, or null when {@code problems} got one for this row. */
        T check(TableRow row, ColumnMapping columns, Problems problems);
    }

    /** What an import found wrong, counted for the whole file. */
    public static final class Problems {
        private final List<RowProblem> kept = new ArrayList<>();
        private int count;

        /** A problem in both languages, from the module's texts. */
        public void add(long row, String column, ApiMessage text) {
            count++;
            if (kept.size() < MAX_PROBLEMS_KEPT) {
                kept.add(new RowProblem(row, column, text));
            }
        }

        /**
         * A problem with one text, Russian or an older "Русский / English" one.
         *
         * @deprecated give an {@link ApiMessage} from the module's texts
         */
        @Deprecated
        public void add(long row, String column, String message) {
            add(row, column, ApiMessage.split(message));
        }

        /** Problems found so far; compare before and after reading a cell to know whether it was good. */
        public int count() {
            return count;
        }
    }

    /**
     * @param problems every problem kept, in file order
     * @param problemCount all of them, kept or not
     * @param rows     data rows read
     * @param columns  how each column of the file was read
     */
    public record Outcome(List<RowProblem> problems, int problemCount, long rows, List<ColumnMatch> columns) {

        public boolean good() {
            return problemCount == 0;
        }
    }

    private final List<ColumnSpec> columns;
    private final List<List<String>> alternatives;
    private final Map<String, String> chosen;
    private final Map<String, String> remembered;
    private final LongConsumer progress;

    /**
     * @param chosen     the import's own mapping: the file's header → column id, "" to leave it out
     * @param remembered earlier imports' choices ({@link ColumnMemory#remembered})
     * @param progress   told the number of rows read every {@value #PROGRESS_EVERY} rows; may be null
     */
    public TableImport(List<ColumnSpec> columns, Map<String, String> chosen, Map<String, String> remembered, LongConsumer progress) {
        this(columns, List.of(), chosen, remembered, progress);
    }

    /** @param alternatives groups of column ids of which the file needs one ({@link ColumnMapping#resolve(List, long, List, Map, Map, List)}) */
    public TableImport(List<ColumnSpec> columns, List<List<String>> alternatives, Map<String, String> chosen,
                       Map<String, String> remembered, LongConsumer progress) {
        this.columns = List.copyOf(columns);
        this.alternatives = List.copyOf(alternatives);
        this.chosen = chosen == null ? Map.of() : chosen;
        this.remembered = remembered == null ? Map.of() : remembered;
        this.progress = progress;
    }

    /**
     * @param fileName only for messages
     * @param sink     given each good row with its row number, while the file has no problem yet
     */
    public <T> Outcome read(Path file, String fileName, RowCheck<T> check, ObjLongConsumer<T> sink) throws IOException {
        Problems problems = new Problems();
        Run<T> run = new Run<>(problems, check, sink);
        try {
            TableReader.read(file, fileName == null ? "" : fileName, run);
        } catch (TableException e) {
            problems.add(0, null, e.text());
        }
        if (run.mapping == null) {
            if (problems.count() == 0) {
                problems.add(0, null, TEXTS.text("table.no-header"));
            }
        } else if (run.rows == 0 && run.mapping.problems().isEmpty()) {
            problems.add(0, null, TEXTS.text("table.no-rows"));
        }
        return new Outcome(List.copyOf(problems.kept), problems.count(), run.rows,
                run.mapping == null ? List.of() : run.mapping.matches());
    }

    private final class Run<T> implements TableHandler {
        private final Problems problems;
        private final RowCheck<T> check;
        private final ObjLongConsumer<T> sink;
        private ColumnMapping mapping;
        private long rows;

        Run(Problems problems, RowCheck<T> check, ObjLongConsumer<T> sink) {
            this.problems = problems;
            this.check = check;
            this.sink = sink;
        }

        @Override
        public void header(long number, List<String> cells) {
            mapping = ColumnMapping.resolve(cells, number, columns, chosen, remembered, alternatives);
            mapping.problems().forEach(p -> problems.add(p.row(), p.column(), p.text()));
            if (mapping.problems().isEmpty()) {
                check.header(mapping);
            }
        }

        @Override
        public void row(TableRow row) {
            if (!mapping.problems().isEmpty()) {
                return; // the header already says what is wrong; rows cannot be read against it
            }
            rows++;
            if (progress != null && rows % PROGRESS_EVERY == 0) {
                progress.accept(rows);
            }
            if (row.cutShort()) {
                RowProblem cut = mapping.cutShort(row);
                problems.add(cut.row(), cut.column(), cut.text());
                return;
            }
            T value = check.check(row, mapping, problems);
            if (value != null && problems.count() == 0) { // after a problem nothing will be written, so nothing more is handed on
                sink.accept(value, row.number());
            }
        }
    }
}
