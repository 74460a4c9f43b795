package io.convergence.connector.sql.internal;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.convergence.api.connector.ConnectorProblem;

import org.jspecify.annotations.Nullable;

/**
 * What a database's error means for the connector, by the SQL state (the standard's classes:
 * 08 connection, 28 authorization, 3D unknown database, 42 syntax or access rule, 57P PostgreSQL
 * shutting down) and H2's error codes, and the structured problem to report.
 */
final class Problems {

    /** Problem type of a query the database rejects or whose rows do not fit; attributes say which. */
    static final String QUERY = "query";

    /** H2: connection broken; database not found (remote creation refused). */
    private static final int H2_CONNECTION_BROKEN = 90067;
    private static final int H2_DATABASE_NOT_FOUND = 90149;
    private static final int H2_DATABASE_NOT_FOUND_2 = 90146;

    private Problems() {
    }

    /** Whether the error says the connection to the database is gone (or never came). */
    static boolean connectionLost(SQLException e) {
        for (Throwable t : chain(e)) {
            if (t instanceof SQLException s) {
                String state = s.getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
                    return true;
                }
                if (s.getErrorCode() == H2_CONNECTION_BROKEN) {
                    return true;
                }
            }
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof NoRouteToHostException
                || t instanceof SocketTimeoutException || t instanceof SocketException) {
                return true;
            }
        }
        return false;
    }

    /** The problem of a failed connection attempt. */
    static ConnectorProblem connecting(SQLException e, String url, String user) {
        String state = state(e);
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("url", url);
        attrs.put("user", user);
        attrs.put("databaseMessage", message(e));
        if (state != null) {
            attrs.put("sqlState", state);
        }
        if ((state != null && state.startsWith("28")) || e.getErrorCode() == 28000) {
            return new ConnectorProblem(ConnectorProblem.AUTHENTICATION, "the database at " + url + " refused user '"
                + user + "': " + message(e) + "; check the user name and password", attrs, null, List.of());
        }
        if (connectionLost(e)) {
            return new ConnectorProblem(ConnectorProblem.UNREACHABLE, "cannot reach the database at " + url + ": "
                + message(e), attrs, null, List.of());
        }
        if ("3D000".equals(state) || e.getErrorCode() == H2_DATABASE_NOT_FOUND || e.getErrorCode() == H2_DATABASE_NOT_FOUND_2) {
            return new ConnectorProblem(ConnectorProblem.CONFIGURATION, "the database named in " + url
                + " does not exist: " + message(e), attrs, null, List.of());
        }
        return new ConnectorProblem(ConnectorProblem.CONFIGURATION, "cannot connect to " + url + ": " + message(e), attrs,
            null, List.of());
    }

    /** The problem of a query the database rejected. */
    static ConnectorProblem query(String query, String sql, SQLException e) {
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("query", query);
        attrs.put("sql", sql);
        attrs.put("databaseMessage", message(e));
        String state = state(e);
        if (state != null) {
            attrs.put("sqlState", state);
        }
        return new ConnectorProblem(QUERY, query + " fails: " + message(e) + " (SQL: " + oneLine(sql) + ")", attrs,
            null, List.of());
    }

    /** The problem of a query whose rows do not fit what they should become. */
    static ConnectorProblem mapping(String query, String sql, String what) {
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("query", query);
        attrs.put("sql", sql);
        return new ConnectorProblem(QUERY, what, attrs, null, List.of());
    }

    /** The database's own words, without the SQL a driver may repeat after them. */
    static String message(SQLException e) {
        String m = String.valueOf(e.getMessage()).strip();
        int sql = m.indexOf("; SQL statement:");
        if (sql > 0) {
            m = m.substring(0, sql);
        }
        return m.replaceAll("\\s+", " ");
    }

    private static @Nullable String state(SQLException e) {
        for (Throwable t : chain(e)) {
            if (t instanceof SQLException s && s.getSQLState() != null) {
                return s.getSQLState();
            }
        }
        return null;
    }

    private static String oneLine(String sql) {
        String s = sql.replaceAll("\\s+", " ").strip();
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    private static List<Throwable> chain(Throwable e) {
        List<Throwable> out = new java.util.ArrayList<>();
        for (Throwable t = e; t != null && out.size() < 10; t = t.getCause()) {
            out.add(t);
            if (t instanceof SQLException s && s.getNextException() != null && out.size() < 10) {
                out.add(s.getNextException());
            }
        }
        return out;
    }
}
