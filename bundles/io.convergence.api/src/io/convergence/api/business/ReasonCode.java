package io.convergence.api.business;

/**
 * Why a line lost time or units, as the plant books it.
 *
 * @param code the code as the machines and the source write it, such as {@code 3}
 * @param text what it means, such as {@code bearing fault}
 * @param category which OEE factor the loss belongs to
 * @param planned whether the time is planned (a break, planned maintenance, no orders) and so
 *     not planned production time, rather than a loss
 */
public record ReasonCode(String code, String text, LossCategory category, boolean planned) {

    /**
     * @throws IllegalArgumentException if the code is empty
     */
    public ReasonCode {
        Records.id("reason code", code);
    }
}
