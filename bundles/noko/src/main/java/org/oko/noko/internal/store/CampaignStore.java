package org.oko.noko.internal.store;

import static org.oko.noko.internal.store.Jdbc.date;
import static org.oko.noko.internal.store.Jdbc.time;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.oko.noko.internal.campaign.Campaign;

/** Campaigns and the organisations each assesses (with their survey tokens), with plain JDBC. */
public final class CampaignStore {

    private static final String COLUMNS = "NOKO_YEAR, TITLE, METHOD_KEY, METHOD_VERSION, STATE, SURVEY_FROM, SURVEY_TO, CHECKS_BY, PLANS_BY,"
            + " OPERATORS, CREATED_BY, CREATED_AT, PUBLISHED_AT";

    private final DataSource dataSource;

    public CampaignStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A new campaign with its organisations (organisation code → survey token), in one transaction. */
    public void create(Campaign c, Map<String, String> tokens) throws SQLException {
        Jdbc.inTransaction(dataSource, connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO NOKO_CAMPAIGN (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setInt(1, c.year());
                insert.setString(2, c.title());
                insert.setString(3, c.methodKey());
                insert.setInt(4, c.methodVersion());
                insert.setString(5, c.state());
                insert.setDate(6, date(c.surveyFrom()));
                insert.setDate(7, date(c.surveyTo()));
                insert.setDate(8, date(c.checksBy()));
                insert.setDate(9, date(c.plansBy()));
                insert.setString(10, String.join(",", c.operators()));
                insert.setString(11, c.createdBy());
                insert.setTimestamp(12, time(c.createdAt()));
                insert.setTimestamp(13, time(c.publishedAt()));
                insert.executeUpdate();
            }
            try (PreparedStatement target = connection.prepareStatement("INSERT INTO NOKO_TARGET (NOKO_YEAR, ORG, TOKEN) VALUES (?, ?, ?)")) {
                for (Map.Entry<String, String> t : tokens.entrySet()) {
                    target.setInt(1, c.year());
                    target.setString(2, t.getKey());
                    target.setString(3, t.getValue());
                    target.addBatch();
                }
                target.executeBatch();
            }
            return null;
        });
    }

    public List<Campaign> all() throws SQLException {
        return query("SELECT " + COLUMNS + " FROM NOKO_CAMPAIGN ORDER BY NOKO_YEAR DESC", null);
    }

    public Optional<Campaign> find(int year) throws SQLException {
        return query("SELECT " + COLUMNS + " FROM NOKO_CAMPAIGN WHERE NOKO_YEAR = ?", year).stream().findFirst();
    }

    /** Moves a campaign on: closed, published (its results public from then). */
    public void state(int year, String state, Instant publishedAt) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE NOKO_CAMPAIGN SET STATE = ?, PUBLISHED_AT = ? WHERE NOKO_YEAR = ?")) {
            s.setString(1, state);
            s.setTimestamp(2, time(publishedAt));
            s.setInt(3, year);
            s.executeUpdate();
        }
    }

    /** A campaign's organisations: code → survey token. */
    public Map<String, String> targets(int year) throws SQLException {
        Map<String, String> targets = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT ORG, TOKEN FROM NOKO_TARGET WHERE NOKO_YEAR = ? ORDER BY ORG")) {
            s.setInt(1, year);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    targets.put(r.getString(1), r.getString(2));
                }
            }
        }
        return targets;
    }

    /** The campaign year and organisation of a survey token. */
    public record Target(int year, String organisation) {
    }

    public Optional<Target> target(String token) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT NOKO_YEAR, ORG FROM NOKO_TARGET WHERE TOKEN = ?")) {
            s.setString(1, token);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new Target(r.getInt(1), r.getString(2))) : Optional.empty();
            }
        }
    }

    /** The latest campaign year before {@code year} each organisation was assessed in. */
    public Map<String, Integer> lastAssessed(int year) throws SQLException {
        Map<String, Integer> last = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT ORG, MAX(NOKO_YEAR) FROM NOKO_TARGET WHERE NOKO_YEAR < ? GROUP BY ORG")) {
            s.setInt(1, year);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    last.put(r.getString(1), r.getInt(2));
                }
            }
        }
        return last;
    }

    private List<Campaign> query(String sql, Integer year) throws SQLException {
        List<Campaign> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (year != null) {
                s.setInt(1, year);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String operators = r.getString(10);
                    found.add(new Campaign(r.getInt(1), r.getString(2), r.getString(3), r.getInt(4), r.getString(5), date(r.getDate(6)),
                            date(r.getDate(7)), date(r.getDate(8)), date(r.getDate(9)),
                            operators.isEmpty() ? List.of() : Arrays.asList(operators.split(",")), r.getString(11), time(r.getTimestamp(12)),
                            time(r.getTimestamp(13))));
                }
            }
        }
        return found;
    }
}
