/**
 * For the runtime only: request signing (v2 parameters, v5 headers). Not API: the {@code io.github.bybitkit} module
 * does not export it, and it may change in any release.
 */
package io.github.bybitkit.internal.auth;
