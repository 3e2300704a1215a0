package org.oko.noko.internal.store;

import static org.oko.noko.internal.store.Jdbc.date;
import static org.oko.noko.internal.store.Jdbc.time;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.oko.noko.internal.plans.Plan;

/** Remedy plans and their measures, with plain JDBC; a plan's version guards against a concurrent change. */
public final class PlanStore {

    private final DataSource dataSource;

    public PlanStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<Plan> find(int year, String organisation) throws SQLException {
        return plans(year, organisation).stream().findFirst();
    }

    /** A campaign's plans (of one organisation when given). */
    public List<Plan> plans(int year, String organisation) throws SQLException {
        List<Plan> plans = new ArrayList<>();
        String where = organisation == null ? "" : " AND ORG = ?";
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT ORG, STATE, NOTE, VERSION, UPDATED_BY, UPDATED_AT, DECIDED_BY, DECIDED_AT"
                     + " FROM NOKO_PLAN WHERE NOKO_YEAR = ?" + where + " ORDER BY ORG");
             PreparedStatement m = c.prepareStatement("SELECT POS, SHORTCOMING, MEASURE, DEADLINE, RESPONSIBLE, RESULT, DONE_ON, REPORTED_BY,"
                     + " REPORTED_AT FROM NOKO_MEASURE WHERE NOKO_YEAR = ? AND ORG = ? ORDER BY POS")) {
            s.setInt(1, year);
            if (organisation != null) {
                s.setString(2, organisation);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    m.setInt(1, year);
                    m.setString(2, r.getString(1));
                    List<Plan.Measure> measures = new ArrayList<>();
                    try (ResultSet x = m.executeQuery()) {
                        while (x.next()) {
                            measures.add(new Plan.Measure(x.getInt(1), x.getString(2), x.getString(3), date(x.getDate(4)), x.getString(5),
                                    x.getString(6), date(x.getDate(7)), x.getString(8), time(x.getTimestamp(9))));
                        }
                    }
                    plans.add(new Plan(year, r.getString(1), r.getString(2), r.getString(3), r.getInt(4), r.getString(5), time(r.getTimestamp(6)),
                            r.getString(7), time(r.getTimestamp(8)), measures));
                }
            }
        }
        return plans;
    }

    /**
     * Writes a plan and its measures if the stored one is still at {@code expectedVersion} (0: none yet).
     *
     * @return false when another change came first (nothing written)
     */
    public boolean save(Plan plan, int expectedVersion) throws SQLException {
        return Jdbc.inTransaction(dataSource, connection -> {
            if (expectedVersion == 0) {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO NOKO_PLAN (NOKO_YEAR, ORG, STATE, NOTE, VERSION,"
                        + " UPDATED_BY, UPDATED_AT, DECIDED_BY, DECIDED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    fill(insert, plan);
                    insert.executeUpdate();
                } catch (SQLException duplicate) {
                    if (duplicate.getSQLState() != null && duplicate.getSQLState().startsWith("23")) {
                        connection.rollback();
                        return false;
                    }
                    throw duplicate;
                }
            } else {
                try (PreparedStatement update = connection.prepareStatement("UPDATE NOKO_PLAN SET STATE = ?, NOTE = ?, VERSION = ?, UPDATED_BY = ?,"
                        + " UPDATED_AT = ?, DECIDED_BY = ?, DECIDED_AT = ? WHERE NOKO_YEAR = ? AND ORG = ? AND VERSION = ?")) {
                    update.setString(1, plan.state());
                    update.setString(2, plan.note());
                    update.setInt(3, plan.version());
                    update.setString(4, plan.updatedBy());
                    update.setTimestamp(5, time(plan.updatedAt()));
                    update.setString(6, plan.decidedBy());
                    update.setTimestamp(7, time(plan.decidedAt()));
                    update.setInt(8, plan.year());
                    update.setString(9, plan.organisation());
                    update.setInt(10, expectedVersion);
                    if (update.executeUpdate() == 0) {
                        return false;
                    }
                }
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM NOKO_MEASURE WHERE NOKO_YEAR = ? AND ORG = ?");
                 PreparedStatement insert = connection.prepareStatement("INSERT INTO NOKO_MEASURE (NOKO_YEAR, ORG, POS, SHORTCOMING, MEASURE,"
                         + " DEADLINE, RESPONSIBLE, RESULT, DONE_ON, REPORTED_BY, REPORTED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                delete.setInt(1, plan.year());
                delete.setString(2, plan.organisation());
                delete.executeUpdate();
                for (Plan.Measure m : plan.measures()) {
                    insert.setInt(1, plan.year());
                    insert.setString(2, plan.organisation());
                    insert.setInt(3, m.position());
                    insert.setString(4, m.shortcoming());
                    insert.setString(5, m.measure());
                    insert.setDate(6, date(m.deadline()));
                    insert.setString(7, m.responsible());
                    insert.setString(8, m.result());
                    insert.setDate(9, date(m.doneOn()));
                    insert.setString(10, m.reportedBy());
                    insert.setTimestamp(11, time(m.reportedAt()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return true;
        });
    }

    private static void fill(PreparedStatement insert, Plan plan) throws SQLException {
        insert.setInt(1, plan.year());
        insert.setString(2, plan.organisation());
        insert.setString(3, plan.state());
        insert.setString(4, plan.note());
        insert.setInt(5, plan.version());
        insert.setString(6, plan.updatedBy());
        insert.setTimestamp(7, time(plan.updatedAt()));
        insert.setString(8, plan.decidedBy());
        insert.setTimestamp(9, time(plan.decidedAt()));
    }
}
