package io.turnstile.identity.ldap;

import com.unboundid.ldap.sdk.Entry;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a directory account is disabled, from its entry (read by the service account before any user bind, so a
 * locked user is reported as disabled rather than as a wrong password):
 * <ul>
 *   <li>OpenLDAP ppolicy: {@code pwdAccountLockedTime} present (draft-behera-ldap-password-policy §5.3.3;
 *       {@code 000001010000Z} means locked until an administrator unlocks it; a timed lockout also counts as
 *       disabled while the attribute is there);</li>
 *   <li>Active Directory: {@code userAccountControl} with bit 0x2 ACCOUNTDISABLE ([MS-ADTS] §2.2.16);</li>
 *   <li>389 Directory Server / FreeIPA: {@code nsAccountLock: TRUE};</li>
 *   <li>the configured {@code ldap_account_disabled_attr}, present with a value other than FALSE or 0.</li>
 * </ul>
 */
public final class AccountStatus {

    static final String PPOLICY_LOCKED = "pwdAccountLockedTime";
    static final String AD_USER_ACCOUNT_CONTROL = "userAccountControl";
    static final String NS_ACCOUNT_LOCK = "nsAccountLock";
    static final int ACCOUNTDISABLE = 0x2;

    /** Attributes to request with the user entry; the first ones are operational and are not sent unless named. */
    static List<String> attributes(String configured) {
        return configured == null ? List.of(PPOLICY_LOCKED, AD_USER_ACCOUNT_CONTROL, NS_ACCOUNT_LOCK)
                : List.of(PPOLICY_LOCKED, AD_USER_ACCOUNT_CONTROL, NS_ACCOUNT_LOCK, configured);
    }

    private AccountStatus() {
    }

    /** Why the account is disabled, or empty if it is not. */
    public static Optional<String> disabledReason(Entry entry, String configuredAttr) {
        if (entry.hasAttribute(PPOLICY_LOCKED)) {
            return Optional.of("account locked (pwdAccountLockedTime)");
        }
        String uac = entry.getAttributeValue(AD_USER_ACCOUNT_CONTROL);
        if (uac != null) {
            try {
                if ((Long.parseLong(uac.trim()) & ACCOUNTDISABLE) != 0) {
                    return Optional.of("account disabled (userAccountControl ACCOUNTDISABLE)");
                }
            } catch (NumberFormatException e) {
                // not AD's integer syntax: not this check's business
            }
        }
        if ("TRUE".equalsIgnoreCase(trim(entry.getAttributeValue(NS_ACCOUNT_LOCK)))) {
            return Optional.of("account locked (nsAccountLock)");
        }
        if (configuredAttr != null && entry.hasAttribute(configuredAttr)) {
            String v = trim(entry.getAttributeValue(configuredAttr)).toUpperCase(Locale.ROOT);
            if (!v.equals("FALSE") && !v.equals("0")) {
                return Optional.of("account disabled (" + configuredAttr + ")");
            }
        }
        return Optional.empty();
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }
}
