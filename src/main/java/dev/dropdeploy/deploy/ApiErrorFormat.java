package dev.dropdeploy.deploy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller of another module that serves part of {@code /api/v1}, so its refusals are answered in the API's
 * one error format too (see {@code ApiErrors}); this module's own controllers have it without the mark.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ApiErrorFormat {}
