package io.convergence.api.business;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told when the records of a {@link BusinessData} source change. Implemented by models and views;
 * called on a thread of the source's, never concurrently with itself, in the order the changes
 * were read.
 */
@ConsumerType
@FunctionalInterface
public interface BusinessDataListener {

    /** Records of one kind were added, changed or removed. */
    void changed(BusinessDataChange change);
}
