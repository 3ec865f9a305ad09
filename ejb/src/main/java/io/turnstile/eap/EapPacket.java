package io.turnstile.eap;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One EAP packet (RFC 3748 §4). Request and Response carry a method type and its type data; Success and Failure carry
 * neither ({@code type} is 0, {@code typeData} empty).
 *
 * @param code       {@link Rfc3748#REQUEST}, {@link Rfc3748#RESPONSE}, {@link Rfc3748#SUCCESS} or {@link Rfc3748#FAILURE}
 * @param identifier 0..255, matches Responses to Requests (§4.1)
 * @param type       method type of a Request/Response (§4.1), 0 otherwise
 * @param typeData   the method's data after the type octet
 */
public record EapPacket(int code, int identifier, int type, byte[] typeData) {

    /** RFC 3579 §2.2 and the RADIUS packet limit (4096, RFC 2865 §3) bound what can arrive; EAP's own field is 16 bits. */
    public static final int MAX_LENGTH = 65535;

    public EapPacket {
        if (code < Rfc3748.REQUEST || code > Rfc3748.FAILURE) {
            throw new IllegalArgumentException("EAP code " + code);
        }
        if (identifier < 0 || identifier > 255) {
            throw new IllegalArgumentException("EAP identifier " + identifier);
        }
        boolean hasType = code == Rfc3748.REQUEST || code == Rfc3748.RESPONSE;
        if (hasType ? type < 1 || type > 255 : type != 0) {
            throw new IllegalArgumentException("EAP type " + type + " with code " + code);
        }
        typeData = typeData == null ? new byte[0] : typeData.clone();
        if (!hasType && typeData.length > 0) {
            throw new IllegalArgumentException("EAP Success/Failure carry no data (RFC 3748 §4.2)");
        }
        if (Rfc3748.HEADER_LENGTH + (hasType ? 1 : 0) + typeData.length > MAX_LENGTH) {
            throw new IllegalArgumentException("EAP packet longer than 65535 octets");
        }
    }

    public static EapPacket request(int identifier, int type, byte[] typeData) {
        return new EapPacket(Rfc3748.REQUEST, identifier, type, typeData);
    }

    public static EapPacket success(int identifier) {
        return new EapPacket(Rfc3748.SUCCESS, identifier, 0, null);
    }

    public static EapPacket failure(int identifier) {
        return new EapPacket(Rfc3748.FAILURE, identifier, 0, null);
    }

    @Override
    public byte[] typeData() {
        return typeData.clone();
    }

    /**
     * Parses one EAP packet (RFC 3748 §4). The Length field must fit the data; octets beyond it are data-link padding
     * and are ignored (§4: "Octets outside the range of the Length field should be treated as Data Link Layer padding
     * and MUST be ignored upon reception").
     */
    public static EapPacket parse(byte[] data) throws MalformedEapException {
        if (data == null || data.length < Rfc3748.HEADER_LENGTH) {
            throw new MalformedEapException("EAP packet shorter than its 4-octet header");
        }
        int code = data[0] & 0xff;
        int identifier = data[1] & 0xff;
        int length = ((data[2] & 0xff) << 8) | (data[3] & 0xff);
        if (length < Rfc3748.HEADER_LENGTH || length > data.length) {
            throw new MalformedEapException("EAP Length " + length + " does not fit the " + data.length + " octets received");
        }
        switch (code) {
            case Rfc3748.REQUEST, Rfc3748.RESPONSE -> {
                if (length < Rfc3748.HEADER_LENGTH + 1) {
                    throw new MalformedEapException("EAP Request/Response without a Type (RFC 3748 §4.1)");
                }
                int type = data[4] & 0xff;
                if (type == 0) {
                    throw new MalformedEapException("EAP Type 0 is reserved");
                }
                return new EapPacket(code, identifier, type, Arrays.copyOfRange(data, 5, length));
            }
            case Rfc3748.SUCCESS, Rfc3748.FAILURE -> {
                if (length != Rfc3748.HEADER_LENGTH) {
                    throw new MalformedEapException("EAP Success/Failure must be 4 octets long (RFC 3748 §4.2)");
                }
                return new EapPacket(code, identifier, 0, null);
            }
            default -> throw new MalformedEapException("EAP Code " + code + " is unknown (RFC 3748 §4)");
        }
    }

    public byte[] encode() {
        boolean hasType = code == Rfc3748.REQUEST || code == Rfc3748.RESPONSE;
        int length = Rfc3748.HEADER_LENGTH + (hasType ? 1 + typeData.length : 0);
        byte[] out = new byte[length];
        out[0] = (byte) code;
        out[1] = (byte) identifier;
        out[2] = (byte) (length >>> 8);
        out[3] = (byte) length;
        if (hasType) {
            out[4] = (byte) type;
            System.arraycopy(typeData, 0, out, 5, typeData.length);
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EapPacket p && p.code == code && p.identifier == identifier && p.type == type
                && Arrays.equals(p.typeData, typeData);
    }

    @Override
    public int hashCode() {
        return (code * 31 + identifier) * 31 + type * 31 + Arrays.hashCode(typeData);
    }

    @Override
    public String toString() {
        return "EapPacket[code=" + code + ", id=" + identifier + ", type=" + type + ", data="
                + (typeData.length > 32 ? typeData.length + " octets" : HexFormat.of().formatHex(typeData)) + "]";
    }
}
