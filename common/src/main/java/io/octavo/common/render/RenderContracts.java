package io.octavo.common.render;

import io.octavo.common.contracts.BusContract;
import io.octavo.common.contracts.Codec;
import io.octavo.common.contracts.Health;

/** Every {@code render.*} address, with what it takes and answers. */
public final class RenderContracts {
  public static final BusContract<RenderRequest, Rendered> MARKDOWN = BusContract.of("render.markdown",
      Codec.of(RenderRequest::fromJson, RenderRequest::toJson), Codec.of(Rendered::fromJson, Rendered::toJson));
  public static final BusContract<Void, Health> HEALTH =
      BusContract.of("render.health", Codec.NONE, Codec.of(Health::fromJson, Health::toJson));

  private RenderContracts() {
  }
}
