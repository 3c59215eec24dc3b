package dev.herald.bench;

import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * async-profiler (the {@code tools.profiler:async-profiler} jar from Maven Central, on this module's class path)
 * attached to a running JVM, the Liberty server of a benchmark: CPU samples of one phase, written as collapsed
 * stacks (one line per stack, {@code frame;frame;... count}), then the share of samples whose stack holds each of
 * some frames. A share is measured on the server's own CPU, so it holds however loaded the machine is, where a
 * before/after throughput pair on two shared cores varies by more than the few per cent it would have to show.
 * Usage: {@code ServerProfiler <pid> <seconds> <collapsed file> [frame,frame...]}, or from a benchmark with
 * {@code -Dherald.bench.profile=<file prefix>} (and {@code -Dherald.bench.profile.frames=...}).
 */
final class ServerProfiler {

    private final long pid;
    private final Path library;

    private ServerProfiler(long pid, Path library) {
        this.pid = pid;
        this.library = library;
    }

    static ServerProfiler of(long pid) throws IOException {
        try (InputStream in = ServerProfiler.class.getResourceAsStream("/linux-x64/libasyncProfiler.so")) {
            if (in == null) {
                throw new IllegalStateException("libasyncProfiler.so (linux-x64) is not on the class path:"
                        + " the tools.profiler:async-profiler jar is a dependency of this module");
            }
            Path library = Files.createTempFile("herald-async-profiler-", ".so");
            Files.copy(in, library, StandardCopyOption.REPLACE_EXISTING);
            library.toFile().deleteOnExit();
            return new ServerProfiler(pid, library);
        }
    }

    /** The Liberty server {@code process} started (mvn -Prun runs it as a descendant), if the benchmark asked for a profile. */
    static Optional<ServerProfiler> requested(ProcessHandle process) throws IOException {
        if (System.getProperty("herald.bench.profile", "").isBlank()) {
            return Optional.empty();
        }
        ProcessHandle liberty = process.descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("ws-server.jar")
                        || p.info().commandLine().orElse("").contains("ws-javaagent.jar"))
                .filter(p -> !p.info().commandLine().orElse("").contains("server stop"))
                .findFirst().orElseThrow(() -> new IllegalStateException("no Liberty server under process " + process.pid()));
        return Optional.of(of(liberty.pid()));
    }

    void start() throws Exception {
        command("start,event=cpu,interval=1ms");
    }

    /** Stops sampling, writes {@code <herald.bench.profile>-<phase>.collapsed} and prints the shares of the frames asked for. */
    void stop(String phase) throws Exception {
        Path file = Path.of(System.getProperty("herald.bench.profile") + "-" + phase.replaceAll("\\W+", "-") + ".collapsed");
        stopInto(file);
        String frames = System.getProperty("herald.bench.profile.frames", "");
        if (!frames.isBlank()) {
            printShares(phase, file, List.of(frames.split(",")));
        }
    }

    private void stopInto(Path file) throws Exception {
        command("stop,file=" + file.toAbsolutePath() + ",collapsed");
    }

    private void command(String options) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
        try {
            vm.loadAgentPath(library.toString(), options);
        } finally {
            vm.detach();
        }
    }

    /** For each frame (a substring of a frame name), the share of all samples whose stack holds it. */
    static Map<String, Double> shares(Path collapsed, List<String> frames) throws IOException {
        long total = 0;
        long[] hits = new long[frames.size()];
        for (String line : Files.readAllLines(collapsed)) {
            int space = line.lastIndexOf(' ');
            long count = Long.parseLong(line.substring(space + 1));
            String stack = line.substring(0, space);
            total += count;
            for (int i = 0; i < frames.size(); i++) {
                if (stack.contains(frames.get(i))) {
                    hits[i] += count;
                }
            }
        }
        Map<String, Double> shares = new LinkedHashMap<>();
        for (int i = 0; i < frames.size(); i++) {
            shares.put(frames.get(i), total == 0 ? 0 : 100.0 * hits[i] / total);
        }
        return shares;
    }

    static void printShares(String phase, Path collapsed, List<String> frames) throws IOException {
        System.out.printf("  server CPU samples of '%s' (%s):%n", phase, collapsed);
        shares(collapsed, frames).forEach((frame, share) -> System.out.printf("    %6.2f %%  %s%n", share, frame));
    }

    public static void main(String[] args) throws Exception {
        ServerProfiler profiler = of(Long.parseLong(args[0]));
        profiler.start();
        Thread.sleep(Long.parseLong(args[1]) * 1000);
        Path file = Path.of(args[2]);
        profiler.stopInto(file);
        if (args.length > 3) {
            printShares(args[1] + " s", file, List.of(args[3].split(",")));
        }
    }
}
