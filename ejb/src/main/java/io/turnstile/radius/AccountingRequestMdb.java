package io.turnstile.radius;

import io.turnstile.radius.api.RadiusListener;
import io.turnstile.radius.api.RadiusReply;
import io.turnstile.radius.api.RadiusRequest;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/** Thin endpoint of the RADIUS adapter for accounting: one service call per request. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "service", propertyValue = "accounting"),
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "turnstile-radius")})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AccountingRequestMdb implements RadiusListener {

    @Inject
    AccountingRequestService service;

    @Override
    public RadiusReply onRequest(RadiusRequest request) {
        return service.account(request);
    }
}
