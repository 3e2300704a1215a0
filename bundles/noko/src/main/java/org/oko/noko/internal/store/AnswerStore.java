package org.oko.noko.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.oko.noko.internal.scores.Answers;

/**
 * The respondents' answers and the ballots they answered with. An answer is written together with its ballot
 * marked used, in one transaction, so a ballot answers once; the answer keeps the organisation and the day only.
 */
public final class AnswerStore {

    private final DataSource dataSource;

    public AnswerStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @return false when the ballot was used already (nothing written) */
    public boolean answer(String ballot, int year, String organisation, LocalDate on, Map<String, Boolean> answers) throws SQLException {
        try {
            return Jdbc.inTransaction(dataSource, connection -> {
                try (PreparedStatement used = connection.prepareStatement("INSERT INTO NOKO_BALLOT (ID, USED_ON) VALUES (?, ?)");
                     PreparedStatement insert = connection.prepareStatement(
                             "INSERT INTO NOKO_ANSWER (NOKO_YEAR, ORG, ANSWERED_ON, ANSWERS) VALUES (?, ?, ?, ?)")) {
                    used.setString(1, ballot);
                    used.setDate(2, Jdbc.date(on));
                    used.executeUpdate();
                    insert.setInt(1, year);
                    insert.setString(2, organisation);
                    insert.setDate(3, Jdbc.date(on));
                    insert.setString(4, Answers.write(answers));
                    insert.executeUpdate();
                    return true;
                }
            });
        } catch (SQLIntegrityConstraintViolationException duplicate) {
            return false;
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) { // the same, from a driver that does not use the subclass
                return false;
            }
            throw e;
        }
    }

    /** A campaign's answers by organisation. */
    public Map<String, List<Map<String, Boolean>>> answers(int year) throws SQLException {
        Map<String, List<Map<String, Boolean>>> answers = new HashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT ORG, ANSWERS FROM NOKO_ANSWER WHERE NOKO_YEAR = ?")) {
            s.setInt(1, year);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    answers.computeIfAbsent(r.getString(1), o -> new ArrayList<>()).add(Answers.read(r.getString(2)));
                }
            }
        }
        return answers;
    }
}
