package io.convergence.api.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;

import io.convergence.api.event.Event;
import io.convergence.api.event.Event.Kind;
import io.convergence.api.event.Event.Severity;

import org.junit.jupiter.api.Test;

/** Event types are open-ended and stay compatible with the kinds of 1.0. */
class EventTypeTest {

    @Test
    void anEventMadeTheOneZeroWayKeepsItsKindAndGetsTheMatchingType() {
        Event e = new Event(Instant.EPOCH, "plant", Kind.CONNECTION, Severity.INFO, "connected", Map.of());
        assertEquals(Event.CONNECTION, e.type());
        assertEquals(Kind.CONNECTION, e.kind());
        assertEquals(e, new Event(Instant.EPOCH, "plant", "connection", Severity.INFO, "connected", Map.of()));
    }

    @Test
    void aNewTypeNeedsNoChangeOfTheApiAndIsOfKindOther() {
        Event e = Event.now("line1-oee", "oee.late-order", Severity.WARNING, "order 4711 will be late",
            Map.of("order", "4711"));
        assertEquals(Kind.OTHER, e.kind());
        assertEquals("oee.late-order", e.type());
        assertThrows(IllegalStateException.class, Kind.OTHER::type);
    }

    @Test
    void aTypeThatIsNotAShortLowerCaseNameIsRefusedWithTheRule() {
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
            () -> Event.now("m", "Late Order", Severity.INFO, "", Map.of()));
        assertTrue(x.getMessage().contains("lower-case"), x.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Event.now("m", "", Severity.INFO, "", Map.of()));
    }
}
