package org.reformdesk.platform.shedding;

import jakarta.ws.rs.NameBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a read that the service answers with 503 and Retry-After when it is at its limit, rather than queueing it
 * ({@link LoadShedding}). Only reads a client can simply ask again: a write is never shed.
 */
@NameBinding
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Sheddable {
}
