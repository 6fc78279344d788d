package io.octavo.gateway.edge;

import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.impl.VertxHttpRequestDecoder;
import io.vertx.core.net.impl.ConnectionBase;

/**
 * RFC 9112 section 6.3: a request with both Transfer-Encoding and Content-Length may be an attempt
 * at request smuggling, and the server must close the connection after answering it. Netty reads
 * such a body as chunked and drops Content-Length, but keeps the connection open, and Vert.x has
 * no option for it; so each HTTP/1.1 connection gets Vert.x's own request decoder with that one
 * case changed: the request is marked {@code Connection: close}, which Vert.x honours after the
 * response. This reaches into Vert.x internals (the decoder and the connection's pipeline);
 * {@code EdgeAttackTest} fails if an upgrade breaks it.
 */
public final class RequestFraming {
  private static final String DECODER = "httpDecoder";

  private RequestFraming() {
  }

  /** Connection handler of the HTTP server: runs before the connection's first byte is decoded. */
  public static void install(HttpConnection connection, HttpServerOptions options) {
    if (connection instanceof ConnectionBase base) {
      ChannelPipeline pipeline = base.channelHandlerContext().pipeline();
      if (pipeline.get(DECODER) instanceof VertxHttpRequestDecoder current && !(current instanceof Decoder)) {
        pipeline.replace(DECODER, DECODER, new Decoder(options));
      }
    }
  }

  private static final class Decoder extends VertxHttpRequestDecoder {
    Decoder(HttpServerOptions options) {
      super(options);
    }

    @Override
    protected void handleTransferEncodingChunkedWithContentLength(HttpMessage message) {
      super.handleTransferEncodingChunkedWithContentLength(message);
      message.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    }
  }
}
