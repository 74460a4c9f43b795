package io.convergence.core.internal.config;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.convergence.api.config.ConfigException;
import io.convergence.api.config.ConfigProblem;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/** Reads JSON into {@link Located} values, keeping the line and column of every value. */
final class JsonReader {

    private static final JsonFactory FACTORY = JsonFactory.builder()
        .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_JAVA_COMMENTS)
        .build();

    private JsonReader() {
    }

    static Located read(String file, String text) throws ConfigException {
        try (JsonParser p = FACTORY.createParser(text)) {
            p.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            if (p.nextToken() == null) {
                throw new ConfigException(List.of(new ConfigProblem(file, 0, 0, "", "the file is empty; expected a JSON object")));
            }
            Located root = value(p);
            if (p.nextToken() != null) {
                JsonLocation l = p.currentTokenLocation();
                throw new ConfigException(List.of(new ConfigProblem(file, l.getLineNr(), l.getColumnNr(), "",
                    "unexpected content after the end of the JSON object")));
            }
            return root;
        } catch (JsonParseException e) {
            JsonLocation l = e.getLocation();
            String msg = e.getOriginalMessage();
            throw new ConfigException(List.of(new ConfigProblem(file, l == null ? 0 : l.getLineNr(),
                l == null ? 0 : l.getColumnNr(), "", "not valid JSON: " + msg)));
        } catch (IOException e) {
            throw new ConfigException(List.of(new ConfigProblem(file, 0, 0, "", "cannot read: " + e.getMessage())));
        }
    }

    private static Located value(JsonParser p) throws IOException {
        JsonLocation l = p.currentTokenLocation();
        int line = l.getLineNr();
        int col = l.getColumnNr();
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, Located> map = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    map.put(name, value(p));
                }
                return new Located(map, line, col);
            }
            case START_ARRAY -> {
                List<Located> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(value(p));
                }
                return new Located(list, line, col);
            }
            case VALUE_STRING -> {
                return new Located(p.getText(), line, col);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new Located(p.getNumberValue(), line, col);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new Located(p.getBooleanValue(), line, col);
            }
            case VALUE_NULL -> {
                return new Located(null, line, col);
            }
            default -> throw new JsonParseException(p, "unexpected " + t);
        }
    }
}
