package io.octavo.common.contracts;

/**
 * One request/reply address: its name and the types of what is sent and answered. Declared once,
 * used by the typed client that sends and by the consumer that answers, so the two cannot drift.
 */
public record BusContract<Req, Res>(String address, Codec<Req> request, Codec<Res> reply) {
  public static <Req, Res> BusContract<Req, Res> of(String address, Codec<Req> request, Codec<Res> reply) {
    return new BusContract<>(address, request, reply);
  }
}
