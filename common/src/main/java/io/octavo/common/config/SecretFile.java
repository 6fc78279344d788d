package io.octavo.common.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * A one-line secret (a password, a token's hash) in a file only its owner can read (0600). It is
 * replaced atomically: a crash leaves the old line or the new one, never half of either.
 */
public final class SecretFile {
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
  private final Path path;

  public SecretFile(Path path) {
    this.path = path.toAbsolutePath();
  }

  public Path path() {
    return path;
  }

  /** The stored line, or empty when there is no file yet. */
  public Optional<String> read() throws IOException {
    if (!Files.exists(path)) {
      return Optional.empty();
    }
    String line = Files.readString(path, StandardCharsets.UTF_8).strip();
    return line.isEmpty() ? Optional.empty() : Optional.of(line);
  }

  /** Writes {@code line} to a 0600 temporary file beside the target, syncs it, then renames it over. */
  public void write(String line) throws IOException {
    Files.createDirectories(path.getParent());
    Path temporary = Files.createTempFile(path.getParent(), path.getFileName() + ".", ".tmp", ownerOnly());
    try {
      Files.writeString(temporary, line + "\n", StandardCharsets.UTF_8);
      try (var channel = java.nio.channels.FileChannel.open(temporary, java.nio.file.StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private static FileAttribute<?>[] ownerOnly() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
        : new FileAttribute<?>[0];
  }
}
