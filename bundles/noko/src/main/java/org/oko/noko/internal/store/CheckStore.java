package org.oko.noko.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

/** The operator's checks of a campaign, with plain JDBC. */
public final class CheckStore {

    /** One checked item: present or not, its evidence (a link, or a stored file's name), who checked it when. */
    public record Check(String item, boolean present, String link, String file, String checkedBy, Instant checkedAt) {
    }

    private final DataSource dataSource;

    public CheckStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Sets an organisation's checks, each replacing the item's earlier one, in one transaction. */
    public void set(int year, String organisation, List<Check> checks) throws SQLException {
        Jdbc.inTransaction(dataSource, connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM NOKO_CHECK WHERE NOKO_YEAR = ? AND ORG = ? AND ITEM = ?");
                 PreparedStatement insert = connection.prepareStatement("INSERT INTO NOKO_CHECK (NOKO_YEAR, ORG, ITEM, PRESENT, EVIDENCE_LINK,"
                         + " EVIDENCE_FILE, CHECKED_BY, CHECKED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Check check : checks) {
                    delete.setInt(1, year);
                    delete.setString(2, organisation);
                    delete.setString(3, check.item());
                    delete.addBatch();
                    insert.setInt(1, year);
                    insert.setString(2, organisation);
                    insert.setString(3, check.item());
                    insert.setShort(4, (short) (check.present() ? 1 : 0));
                    insert.setString(5, check.link());
                    insert.setString(6, check.file());
                    insert.setString(7, check.checkedBy());
                    insert.setTimestamp(8, Jdbc.time(check.checkedAt()));
                    insert.addBatch();
                }
                delete.executeBatch();
                insert.executeBatch();
            }
            return null;
        });
    }

    /** An organisation's checks by item. */
    public Map<String, Check> checks(int year, String organisation) throws SQLException {
        return all(year).getOrDefault(organisation, Map.of());
    }

    /** A campaign's checks: organisation → item → check. */
    public Map<String, Map<String, Check>> all(int year) throws SQLException {
        Map<String, Map<String, Check>> checks = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT ORG, ITEM, PRESENT, EVIDENCE_LINK, EVIDENCE_FILE, CHECKED_BY, CHECKED_AT FROM NOKO_CHECK WHERE NOKO_YEAR = ?")) {
            s.setInt(1, year);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    checks.computeIfAbsent(r.getString(1), o -> new LinkedHashMap<>()).put(r.getString(2), new Check(r.getString(2),
                            r.getShort(3) == 1, r.getString(4), r.getString(5), r.getString(6), Jdbc.time(r.getTimestamp(7))));
                }
            }
        }
        return checks;
    }
}
