package io.octavo.common.media;

import io.octavo.common.contracts.BusContract;
import io.octavo.common.contracts.Codec;
import io.octavo.common.contracts.PublishContract;
import io.vertx.core.json.JsonObject;

/** Every {@code media.*} address, with what it takes and answers: files posts show, stored in chunks. */
public final class MediaContracts {
  public static final BusContract<JsonObject, JsonObject> UPLOAD_BEGIN =
      BusContract.of("media.upload.begin", Codec.JSON, Codec.JSON);
  public static final BusContract<JsonObject, JsonObject> UPLOAD_CHUNK =
      BusContract.of("media.upload.chunk", Codec.JSON, Codec.JSON);
  public static final BusContract<JsonObject, JsonObject> UPLOAD_FINISH =
      BusContract.of("media.upload.finish", Codec.JSON, Codec.JSON);
  public static final BusContract<JsonObject, JsonObject> GET = BusContract.of("media.get", Codec.JSON, Codec.JSON);
  public static final BusContract<JsonObject, JsonObject> LIST = BusContract.of("media.list", Codec.JSON, Codec.JSON);
  public static final BusContract<JsonObject, JsonObject> DELETE =
      BusContract.of("media.delete", Codec.JSON, Codec.JSON);
  public static final BusContract<JsonObject, JsonObject> READ = BusContract.of("media.read", Codec.JSON, Codec.JSON);

  /** Published after a media item is deleted, so gateways drop its cached bytes. */
  public static final PublishContract<JsonObject> CHANGED = PublishContract.of("media.changed", Codec.JSON);

  private MediaContracts() {
  }
}
