package app.movierec.cli;

import app.movierec.common.ProgressListener;
import app.movierec.synthetic.MovieLensSynthesizer;
import app.movierec.synthetic.SyntheticShape;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code synthesize}: writes a MovieLens-layout folder of any size with planted structure, ML-25M's
 * shape by default (see {@link MovieLensSynthesizer}).
 */
@Command(
    name = "synthesize",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Write a synthetic MovieLens folder (movies, links, ratings, tags, genome-tags,"
          + " genome-scores) in the real formats, ML-25M's shape by default.",
      "Ratings come from known latent user tastes and movie topics (long-tail popularity,"
          + " lognormal user activity, every user at least 20 ratings); genome relevances follow"
          + " the same topics. The same options and seed give the same bytes."
    })
final class SynthesizeCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "the folder to write (created if missing)")
  Path out;

  @Option(
      names = "--ratings",
      paramLabel = "N",
      defaultValue = "25000095",
      description = "ratings (default: ${DEFAULT-VALUE}, ML-25M's count)")
  long ratings;

  @Option(
      names = "--users",
      paramLabel = "N",
      description = "users (default: ML-25M's 162,541 scaled with the ratings)")
  Integer users;

  @Option(
      names = "--movies",
      paramLabel = "N",
      description = "movies (default: ML-25M's 62,423 scaled with ratings^0.6)")
  Integer movies;

  @Option(
      names = "--tags",
      paramLabel = "N",
      description = "rows of tags.csv (default: ML-25M's 1,093,360 scaled with the ratings)")
  Long tags;

  @Option(
      names = "--genome-movies",
      paramLabel = "N",
      description = "movies with genome scores, the most popular ones (default: 22% of the movies)")
  Integer genomeMovies;

  @Option(
      names = "--genome-tags",
      paramLabel = "N",
      description = "genome tags (default: ML-25M's 1,128)")
  Integer genomeTags;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "42",
      description = "seed of everything drawn (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "generating threads (default: the cores); the output does not depend on it")
  Integer threads;

  @Option(
      names = "--force",
      description = "replace the MovieLens files of a folder that already has some")
  boolean force;

  @Override
  public Integer call() {
    PrintWriter console = spec.commandLine().getOut();
    if (ratings < 1) {
      throw UserInputException.usage("--ratings must be at least 1, got " + ratings);
    }
    if (threads != null && threads < 1) {
      throw UserInputException.usage("--threads must be at least 1, got " + threads);
    }
    SyntheticShape shape =
        SyntheticShape.of(ratings, users, movies, tags, genomeMovies, genomeTags);
    if (!force) {
      for (String name : MovieLensSynthesizer.FILES) {
        if (Files.exists(out.resolve(name))) {
          throw UserInputException.data(
              out.resolve(name) + " exists; choose another --out or add --force to replace it");
        }
      }
    }
    console.printf(
        Locale.ROOT,
        "synthesize: %,d users, %,d movies, %,d ratings, %,d tags, genome %,d movies x %,d tags"
            + " (%,d scores), seed %d -> %s%n",
        shape.users(),
        shape.movies(),
        shape.ratings(),
        shape.tags(),
        shape.genomeMovies(),
        shape.genomeTags(),
        shape.genomeScores(),
        seed,
        out);
    MovieLensSynthesizer synthesizer =
        threads == null
            ? new MovieLensSynthesizer(shape, seed)
            : new MovieLensSynthesizer(shape, seed, threads);
    long cpuStart = processCpuNanos();
    MovieLensSynthesizer.Summary summary;
    try {
      summary = synthesizer.write(out, ProgressListener.NONE);
    } catch (IOException e) {
      throw UserInputException.data("cannot write " + out + ": " + e.getMessage());
    }
    double seconds = summary.elapsed().toNanos() / 1e9;
    console.printf(
        Locale.ROOT,
        "wrote %,d MB in %.1f s (%.1f s CPU): %d topics; %,d movies rated, the most rated %,d"
            + " times; ratings per user: median %,d, max %,d; mean rating %.2f%n",
        summary.bytes() >> 20,
        seconds,
        (processCpuNanos() - cpuStart) / 1e9,
        summary.topics(),
        summary.ratedMovies(),
        summary.maxRatingsPerMovie(),
        summary.medianRatingsPerUser(),
        summary.maxRatingsPerUser(),
        summary.meanRating());
    return Commands.EXIT_OK;
  }

  static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return 0;
  }
}
