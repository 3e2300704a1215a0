package org.oko.platform.api;

import java.io.IOException;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps OKO from writing into a full or read-only data folder. Saving stops while the disk holding
 * the database has less than the reserve left, so that the database never meets a failed write
 * in the middle of a page; it resumes by itself once space is freed. The REST layer refuses
 * state-changing requests meanwhile; long jobs ask before they write.
 */
public interface StorageGuard {

    /** The current state, re-read at most about once a second. */
    StorageHealth health();

    /** Why saving must not start now, for the user; empty while it may. */
    default Optional<String> writeRefusal() {
        return Optional.ofNullable(health().problem());
    }

    /**
     * SQL states of a write the storage refused: Derby's read-only database, page or log not written; PostgreSQL's
     * disk full and read-only transaction.
     */
    Set<String> STORAGE_SQL_STATES = Set.of("25502", "XSDG1", "XSLA4", "XSLAA", "40XD1", "53100", "25006");

    /**
     * Whether a failure came from the storage (disk full, quota, read-only file system or database)
     * rather than from the data: such failures are reported as such, not as internal errors.
     */
    static boolean isStorageFailure(Throwable failure) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof SQLException) {
                SQLException sql = (SQLException) t;
                for (int i = 0; sql != null && i < 20; i++, sql = sql.getNextException()) {
                    if (sql.getSQLState() != null && STORAGE_SQL_STATES.contains(sql.getSQLState())) {
                        return true;
                    }
                }
            }
            String message = t.getMessage();
            if (t instanceof IOException && message != null && (message.contains("No space left on device")
                    || message.contains("Read-only file system") || message.contains("Disk quota exceeded")
                    || message.contains("File too large"))) {
                return true;
            }
        }
        return false;
    }
}
