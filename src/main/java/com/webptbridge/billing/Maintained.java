package com.webptbridge.billing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a reference record's component as a field an analyst maintains, with how it is checked,
 * whether a new record must have it, its width and the help an analyst reads. The record is the one
 * declaration of a kind's fields: the API's JSON names, the CSV header and (in snake_case) the
 * columns are its component names ({@link ReferenceKind#fields()}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Maintained {
    ReferenceKind.Check check() default ReferenceKind.Check.TEXT;

    boolean required() default false;

    int max();

    String description();
}
