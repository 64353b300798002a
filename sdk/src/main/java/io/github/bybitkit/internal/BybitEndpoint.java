package io.github.bybitkit.internal;

import io.github.bybitkit.metadata.EnvelopeKind;
import io.github.bybitkit.metadata.AuthScheme;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a generated Retrofit method with the facts the runtime needs about its operation. Interceptors read it
 * from the request's {@code retrofit2.Invocation} tag; the converter reads it from the method's annotations.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface BybitEndpoint {
  /** The spec's operationId. */
  String operationId();

  /** Signing scheme, from the operation's security requirement. */
  AuthScheme auth();

  /** Envelope of the response. */
  EnvelopeKind envelope();
}
