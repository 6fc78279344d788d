package io.octavo.common.media;

import io.octavo.common.contracts.BusContract;
import io.octavo.common.contracts.Codec;
import io.octavo.common.contracts.PublishContract;

/** Every {@code media.*} address, with what it takes and answers: files posts show, stored in chunks. */
public final class MediaContracts {
  private static final Codec<MediaReplies.Deleted> DELETED =
      Codec.of(MediaReplies.Deleted::fromJson, MediaReplies.Deleted::toJson);

  public static final BusContract<Void, MediaReplies.Began> UPLOAD_BEGIN = BusContract.of("media.upload.begin",
      Codec.NONE, Codec.of(MediaReplies.Began::fromJson, MediaReplies.Began::toJson));
  public static final BusContract<MediaRequests.Chunk, Void> UPLOAD_CHUNK = BusContract.of("media.upload.chunk",
      Codec.of(MediaRequests.Chunk::fromJson, MediaRequests.Chunk::toJson), Codec.NONE);
  public static final BusContract<MediaUpload, MediaReplies.Stored> UPLOAD_FINISH = BusContract.of(
      "media.upload.finish", Codec.of(MediaUpload::fromJson, MediaUpload::toJson),
      Codec.of(MediaReplies.Stored::fromJson, MediaReplies.Stored::toJson));
  public static final BusContract<MediaRequests.Get, MediaItem> GET = BusContract.of("media.get",
      Codec.of(MediaRequests.Get::fromJson, MediaRequests.Get::toJson), Codec.of(MediaItem::fromJson, MediaItem::toJson));
  public static final BusContract<MediaRequests.List, MediaReplies.Page> LIST = BusContract.of("media.list",
      Codec.of(MediaRequests.List::fromJson, MediaRequests.List::toJson),
      Codec.of(MediaReplies.Page::fromJson, MediaReplies.Page::toJson));
  public static final BusContract<MediaRequests.Delete, MediaReplies.Deleted> DELETE = BusContract.of("media.delete",
      Codec.of(MediaRequests.Delete::fromJson, MediaRequests.Delete::toJson), DELETED);
  public static final BusContract<MediaRequests.Read, MediaReplies.Bytes> READ = BusContract.of("media.read",
      Codec.of(MediaRequests.Read::fromJson, MediaRequests.Read::toJson),
      Codec.of(MediaReplies.Bytes::fromJson, MediaReplies.Bytes::toJson));

  /** Published after a media item is deleted, so gateways drop its cached bytes. */
  public static final PublishContract<MediaReplies.Deleted> CHANGED = PublishContract.of("media.changed", DELETED);

  private MediaContracts() {
  }
}
