package io.turnstile.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Linux /proc readings for one process: CPU time (utime + stime of all its threads) and resident memory. */
record ProcStat(long cpuTicks, long rssKb, long hwmKb) {

    /** USER_HZ; 100 on every Linux/x86 system (getconf CLK_TCK). */
    static final long CLK_TCK = clkTck();

    static ProcStat read(String pid) {
        try {
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            // Field 2 (comm) may hold spaces and parentheses: fields are counted after the last ')'.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            // f[0] is field 3 (state); utime is field 14, stime field 15.
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            long rss = -1;
            long hwm = -1;
            for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = kb(line);
                } else if (line.startsWith("VmHWM:")) {
                    hwm = kb(line);
                }
            }
            return new ProcStat(ticks, rss, hwm);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Machine-wide CPU ticks from /proc/stat: {busy, total}, busy excluding idle and iowait. */
    static long[] machineTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {   // user nice system idle iowait irq softirq steal
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static String loadAvg() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "";
        }
    }

    double cpuSeconds() {
        return (double) cpuTicks / CLK_TCK;
    }

    private static long kb(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }

    private static long clkTck() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String s = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor();
            return Long.parseLong(s);
        } catch (Exception e) {
            return 100;
        }
    }
}
