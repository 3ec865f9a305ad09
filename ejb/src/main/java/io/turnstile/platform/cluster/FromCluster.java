package io.turnstile.platform.cluster;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Qualifies a configuration-change event replayed from another cluster node. Observers without qualifiers receive it
 * as usual; {@link ClusterConfigBus} publishes only {@code @Default} events, so a replay is never sent back out.
 */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE})
public @interface FromCluster {

    final class Literal extends AnnotationLiteral<FromCluster> implements FromCluster {
        public static final Literal INSTANCE = new Literal();
        private static final long serialVersionUID = 1L;
    }
}
