package io.turnstile.radius.inbound;

import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;

import java.lang.reflect.Method;
import java.util.function.Function;

/**
 * Delivers one call to a message endpoint (JCA 2.1 §13.5): create, (before/after delivery when the container wants a
 * transaction), call, release. When the container's pool has no instance free, createEndpoint waits up to the
 * timeout; the adapter bounds its own in-flight work to the pool size, so this is the exception, not the rule.
 */
final class EndpointInvoker<L> {

    private final MessageEndpointFactory factory;
    private final Class<L> listenerType;
    private final Method method;
    private final boolean transacted;
    private final long createTimeoutMillis;

    EndpointInvoker(MessageEndpointFactory factory, Class<L> listenerType, Method method, long createTimeoutMillis) {
        this.factory = factory;
        this.listenerType = listenerType;
        this.method = method;
        this.createTimeoutMillis = createTimeoutMillis;
        boolean t;
        try {
            t = factory.isDeliveryTransacted(method);
        } catch (NoSuchMethodException e) {
            t = false;
        }
        this.transacted = t;
    }

    MessageEndpointFactory factory() {
        return factory;
    }

    <R> R invoke(Function<L, R> call) throws UnavailableException {
        MessageEndpoint endpoint = factory.createEndpoint(null, createTimeoutMillis);
        try {
            if (transacted) {
                endpoint.beforeDelivery(method);
            }
            try {
                return call.apply(listenerType.cast(endpoint));
            } finally {
                if (transacted) {
                    endpoint.afterDelivery();
                }
            }
        } catch (jakarta.resource.ResourceException | NoSuchMethodException e) {
            throw new IllegalStateException("delivery to " + listenerType.getSimpleName() + " failed", e);
        } finally {
            endpoint.release();
        }
    }
}
