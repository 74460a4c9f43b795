package io.convergence.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seeded fuzzer over command lines and configuration files (see {@link CliFuzzer} for the rules).
 * In verify it runs a fixed number of inputs; {@code releng/scripts/fuzz-cli.sh} runs more, or
 * another seed: {@code -Dconvergence.fuzz.seed}, {@code -Dconvergence.fuzz.inputs}; with
 * {@code -Dconvergence.fuzz.log=FILE} every input and its outcome are written to a file.
 */
class CliFuzzTest {

    /** The seed of the run in verify; any finding names its seed and input number. */
    static final long SEED = 20_261_206L;

    @TempDir
    Path sandbox;

    @Test
    void noInputBreaksTheRules() throws Exception {
        long seed = Long.getLong("convergence.fuzz.seed", SEED);
        int inputs = Integer.getInteger("convergence.fuzz.inputs", 1500);
        String log = System.getProperty("convergence.fuzz.log");
        CliFuzzer.Figures f = new CliFuzzer(sandbox).run(seed, inputs, log == null ? null : Path.of(log));
        StringBuilder report = new StringBuilder("cli fuzz: seed " + seed + ": " + f.summary() + "\n");
        f.findings().forEach(x -> report.append("finding: ").append(x).append('\n'));
        f.unclear().forEach(x -> report.append("unclear: ").append(x).append('\n'));
        System.out.print(report);
        Path out = Path.of("target", "fuzz-cli.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        assertTrue(f.findings().isEmpty(), report.toString());
    }
}
