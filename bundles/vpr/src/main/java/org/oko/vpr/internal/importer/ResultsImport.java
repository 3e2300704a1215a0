package org.oko.vpr.internal.importer;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.function.Predicate;

import org.oko.tables.api.BatchWriter;
import org.oko.tables.api.ColumnMatch;
import org.oko.tables.api.RowProblem;
import org.oko.tables.api.TableImport;
import org.oko.vpr.internal.spec.TestSpec;
import org.oko.vpr.internal.stats.Result;
import org.oko.vpr.internal.store.ImportTransaction;
import org.oko.vpr.internal.store.ResultStore;

/**
 * One results file into the store as a stream: this thread reads and checks the rows and hands
 * the good ones in batches to the kit's {@link BatchWriter}, which writes them into one transaction
 * meanwhile. The transaction commits only when the whole file was read without a single problem;
 * otherwise it is rolled back and every problem is reported. Memory holds the keys of the works
 * seen (for duplicates) and a few batches, not the file.
 */
public final class ResultsImport {

    /** {@code written} is null when nothing was written (the problems say why). */
    /** @param columns how each column of the file was read */
    public record Outcome(List<RowProblem> problems, int problemCount, long rows, ResultStore.Written written,
                          List<ColumnMatch> columns) {
    }

    /** The works of one batch, after deleting the stored works of {@code replace} (replace mode). */
    record Batch(List<String> replace, List<Result> results) {
    }

    public interface Progress {
        void read(long rows);

        void written(long works);
    }

    private final TestSpec spec;
    private final ResultStore store;
    private final ExecutorService writerThread;

    public ResultsImport(TestSpec spec, ResultStore store, ExecutorService writerThread) {
        this.spec = spec;
        this.store = store;
        this.writerThread = writerThread;
    }

    /**
     * @param stored  the keys ({@link Result#key}) of the works stored for the test
     * @param replace the works stored of the schools the file names are replaced
     * @param chosen     the import's own mapping, the file's header → column id ({@link Columns})
     * @param remembered choices of earlier imports by normalised header
     */
    public Outcome run(Path file, String fileName, String actor, Predicate<String> knownSchool, Set<String> stored, boolean replace,
                       Map<String, String> chosen, Map<String, String> remembered, Progress progress) throws Exception {
        Replacement replacement = replace ? new Replacement() : null;
        try (BatchWriter<Batch, ResultStore.Written> writer = new BatchWriter<>(writerThread,
                () -> transaction(fileName, actor, progress))) {
            List<String> clear = new ArrayList<>();
            List<Result> batch = new ArrayList<>(ResultStore.BATCH);
            ResultsReader reader = new ResultsReader(spec, knownSchool, replace ? Set.of() : stored, chosen, remembered, progress::read);
            TableImport.Outcome read = reader.read(file, fileName, (result, row) -> {
                    if (replacement != null) {
                        clear.addAll(replacement.clearBefore(result));
                    }
                    batch.add(result);
                    if (batch.size() == ResultStore.BATCH) {
                        writer.write(new Batch(List.copyOf(clear), List.copyOf(batch)));
                        clear.clear();
                        batch.clear();
                    }
                });
            if (read.problemCount() > 0) {
                return new Outcome(read.problems(), read.problemCount(), read.rows(), null, read.columns()); // closing the writer rolls back
            }
            writer.write(new Batch(List.copyOf(clear), List.copyOf(batch)));
            return new Outcome(read.problems(), 0, read.rows(), writer.commit(), read.columns());
        }
    }

    /** The store's transaction as the kit's writer feeds it: each batch's replaced schools, then its works. */
    private BatchWriter.Transaction<Batch, ResultStore.Written> transaction(String fileName, String actor, Progress progress)
            throws SQLException {
        ImportTransaction transaction = store.begin(spec, fileName, actor);
        return new BatchWriter.Transaction<>() {
            @Override
            public void write(Batch batch) throws SQLException {
                transaction.replace(batch.replace());
                transaction.insert(batch.results());
                progress.written(transaction.works());
            }

            @Override
            public ResultStore.Written commit() throws SQLException {
                return transaction.commit();
            }

            @Override
            public void close() throws SQLException {
                transaction.close();
            }
        };
    }
}
