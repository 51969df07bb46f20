package app.movierec.catalog.imports;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/**
 * Where the dataset comes from and how it is imported ({@code movierec.*}); the defaults are in
 * {@code application.properties}.
 *
 * @param dataset the GroupLens release downloaded when {@code dataDir} holds no dataset
 * @param dataDir the folder in MovieLens layout
 * @param genomeDir the folder with the genome files, or null for {@code dataDir}
 */
@ConfigurationProperties("movierec")
public record DatasetProperties(
    @DefaultValue("ml-latest-small") String dataset,
    @DefaultValue("data/ml-latest-small") String dataDir,
    String genomeDir,
    @DefaultValue Catalog catalog,
    @Name("import") @DefaultValue Import importing,
    @DefaultValue Download download) {

  /**
   * @param maxMovies mini mode: keep the N most-rated movies (genome movies first); 0 keeps all
   */
  public record Catalog(@DefaultValue("0") int maxMovies) {}

  /**
   * @param onError what a malformed row does
   * @param allowShrink import a dataset with fewer than half the current ratings (refused
   *     otherwise: more often a truncated file than a wish)
   */
  public record Import(
      @DefaultValue("fail") OnError onError, @DefaultValue("false") boolean allowShrink) {}

  /**
   * @param enabled download the dataset when the folder has none
   * @param baseUrl where {@code <dataset>.zip} and {@code <dataset>.zip.md5} are
   * @param connectTimeout how long to wait for the server to answer
   * @param readTimeout how long a read may stall before the download is given up
   */
  public record Download(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("https://files.grouplens.org/datasets/movielens") String baseUrl,
      @DefaultValue("15s") Duration connectTimeout,
      @DefaultValue("60s") Duration readTimeout) {}

  /**
   * {@link #dataDir} as a path (bound as text: Spring's String-to-Path conversion rejects "../").
   */
  public Path dataPath() {
    return Path.of(dataDir);
  }

  /** {@link #genomeDir} as a path, or null when the genome sits in the data folder. */
  public Path genomePath() {
    return genomeDir == null || genomeDir.isBlank() ? null : Path.of(genomeDir);
  }

  /** The settings that change what an import produces, for the fingerprint. */
  String importSettings() {
    return "format=1;maxMovies=" + catalog.maxMovies() + ";onError=" + importing.onError();
  }
}
