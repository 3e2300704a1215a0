package org.oko.platform.api.rest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A request refused, for the client: what kind of refusal (and so the HTTP status), a stable
 * machine {@link #code() code} such as {@code catalog.not-found}, the message in Russian and English,
 * optionally the input {@link #field() field} it is about and {@link #details() details} for the client
 * (the other person's value on a conflict, the problems of an import). Thrown from any REST resource or
 * the services it calls, it leaves the API as OKO's one error body (see {@code docs/api-errors.md}):
 *
 * <pre>
 * {"status": 409, "error": "Conflict", "code": "submission.value-conflict",
 *  "message": "Значение изменено…", "messages": {"ru": "Значение изменено…", "en": "Someone else changed…"},
 *  "field": "pupils_total", "details": {"currentRevision": 3}}
 * </pre>
 *
 * <p>{@link #getMessage()} is both languages joined, for logs.
 */
public class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The kinds of refusal, each one HTTP status. */
    public enum Kind {
        /** Bad input: 400. */
        INVALID(400, "Bad Request"),
        /** Log in first: 401. */
        UNAUTHENTICATED(401, "Unauthorized"),
        /** Logged in, but not allowed: 403. */
        FORBIDDEN(403, "Forbidden"),
        /** Not there (or not the caller's to see): 404. */
        NOT_FOUND(404, "Not Found"),
        /** Not now: the state, a concurrent change, a duplicate: 409. */
        CONFLICT(409, "Conflict"),
        /** Too large: 413. */
        TOO_LARGE(413, "Payload Too Large"),
        /** A type of content the endpoint does not take: 415. */
        UNSUPPORTED_TYPE(415, "Unsupported Media Type"),
        /** Too many attempts, try later: 429. */
        TOO_MANY(429, "Too Many Requests"),
        /** The server's fault: 500. */
        INTERNAL(500, "Internal Server Error"),
        /** Not available now (starting, read-only storage, a service missing): 503. */
        UNAVAILABLE(503, "Service Unavailable"),
        /** The storage cannot take the write: 507. */
        STORAGE(507, "Insufficient Storage");

        private final int status;
        private final String reason;

        Kind(int status, String reason) {
            this.status = status;
            this.reason = reason;
        }

        /** The HTTP status code. */
        public int status() {
            return status;
        }

        /** The HTTP reason phrase, e.g. "Conflict". */
        public String reason() {
            return reason;
        }

        /** The kind of an HTTP status; {@link #INVALID} for another 4xx, {@link #INTERNAL} for another 5xx. */
        public static Kind of(int status) {
            for (Kind kind : values()) {
                if (kind.status == status) {
                    return kind;
                }
            }
            return status >= 500 ? INTERNAL : INVALID;
        }
    }

    private final Kind kind;
    private final String code;
    private final ApiMessage text;
    private String field;
    private Map<String, Object> details;
    private Map<String, String> headers;

    public ApiException(Kind kind, String code, ApiMessage text) {
        this(kind, code, text, null);
    }

    public ApiException(Kind kind, String code, ApiMessage text, Throwable cause) {
        super(Objects.requireNonNull(text, "text").joined(), cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.code = Objects.requireNonNull(code, "code");
        this.text = text;
    }

    public ApiException(Kind kind, String code, String ru, String en) {
        this(kind, code, new ApiMessage(ru, en));
    }

    public static ApiException invalid(String code, String ru, String en) {
        return new ApiException(Kind.INVALID, code, ru, en);
    }

    public static ApiException notFound(String code, String ru, String en) {
        return new ApiException(Kind.NOT_FOUND, code, ru, en);
    }

    public static ApiException conflict(String code, String ru, String en) {
        return new ApiException(Kind.CONFLICT, code, ru, en);
    }

    public static ApiException forbidden(String code, String ru, String en) {
        return new ApiException(Kind.FORBIDDEN, code, ru, en);
    }

    public static ApiException tooLarge(String code, String ru, String en) {
        return new ApiException(Kind.TOO_LARGE, code, ru, en);
    }

    public static ApiException unavailable(String code, String ru, String en) {
        return new ApiException(Kind.UNAVAILABLE, code, ru, en);
    }

    /** The input field (or value key) the error is about; returns this. */
    public ApiException withField(String field) {
        this.field = field;
        return this;
    }

    /** Details for the client, written as the body's {@code details}; returns this. */
    public ApiException withDetails(Map<String, ?> details) {
        this.details = details == null || details.isEmpty() ? null
                : Collections.unmodifiableMap(new LinkedHashMap<>(details));
        return this;
    }

    /** An HTTP header of the answer, e.g. {@code Retry-After} of a 429; returns this. */
    public ApiException withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers());
        more.put(name, value);
        this.headers = Collections.unmodifiableMap(more);
        return this;
    }

    /** HTTP headers of the answer, never null. */
    public Map<String, String> headers() {
        return headers == null ? Map.of() : headers;
    }

    /** The kind of refusal (named so that a bundle's subclass may keep a kind() of its own). */
    public Kind errorKind() {
        return kind;
    }

    /** The HTTP status of the refusal. */
    public int status() {
        return kind.status();
    }

    /** The stable machine code, e.g. {@code submission.value-conflict}; clients may branch on it. */
    public String code() {
        return code;
    }

    /** The message in Russian and English. */
    public ApiMessage text() {
        return text;
    }

    /** The input field the error is about, or null. */
    public String field() {
        return field;
    }

    /** Details for the client, never null (empty when none). */
    public Map<String, Object> details() {
        return details == null ? Map.of() : details;
    }
}
