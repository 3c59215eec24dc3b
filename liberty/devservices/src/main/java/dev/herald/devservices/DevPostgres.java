package dev.herald.devservices;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private PostgreSQL cluster (the server installed on the machine, initdb'd by us) on its own port, with
 * {@code max_prepared_transactions > 0} so that XA two-phase commit works. PostgreSQL refuses to run as
 * root, so as root the cluster runs as the {@code postgres} system user in a directory that user can reach.
 */
public final class DevPostgres implements AutoCloseable {

    public static final String DATABASE = "herald";
    public static final String USER = "herald";

    private final Path requestedDir;
    private final int port;
    private Path dataDir;
    private boolean started;

    public DevPostgres(Path dataDir, int port) {
        this.requestedDir = dataDir;
        this.port = port;
    }

    public synchronized void start() throws IOException, InterruptedException {
        if (started) {
            return;
        }
        Path bin = binDir();
        dataDir = ProcessSupport.isRoot() ? Files.createTempDirectory("herald-pg-" + port + "-") : requestedDir;
        Files.createDirectories(dataDir);
        Path log = requestedDir.getParent().resolve("postgres-" + port + ".log");
        if (ProcessSupport.isRoot()) {
            asPostgres(List.of("true"));
            ProcessSupport.run(List.of("chown", "-R", "postgres:postgres", dataDir.toString()), log);
        }
        if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
            ProcessSupport.run(asPostgres(List.of(bin.resolve("initdb").toString(), "-D", dataDir.toString(),
                    "--username=" + USER, "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync")), log);
        }
        String options = "-p " + port + " -k " + dataDir + " -c listen_addresses=127.0.0.1"
                + " -c max_prepared_transactions=50 -c max_connections=100 -c fsync=off -c log_statement=all";
        ProcessSupport.run(asPostgres(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(),
                "-o", options, "-l", dataDir.resolve("server.log").toString(), "-w", "-t", "60", "start")), log);
        started = true;
        createDatabaseIfMissing(bin, log);
    }

    private void createDatabaseIfMissing(Path bin, Path log) throws IOException, InterruptedException {
        Process check = new ProcessBuilder(bin.resolve("psql").toString(), "-h", "127.0.0.1", "-p", Integer.toString(port),
                "-U", USER, "-d", "postgres", "-tAc", "SELECT 1 FROM pg_database WHERE datname='" + DATABASE + "'")
                .redirectErrorStream(true).start();
        String out = new String(check.getInputStream().readAllBytes()).trim();
        check.waitFor(30, TimeUnit.SECONDS);
        if (!out.equals("1")) {
            ProcessSupport.run(List.of(bin.resolve("createdb").toString(), "-h", "127.0.0.1", "-p", Integer.toString(port),
                    "-U", USER, DATABASE), log);
        }
    }

    public synchronized void stop() throws IOException, InterruptedException {
        if (!started) {
            return;
        }
        started = false;
        Path log = requestedDir.getParent().resolve("postgres-" + port + ".log");
        ProcessSupport.run(asPostgres(List.of(binDir().resolve("pg_ctl").toString(), "-D", dataDir.toString(),
                "-m", "fast", "-w", "stop")), log);
        if (!dataDir.equals(requestedDir)) {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The server's own log; every statement is logged, so tests can see PREPARE TRANSACTION / COMMIT PREPARED. */
    public synchronized Path serverLog() {
        return dataDir.resolve("server.log");
    }

    public int port() {
        return port;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        stop();
    }

    private static List<String> asPostgres(List<String> command) {
        if (!ProcessSupport.isRoot()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    static Path binDir() throws IOException {
        Path initdb = ProcessSupport.onPath("initdb");
        if (initdb != null) {
            return initdb.toRealPath().getParent();
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                        .max(java.util.Comparator.naturalOrder())
                        .orElseThrow(() -> new IOException("no PostgreSQL server binaries under " + debian));
            }
        }
        throw new IOException("PostgreSQL server binaries (initdb, pg_ctl) not found: install the postgresql package");
    }
}
