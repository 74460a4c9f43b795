package io.convergence.historian.duckdb.internal;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import org.jspecify.annotations.Nullable;

/**
 * Whether a structured sample's text is one JSON value. DuckDB's appender puts any text into a JSON
 * column, and a query reaching into a broken one fails later, for every reader: so it is checked on
 * the way in. Apart from {@link RowCheck} so that the JSON parser is loaded only for JSON rows.
 */
final class JsonCheck {

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonCheck() {
    }

    /** Why the text is not one JSON value, or {@code null} if it is. */
    static @Nullable String problem(String text) {
        try (JsonParser p = FACTORY.createParser(text)) {
            if (p.nextToken() == null) {
                return "JSON value is empty";
            }
            p.skipChildren();
            JsonToken extra = p.nextToken();
            if (extra != null) {
                return "not valid JSON: more after the value, at character " + (p.currentLocation().getCharOffset() + 1);
            }
            return null;
        } catch (JsonProcessingException e) {
            return "not valid JSON: " + e.getOriginalMessage() + " at character " + (e.getLocation() == null ? "?"
                : Long.toString(e.getLocation().getCharOffset() + 1));
        } catch (IOException e) {
            return "not valid JSON: " + e.getMessage();
        }
    }
}
