package io.turnstile.radius.inbound;

import io.turnstile.radius.api.RadiusControlListener;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.Activation;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.ResourceAdapter;

/** Activation of the {@link RadiusControlListener} endpoint (NAS lookup and listener state). No properties. */
@Activation(messageListeners = RadiusControlListener.class)
public class RadiusControlActivationSpec implements ActivationSpec {

    private ResourceAdapter resourceAdapter;

    @Override
    public void validate() {
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter ra) throws ResourceException {
        this.resourceAdapter = ra;
    }
}
