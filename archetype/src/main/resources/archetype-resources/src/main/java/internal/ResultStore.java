package ${package}.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The module's own table on OKO's data source, with plain JDBC. The platform creates it from the upgrade
 * step {@code OKO-INF/upgrade/001-results.sql} before the module first starts, and a new version changes
 * it with a step of its own. The table outlives the module: removing it keeps the results, installing
 * it again finds them.
 */
@Component(service = ResultStore.class)
public class ResultStore {

    static final String TABLE = "${moduleId.toUpperCase()}_RESULT";

    @Reference(target = "(osgi.jndi.service.name=oko)")
    private DataSource dataSource;

    /** A file's results replace those of the schools it names, in one transaction: all of the file or nothing. */
    public void replace(String specKey, List<Result> results) throws SQLException {
        Set<String> schools = new LinkedHashSet<>();
        results.forEach(r -> schools.add(r.school()));
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement clear = c.prepareStatement("DELETE FROM " + TABLE + " WHERE SPEC_KEY = ? AND SCHOOL = ?");
                 PreparedStatement insert = c.prepareStatement("INSERT INTO " + TABLE + " VALUES (?, ?, ?, ?)")) {
                for (String school : schools) {
                    clear.setString(1, specKey);
                    clear.setString(2, school);
                    clear.addBatch();
                }
                clear.executeBatch();
                for (Result r : results) {
                    insert.setString(1, specKey);
                    insert.setString(2, r.school());
                    insert.setString(3, r.participant());
                    insert.setInt(4, r.score());
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

    /** Every result of a round, streamed. */
    public void forEach(String specKey, Consumer<Result> each) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT SCHOOL, PARTICIPANT, SCORE FROM " + TABLE + " WHERE SPEC_KEY = ?")) {
            s.setString(1, specKey);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    each.accept(new Result(r.getString(1), r.getString(2), r.getInt(3)));
                }
            }
        }
    }
}
