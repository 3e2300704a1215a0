package org.oko.platform.internal;

import java.sql.Connection;
import java.util.Map;

import javax.sql.DataSource;

import org.oko.platform.internal.schema.Migrations;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/** Tables of a unit test's Derby made by the bundle's own change log, with the platform's Derby parameters. */
final class SchemaFixture {

    private SchemaFixture() {
    }

    static void migrate(DataSource dataSource, String changeLog) throws Exception {
        Scope.child(Map.of("liquibase.analytics.enabled", Boolean.FALSE), () -> {
            try (Connection connection = dataSource.getConnection()) {
                Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
                Liquibase liquibase = new Liquibase(changeLog, new ClassLoaderResourceAccessor(), database);
                Migrations.parameters(true).forEach(liquibase::setChangeLogParameter);
                liquibase.update(new Contexts(), new LabelExpression());
            }
        });
    }
}
