/**
 * For generated code only: the generated Moshi adapters and the JSON value helpers they call. Not API: the
 * {@code io.github.bybitkit} module does not export it, and it may change in any release. Tools that need the
 * client's JSON codec use {@code io.github.bybitkit.metadata.BybitJson}.
 */
package io.github.bybitkit.internal.json;
