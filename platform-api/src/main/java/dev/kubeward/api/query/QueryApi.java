package dev.kubeward.api.query;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the REST controllers of the read API, so {@link QueryProblems} answers their errors (and only
 * theirs: page controllers in the same packages keep their own error pages).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface QueryApi {
}
