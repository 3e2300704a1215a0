package org.oko.analytics.internal.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

/** Targets and cluster assignments, with plain JDBC on OKO's data source. */
public final class AnalyticsStore {

    /** A baseline and target: of the region (kind region, code ""), a territory, a school, or every school (code "*"). */
    public record Target(String indicator, int year, String kind, String code, BigDecimal baseline, BigDecimal target, String setBy, Instant setAt) {
    }

    private final DataSource dataSource;

    public AnalyticsStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<Target> targets(String catalogue, int year) throws SQLException {
        List<Target> targets = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT IND_CODE, ANA_YEAR, LEVEL_KIND, CODE,"
                + " BASELINE, TARGET, SET_BY, SET_AT FROM ANA_TARGET WHERE CATALOGUE = ? AND ANA_YEAR = ?")) {
            s.setString(1, catalogue);
            s.setInt(2, year);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    targets.add(new Target(r.getString(1), r.getInt(2), r.getString(3), r.getString(4), r.getBigDecimal(5), r.getBigDecimal(6),
                            r.getString(7), r.getTimestamp(8).toInstant()));
                }
            }
        }
        return targets;
    }

    /** Sets targets, each replacing its indicator, year and level's, in one transaction. */
    public void setTargets(String catalogue, List<Target> targets) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM ANA_TARGET WHERE CATALOGUE = ? AND IND_CODE = ? AND ANA_YEAR = ?"
                    + " AND LEVEL_KIND = ? AND CODE = ?");
                 PreparedStatement insert = c.prepareStatement("INSERT INTO ANA_TARGET (CATALOGUE, IND_CODE, ANA_YEAR, LEVEL_KIND, CODE, BASELINE,"
                         + " TARGET, SET_BY, SET_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Target t : targets) {
                    delete.setString(1, catalogue);
                    delete.setString(2, t.indicator());
                    delete.setInt(3, t.year());
                    delete.setString(4, t.kind());
                    delete.setString(5, t.code());
                    delete.addBatch();
                    insert.setString(1, catalogue);
                    insert.setString(2, t.indicator());
                    insert.setInt(3, t.year());
                    insert.setString(4, t.kind());
                    insert.setString(5, t.code());
                    insert.setBigDecimal(6, t.baseline());
                    insert.setBigDecimal(7, t.target());
                    insert.setString(8, t.setBy());
                    insert.setTimestamp(9, Timestamp.from(t.setAt()));
                    insert.addBatch();
                }
                delete.executeBatch();
                insert.executeBatch();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** A year's kept assignments of a model: school → cluster. */
    public Map<String, String> clusters(String model, int year) throws SQLException {
        Map<String, String> clusters = new TreeMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT SCHOOL, CLUSTER FROM ANA_CLUSTER WHERE MODEL = ? AND ANA_YEAR = ?")) {
            s.setString(1, model);
            s.setInt(2, year);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    clusters.put(r.getString(1), r.getString(2));
                }
            }
        }
        return clusters;
    }

    /** Keeps a year's assignments of a model, replacing the earlier ones of that year. */
    public void keepClusters(String model, int version, int year, Map<String, String> clusters, String actor) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM ANA_CLUSTER WHERE MODEL = ? AND ANA_YEAR = ?");
                 PreparedStatement insert = c.prepareStatement("INSERT INTO ANA_CLUSTER (MODEL, ANA_YEAR, SCHOOL, CLUSTER, MODEL_VERSION, ASSIGNED_BY,"
                         + " ASSIGNED_AT) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                delete.setString(1, model);
                delete.setInt(2, year);
                delete.executeUpdate();
                Timestamp now = Timestamp.from(Instant.now());
                for (Map.Entry<String, String> e : clusters.entrySet()) {
                    insert.setString(1, model);
                    insert.setInt(2, year);
                    insert.setString(3, e.getKey());
                    insert.setString(4, e.getValue());
                    insert.setInt(5, version);
                    insert.setString(6, actor);
                    insert.setTimestamp(7, now);
                    insert.addBatch();
                }
                insert.executeBatch();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }
}
