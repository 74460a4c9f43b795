package io.convergence.runtime.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.convergence.api.cli.Args;
import io.convergence.api.point.Micros;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.Quality;

import org.jspecify.annotations.Nullable;

/**
 * Reads and checks a CSV file of samples for {@code history import}: a header
 * {@code point,time,value[,quality]}, then one sample a line. Every problem is collected with its line
 * and column (the first {@value #MAX_PROBLEMS} are kept, the rest counted), so that a user fixes the
 * file in one go; nothing of a file with a problem is used.
 *
 * <p>Fields follow RFC 4180: separated by commas, optionally quoted with {@code "} (a quote inside
 * doubled), unquoted ones trimmed. A quoted field may not span lines. The type of a point is what its
 * values imply: numbers if every value of the point in the file is a number, text otherwise (so
 * {@code 007} of a point that also has {@code running} stays the text {@code 007}).
 */
final class CsvSamples {

    static final int MAX_PROBLEMS = 100;
    static final long YEAR_1 = -62_135_596_800_000_000L;
    static final long YEAR_9999_END = 253_402_300_800_000_000L;

    /** The rows of a valid file, in file order, and per point whether its values are numbers. */
    record Rows(List<PointPath> points, boolean[] numeric, int[] point, long[] micros, double[] number,
                String[] raw, byte[] quality, int[] line, int size) {
    }

    /** A problem at a line and column (1-based; column 0 for the whole line). */
    record Problem(int line, int column, String message) {
        @Override
        public String toString() {
            return "line " + line + (column > 0 ? ", column " + column : "") + ": " + message;
        }
    }

    private final List<Problem> problems = new ArrayList<>();
    private int problemCount;
    private final Map<String, Integer> pointIndex = new HashMap<>();
    private final List<PointPath> points = new ArrayList<>();
    private final List<Boolean> numeric = new ArrayList<>();
    private int size;
    private int[] point = new int[1024];
    private long[] micros = new long[1024];
    private double[] number = new double[1024];
    private String[] raw = new String[1024];
    private byte[] quality = new byte[1024];
    private int[] line = new int[1024];

    /** The problems found, the first {@value #MAX_PROBLEMS}. */
    List<Problem> problems() {
        return problems;
    }

    /** How many problems there were in all. */
    int problemCount() {
        return problemCount;
    }

    /**
     * Reads a file. Problems with its content are collected ({@link #problems()}); the rows are
     * returned only when there is none.
     *
     * @throws IOException if the file cannot be read
     */
    @Nullable Rows read(Path file) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
        int n = 0;
        boolean headerSeen = false;
        boolean quality4 = false;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder), 1 << 16)) {
            String text;
            List<String> fields = new ArrayList<>(4);
            int[] columns = new int[8];
            while (true) {
                try {
                    text = r.readLine();
                } catch (CharacterCodingException e) {
                    problem(n + 1, 0, "not UTF-8 text");
                    break;
                }
                if (text == null) {
                    break;
                }
                n++;
                if (n == 1 && text.startsWith("\uFEFF")) {
                    text = text.substring(1);
                }
                if (text.isBlank()) {
                    continue;
                }
                columns = split(text, n, fields, columns);
                if (columns == null) {
                    columns = new int[8];
                    continue;
                }
                if (!headerSeen) {
                    headerSeen = true;
                    quality4 = header(n, fields);
                    continue;
                }
                row(n, fields, columns, quality4);
            }
        }
        if (!headerSeen) {
            problem(Math.max(1, n), 0, "the file is empty; expected the header point,time,value[,quality]");
        } else if (problemCount == 0 && size == 0) {
            problem(n, 0, "the file holds no sample, only its header");
        }
        if (problemCount > 0) {
            return null;
        }
        boolean[] num = new boolean[numeric.size()];
        for (int i = 0; i < num.length; i++) {
            num[i] = numeric.get(i);
        }
        return new Rows(List.copyOf(points), num, point, micros, number, raw, quality, line, size);
    }

    private boolean header(int n, List<String> fields) {
        List<String> names = fields.stream().map(f -> f.strip().toLowerCase(Locale.ROOT)).toList();
        if (names.equals(List.of("point", "time", "value"))) {
            return false;
        }
        if (names.equals(List.of("point", "time", "value", "quality"))) {
            return true;
        }
        problem(n, 0, "the header is " + quoted(String.join(",", fields)) + "; expected point,time,value or"
            + " point,time,value,quality");
        return true;
    }

    private void row(int n, List<String> fields, int[] columns, boolean quality4) {
        int expected = quality4 ? 4 : 3;
        if (fields.size() != expected && !(quality4 && fields.size() == 3)) {
            problem(n, 0, fields.size() + " fields; expected " + expected + " (point,time,value"
                + (quality4 ? ",quality" : "") + ")");
            return;
        }
        int before = problemCount;
        PointPath p = null;
        String path = fields.get(0);
        Integer index = pointIndex.get(path);
        if (index == null) {
            try {
                p = PointPath.parse(path);
            } catch (IllegalArgumentException e) {
                problem(n, columns[0], String.valueOf(e.getMessage()));
            }
        }
        long t = time(n, columns[1], fields.get(1));
        Quality q = Quality.GOOD;
        if (fields.size() == 4 && !fields.get(3).isEmpty()) {
            switch (fields.get(3).toLowerCase(Locale.ROOT)) {
                case "good" -> q = Quality.GOOD;
                case "uncertain" -> q = Quality.UNCERTAIN;
                case "bad" -> q = Quality.BAD;
                default -> problem(n, columns[3], "quality " + quoted(fields.get(3))
                    + ": expected good, uncertain or bad");
            }
        }
        String value = fields.get(2);
        double d = Double.NaN;
        boolean isNumber = false;
        if (value.isEmpty()) {
            if (q != Quality.BAD) {
                problem(n, columns[2], "the value is empty; only a bad sample (a gap) may have none");
            }
        } else {
            isNumber = looksNumeric(value);
            if (isNumber) {
                d = Double.parseDouble(value);
                if (Double.isInfinite(d)) {
                    problem(n, columns[2], "value " + quoted(value) + " is too large for a number");
                }
            }
        }
        if (problemCount > before) {
            return;
        }
        if (index == null) {
            index = points.size();
            points.add(p);
            numeric.add(Boolean.TRUE);
            pointIndex.put(path, index);
        }
        if (!isNumber && !value.isEmpty()) {
            numeric.set(index, Boolean.FALSE);
        }
        add(index, t, d, value, q, n);
    }

    private long time(int n, int column, String text) {
        try {
            Instant t = Instant.parse(text);
            long m = Micros.of(t);
            if (m < YEAR_1 || m >= YEAR_9999_END) {
                problem(n, column, "time " + quoted(text) + " is outside the years 1 to 9999");
            }
            return m;
        } catch (DateTimeParseException | ArithmeticException e) {
            boolean local = text.matches("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+");
            problem(n, column, "time " + quoted(text) + (local
                ? " has no offset: add Z (UTC) or +hh:mm, e.g. " + text + "Z"
                : " is not an ISO-8601 time such as 2026-11-26T08:00:00Z or 2026-11-26T09:00:00+01:00"));
            return 0;
        }
    }

    /** A decimal number as a user writes one: digits, a sign, a point, an exponent; not NaN, Infinity or hex. */
    static boolean looksNumeric(String s) {
        int i = 0;
        int n = s.length();
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exp = 0;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
                exp++;
            }
            if (exp == 0) {
                return false;
            }
        }
        return i == n;
    }

    /**
     * Splits a line into fields, with the column where each starts; {@code null} (and a problem) for a
     * quote left open or text after a closing quote.
     */
    private int @Nullable [] split(String s, int n, List<String> fields, int[] columns) {
        fields.clear();
        int i = 0;
        int len = s.length();
        int f = 0;
        while (true) {
            if (f == columns.length) {
                columns = Arrays.copyOf(columns, f * 2);
            }
            columns[f++] = i + 1;
            int start = i;
            while (i < len && s.charAt(i) == ' ') {
                i++;
            }
            if (i < len && s.charAt(i) == '"') {
                int open = i + 1;
                StringBuilder b = new StringBuilder();
                i++;
                while (true) {
                    if (i >= len) {
                        problem(n, open, "a quote opened here is not closed on this line");
                        return null;
                    }
                    char c = s.charAt(i);
                    if (c == '"') {
                        if (i + 1 < len && s.charAt(i + 1) == '"') {
                            b.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    b.append(c);
                    i++;
                }
                while (i < len && s.charAt(i) == ' ') {
                    i++;
                }
                if (i < len && s.charAt(i) != ',') {
                    problem(n, i + 1, "text after a closing quote; a quote inside a quoted field is written \"\"");
                    return null;
                }
                fields.add(b.toString());
            } else {
                int comma = s.indexOf(',', i);
                int end = comma < 0 ? len : comma;
                fields.add(s.substring(start, end).strip());
                i = end;
            }
            if (i >= len) {
                return columns;
            }
            i++; // the comma
        }
    }

    private void add(int p, long t, double d, String value, Quality q, int n) {
        if (size == point.length) {
            int c = size * 2;
            point = Arrays.copyOf(point, c);
            micros = Arrays.copyOf(micros, c);
            number = Arrays.copyOf(number, c);
            raw = Arrays.copyOf(raw, c);
            quality = Arrays.copyOf(quality, c);
            line = Arrays.copyOf(line, c);
        }
        point[size] = p;
        micros[size] = t;
        number[size] = d;
        raw[size] = value;
        quality[size] = (byte) q.ordinal();
        line[size] = n;
        size++;
    }

    /** A value of the file in a message: quoted, cut and stripped of control characters. */
    static String quoted(String s) {
        return "'" + Args.shown(s) + "'";
    }

    private void problem(int n, int column, String message) {
        problemCount++;
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(new Problem(n, column, message));
        }
    }
}
