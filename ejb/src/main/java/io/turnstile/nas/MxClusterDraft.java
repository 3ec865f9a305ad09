package io.turnstile.nas;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The validated content of an mxcluster to store (the result of {@link MxClusterValidator}). */
public record MxClusterDraft(String name, String siteId, MistNac mistNac, Map<String, Object> extra) {

    public MxClusterDraft {
        mistNac = mistNac == null ? MistNac.NONE : mistNac;
        extra = extra == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }
}
