package io.octavo.gateway.api;

import io.octavo.common.ServiceFailure;
import io.vertx.core.json.JsonObject;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads an uploaded zip or tar.gz from disk, streaming, with the checks an archive from the
 * internet needs: paths that escape the archive, too many entries, entries larger than a post may
 * be, and more bytes out than a sane archive holds (zip bombs) are refused by reading, whatever
 * sizes the archive declares. Markdown files come out as {@code {path, content}}; anything else as
 * {@code {path, skip: reason}}, and a site's configuration file (Jekyll's {@code _config.yml},
 * Hugo's {@code hugo.toml}...) also carries its text in {@code config}, from which the
 * posts-service learns the site's engine and settings.
 */
final class ArchiveReader {
  static final int MAX_ENTRIES = 20_000;
  static final long MAX_FILE_BYTES = 1024 * 1024;
  private static final Set<String> MARKDOWN = Set.of("md", "markdown", "mdown", "mkd");
  private static final java.util.regex.Pattern CONFIG = java.util.regex.Pattern.compile(
      "(^|.*/)(_config\\.(yml|yaml|toml)|(hugo|config)\\.(toml|yaml|yml|json)|config/_default/(hugo|config|markup)\\.(toml|yaml|yml))");
  private static final int MAX_CONFIG_BYTES = 256 * 1024;

  private final Path archive;
  private final long maxTotalBytes;

  /** {@code maxTotalBytes}: how much may come out of the archive in all. */
  ArchiveReader(Path archive, long maxTotalBytes) {
    this.archive = archive;
    this.maxTotalBytes = maxTotalBytes;
  }

  /** Stores an image or file of the archive as a media item: its URL, or "skip:" and why not. */
  interface MediaStore {
    String store(String path, InputStream in) throws Exception;
  }

  private MediaStore media;

  /** Reads every entry, in archive order, to {@code sink}; throws 413/422 when the archive is unsafe. */
  void read(Consumer<JsonObject> sink) throws IOException {
    read(sink, null);
  }

  /**
   * As {@link #read(Consumer)}, and images and files (by extension) go to {@code media}; they come
   * out as {@code {path, media: url}} or {@code {path, skip: reason}}.
   */
  void read(Consumer<JsonObject> sink, MediaStore media) throws IOException {
    this.media = media;
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(archive))) {
      raw.mark(4);
      int first = raw.read();
      int second = raw.read();
      raw.reset();
      if (first == 'P' && second == 'K') {
        readZip(raw, sink);
      } else if (first == 0x1f && second == 0x8b) {
        readTar(new GZIPInputStream(raw, 64 * 1024), sink);
      } else {
        throw new ServiceFailure(415, "send a .zip or a .tar.gz of Markdown files");
      }
    }
  }

  private void readZip(InputStream raw, Consumer<JsonObject> sink) throws IOException {
    try (ZipInputStream zip = new ZipInputStream(raw, StandardCharsets.UTF_8)) {
      Budget budget = new Budget();
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        if (!entry.isDirectory()) {
          emit(entry.getName(), zip, budget, sink);
        }
      }
    } catch (IllegalArgumentException | java.util.zip.ZipException e) {
      throw ServiceFailure.unprocessable("the zip archive is damaged: " + e.getMessage());
    }
  }

  private void readTar(InputStream gzip, Consumer<JsonObject> sink) throws IOException {
    try (TarArchiveInputStream tar = new TarArchiveInputStream(gzip, StandardCharsets.UTF_8.name())) {
      Budget budget = new Budget();
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        if (entry.isFile()) {
          emit(entry.getName(), tar, budget, sink);
        } else if (entry.isSymbolicLink() || entry.isLink()) {
          budget.count();
          sink.accept(new JsonObject().put("path", entry.getName()).put("skip", "a link, not a file"));
        }
      }
    } catch (java.util.zip.ZipException | IllegalArgumentException e) {
      throw ServiceFailure.unprocessable("the tar.gz archive is damaged: " + e.getMessage());
    }
  }

  /** What has come out of the archive so far. */
  private final class Budget {
    private int entries;
    private long bytes;

    void count() {
      if (++entries > MAX_ENTRIES) {
        throw ServiceFailure.unprocessable("the archive has more than " + MAX_ENTRIES + " files");
      }
    }

    void add(long read) {
      bytes += read;
      if (bytes > maxTotalBytes) {
        throw new ServiceFailure(ServiceFailure.PAYLOAD_TOO_LARGE, "the archive unpacks to more than "
            + maxTotalBytes + " bytes; it looks like a zip bomb");
      }
    }
  }

  private void emit(String name, InputStream in, Budget budget, Consumer<JsonObject> sink) throws IOException {
    budget.count();
    String path = normalise(name);
    if (path == null) {
      sink.accept(new JsonObject().put("path", name).put("skip", "the path leaves the archive"));
      return;
    }
    String file = path.substring(path.lastIndexOf('/') + 1);
    int dot = file.lastIndexOf('.');
    boolean markdown = dot > 0 && MARKDOWN.contains(file.substring(dot + 1).toLowerCase(Locale.ROOT));
    if (file.startsWith(".") || path.startsWith("__MACOSX/")) {
      return; // .DS_Store, ._resource forks: the file system's, not the writer's
    }
    if (!markdown && CONFIG.matcher(path).matches()) {
      byte[] bytes = in.readNBytes(MAX_CONFIG_BYTES + 1);
      budget.add(bytes.length + drain(in));
      JsonObject config = new JsonObject().put("path", path).put("skip", "not Markdown");
      if (bytes.length <= MAX_CONFIG_BYTES) {
        config.put("config", new String(bytes, StandardCharsets.UTF_8));
      }
      sink.accept(config);
      return;
    }
    if (!markdown && media != null && MediaImporter.isMedia(path)) {
      long[] read = {0};
      InputStream counted = new java.io.FilterInputStream(in) {
        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
          int n = super.read(into, offset, length);
          if (n > 0) {
            read[0] += n;
            budget.add(n);
          }
          return n;
        }
      };
      String outcome;
      try {
        outcome = media.store(path, counted);
      } catch (ServiceFailure refused) {
        throw refused; // the archive's budget: the whole import stops
      } catch (Exception e) {
        outcome = "skip:could not be stored (" + ServiceFailure.messageOf(e) + ")";
      }
      budget.add(drain(in));
      sink.accept(outcome.startsWith("skip:") ? new JsonObject().put("path", path).put("skip", outcome.substring(5))
          : new JsonObject().put("path", path).put("media", outcome));
      return;
    }
    if (!markdown) {
      // media hook: images and other files a post refers to leave the archive here
      budget.add(drain(in));
      sink.accept(new JsonObject().put("path", path).put("skip", "not Markdown"));
      return;
    }
    byte[] bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
    budget.add(bytes.length);
    if (bytes.length > MAX_FILE_BYTES) {
      budget.add(drain(in));
      sink.accept(new JsonObject().put("path", path).put("skip", "larger than " + MAX_FILE_BYTES + " bytes"));
      return;
    }
    try {
      String content = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
      sink.accept(new JsonObject().put("path", path).put("content", content.startsWith("\uFEFF") ? content.substring(1) : content));
    } catch (CharacterCodingException e) {
      sink.accept(new JsonObject().put("path", path).put("skip", "not UTF-8 text"));
    }
  }

  /** Reads an entry to its end, stopping early once it alone is over the budget (the caller refuses it). */
  private long drain(InputStream in) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
      total += read;
      if (total > maxTotalBytes) {
        break; // the budget refuses it next
      }
    }
    return total;
  }

  /** The entry's path with forward slashes, or null when it is absolute or climbs out ({@code ..}). */
  static String normalise(String name) {
    String path = name.replace('\\', '/');
    if (path.startsWith("/") || path.matches("^[A-Za-z]:.*")) {
      return null;
    }
    StringBuilder clean = new StringBuilder();
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        return null;
      }
      if (clean.length() > 0) {
        clean.append('/');
      }
      clean.append(part);
    }
    return clean.length() == 0 ? null : clean.toString();
  }

}
