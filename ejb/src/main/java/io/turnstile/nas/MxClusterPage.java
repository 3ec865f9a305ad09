package io.turnstile.nas;

import java.util.List;

/** One page of an org's mxclusters and how many it has in all. */
public record MxClusterPage(List<MxCluster> clusters, long total, int limit, int page) {

    public MxClusterPage {
        clusters = List.copyOf(clusters);
    }
}
