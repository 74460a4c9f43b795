package io.convergence.sim.plant.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The user names and passwords the simulator accepts, from {@code user:password,user:password}. */
final class UserDirectory {

    private final Map<String, byte[]> passwords;

    private UserDirectory(Map<String, byte[]> passwords) {
        this.passwords = passwords;
    }

    /**
     * Parses comma-separated {@code user:password} pairs; blanks around pairs are ignored and a
     * password may itself contain {@code :}. An empty text means no users.
     *
     * @throws IllegalArgumentException naming the pair that has no {@code :} or no user name
     */
    static UserDirectory parse(String text) {
        Map<String, byte[]> map = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            String p = pair.strip();
            if (p.isEmpty()) {
                continue;
            }
            int colon = p.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("users: '" + p.replaceAll(":.*", ":***")
                    + "' is not user:password");
            }
            map.put(p.substring(0, colon), p.substring(colon + 1).getBytes(StandardCharsets.UTF_8));
        }
        return new UserDirectory(Map.copyOf(map));
    }

    boolean isEmpty() {
        return passwords.isEmpty();
    }

    Set<String> names() {
        return passwords.keySet();
    }

    /** Whether the user exists and the password is right; compares in constant time. */
    boolean authenticate(String user, String password) {
        byte[] expected = passwords.get(user);
        byte[] given = password.getBytes(StandardCharsets.UTF_8);
        return expected != null && MessageDigest.isEqual(expected, given);
    }
}
