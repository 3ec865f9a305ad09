package io.turnstile.radius.inbound;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.Activation;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;

import io.turnstile.radius.api.RadiusListener;

/**
 * Activation of a {@link RadiusListener} endpoint. {@code service} is "authentication" (Access-Request on the auth
 * port and over RadSec) or "accounting" (Accounting-Request on the accounting port and over RadSec).
 */
@Activation(messageListeners = RadiusListener.class)
public class RadiusActivationSpec implements ActivationSpec {

    public static final String AUTHENTICATION = "authentication";
    public static final String ACCOUNTING = "accounting";

    private String service = AUTHENTICATION;
    private ResourceAdapter resourceAdapter;

    public String getService() {
        return service;
    }

    public void setService(String service) {
        this.service = service;
    }

    @Override
    public void validate() throws InvalidPropertyException {
        if (!AUTHENTICATION.equals(service) && !ACCOUNTING.equals(service)) {
            throw new InvalidPropertyException("service must be 'authentication' or 'accounting', not '" + service + "'");
        }
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
