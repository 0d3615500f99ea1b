package bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Where the machine's CPU went during a scenario, from /proc (Linux): the app's JVM, PostgreSQL (every postgres process,
 * plus what the postmaster's children that ended meanwhile used), this bench's JVM (its HTTP clients, its JDBC
 * connections, the SMTP server), and the three together. A diagnostic: it says which process a scenario's time per
 * operation goes to, so that a rate can be set against what the same work costs without Candor. Not /proc/stat's busy
 * ticks for the machine: on this VM they fell short of the processes' own times (a bench JVM at 0.40 ms a letter, the
 * machine at 0.35), while the processes' times add up exactly for a busy loop.
 */
final class Cpu {

    /** Clock ticks per second of /proc's CPU times. */
    private static final double TICKS = ticksPerSecond();

    private Cpu() {
    }

    /** CPU seconds used so far: the app (0 when {@code appPid} is below 0), PostgreSQL, the bench. */
    record Sample(double app, double postgres, double bench) {
    }

    /** Milliseconds of one core per operation between two samples. */
    record Share(double app, double postgres, double bench) {
        double all() {
            return app + (Double.isNaN(postgres) ? 0 : postgres) + bench;
        }

        /** How busy the three kept the machine's cores, in per cent, at {@code perSecond} operations a second. */
        double busy(double perSecond) {
            return 100 * all() * perSecond / (1000.0 * Runtime.getRuntime().availableProcessors());
        }

        /** Without PostgreSQL on H2, which runs in the app's JVM (and in the bench's for the JDBC limit). */
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "app %.2f, %sbench %.2f, all %.2f", app,
                    Double.isNaN(postgres) ? "" : String.format(Locale.ROOT, "PostgreSQL %.2f, ", postgres), bench, all());
        }

        static Share median(List<Share> shares) {
            return new Share(Stats.median(shares.stream().map(Share::app).toList()),
                    Stats.median(shares.stream().map(Share::postgres).toList()),
                    Stats.median(shares.stream().map(Share::bench).toList()));
        }
    }

    static Sample sample(long appPid) {
        return new Sample(appPid < 0 ? 0 : own(appPid), postgres(), own(ProcessHandle.current().pid()));
    }

    static Share per(Sample before, Sample after, double operations) {
        return new Share(ms(after.app - before.app, operations), ms(after.postgres - before.postgres, operations),
                ms(after.bench - before.bench, operations));
    }

    private static double ms(double seconds, double operations) {
        return operations <= 0 ? Double.NaN : seconds * 1000 / operations;
    }

    /** A process's user and system time, in seconds (0 once it is gone). */
    private static double own(long pid) {
        long[] t = times(pid);
        return t == null ? 0 : (t[0] + t[1]) / TICKS;
    }

    /**
     * Every postgres process's user and system time, and the postmaster's waited-for children's (a backend that ended
     * since the last sample, e.g. a closed JDBC connection, counts there), in seconds; NaN when none runs (H2).
     */
    private static double postgres() {
        double ticks = 0;
        boolean found = false;
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                long pid = Long.parseLong(p.getFileName().toString());
                if (!"postgres".equals(comm(pid))) {
                    continue;
                }
                long[] t = times(pid);
                if (t == null) {
                    continue;
                }
                found = true;
                ticks += t[0] + t[1];
                if (!"postgres".equals(comm(t[4]))) {
                    ticks += t[2] + t[3]; // the postmaster: its children that ended
                }
            }
        } catch (IOException e) {
            return Double.NaN;
        }
        return found ? ticks / TICKS : Double.NaN;
    }

    private static String comm(long pid) {
        try {
            return Files.readString(Path.of("/proc/" + pid + "/comm")).trim();
        } catch (IOException e) {
            return "";
        }
    }

    /** {utime, stime, cutime, cstime, ppid} of /proc/pid/stat, or null. */
    private static long[] times(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // The command may hold spaces and parentheses: the fields start after the last ')'.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            // f[0] is field 3 (state): ppid is field 4, utime 14, stime 15, cutime 16, cstime 17.
            return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]), Long.parseLong(f[14]), Long.parseLong(f[1])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static double ticksPerSecond() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            return p.waitFor() == 0 ? Double.parseDouble(out) : 100;
        } catch (IOException | RuntimeException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
