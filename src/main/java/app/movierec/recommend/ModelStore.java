package app.movierec.recommend;

import app.movierec.recommend.als.AlsConfig;
import app.movierec.recommend.als.AlsModel;
import app.movierec.recommend.als.AlsModelFiles;
import app.movierec.recommend.hybrid.BlendSettings;
import app.movierec.recommend.hybrid.HybridConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The trained models on disk ({@code movierec.model-dir}, default {@code data/models}): one ALS
 * file per data fingerprint and ALS configuration, so a start with the same data and settings loads
 * instead of training. Only the newest file is kept; files are written to a temporary name and
 * moved into place, and temporary files a crash left behind are deleted at start.
 */
@Component
class ModelStore {

  private static final Logger log = LoggerFactory.getLogger(ModelStore.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Path modelDir;

  // bound as text: Spring's String-to-Path conversion goes through resources and rejects "../"
  ModelStore(@Value("${movierec.model-dir:data/models}") String modelDir) {
    this.modelDir = Path.of(modelDir);
    deleteOrphanTemporaryFiles();
  }

  /** The saved ALS model of this data and configuration; empty when there is none or it is bad. */
  Optional<AlsModel> loadAls(String fingerprint, AlsConfig config) {
    String key = key(fingerprint, config);
    Path file = alsFile(key);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      if (!key.equals(AlsModelFiles.readKey(file))) {
        return Optional.empty();
      }
      AlsModel model = AlsModelFiles.load(file);
      log.info("Loaded the saved ALS model {}", file);
      return Optional.of(model);
    } catch (IOException | RuntimeException e) {
      log.warn("Ignoring the unreadable saved model {}: {}", file, e.getMessage());
      return Optional.empty();
    }
  }

  /** Saves the model and deletes older ones; a failure is logged (serving works without it). */
  void saveAls(AlsModel als, String fingerprint) {
    String key = key(fingerprint, als.config());
    Path file = alsFile(key);
    try {
      AlsModelFiles.save(als, key, file);
      log.info("Saved the ALS model to {}", file);
      deleteOthers(file, "als-", ".bin");
    } catch (IOException e) {
      log.warn("Could not save the ALS model to {}: {}", file, e.getMessage());
    }
  }

  /**
   * The blend chosen on validation data for this data and these settings; empty when there is none
   * (the validation fit then runs again).
   */
  Optional<BlendSettings> loadBlend(String fingerprint, AlsConfig als, HybridConfig hybrid) {
    Path file = blendFile(fingerprint, als, hybrid);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(file.toFile(), BlendSettings.class));
    } catch (RuntimeException e) {
      log.warn("Ignoring the unreadable saved blend {}: {}", file, e.getMessage());
      return Optional.empty();
    }
  }

  /** Saves the blend beside the ALS model (temp file, then moved into place). */
  void saveBlend(BlendSettings blend, String fingerprint, AlsConfig als, HybridConfig hybrid) {
    Path file = blendFile(fingerprint, als, hybrid);
    try {
      Files.createDirectories(modelDir);
      Path temporary = Files.createTempFile(modelDir, "blend-", ".tmp");
      try {
        JSON.writeValue(temporary.toFile(), blend);
        Files.move(
            temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temporary);
      }
      deleteOthers(file, "blend-", ".json");
    } catch (IOException | RuntimeException e) {
      log.warn("Could not save the blend to {}: {}", file, e.getMessage());
    }
  }

  private Path blendFile(String fingerprint, AlsConfig als, HybridConfig hybrid) {
    String key = key(fingerprint, als) + "|" + hybrid.cacheKey();
    return modelDir.resolve("blend-" + sha256(key).substring(0, 24) + ".json");
  }

  private static String key(String fingerprint, AlsConfig config) {
    return fingerprint + "|" + config.cacheKey();
  }

  private Path alsFile(String key) {
    return modelDir.resolve("als-" + sha256(key).substring(0, 24) + ".bin");
  }

  /** Files of older data or settings would never be loaded again; keep only the current one. */
  private static void deleteOthers(Path current, String prefix, String suffix) throws IOException {
    try (var files = Files.list(current.getParent())) {
      for (Path other : files.toList()) {
        String name = other.getFileName().toString();
        if (!other.equals(current) && name.startsWith(prefix) && name.endsWith(suffix)) {
          Files.deleteIfExists(other);
        }
      }
    }
  }

  /**
   * A crash while saving leaves {@code als-*.tmp}; nothing would ever delete it otherwise. Only
   * files untouched for an hour go: another instance sharing the model folder may be writing one
   * right now.
   */
  private void deleteOrphanTemporaryFiles() {
    if (!Files.isDirectory(modelDir)) {
      return;
    }
    try (var files = Files.list(modelDir)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if ((name.startsWith("als-") || name.startsWith("blend-"))
            && name.endsWith(".tmp")
            && Files.getLastModifiedTime(file)
                .toInstant()
                .isBefore(java.time.Instant.now().minus(java.time.Duration.ofHours(1)))) {
          Files.deleteIfExists(file);
          log.info("Deleted {}, left behind by an interrupted save", file);
        }
      }
    } catch (IOException e) {
      log.warn("Could not clean up {}: {}", modelDir, e.getMessage());
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
