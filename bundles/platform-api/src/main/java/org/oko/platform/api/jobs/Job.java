package org.oko.platform.api.jobs;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.oko.platform.api.rest.ApiMessage;

/**
 * One piece of long work and how far it got. The platform sets {@link #QUEUED}, {@link #RUNNING}
 * and, when the work ends, {@link #DONE} — or {@link #FAILED} with the reason if it throws; the work
 * itself may name its phases ({@code READING}, {@code WRITING} …), count its progress, fail with a
 * reason for the user, and put what the job's answer shows under {@link #details}. Read by other
 * threads while it runs: every field is published safely.
 */
public final class Job {

    public static final String QUEUED = "QUEUED";
    public static final String RUNNING = "RUNNING";
    public static final String DONE = "DONE";
    public static final String FAILED = "FAILED";

    private final long id;
    private final String kind;
    private final String title;
    private final String actor;
    private final Instant started = Instant.now();
    private volatile String state = QUEUED;
    private volatile long done;
    private volatile long total = -1;
    private volatile ApiMessage error;
    private volatile Instant finished;
    private final Map<String, Object> details = Collections.synchronizedMap(new LinkedHashMap<>());

    public Job(long id, String kind, String title, String actor) {
        this.id = id;
        this.kind = kind;
        this.title = title;
        this.actor = actor;
    }

    public long id() {
        return id;
    }

    /** Which module's work of what sort, e.g. {@code vpr.import}. */
    public String kind() {
        return kind;
    }

    /** For people: the file name, the document's name. */
    public String title() {
        return title;
    }

    /** Who started it. */
    public String actor() {
        return actor;
    }

    public Instant started() {
        return started;
    }

    public String state() {
        return state;
    }

    /** The work's own phase, shown as the state while it runs; a job that {@link #fail failed} stays failed. */
    public void state(String state) {
        if (!FAILED.equals(this.state)) {
            this.state = state;
        }
    }

    public long done() {
        return done;
    }

    /** -1 while the total is not known. */
    public long total() {
        return total;
    }

    public void progress(long done, long total) {
        this.done = done;
        this.total = total;
    }

    /** Why the job failed, in Russian; null while it has not. */
    public String error() {
        ApiMessage reason = error;
        return reason == null ? null : reason.ru();
    }

    /** Why the job failed, in both languages; null while it has not. */
    public ApiMessage errorText() {
        return error;
    }

    /** Ends the job as {@link #FAILED} with the reason, for the user; the work then returns. */
    public void fail(ApiMessage reason) {
        this.error = reason;
        this.state = FAILED;
    }

    /**
     * Ends the job as {@link #FAILED} with a reason in one text, Russian or an older "Русский / English" one.
     *
     * @deprecated give an {@link ApiMessage} from the module's texts
     */
    @Deprecated
    public void fail(String reason) {
        fail(ApiMessage.split(reason));
    }

    public Instant finished() {
        return finished;
    }

    public boolean ended() {
        return finished != null;
    }

    /** What the work puts beside the progress: counts, problems, a result's id. */
    public Object detail(String key) {
        return details.get(key);
    }

    public void detail(String key, Object value) {
        details.put(key, value);
    }

    /** A copy, in the order the work put them. */
    public Map<String, Object> details() {
        synchronized (details) {
            return new LinkedHashMap<>(details);
        }
    }

    /** Called by the platform when the work has returned or thrown. */
    public void finish(String state, ApiMessage error) {
        if (error != null) {
            this.error = error;
        }
        this.state = state;
        this.finished = Instant.now();
    }

    /**
     * Called by the platform when the work has returned or thrown.
     *
     * @deprecated give the error as an {@link ApiMessage}
     */
    @Deprecated
    public void finish(String state, String error) {
        finish(state, error == null ? null : ApiMessage.split(error));
    }

    /**
     * The job as its answer shows it: id, kind, title, actor, state, done, total, error (Russian) and
     * errorMessages {ru, en} (as the error format's messages), started, finished, then the details.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", id);
        map.put("kind", kind);
        map.put("title", title);
        map.put("actor", actor);
        map.put("state", state);
        map.put("done", done);
        map.put("total", total);
        ApiMessage reason = error;
        map.put("error", reason == null ? null : reason.ru());
        map.put("errorMessages", reason == null ? null : Map.of("ru", reason.ru(), "en", reason.en()));
        map.put("started", started);
        map.put("finished", finished);
        map.putAll(details());
        return map;
    }
}
