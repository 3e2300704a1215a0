package org.oko.itests.platform.sharednotes;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/** The notes of the shared test module: every row with every column its steps made, and the module's version. */
@Path("/")
@Produces("application/json")
public class SharedNotesResource {

    private final BundleContext context;

    public SharedNotesResource(BundleContext context) {
        this.context = context;
    }

    @GET
    public Map<String, Object> notes() throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection c = dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT * FROM IT_SHARED_NOTE ORDER BY ID");
             ResultSet r = s.executeQuery()) {
            ResultSetMetaData meta = r.getMetaData();
            while (r.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    // Derby names unquoted columns in upper case, PostgreSQL in lower case.
                    row.put(meta.getColumnName(i).toUpperCase(java.util.Locale.ROOT), String.valueOf(r.getObject(i)));
                }
                rows.add(row);
            }
        }
        return Map.of("version", context.getBundle().getVersion().toString(), "notes", rows);
    }

    @POST
    @Consumes("text/plain")
    public Map<String, Object> add(String text) throws Exception {
        try (Connection c = dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO IT_SHARED_NOTE (TEXT) VALUES (?)")) {
            s.setString(1, text);
            s.executeUpdate();
        }
        return notes();
    }

    private DataSource dataSource() throws Exception {
        ServiceReference<DataSource> reference = context.getServiceReferences(DataSource.class, "(osgi.jndi.service.name=oko)")
                .iterator().next();
        return context.getService(reference);
    }
}
