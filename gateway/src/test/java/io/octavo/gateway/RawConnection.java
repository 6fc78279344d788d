package io.octavo.gateway;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;

/**
 * One TCP connection that writes raw HTTP/1.1 bytes, as an attacker or a broken client would,
 * and records what comes back and when the server closes it.
 */
final class RawConnection {
  private final NetSocket socket;
  private final Buffer received = Buffer.buffer();
  private final Promise<Void> closed = Promise.promise();
  private final Promise<Void> answered = Promise.promise();

  private RawConnection(NetSocket socket) {
    this.socket = socket;
    socket.handler(data -> {
      synchronized (received) {
        received.appendBuffer(data);
      }
      answered.tryComplete();
    });
    socket.closeHandler(done -> closed.tryComplete());
  }

  static Future<RawConnection> open(NetClient client, int port) {
    return client.connect(port, "127.0.0.1").map(RawConnection::new);
  }

  static NetClient client(Vertx vertx) {
    return vertx.createNetClient();
  }

  Future<Void> write(String text) {
    return socket.write(text);
  }

  /** Completes when the server has sent anything. */
  Future<Void> answered() {
    return answered.future();
  }

  /** Completes when the server has closed the connection. */
  Future<Void> closed() {
    return closed.future();
  }

  boolean isClosed() {
    return closed.future().isComplete();
  }

  String received() {
    synchronized (received) {
      return received.toString();
    }
  }

  Future<Void> close() {
    return socket.close();
  }
}
