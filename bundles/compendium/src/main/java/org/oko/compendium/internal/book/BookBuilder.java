package org.oko.compendium.internal.book;

import static org.oko.compendium.internal.CompendiumTexts.TEXTS;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.oko.compendium.api.Chapter;
import org.oko.compendium.api.ChapterRequest;
import org.oko.compendium.api.ChapterSource;
import org.oko.platform.api.jobs.Job;
import org.oko.platform.api.rest.ApiMessage;
import org.oko.platform.api.security.Caller;
import org.oko.platform.api.security.CallerContext;

/**
 * Asks each chapter source the spec names for its chapter of the year, in the spec's order, as the system (a
 * compendium holds the region's aggregates whoever builds it). A source not installed is left out and named; a source
 * that fails fails the build, so that no compendium silently lacks a chapter.
 */
public final class BookBuilder {

    private BookBuilder() {
    }

    /** Builds the book; the job (if any) counts the chapters done of the spec's chapters, plus one step per output. */
    public static Book build(CompendiumSpec spec, ApiMessage region, int year, Function<String, Optional<ChapterSource>> sources, Job job, int outputs)
            throws Exception {
        List<Chapter> chapters = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        int total = spec.chapters().size() + outputs;
        int done = 0;
        for (CompendiumSpec.Part part : spec.chapters()) {
            if (job != null) {
                job.detail("chapter", part.source());
                job.progress(done, total);
            }
            Optional<ChapterSource> source = sources.apply(part.source());
            if (source.isEmpty()) {
                missing.add(part.source());
            } else {
                Chapter chapter;
                try {
                    chapter = CallerContext.callAs(Caller.SYSTEM, () -> source.get().chapter(new ChapterRequest(year, part.options())));
                } catch (RuntimeException e) {
                    throw TEXTS.refusal(org.oko.platform.api.rest.ApiException.Kind.CONFLICT, "compendium.chapter-failed", part.source(),
                            String.valueOf(e.getMessage()));
                }
                chapters.add(new Chapter(part.title() != null ? part.title() : chapter.title(), chapter.blocks()));
            }
            done++;
        }
        if (job != null) {
            job.progress(done, total);
            job.detail("chapter", null);
        }
        return new Book(spec.title(), region, year, spec.key(), spec.version(), Instant.now(), chapters, missing);
    }
}
