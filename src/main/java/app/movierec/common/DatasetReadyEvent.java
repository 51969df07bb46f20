package app.movierec.common;

/**
 * Published once the database holds a complete dataset, after a fresh import or when the files were
 * unchanged since the last one. The recommender trains (or loads its saved model) when it sees
 * this.
 *
 * @param dataset the dataset's name, e.g. "ml-latest-small"
 * @param fingerprint identifies the imported files and import settings; equal fingerprints mean
 *     equal data
 * @param imported true when this start imported the files, false when the database already had them
 */
public record DatasetReadyEvent(String dataset, String fingerprint, boolean imported) {}
