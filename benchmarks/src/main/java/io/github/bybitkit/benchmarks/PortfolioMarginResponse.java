package io.github.bybitkit.benchmarks;

import io.github.bybitkit.v5.model.BybitPortfolioMargin;

/** The v5 envelope of getPortfolioMargin as the reflective peers see it (retExtInfo is skipped by all of them). */
public record PortfolioMarginResponse(int retCode, String retMsg, BybitPortfolioMargin result, Long time) {}
