package org.oko.vpr.internal.importer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.function.LongConsumer;
import java.util.function.Predicate;

import org.oko.vpr.internal.spec.TestSpec;
import org.oko.vpr.internal.stats.Result;
import org.oko.vpr.internal.store.ResultStore;

/**
 * One results file into the store as a stream: this thread reads and checks the rows and hands
 * the good ones in batches to a {@link BatchWriter}, which writes them into one transaction
 * meanwhile. The transaction commits only when the whole file was read without a single problem;
 * otherwise it is rolled back and every problem is reported. Memory holds the participant codes
 * seen (for duplicates) and a few batches, not the file.
 */
public final class ResultsImport {

    /** {@code written} is null when nothing was written (the problems say why). */
    public record Outcome(List<ResultsReader.Problem> problems, int problemCount, long rows, ResultStore.Written written) {
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
     * @param stored  participant → school of the works stored for the test
     * @param replace the works stored of the schools the file names are replaced
     */
    public Outcome run(Path file, String fileName, String actor, Predicate<String> knownSchool, Map<String, String> stored, boolean replace,
                       Map<String, String> mapping, Progress progress) throws Exception {
        Replacement replacement = replace ? new Replacement(stored) : null;
        try (BatchWriter writer = new BatchWriter(writerThread, store, spec, fileName, actor, progress::written)) {
            List<String> clear = new ArrayList<>();
            List<Result> batch = new ArrayList<>(ResultStore.BATCH);
            ResultsReader reader = new ResultsReader(spec, knownSchool, replace ? Set.of() : stored.keySet(), mapping, progress::read,
                    (result, row) -> {
                        if (replacement != null) {
                            clear.addAll(replacement.clearBefore(result, row));
                        }
                        batch.add(result);
                        if (batch.size() == ResultStore.BATCH) {
                            writer.write(new BatchWriter.Batch(List.copyOf(clear), List.copyOf(batch)));
                            clear.clear();
                            batch.clear();
                        }
                    });
            ResultsReader.Outcome read = reader.read(file, fileName);
            List<ResultsReader.Problem> problems = new ArrayList<>(read.problems());
            int problemCount = read.problemCount();
            if (problems.isEmpty() && replacement != null) {
                for (ResultsReader.Problem problem : replacement.problems()) {
                    problemCount++;
                    if (problems.size() < ResultsReader.MAX_PROBLEMS_KEPT) {
                        problems.add(problem);
                    }
                }
            }
            if (problemCount > 0) {
                return new Outcome(problems, problemCount, read.rows(), null); // closing the writer rolls back
            }
            writer.write(new BatchWriter.Batch(List.copyOf(clear), List.copyOf(batch)));
            return new Outcome(problems, 0, read.rows(), writer.commit());
        }
    }
}
