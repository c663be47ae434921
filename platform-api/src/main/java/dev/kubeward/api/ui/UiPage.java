package dev.kubeward.api.ui;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the controllers of the dashboard pages, so {@link PageProblems} answers their errors with a page
 * rather than the REST API's problem JSON (the query features' advice covers the same packages).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface UiPage {
}
