package io.convergence.api.oee;

/**
 * Which OEE definition figures follow. Both multiply availability, performance and quality; they
 * differ in the time availability is measured against.
 */
public enum Definition {
    /**
     * The common definition: availability is run time over planned production time (the period less
     * breaks and planned stops); performance is ideal cycle time times total count over run time;
     * quality is good count over total count.
     */
    COMMON,
    /**
     * ISO 22400-2: availability (APT/PBT) is actual production time over planned busy time, where
     * planned busy time also excludes planned downtime such as changeovers the plan holds; effectiveness
     * and quality rate as in the common definition.
     */
    ISO22400
}
