package io.github.bybitkit.internal.json;

/**
 * For generated code and the runtime only: an adapter that also reads a value with a {@link ByteJsonReader}, giving
 * back exactly what its Moshi {@code fromJson} gives for the same JSON, or giving up.
 *
 * @param <T> the value's type
 */
public interface ByteJsonAdapter<T> {
  /**
   * @throws ByteJsonReader.GiveUp when the value is not in the plain form the byte reader takes; any other runtime
   *     exception also leaves the body to the Moshi readings
   */
  T fromBytes(ByteJsonReader reader);
}
