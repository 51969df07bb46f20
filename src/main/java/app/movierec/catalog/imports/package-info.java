/**
 * Getting MovieLens into H2: finding or downloading the files (the release configured, or picked on
 * the first page: {@code DatasetChoice}), reading and validating them ({@code MovieLensReader},
 * shared with the batch commands), the mini subset, and the all-or-nothing JPA import that runs at
 * start-up unless the files are unchanged since the last one.
 */
package app.movierec.catalog.imports;
