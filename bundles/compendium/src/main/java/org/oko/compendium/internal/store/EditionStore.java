package org.oko.compendium.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * The editions with plain JDBC on OKO's data source. A change of state names the state it expects, so that two
 * people approving or publishing at once cannot both succeed; publishing withdraws the year's edition published before,
 * in the same transaction.
 */
public final class EditionStore {

    /** What an edition's row is read as: the columns by name, the two files' lengths named too (read by label). */
    private static final String COLUMNS = "ID, CMP_YEAR, EDITION, STATUS, SPEC_KEY, SPEC_VERSION, TITLE, BUILT_BY, BUILT_AT, APPROVED_BY,"
            + " APPROVED_BY_NAME, APPROVED_AT, PUBLISHED_BY, PUBLISHED_AT, LENGTH(PDF) AS PDF_LENGTH, LENGTH(XLSX) AS XLSX_LENGTH";

    private final DataSource dataSource;

    public EditionStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The number the year's next edition gets (builds run one at a time, so it is the one {@link #add} gives). */
    public int nextEdition(int year) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT COALESCE(MAX(EDITION), 0) + 1 FROM CMP_EDITION WHERE CMP_YEAR = ?")) {
            s.setInt(1, year);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    /** A new draft, numbered after the year's editions. */
    public Edition add(int year, String spec, int specVersion, String title, String builtBy, byte[] book, byte[] pdf, byte[] xlsx) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                int edition;
                try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(MAX(EDITION), 0) + 1 FROM CMP_EDITION WHERE CMP_YEAR = ?")) {
                    s.setInt(1, year);
                    try (ResultSet r = s.executeQuery()) {
                        r.next();
                        edition = r.getInt(1);
                    }
                }
                long id;
                try (PreparedStatement s = c.prepareStatement("INSERT INTO CMP_EDITION (CMP_YEAR, EDITION, STATUS, SPEC_KEY, SPEC_VERSION, TITLE,"
                        + " BUILT_BY, BUILT_AT, BOOK, PDF, XLSX) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                    s.setInt(1, year);
                    s.setInt(2, edition);
                    s.setString(3, Edition.DRAFT);
                    s.setString(4, spec);
                    s.setInt(5, specVersion);
                    s.setString(6, title.length() > 400 ? title.substring(0, 400) : title);
                    s.setString(7, builtBy);
                    s.setTimestamp(8, Timestamp.from(Instant.now()));
                    s.setBytes(9, book);
                    s.setBytes(10, pdf);
                    s.setBytes(11, xlsx);
                    s.executeUpdate();
                    try (ResultSet keys = s.getGeneratedKeys()) {
                        keys.next();
                        // Derby answers the identity column alone, PostgreSQL the whole row (RETURNING *).
                        id = keys.getMetaData().getColumnCount() == 1 ? keys.getLong(1) : keys.getLong("ID");
                    }
                }
                c.commit();
                return find(id).orElseThrow();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** The editions, newest first; of one year, or of every year when null; only those in the given states when any. */
    public List<Edition> list(Integer year, String... states) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM CMP_EDITION WHERE 1 = 1");
        if (year != null) {
            sql.append(" AND CMP_YEAR = ?");
        }
        if (states.length > 0) {
            sql.append(" AND STATUS IN (").append("?, ".repeat(states.length - 1)).append("?)");
        }
        sql.append(" ORDER BY CMP_YEAR DESC, EDITION DESC");
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql.toString())) {
            int i = 1;
            if (year != null) {
                s.setInt(i++, year);
            }
            for (String state : states) {
                s.setString(i++, state);
            }
            List<Edition> editions = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    editions.add(edition(r));
                }
            }
            return editions;
        }
    }

    public Optional<Edition> find(long id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM CMP_EDITION WHERE ID = ?")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(edition(r)) : Optional.empty();
            }
        }
    }

    /** One of the edition's stored columns: BOOK, PDF or XLSX. */
    public Optional<byte[]> content(long id, String column) throws SQLException {
        if (!List.of("BOOK", "PDF", "XLSX").contains(column)) {
            throw new IllegalArgumentException(column);
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT " + column + " FROM CMP_EDITION WHERE ID = ?")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getBytes(1)) : Optional.empty();
            }
        }
    }

    /** Approves a draft with its PDF laid out anew, by {@code by} (a login) named {@code name} (or null); false when it is no longer a draft. */
    public boolean approve(long id, String by, String name, Instant at, byte[] pdf) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE CMP_EDITION SET STATUS = ?, APPROVED_BY = ?, APPROVED_BY_NAME = ?, APPROVED_AT = ?, PDF = ? WHERE ID = ? AND STATUS = ?")) {
            s.setString(1, Edition.APPROVED);
            s.setString(2, by);
            s.setString(3, name);
            s.setTimestamp(4, Timestamp.from(at));
            s.setBytes(5, pdf);
            s.setLong(6, id);
            s.setString(7, Edition.DRAFT);
            return s.executeUpdate() == 1;
        }
    }

    /** Publishes an approved edition and withdraws the year's edition published before; false when it is not approved (any more). */
    public boolean publish(long id, int year, String by) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement withdraw = c.prepareStatement("UPDATE CMP_EDITION SET STATUS = ? WHERE CMP_YEAR = ? AND STATUS = ?");
                 PreparedStatement publish = c.prepareStatement(
                         "UPDATE CMP_EDITION SET STATUS = ?, PUBLISHED_BY = ?, PUBLISHED_AT = ? WHERE ID = ? AND STATUS = ?")) {
                publish.setString(1, Edition.PUBLISHED);
                publish.setString(2, by);
                publish.setTimestamp(3, Timestamp.from(Instant.now()));
                publish.setLong(4, id);
                publish.setString(5, Edition.APPROVED);
                withdraw.setString(1, Edition.WITHDRAWN);
                withdraw.setInt(2, year);
                withdraw.setString(3, Edition.PUBLISHED);
                withdraw.executeUpdate();
                if (publish.executeUpdate() != 1) {
                    c.rollback();
                    return false;
                }
                c.commit();
                return true;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Takes a published edition back from the public; false when it is not published. */
    public boolean withdraw(long id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE CMP_EDITION SET STATUS = ? WHERE ID = ? AND STATUS = ?")) {
            s.setString(1, Edition.WITHDRAWN);
            s.setLong(2, id);
            s.setString(3, Edition.PUBLISHED);
            return s.executeUpdate() == 1;
        }
    }

    /** Deletes a draft (a wrong build); false when it is no longer a draft. */
    public boolean deleteDraft(long id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("DELETE FROM CMP_EDITION WHERE ID = ? AND STATUS = ?")) {
            s.setLong(1, id);
            s.setString(2, Edition.DRAFT);
            return s.executeUpdate() == 1;
        }
    }

    private static Edition edition(ResultSet r) throws SQLException {
        return new Edition(r.getLong("ID"), r.getInt("CMP_YEAR"), r.getInt("EDITION"), r.getString("STATUS"), r.getString("SPEC_KEY"),
                r.getInt("SPEC_VERSION"), r.getString("TITLE"), r.getString("BUILT_BY"), instant(r.getTimestamp("BUILT_AT")),
                r.getString("APPROVED_BY"), r.getString("APPROVED_BY_NAME"), instant(r.getTimestamp("APPROVED_AT")), r.getString("PUBLISHED_BY"),
                instant(r.getTimestamp("PUBLISHED_AT")), r.getLong("PDF_LENGTH"), r.getLong("XLSX_LENGTH"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
