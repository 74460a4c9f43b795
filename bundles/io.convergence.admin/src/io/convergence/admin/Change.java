package io.convergence.admin;

import java.net.URI;
import java.util.List;

/** A change an admin asks for. */
public sealed interface Change {

    /** A short description for messages and the audit log, such as {@code install x 1.0.0}. */
    String describe();

    /** The repositories the change may take content from. */
    List<URI> repositories();

    /** Installs a feature (the newest version the repositories have, unless {@code version} says). */
    record Install(String featureId, String version, List<URI> repositories) implements Change {
        public Install {
            repositories = List.copyOf(repositories);
        }

        @Override
        public String describe() {
            return "install " + featureId + (version.isEmpty() ? "" : " " + version);
        }
    }

    /** Updates installed root features (all of them when {@code featureIds} is empty). */
    record Update(List<String> featureIds, List<URI> repositories) implements Change {
        public Update {
            featureIds = List.copyOf(featureIds);
            repositories = List.copyOf(repositories);
        }

        @Override
        public String describe() {
            return featureIds.isEmpty() ? "update all" : "update " + String.join(" ", featureIds);
        }
    }

    /** Removes an installed root feature and what only it needed. */
    record Uninstall(String featureId) implements Change {
        @Override
        public String describe() {
            return "uninstall " + featureId;
        }

        @Override
        public List<URI> repositories() {
            return List.of();
        }
    }

    /** Returns the installation to one of its earlier states, as numbered by {@link FeatureService#history()}. */
    record Revert(int state) implements Change {
        @Override
        public String describe() {
            return "revert to state " + state;
        }

        @Override
        public List<URI> repositories() {
            return List.of();
        }
    }
}
