package io.octavo.gateway.edge;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Who the client is, behind load balancers ({@code OCTAVO_TRUSTED_PROXIES}: comma-separated
 * CIDRs, IPv4 or IPv6). Each proxy appends the address it saw to {@code X-Forwarded-For}, so only
 * the entries to the right are written by proxies; anything further left the client wrote itself.
 * Starting from the connection's peer, hops inside a trusted CIDR are skipped right to left, and
 * the first one that is not trusted is the client. With no trusted proxies the header is ignored.
 */
public final class TrustedProxies {
  private static final String CLIENT = "octavo.client";
  private static final int MAX_HOP = 64; // longer than any address with a port; bounds what reaches logs and maps

  private final List<IpSubnetFilterRule> networks;

  private TrustedProxies(List<IpSubnetFilterRule> networks) {
    this.networks = networks;
  }

  static TrustedProxies none() {
    return new TrustedProxies(List.of());
  }

  /** {@code 10.0.0.0/8, 192.168.1.7, fd00::/8}; a bare address is a network of one. */
  public static TrustedProxies parse(String cidrs) {
    List<IpSubnetFilterRule> networks = new ArrayList<>();
    for (String cidr : Arrays.stream(cidrs.split(",")).map(String::trim).filter(c -> !c.isEmpty()).toList()) {
      int slash = cidr.indexOf('/');
      String host = slash < 0 ? cidr : cidr.substring(0, slash);
      InetAddress address = NetUtil.createInetAddressFromIpAddressString(host);
      if (address == null) {
        throw new IllegalArgumentException("OCTAVO_TRUSTED_PROXIES: '" + cidr + "' is not an IP address or CIDR");
      }
      int maxPrefix = address.getAddress().length * 8;
      int prefix;
      try {
        prefix = slash < 0 ? maxPrefix : Integer.parseInt(cidr.substring(slash + 1));
      } catch (NumberFormatException e) {
        prefix = -1;
      }
      if (prefix < 0 || prefix > maxPrefix) {
        throw new IllegalArgumentException("OCTAVO_TRUSTED_PROXIES: '" + cidr + "' has no valid prefix length");
      }
      networks.add(new IpSubnetFilterRule(address, prefix, IpFilterRuleType.ACCEPT));
    }
    return new TrustedProxies(List.copyOf(networks));
  }

  /** First handler of every request: works the client's address out once, for limits and logs. */
  public void assign(RoutingContext ctx) {
    ctx.put(CLIENT, clientOf(ctx.request()));
    ctx.next();
  }

  /** The address {@link #assign} found; the peer's when it did not run (it always does first). */
  static String of(RoutingContext ctx) {
    String client = ctx.get(CLIENT);
    return client != null ? client : peer(ctx.request());
  }

  private String clientOf(HttpServerRequest request) {
    return clientOf(peer(request), request.headers().getAll("x-forwarded-for"));
  }

  /** {@code forwardedFor}: every X-Forwarded-For header of the request, in order. */
  String clientOf(String peer, List<String> forwardedFor) {
    String client = peer;
    if (networks.isEmpty() || !trusted(client)) {
      return client;
    }
    List<String> hops = new ArrayList<>();
    for (String header : forwardedFor) {
      for (String hop : header.split(",")) {
        hops.add(hop.trim());
      }
    }
    for (int i = hops.size() - 1; i >= 0; i--) {
      String hop = hops.get(i);
      if (hop.isEmpty() || hop.length() > MAX_HOP) {
        return client; // a proxy would not have written this: stop at the last hop known to be real
      }
      if (!trusted(hop)) {
        return hop;
      }
      client = hop;
    }
    return client; // every hop is a trusted proxy: the leftmost one is as close to the client as we know
  }

  private boolean trusted(String address) {
    InetAddress parsed = NetUtil.createInetAddressFromIpAddressString(address);
    if (parsed == null) {
      return false;
    }
    InetSocketAddress socket = new InetSocketAddress(parsed, 0);
    for (IpSubnetFilterRule network : networks) {
      if (network.matches(socket)) {
        return true;
      }
    }
    return false;
  }

  private static String peer(HttpServerRequest request) {
    return request.remoteAddress() == null ? "unknown" : request.remoteAddress().host();
  }
}
