package org.oko.gto.internal.results;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.LongConsumer;
import java.util.function.Predicate;

import org.oko.gto.internal.norms.Norms;
import org.oko.gto.internal.store.GtoStore;
import org.oko.tables.api.BatchWriter;
import org.oko.tables.api.ColumnMatch;
import org.oko.tables.api.RowProblem;
import org.oko.tables.api.TableImport;

/**
 * One results file into the store as a stream: this thread reads and judges the rows ({@link ResultsReader})
 * and hands the good ones in batches to the kit's {@link BatchWriter}, which writes them into one
 * transaction meanwhile. It commits only when the whole file was read without a single problem;
 * otherwise it is rolled back and every problem is reported.
 */
public final class ResultsImport {

    /** {@code written} is null when nothing was written (the problems say why). */
    public record Outcome(List<RowProblem> problems, int problemCount, long rows, GtoStore.Written written, List<ColumnMatch> columns) {
    }

    private final GtoStore store;
    private final ExecutorService writerThread;

    public ResultsImport(GtoStore store, ExecutorService writerThread) {
        this.store = store;
        this.writerThread = writerThread;
    }

    /**
     * @param editions   the newest version of each edition of the norms
     * @param chosen     the import's own mapping, the file's header → column id ({@link Columns})
     * @param remembered choices of earlier imports by normalised header
     * @param progress   told the rows read, every thousand; may be null
     */
    public Outcome run(Path file, String fileName, String actor, List<Norms> editions, Predicate<String> knownSchool,
                       Map<String, String> chosen, Map<String, String> remembered, LongConsumer progress) throws Exception {
        try (BatchWriter<List<Participant>, GtoStore.Written> writer = new BatchWriter<>(writerThread, () -> store.begin(fileName, actor))) {
            List<Participant> batch = new ArrayList<>(GtoStore.BATCH);
            ResultsReader reader = new ResultsReader(editions, knownSchool, store.keys(), chosen, remembered, progress);
            TableImport.Outcome read = reader.read(file, fileName, (participant, row) -> {
                batch.add(participant);
                if (batch.size() == GtoStore.BATCH) {
                    writer.write(List.copyOf(batch));
                    batch.clear();
                }
            });
            if (read.problemCount() > 0) {
                return new Outcome(read.problems(), read.problemCount(), read.rows(), null, read.columns()); // closing the writer rolls back
            }
            writer.write(List.copyOf(batch));
            return new Outcome(read.problems(), 0, read.rows(), writer.commit(), read.columns());
        }
    }
}
