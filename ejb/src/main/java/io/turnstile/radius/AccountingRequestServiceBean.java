package io.turnstile.radius;

import io.turnstile.accounting.AccountingRecord;
import io.turnstile.accounting.AccountingService;
import io.turnstile.endpoints.MacAddress;
import io.turnstile.radius.api.RadiusReply;
import io.turnstile.radius.api.RadiusRequest;
import io.turnstile.radius.codec.RadiusPacket;
import io.turnstile.radius.codec.Rfc2865;
import io.turnstile.radius.codec.Rfc2866;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryType;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Accounting: persist, then answer. A record that cannot be stored gets no answer, so the NAS retries. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AccountingRequestServiceBean implements AccountingRequestService {

    private static final Logger LOG = Logger.getLogger(AccountingRequestServiceBean.class.getName());

    /** RFC 2869 §5.3 Event-Timestamp; §5.1/5.2 Acct-Input/Output-Gigawords. */
    static final int ACCT_INPUT_GIGAWORDS = 52;
    static final int ACCT_OUTPUT_GIGAWORDS = 53;
    static final int EVENT_TIMESTAMP = 55;
    static final int ACCT_MULTI_SESSION_ID = 50;

    @Inject
    AccountingService accounting;

    @Inject
    @RegistryType(type = MetricRegistry.Type.APPLICATION)
    MetricRegistry metrics;

    @Override
    public RadiusReply account(RadiusRequest request) {
        AccountingRecord record = toRecord(request);
        try {
            accounting.record(record);
        } catch (EJBException | jakarta.persistence.PersistenceException e) {
            // RFC 2866 §2: "If the server is unable to successfully record the accounting packet it MUST NOT send an
            // Accounting-Response acknowledgment"; the NAS retransmits.
            LOG.log(Level.WARNING, "accounting record not stored; not acknowledged", e);
            metrics.counter("radius.accounting.failures").inc();
            return RadiusReply.discard("accounting store failed");
        }
        metrics.counter("radius.accounting.records").inc();
        return RadiusReply.of(Rfc2866.ACCOUNTING_RESPONSE, List.of());
    }

    static AccountingRecord toRecord(RadiusRequest request) {
        RadiusPacket p = request.packet();
        Instant received = request.receivedAt();
        // RFC 2866 §5.2: Acct-Delay-Time says how long the NAS has been trying; the event happened that long ago.
        Instant eventTime = p.integer(EVENT_TIMESTAMP).map(t -> Instant.ofEpochSecond(Integer.toUnsignedLong(t)))
                .orElseGet(() -> received.minusSeconds(p.integer(Rfc2866.ACCT_DELAY_TIME).map(Integer::toUnsignedLong)
                        .orElse(0L)));
        String mac = p.string(Rfc2865.CALLING_STATION_ID).flatMap(MacAddress::parse).map(MacAddress::compact)
                .orElse(null);
        return new AccountingRecord(request.client().orgId(),
                AccessRequestFactsReader.nasIp(p, request.source().getAddress()),
                p.string(Rfc2865.NAS_IDENTIFIER).orElse(null),
                p.integer(Rfc2866.ACCT_STATUS_TYPE).orElse(0),
                p.string(Rfc2866.ACCT_SESSION_ID).orElse(null),
                p.string(ACCT_MULTI_SESSION_ID).orElse(null),
                mac, p.string(Rfc2865.USER_NAME).orElse(null),
                p.first(Rfc2865.FRAMED_IP_ADDRESS).filter(a -> a.value().length == 4).map(a -> ip(a.value())).orElse(null),
                p.integer(Rfc2865.NAS_PORT).map(Integer::toUnsignedLong).orElse(null),
                p.string(Rfc2865.CALLED_STATION_ID).orElse(null),
                unsigned(p, Rfc2866.ACCT_SESSION_TIME),
                octets(p, Rfc2866.ACCT_INPUT_OCTETS, ACCT_INPUT_GIGAWORDS),
                octets(p, Rfc2866.ACCT_OUTPUT_OCTETS, ACCT_OUTPUT_GIGAWORDS),
                unsigned(p, Rfc2866.ACCT_INPUT_PACKETS), unsigned(p, Rfc2866.ACCT_OUTPUT_PACKETS),
                p.integer(Rfc2866.ACCT_TERMINATE_CAUSE).orElse(null), eventTime, received);
    }

    private static Long unsigned(RadiusPacket p, int type) {
        return p.integer(type).map(Integer::toUnsignedLong).orElse(null);
    }

    /** RFC 2869 §5.1: total = Gigawords × 2^32 + Octets. */
    private static Long octets(RadiusPacket p, int octetsType, int gigawordsType) {
        Long low = unsigned(p, octetsType);
        if (low == null) {
            return null;
        }
        long high = p.integer(gigawordsType).map(Integer::toUnsignedLong).orElse(0L);
        return (high << 32) + low;
    }

    private static String ip(byte[] v4) {
        try {
            return InetAddress.getByAddress(v4).getHostAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
