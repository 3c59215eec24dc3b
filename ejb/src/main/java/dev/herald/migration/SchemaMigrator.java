package dev.herald.migration;

import dev.herald.kernel.StartupRetry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.CompositeResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Brings the database's schema up to date before anything else touches it: every changelog at
 * {@link Changelogs#RESOURCE} (the platform's first, then each application module's), on {@code jdbc/herald}, with
 * Liquibase. Every {@code @Startup} bean that uses the database names this one in {@code @DependsOn}; a failed
 * migration fails the deployment.
 *
 * <p>Liquibase takes its lock ({@code DATABASECHANGELOGLOCK}) around each changelog, so of two servers starting
 * together one applies a change set and the other waits, then finds it recorded in {@code DATABASECHANGELOG} (one
 * table for all changelogs, told apart by the changelog's name). No JTA transaction: Liquibase commits each change set
 * on its own connection.
 */
@Startup
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaMigrator {

    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());
    static final int ATTEMPTS = 5;
    private static final Duration RETRY_AFTER = Duration.ofMillis(500);

    @Resource(lookup = "jdbc/herald")
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        try {
            migrate(dataSource::getConnection, Changelogs.find(SchemaMigrator.class.getClassLoader()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("schema migration interrupted", e);
        }
    }

    /** Where the migration gets a connection: a new one per attempt. */
    @FunctionalInterface
    interface ConnectionSource {
        Connection open() throws SQLException;
    }

    /**
     * Migrates on a connection of its own, again on a new one when an attempt fails, up to {@link #ATTEMPTS}: Liquibase
     * creates its tables before it takes its lock, so of two servers starting on an empty database one may fail on the
     * other's table; the next attempt finds the tables and waits for the lock. A change set is applied under the lock
     * only, so a repeated attempt applies nothing twice.
     */
    static void migrate(ConnectionSource connections, List<Changelog> changelogs) throws InterruptedException {
        new StartupRetry("schema migration", ATTEMPTS, RETRY_AFTER).run(() -> {
            try (Connection connection = connections.open()) {
                migrate(connection, changelogs);
            }
        });
    }

    /** Applies the changelogs in order on the connection (which it leaves open); for the tests too. */
    static void migrate(Connection connection, List<Changelog> changelogs) throws Exception {
        ClassLoader liquibaseLoader = Liquibase.class.getClassLoader();
        Map<String, Object> scope = Map.of(
                Scope.Attr.ui.name(), new LoggerUIService(),
                Scope.Attr.classLoader.name(), liquibaseLoader,
                "liquibase.showSummaryOutput", "LOG",
                // Never phone home from a server.
                "liquibase.analytics.enabled", Boolean.FALSE);
        boolean autoCommit = connection.getAutoCommit();
        try {
            run(connection, changelogs, liquibaseLoader, scope);
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (Exception e) {
            // Nothing of a failed attempt may stay committed; the next attempt starts on a clean connection.
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            throw e;
        } finally {
            // Liquibase turns auto-commit off; hand the connection back as it came, nothing left open on it.
            connection.setAutoCommit(autoCommit);
        }
    }

    private static void run(Connection connection, List<Changelog> changelogs, ClassLoader liquibaseLoader,
            Map<String, Object> scope) throws Exception {
        Scope.child(scope, () -> {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            CompositeResourceAccessor resources = new CompositeResourceAccessor(new ChangelogResources(changelogs),
                    new ClassLoaderResourceAccessor(liquibaseLoader));
            for (Changelog changelog : changelogs) {
                Liquibase liquibase = new Liquibase(ChangelogResources.path(changelog), resources, database);
                int pending = liquibase.listUnrunChangeSets(new Contexts(), new LabelExpression()).size();
                liquibase.update(new Contexts(), new LabelExpression());
                LOG.info(() -> "schema migration: changelog " + changelog.name() + " (" + changelog.source() + "): "
                        + pending + " change set(s) applied");
            }
        });
    }
}
