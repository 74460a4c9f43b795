package io.convergence.connector.opcua.tests;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.servicesets.impl.DefaultSubscriptionServiceSet;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.structured.PublishRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.PublishResponse;
import org.eclipse.milo.opcua.stack.core.types.structured.RepublishRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.RepublishResponse;
import org.eclipse.milo.opcua.stack.transport.server.ServiceRequestContext;

/**
 * Milo's subscription services, able to lose a notification the way a network or a small server
 * does: one publish response with data never reaches the client, and the server cannot republish
 * it (many embedded servers keep no retransmission queue). The client sees a gap in the sequence
 * numbers and a failed Republish.
 */
final class LossySubscriptionServiceSet extends DefaultSubscriptionServiceSet {

    private final AtomicBoolean loseNext = new AtomicBoolean();
    private final AtomicBoolean noRepublish = new AtomicBoolean();
    private final AtomicInteger lost = new AtomicInteger();

    LossySubscriptionServiceSet(OpcUaServer server) {
        super(server);
    }

    void loseNext() {
        noRepublish.set(true);
        loseNext.set(true);
    }

    int lost() {
        return lost.get();
    }

    @Override
    public CompletableFuture<PublishResponse> onPublish(ServiceRequestContext context, PublishRequest request) {
        return super.onPublish(context, request).thenCompose(r -> {
            var data = r.getNotificationMessage().getNotificationData();
            if (data != null && data.length > 0 && loseNext.compareAndSet(true, false)) {
                lost.incrementAndGet();
                // never answered: the client's request times out, the next response skips a sequence number
                return new CompletableFuture<>();
            }
            return CompletableFuture.completedFuture(r);
        });
    }

    @Override
    public RepublishResponse onRepublish(ServiceRequestContext context, RepublishRequest request) throws UaException {
        if (noRepublish.get()) {
            throw new UaException(StatusCodes.Bad_MessageNotAvailable, "not kept for republishing");
        }
        return super.onRepublish(context, request);
    }
}
