package io.convergence.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.convergence.api.cli.Args;
import io.convergence.api.cli.Durations;
import io.convergence.api.cli.UsageException;

import org.junit.jupiter.api.Test;

/** The argument rules every command shares, with the messages a user reads. */
class ArgsTest {

    private static Args args(String... argv) throws UsageException {
        return new Args("demo", List.of(argv), Set.of("for", "data", "from"), Set.of("headless"));
    }

    private static String refused(String... argv) {
        return assertThrows(UsageException.class, () -> {
            Args a = args(argv);
            a.duration("for");
            a.time("from", Instant.parse("2026-11-26T08:00:00Z"));
        }).getMessage();
    }

    @Test
    void durationsAreExactAndBounded() throws UsageException {
        assertEquals(Duration.ofMinutes(90), args("--for", "1.5h").duration("for"));
        assertEquals(Duration.ofMinutes(90), args("--for", "1h30m").duration("for"));
        assertEquals(Duration.ofMillis(500), args("--for=500ms").duration("for"));
        assertEquals(Duration.ofSeconds(20), args("--for", "20").duration("for"));
        assertEquals(Duration.ofDays(36_500), args("--for", "36500d").duration("for"));
        assertEquals("--for 36501d: out of range; at most 36500d", refused("--for", "36501d"));
        assertEquals("--for 5x: expected a duration such as 500ms, 20s, 5m, 1h30m or 2d", refused("--for", "5x"));
    }

    @Test
    void timesStayWithinTheYearsAHistorianStores() throws UsageException {
        Instant now = Instant.parse("2026-11-26T08:00:00Z");
        assertEquals(Instant.parse("2026-11-26T07:00:00Z"), args("--from", "-1h").time("from", now));
        assertEquals(Instant.parse("9999-12-31T23:59:59Z"), args("--from", "9999-12-31T23:59:59Z").time("from", now));
        assertEquals("--from +10000-01-01T00:00:00Z: out of range; expected a time from 0001-01-01 to 9999-12-31",
            refused("--from", "+10000-01-01T00:00:00Z"));
    }

    @Test
    void anOptionGivenTwiceOrMissingItsValueIsRefused() throws UsageException {
        assertEquals("option --data of 'demo' is given twice; see 'convergence demo --help'",
            refused("--data", "a", "--data", "b"));
        assertEquals("option --data of 'demo' needs a value, not the option '--headless' (write --data=--headless if"
            + " that is the value)", refused("--data", "--headless"));
        assertEquals("--headless", args("--data=--headless").value("data"));
        assertEquals("-1h", args("--from", "-1h").value("from"));
        assertEquals("option --headless of 'demo' takes no value; see 'convergence demo --help'",
            refused("--headless=yes"));
    }

    @Test
    void echoedValuesStayOneReadableLine() {
        assertEquals("unknown option '--a?b?c' for 'demo'; see 'convergence demo --help'", refused("--a\nb\u202ec"));
        assertEquals("--for " + "9".repeat(37) + "...: expected a duration such as 500ms, 20s, 5m, 1h30m or 2d",
            refused("--for", "9".repeat(50) + "x"));
        assertEquals("--for 1" + "0".repeat(36) + "...: out of range; at most 36500d",
            refused("--for", "1" + "0".repeat(400) + "d"));
        assertEquals("36500d", Durations.format(Durations.MAX));
    }
}
