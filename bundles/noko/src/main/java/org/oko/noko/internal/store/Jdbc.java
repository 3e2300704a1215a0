package org.oko.noko.internal.store;

import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

import javax.sql.DataSource;

/** The module's JDBC in one place: a transaction around some statements, and null-safe dates. */
final class Jdbc {

    /** Statements of one transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private Jdbc() {
    }

    static <T> T inTransaction(DataSource dataSource, Work<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    static LocalDate date(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    static Timestamp time(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    static Instant time(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
