/**
 * For generated code only: the transport, checks, paging and envelope support the generated clients call. Not API:
 * the {@code io.github.bybitkit} module does not export it, and it may change in any release. Tools use
 * {@code io.github.bybitkit.metadata} instead.
 */
package io.github.bybitkit.internal;
