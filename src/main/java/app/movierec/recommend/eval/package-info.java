/**
 * Offline evaluation: a seeded per-user hold-out split, top-k ranking metrics with binary relevance
 * (precision, recall, nDCG, MAP, catalogue coverage), a popularity baseline, and the comparison of
 * popularity, ALS, content and the hybrid at ALS weights 0.0 to 1.0 that chose the ALS defaults.
 */
package app.movierec.recommend.eval;
