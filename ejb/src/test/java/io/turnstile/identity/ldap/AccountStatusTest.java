package io.turnstile.identity.ldap;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccountStatusTest {

    static Entry entry(Attribute... attrs) {
        return new Entry("uid=u,dc=example", attrs);
    }

    @Test
    void enabledAccount() {
        assertTrue(AccountStatus.disabledReason(entry(new Attribute("uid", "u")), null).isEmpty());
        assertTrue(AccountStatus.disabledReason(entry(new Attribute("userAccountControl", "512")), null).isEmpty());
        assertTrue(AccountStatus.disabledReason(entry(new Attribute("nsAccountLock", "false")), null).isEmpty());
    }

    @Test
    void ppolicyLockAdDisableBitAndNsAccountLock() {
        assertEquals(Optional.of("account locked (pwdAccountLockedTime)"), AccountStatus.disabledReason(
                entry(new Attribute("pwdAccountLockedTime", "000001010000Z")), null));
        // 514 = NORMAL_ACCOUNT | ACCOUNTDISABLE
        assertEquals(Optional.of("account disabled (userAccountControl ACCOUNTDISABLE)"),
                AccountStatus.disabledReason(entry(new Attribute("userAccountControl", "514")), null));
        assertEquals(Optional.of("account locked (nsAccountLock)"),
                AccountStatus.disabledReason(entry(new Attribute("nsAccountLock", "TRUE")), null));
    }

    @Test
    void configuredAttribute() {
        assertEquals(Optional.of("account disabled (employeeType)"),
                AccountStatus.disabledReason(entry(new Attribute("employeeType", "terminated")), "employeeType"));
        assertTrue(AccountStatus.disabledReason(entry(new Attribute("loginDisabled", "FALSE")), "loginDisabled")
                .isEmpty());
        assertTrue(AccountStatus.disabledReason(entry(new Attribute("employeeType", "x")), null).isEmpty());
    }
}
