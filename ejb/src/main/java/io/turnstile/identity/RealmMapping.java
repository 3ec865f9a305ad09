package io.turnstile.identity;

import io.turnstile.platform.InvalidRequestException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Realm → identity provider, from the org setting (contract: org_setting_mist_nac):
 * <pre>
 * "mist_nac": {"idps": [{"id": "&lt;sso id&gt;", "user_realms": ["example.com"], "exclude_realms": []}],
 *              "default_idp_id": "&lt;sso id&gt;"}
 * </pre>
 * The realm is the part after the last {@code @} of the user name (RFC 7542 §2.2, NAI {@code user@realm}); realms
 * compare case-insensitively (they are DNS names, RFC 7542 §2.4). A user name without realm, or with a realm no IdP
 * lists, goes to {@code default_idp_id}. {@code exclude_realms} only matters to mxedge_proxy IdPs and is kept as
 * given.
 */
public record RealmMapping(List<Entry> idps, String defaultIdpId) {

    public static final String MIST_NAC = "mist_nac";

    /** One element of {@code mist_nac.idps}. */
    public record Entry(String id, List<String> userRealms, List<String> excludeRealms) {
        public Entry {
            userRealms = List.copyOf(userRealms);
            excludeRealms = List.copyOf(excludeRealms);
        }
    }

    public RealmMapping {
        idps = List.copyOf(idps);
    }

    public static final RealmMapping NONE = new RealmMapping(List.of(), null);

    /** The realm of a user name ({@code alice@Example.COM} → {@code example.com}), empty if it has none. */
    public static Optional<String> realmOf(String userName) {
        if (userName == null) {
            return Optional.empty();
        }
        int at = userName.lastIndexOf('@');
        if (at < 0 || at == userName.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(userName.substring(at + 1).toLowerCase(Locale.ROOT));
    }

    /** The IdP id for this user name, if any. */
    public Optional<String> idpFor(String userName) {
        Optional<String> realm = realmOf(userName);
        if (realm.isPresent()) {
            for (Entry e : idps) {
                for (String r : e.userRealms()) {
                    if (r.equalsIgnoreCase(realm.get())) {
                        return Optional.of(e.id());
                    }
                }
            }
        }
        return Optional.ofNullable(defaultIdpId);
    }

    /**
     * Reads (and checks the shape of) {@code mist_nac.idps} and {@code mist_nac.default_idp_id} of an org setting
     * document.
     *
     * @throws InvalidRequestException naming the first bad field
     */
    public static RealmMapping parse(Map<String, Object> settingDocument) {
        Object nac = settingDocument.get(MIST_NAC);
        if (nac == null) {
            return NONE;
        }
        if (!(nac instanceof Map<?, ?> map)) {
            throw new InvalidRequestException("mist_nac must be an object");
        }
        Object defaultId = map.get("default_idp_id");
        if (defaultId != null && !(defaultId instanceof String)) {
            throw new InvalidRequestException("mist_nac.default_idp_id must be a string");
        }
        Object list = map.get("idps");
        List<Entry> entries = new ArrayList<>();
        if (list != null) {
            if (!(list instanceof List<?> idps)) {
                throw new InvalidRequestException("mist_nac.idps must be a list");
            }
            for (int i = 0; i < idps.size(); i++) {
                String where = "mist_nac.idps[" + i + "]";
                if (!(idps.get(i) instanceof Map<?, ?> idp)) {
                    throw new InvalidRequestException(where + " must be an object");
                }
                if (!(idp.get("id") instanceof String id) || id.isBlank()) {
                    throw new InvalidRequestException(where + ".id must be the id of an sso");
                }
                entries.add(new Entry(id, strings(idp.get("user_realms"), where + ".user_realms"),
                        strings(idp.get("exclude_realms"), where + ".exclude_realms")));
            }
        }
        String def = defaultId == null || ((String) defaultId).isBlank() ? null : (String) defaultId;
        return new RealmMapping(entries, def);
    }

    private static List<String> strings(Object value, String where) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new InvalidRequestException(where + " must be a list of strings");
        }
        List<String> out = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof String s)) {
                throw new InvalidRequestException(where + " must be a list of strings");
            }
            out.add(s);
        }
        return out;
    }
}
