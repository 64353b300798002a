package io.github.bybitkit.internal;

import okhttp3.Request;
import retrofit2.Invocation;

/** Finds the {@link BybitEndpoint} of a request made through a generated Retrofit interface. */
public final class Endpoints {
  private Endpoints() {}

  /** The annotation of the Retrofit method behind the request, or null for a request made otherwise. */
  public static BybitEndpoint of(Request request) {
    Invocation invocation = request.tag(Invocation.class);
    return invocation == null ? null : invocation.method().getAnnotation(BybitEndpoint.class);
  }
}
