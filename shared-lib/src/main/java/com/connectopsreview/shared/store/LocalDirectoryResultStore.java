package com.connectopsreview.shared.store;

import com.connectopsreview.shared.exception.StoreException;
import com.connectopsreview.shared.json.Json;
import com.connectopsreview.shared.model.ReviewManifest;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Result store in a local directory (the local runner's default).
 *
 * <pre>
 * root/reviews/{reviewId}/manifest.json
 * root/reviews/{reviewId}/components/{component}.json
 * root/reviews/{reviewId}/artifacts/{name}
 * root/index/{instanceId}/{reviewId}          (empty marker: the per-instance review index)
 * </pre>
 *
 * Every file is written to a temporary sibling and atomically renamed into place, so a reader sees
 * the old content or the new, never a partial file.
 */
public final class LocalDirectoryResultStore implements ResultStore {

  private final Path root;

  public LocalDirectoryResultStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
    try {
      Files.createDirectories(this.root);
    } catch (IOException e) {
      throw new StoreException("cannot create result directory " + this.root + ": " + e.getMessage(), e);
    }
    if (!Files.isWritable(this.root)) {
      throw new StoreException("result directory " + this.root + " is not writable");
    }
  }

  public Path root() {
    return root;
  }

  @Override
  public void putManifest(ReviewManifest manifest) {
    String reviewId = StoreNames.reviewId(manifest.reviewId());
    String instanceId = StoreNames.instanceId(manifest.instance().id());
    Optional<ReviewManifest> previous = getManifest(reviewId);
    writeAtomically(reviewDir(reviewId).resolve("manifest.json"), Json.toBytes(manifest));
    writeAtomically(root.resolve("index").resolve(instanceId).resolve(reviewId), new byte[0]);
    previous
        .filter(p -> !p.instance().id().equals(instanceId))
        .ifPresent(p -> deleteQuietly(root.resolve("index").resolve(p.instance().id()).resolve(reviewId)));
  }

  @Override
  public Optional<ReviewManifest> getManifest(String reviewId) {
    return read(reviewDir(StoreNames.reviewId(reviewId)).resolve("manifest.json"))
        .map(b -> Json.fromBytes(b, ReviewManifest.class));
  }

  @Override
  public List<ReviewManifest> listReviews(String instanceId, int limit) {
    Path dir = root.resolve("index").resolve(StoreNames.instanceId(instanceId));
    if (!Files.isDirectory(dir) || limit <= 0) {
      return List.of();
    }
    List<ReviewManifest> manifests = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (name.startsWith(".tmp-")) {
          continue;
        }
        getManifest(name).filter(m -> m.instance().id().equals(instanceId)).ifPresent(manifests::add);
      }
    } catch (IOException e) {
      throw new StoreException("cannot list reviews of instance " + instanceId + ": " + e.getMessage(), e);
    }
    return manifests.stream()
        .sorted(Comparator.comparing(ReviewManifest::createdAt).thenComparing(ReviewManifest::reviewId)
            .reversed())
        .limit(limit)
        .toList();
  }

  /** Instance ids that have reviews here (the index's folders), sorted; the local runner lists them all. */
  public List<String> instanceIds() {
    Path index = root.resolve("index");
    if (!Files.isDirectory(index)) {
      return List.of();
    }
    try (Stream<Path> dirs = Files.list(index)) {
      return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new StoreException("cannot list instances in " + index + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void putComponent(String reviewId, String component, byte[] resultJson) {
    Path file = reviewDir(StoreNames.reviewId(reviewId)).resolve("components")
        .resolve(StoreNames.component(component) + ".json");
    writeAtomically(file, resultJson);
  }

  @Override
  public Optional<byte[]> getComponent(String reviewId, String component) {
    return read(reviewDir(StoreNames.reviewId(reviewId)).resolve("components")
        .resolve(StoreNames.component(component) + ".json"));
  }

  @Override
  public List<String> listComponents(String reviewId) {
    Path dir = reviewDir(StoreNames.reviewId(reviewId)).resolve("components");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".json") && !n.startsWith(".tmp-"))
          .map(n -> n.substring(0, n.length() - ".json".length()))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new StoreException("cannot list components of review " + reviewId + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String putArtifact(String reviewId, String name, String contentType, byte[] content) {
    Path file = reviewDir(StoreNames.reviewId(reviewId)).resolve("artifacts").resolve(StoreNames.artifact(name));
    writeAtomically(file, content);
    return file.toString();
  }

  @Override
  public Optional<byte[]> getArtifact(String reviewId, String name) {
    return read(reviewDir(StoreNames.reviewId(reviewId)).resolve("artifacts").resolve(StoreNames.artifact(name)));
  }

  @Override
  public void deleteReview(String reviewId) {
    StoreNames.reviewId(reviewId);
    getManifest(reviewId).ifPresent(m ->
        deleteQuietly(root.resolve("index").resolve(m.instance().id()).resolve(reviewId)));
    Path dir = reviewDir(reviewId);
    if (!Files.exists(dir)) {
      return;
    }
    try {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.delete(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
          Files.delete(d);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new StoreException("cannot delete review " + reviewId + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<byte[]> getCache(String component, String instanceId) {
    return read(cacheFile(component, instanceId));
  }

  @Override
  public void putCache(String component, String instanceId, byte[] json) {
    writeAtomically(cacheFile(component, instanceId), json);
  }

  private Path cacheFile(String component, String instanceId) {
    return root.resolve("cache").resolve(StoreNames.component(component))
        .resolve(StoreNames.instanceId(instanceId) + ".json");
  }

  private Path reviewDir(String reviewId) {
    return root.resolve("reviews").resolve(reviewId);
  }

  private static Optional<byte[]> read(Path file) {
    try {
      return Optional.of(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new StoreException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static void writeAtomically(Path target, byte[] content) {
    Path tmp = null;
    try {
      Files.createDirectories(target.getParent());
      tmp = Files.createTempFile(target.getParent(), ".tmp-", ".part");
      Files.write(tmp, content);
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
    } catch (IOException e) {
      throw new StoreException("cannot write " + target + ": " + e.getMessage(), e);
    } finally {
      if (tmp != null) {
        deleteQuietly(tmp);
      }
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      throw new StoreException("cannot delete " + p + ": " + e.getMessage(), e);
    }
  }
}
