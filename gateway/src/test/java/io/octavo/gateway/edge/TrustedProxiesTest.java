package io.octavo.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.octavo.common.metrics.Metrics;
import io.octavo.common.node.Node;
import io.octavo.common.posts.Post;
import io.octavo.common.posts.PostLookup;
import io.octavo.common.posts.PostsContracts;
import io.octavo.common.testing.BusStub;
import io.octavo.common.testing.TestPost;
import io.octavo.gateway.GatewayService;
import io.octavo.gateway.GatewaySettings;
import io.octavo.gateway.TestGateway;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A client cannot choose its own address: not to escape a limit, not to get someone else locked out. */
class TrustedProxiesTest {
  private static final String TOKEN = "proxy-token";
  private static Vertx vertx;
  private static WebClient behindTheBalancer;
  private static WebClient withoutTrust;

  /** Two gateways: one trusting 127.0.0.0/8 (the test plays the load balancer), one trusting nobody. */
  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    BusStub.on(vertx).reply(PostsContracts.GET, new PostLookup.Found(post()));
    behindTheBalancer = gateway(TestGateway.settings(TOKEN, Map.of("OCTAVO_RATE_LIMIT_READS", "5",
        "OCTAVO_RATE_LIMIT_AUTH_FAILURES", "10", "OCTAVO_TRUSTED_PROXIES", "127.0.0.0/8, ::1/128")));
    withoutTrust = gateway(TestGateway.settings(TOKEN));
  }

  private static WebClient gateway(GatewaySettings settings) {
    GatewayService.deploy(Node.of(vertx, Metrics.newRegistry(), Map.of()), settings).await();
    return WebClient.create(vertx, new WebClientOptions().setDefaultPort(settings.httpPort()).setDefaultHost("127.0.0.1"));
  }

  @AfterAll
  static void close() {
    vertx.close().await();
  }

  private static int badToken(WebClient http, String forwardedFor, int attempt) {
    return http.get("/api/posts/p").putHeader("x-forwarded-for", forwardedFor)
        .putHeader("authorization", "Bearer guess-" + attempt).send().await().statusCode();
  }

  /** Each test is another client, as the load balancer saw it; limits are per client address. */
  @Test
  void rotatingForgedHopsCannotEscapeTheAuthFailureLimit() {
    String client = "203.0.113.7";
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 14; i++) {
      // the client wrote the left hop, the balancer appended the right one
      statuses.add(badToken(behindTheBalancer, "10.9." + i + ".1, " + client, i));
    }
    assertThat(statuses.subList(0, 10)).containsOnly(401);
    assertThat(statuses.subList(10, 14)).containsOnly(429);
  }

  @Test
  void rotatingForgedHopsCannotEscapeTheAnonymousReadLimit() {
    String client = "203.0.113.8";
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      statuses.add(behindTheBalancer.get("/api/posts/p").putHeader("x-forwarded-for", "198.18.0." + i + ", " + client)
          .send().await().statusCode());
    }
    assertThat(statuses.subList(0, 5)).containsOnly(200);
    assertThat(statuses.subList(5, 8)).containsOnly(429);
  }

  @Test
  void spoofingAVictimsAddressDoesNotLockTheVictimOut() {
    String attacker = "203.0.113.9";
    String victim = "198.51.100.9";
    for (int i = 0; i < 12; i++) {
      badToken(behindTheBalancer, victim + ", " + attacker, i);
    }
    HttpResponse<Buffer> victimRead = behindTheBalancer.get("/api/posts/p").putHeader("x-forwarded-for", victim)
        .putHeader("authorization", "Bearer " + TOKEN).send().await();
    assertThat(victimRead.statusCode()).isEqualTo(200);
    assertThat(badToken(behindTheBalancer, attacker, 99)).as("the attacker's own address is the one blocked").isEqualTo(429);
  }

  @Test
  void withoutTrustedProxiesTheHeaderIsIgnored() {
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      statuses.add(badToken(withoutTrust, "192.0.2." + i, i));
    }
    assertThat(statuses.subList(10, 12)).containsOnly(429);
  }

  @Test
  void theFirstUntrustedHopFromTheRightIsTheClientForIpv4AndIpv6() {
    TrustedProxies proxies = TrustedProxies.parse("10.0.0.0/8, fd00::/8");
    assertThat(proxies.clientOf("10.1.2.3", List.of("6.6.6.6, 2001:db8::1, fd12::7", "10.0.0.9"))).isEqualTo("2001:db8::1");
    assertThat(proxies.clientOf("10.1.2.3", List.of())).as("no header: the proxy itself").isEqualTo("10.1.2.3");
    assertThat(proxies.clientOf("192.0.2.1", List.of("10.0.0.1"))).as("an untrusted peer's header is ignored")
        .isEqualTo("192.0.2.1");
    assertThat(proxies.clientOf("fd00::1", List.of("192.0.2.44"))).isEqualTo("192.0.2.44");
    assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TrustedProxies.parse("proxy.example")).isInstanceOf(IllegalArgumentException.class);
  }

  private static Post post() {
    return TestPost.titled("T").slug("p").markdown("x").html("<p>x</p>").build();
  }
}
