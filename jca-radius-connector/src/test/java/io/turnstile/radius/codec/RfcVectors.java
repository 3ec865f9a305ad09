package io.turnstile.radius.codec;

import java.nio.charset.StandardCharsets;

/** Packets printed in the RFCs, shared by the unit tests and the fuzz seeds. */
final class RfcVectors {

    private RfcVectors() {
    }

    /** RFC 2865 §7 and RFC 5997 §6 use this shared secret. */
    static final byte[] SECRET = "xyzzy5461".getBytes(StandardCharsets.US_ASCII);

    /** RFC 2865 §7.1: Access-Request, User-Name "nemo", User-Password "arctangent", NAS 192.168.1.16 port 3. */
    static final String PAP_REQUEST = """
            01 00 00 38 0f 40 3f 94 73 97 80 57 bd 83 d5 cb
            98 f4 22 7a 01 06 6e 65 6d 6f 02 12 0d be 70 8d
            93 d4 13 ce 31 96 e4 3f 78 2a 0a ee 04 06 c0 a8
            01 10 05 06 00 00 00 03""";

    /** RFC 2865 §7.1: Access-Accept, Service-Type Login, Login-Service Telnet, Login-IP-Host 192.168.1.3. */
    static final String PAP_ACCEPT = """
            02 00 00 26 86 fe 22 0e 76 24 ba 2a 10 05 f6 bf
            9b 55 e0 b2 06 06 00 00 00 01 0f 06 00 00 00 00
            0e 06 c0 a8 01 03""";

    /** RFC 2865 §7.1: the hidden User-Password value. */
    static final String PAP_HIDDEN_PASSWORD = "0d be 70 8d 93 d4 13 ce 31 96 e4 3f 78 2a 0a ee";

    /** RFC 2865 §7.2: CHAP Access-Request, User-Name "flopsy", CHAP ID 0x16, NAS port 20, Framed-User, PPP. */
    static final String CHAP_REQUEST = """
            01 01 00 47 2a ee 86 f0 8d 0d 55 96 9c a5 97 8e
            0d 33 67 a2 01 08 66 6c 6f 70 73 79 03 13 16 e9
            75 57 c3 16 18 58 95 f2 93 ff 63 44 07 72 75 04
            06 c0 a8 01 10 05 06 00 00 00 14 06 06 00 00 00
            02 07 06 00 00 00 01""";

    /**
     * RFC 2865 §7.2: the attributes of the Access-Accept (Service-Type Framed-User, Framed-Protocol PPP,
     * Framed-IP-Address 255.255.255.254, Framed-Routing None, Framed-Compression Van-Jacobson, Framed-MTU 1500).
     */
    static final String CHAP_ACCEPT_ATTRIBUTES = """
            06 06 00 00 00 02 07 06 00 00 00 01 08 06 ff ff
            ff fe 0a 06 00 00 00 00 0d 06 00 00 00 01 0c 06
            00 00 05 dc""";

    /** RFC 5997 §6: Status-Server to the authentication port, Identifier 0xda, with Message-Authenticator. */
    static final String STATUS_SERVER = """
            0c da 00 26 8a 54 f4 68 6f b3 94 c5 28 66 e3 02
            18 5d 06 23 50 12 5a 66 5e 2e 1e 84 11 f3 e2 43
            82 20 97 c8 4f a3""";

    /** RFC 5997 §6: the Access-Accept answering {@link #STATUS_SERVER}. */
    static final String STATUS_SERVER_ACCEPT = "02 da 00 14 ef 0d 55 2a 4b f2 d6 93 ec 2b 6f e8 b5 41 1d 66";

    /** RFC 5997 §6: Status-Server to the accounting port, Identifier 0xb3. */
    static final String STATUS_SERVER_ACCT = """
            0c b3 00 26 92 5f 6b 66 dd 5f ed 57 1f cb 1d b7
            ad 38 82 60 50 12 e8 d6 ea bd a9 10 87 5c d9 1f
            da de 26 36 78 58""";

    /**
     * RFC 5997 §6: the Accounting-Response answering {@link #STATUS_SERVER_ACCT}, with Code 5. Other implementations
     * note an erratum in how the RFC prints this packet's first octet; Code 5 is the one the printed Response
     * Authenticator verifies with (see {@code Rfc5997ExamplesTest}).
     */
    static final String STATUS_SERVER_ACCT_RESPONSE = "05 b3 00 14 0f 6f 92 14 5f 10 7e 2f 50 4e 86 0a 48 60 66 9c";
}
