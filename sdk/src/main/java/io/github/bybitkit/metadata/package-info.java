/**
 * Metadata for tools: what the spec says of every operation (path, method, signing, envelope, parameters and their
 * ranges, and how the generated client method is called), plus the JSON codec the client decodes with.
 *
 * <p>This is the third of BybitKit's API layers, beside the API applications call ({@code io.github.bybitkit} and
 * the generated client, model and enum packages) and the support code for generated classes (the
 * {@code internal} packages, which the JPMS module does not export). BybitKit's CLI and test kit use only this
 * package and the public API; so can your tools. It is versioned like the public API: a component removed or
 * changed in meaning is a breaking change, a component or enum constant added is not.
 */
package io.github.bybitkit.metadata;
