package io.octavo.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The long version of issue 14's memory attacks, against a running Octavo (see bench/attack.sh):
 *
 * <ol>
 *   <li>for {@code TRICKLE_SECONDS}, {@code CONNECTIONS} anonymous connections each announce a
 *       1.9 MB post and trickle a kilobyte at a time without ever finishing; a closed connection is
 *       opened again at once, so the pressure stays;</li>
 *   <li>then {@code UNIQUE_URLS} anonymous requests to the largest page, each with its own query
 *       string, 8 at a time;</li>
 *   <li>throughout, {@code /health} every 200 ms with a 1 s limit, and the heap from /metrics (and
 *       RSS from /proc when the pid is given) every second;</li>
 *   <li>10 s after both: {@code /health}, the page, the list and an authenticated create must all
 *       answer normally.</li>
 * </ol>
 *
 * <p>{@code java -cp bench/target/benchmarks.jar io.octavo.bench.AttackDrill BASE_URL TOKEN PAGE_PATH [PID]}
 * Exits 1 when a check fails.
 */
public final class AttackDrill {
  private static final int CONNECTIONS = Integer.getInteger("connections", 200);
  private static final int TRICKLE_SECONDS = Integer.getInteger("trickleSeconds", 30);
  private static final int UNIQUE_URLS = Integer.getInteger("uniqueUrls", 2_000);
  private static final int CHUNK = Integer.getInteger("chunkBytes", 16 * 1024);
  private static final int DECLARED = 1_900_000;
  private static final Pattern HEAP = Pattern.compile("(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} (\\S+)");

  private final URI base;
  private final String token;
  private final String page;
  private final String pid;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicLong healthMaxMillis = new AtomicLong();
  private final AtomicInteger healthChecks = new AtomicInteger();
  private final AtomicInteger healthFailures = new AtomicInteger();
  private final AtomicLong heapPeak = new AtomicLong();
  private final AtomicLong rssPeakKb = new AtomicLong();

  private AttackDrill(String base, String token, String page, String pid) {
    this.base = URI.create(base);
    this.token = token;
    this.page = page;
    this.pid = pid;
  }

  public static void main(String[] args) throws Exception {
    AttackDrill drill = new AttackDrill(args[0], args[1], args[2], args.length > 3 ? args[3] : null);
    System.exit(drill.run() ? 0 : 1);
  }

  private boolean run() throws Exception {
    ExecutorService background = Executors.newFixedThreadPool(3);
    background.submit(this::probeHealth);
    background.submit(this::sampleMemory);

    long start = System.nanoTime();
    int[] trickle = trickle();
    System.out.printf("trickle: %d connections for %d s, %d bytes every 100 ms each: %d opened, %d answered 401%n",
        CONNECTIONS, TRICKLE_SECONDS, CHUNK, trickle[0], trickle[1]);
    System.out.printf("  /health so far: %d checks, slowest %d ms, %d over 1 s or failed%n",
        healthChecks.get(), healthMaxMillis.get(), healthFailures.get());

    int[] statuses = uniqueQueryStrings();
    System.out.printf("unique URLs: %d requests to %s?utm=N: %d x 200, %d other; %.1f s%n",
        UNIQUE_URLS, page, statuses[0], statuses[1], (System.nanoTime() - start) / 1e9 - TRICKLE_SECONDS);
    System.out.printf("  /health during both: %d checks, slowest %d ms, %d over 1 s or failed%n",
        healthChecks.get(), healthMaxMillis.get(), healthFailures.get());

    Thread.sleep(10_000);
    running.set(false);
    background.shutdown();
    background.awaitTermination(5, TimeUnit.SECONDS);
    boolean healthy = after();
    System.out.printf("peak heap used (jvm_memory_used_bytes, heap, sampled every second): %.0f MiB%n",
        heapPeak.get() / 1048576.0);
    if (pid != null) {
      System.out.printf("peak RSS of pid %s: %.0f MiB%n", pid, rssPeakKb.get() / 1024.0);
    }
    boolean ok = healthy && healthFailures.get() == 0 && statuses[0] == UNIQUE_URLS;
    System.out.println(ok ? "PASS" : "FAIL");
    return ok;
  }

  /** Holds CONNECTIONS sockets trickling bodies, never the last byte; returns {opened, answered 401}. */
  private int[] trickle() throws Exception {
    String head = "POST /api/posts HTTP/1.1\r\nHost: " + base.getHost() + "\r\nContent-Type: application/json\r\n"
        + "Content-Length: " + DECLARED + "\r\n\r\n{\"markdown\":\"";
    byte[] chunk = "a".repeat(CHUNK).getBytes(StandardCharsets.US_ASCII);
    List<Socket> sockets = new ArrayList<>();
    List<Integer> sent = new ArrayList<>();
    int opened = 0;
    int refused = 0;
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(TRICKLE_SECONDS);
    while (System.nanoTime() < until) {
      for (int i = 0; i < CONNECTIONS; i++) {
        if (i >= sockets.size() || sockets.get(i).isClosed()) {
          Socket socket = new Socket();
          socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 2_000);
          socket.setSoTimeout(1);
          socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
          opened++;
          if (i < sockets.size()) {
            sockets.set(i, socket);
            sent.set(i, 13);
          } else {
            sockets.add(socket);
            sent.add(13);
          }
        }
        Socket socket = sockets.get(i);
        try {
          if (sent.get(i) + chunk.length < DECLARED) { // never the whole body
            OutputStream out = socket.getOutputStream();
            out.write(chunk);
            sent.set(i, sent.get(i) + chunk.length);
          }
          byte[] answer = new byte[64];
          try {
            int read = socket.getInputStream().read(answer);
            if (read < 0 || new String(answer, 0, Math.max(read, 0), StandardCharsets.US_ASCII).startsWith("HTTP/1.1 401")) {
              refused += read > 0 ? 1 : 0;
              socket.close();
            }
          } catch (java.net.SocketTimeoutException nothingYet) {
            // still being read (it should not be): keep trickling
          }
        } catch (IOException closedByServer) {
          socket.close();
        }
      }
      Thread.sleep(100);
    }
    for (Socket socket : sockets) {
      socket.close();
    }
    return new int[] {opened, refused};
  }

  private int[] uniqueQueryStrings() throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(8);
    AtomicInteger ok = new AtomicInteger();
    AtomicInteger other = new AtomicInteger();
    List<Future<?>> sent = new ArrayList<>();
    long giveUpAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(120); // a wedged server must not keep the drill for hours
    for (int i = 0; i < UNIQUE_URLS; i++) {
      int n = i;
      sent.add(clients.submit(() -> {
        if (System.nanoTime() > giveUpAt) {
          other.incrementAndGet();
          return;
        }
        try {
          HttpResponse<Void> response = http.send(HttpRequest.newBuilder(base.resolve(page + "?utm=" + n))
              .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
          (response.statusCode() == 200 ? ok : other).incrementAndGet();
        } catch (Exception e) {
          other.incrementAndGet();
        }
      }));
    }
    for (Future<?> request : sent) {
      request.get();
    }
    clients.shutdown();
    return new int[] {ok.get(), other.get()};
  }

  private void probeHealth() {
    while (running.get()) {
      long start = System.nanoTime();
      try {
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(base.resolve("/health"))
            .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.discarding());
        long millis = (System.nanoTime() - start) / 1_000_000;
        healthMaxMillis.accumulateAndGet(millis, Math::max);
        if (response.statusCode() != 200 || millis >= 1_000) {
          healthFailures.incrementAndGet();
          System.out.printf("  /health answered %d after %d ms%n", response.statusCode(), millis);
        }
      } catch (Exception e) {
        healthFailures.incrementAndGet();
        System.out.printf("  /health failed after %d ms: %s%n", (System.nanoTime() - start) / 1_000_000, e);
      }
      healthChecks.incrementAndGet();
      sleep(200);
    }
  }

  private void sampleMemory() {
    while (running.get()) {
      try {
        String metrics = http.send(HttpRequest.newBuilder(base.resolve("/metrics")).timeout(Duration.ofSeconds(2)).build(),
            HttpResponse.BodyHandlers.ofString()).body();
        Matcher heap = HEAP.matcher(metrics);
        long used = 0;
        while (heap.find()) {
          used += (long) Double.parseDouble(heap.group(1));
        }
        heapPeak.accumulateAndGet(used, Math::max);
        if (pid != null) {
          for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
            if (line.startsWith("VmRSS:")) {
              rssPeakKb.accumulateAndGet(Long.parseLong(line.replaceAll("\\D", "")), Math::max);
            }
          }
        }
      } catch (Exception e) {
        // a missed sample; /health reports the outage
      }
      sleep(1_000);
    }
  }

  /** What a reader and the writer see once the attack is over. */
  private boolean after() throws Exception {
    int health = status(HttpRequest.newBuilder(base.resolve("/health")));
    int pageStatus = status(HttpRequest.newBuilder(base.resolve(page)));
    int list = status(HttpRequest.newBuilder(base.resolve("/api/posts?limit=10")));
    int create = status(HttpRequest.newBuilder(base.resolve("/api/posts"))
        .header("authorization", "Bearer " + token).header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"markdown\":\"# After the attack\\n\\nStill here.\"}")));
    System.out.printf("10 s after: /health %d, page %d, list %d, create %d%n", health, pageStatus, list, create);
    return health == 200 && pageStatus == 200 && list == 200 && create == 201;
  }

  private int status(HttpRequest.Builder request) {
    try {
      return http.send(request.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (Exception e) {
      return -1;
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
