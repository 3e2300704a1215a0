package ${package}.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The module's own table on OKO's data source, with plain JDBC. The table outlives the module: removing
 * it keeps the results, installing it again finds them. A change of the table is made here at start,
 * idempotently (docs/modules.md, the module contract).
 */
@Component(service = ResultStore.class)
public class ResultStore {

    static final String TABLE = "${moduleId.toUpperCase()}_RESULT";

    @Reference(target = "(osgi.jndi.service.name=oko)")
    private DataSource dataSource;

    public ResultStore() {
    }

    /** Outside OSGi (tests). */
    public ResultStore(DataSource dataSource) throws SQLException {
        this.dataSource = dataSource;
        activate();
    }

    @Activate
    void activate() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + TABLE + " (SPEC_KEY VARCHAR(40) NOT NULL, SCHOOL VARCHAR(20) NOT NULL,"
                    + " PARTICIPANT VARCHAR(40) NOT NULL, SCORE INT NOT NULL, PRIMARY KEY (SPEC_KEY, SCHOOL, PARTICIPANT))");
        } catch (SQLException e) {
            if (!"X0Y32".equals(e.getSQLState())) { // Derby: the table exists already, from an earlier start
                throw e;
            }
        }
    }

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
