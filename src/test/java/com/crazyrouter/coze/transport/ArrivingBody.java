package com.crazyrouter.coze.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An answer's body as it arrives, handed to a reader that waits for each piece only as long as it says. One piece is
 * asked for at a time, so nothing piles up ahead of the reader; {@link #stop} cancels the body, so the JDK closes the
 * connection and no thread stays blocked on a gateway that never ends its answer (a blocking {@code readLine} did).
 */
final class ArrivingBody implements Flow.Subscriber<List<ByteBuffer>> {
    private final BlockingQueue<Piece> arrived = new LinkedBlockingQueue<>();
    private Flow.Subscription subscription;
    private boolean stopped;
    private boolean complete;

    /** What came within the wait: bytes, the end of the body, or nothing. */
    record Piece(Kind kind, byte[] bytes, IOException failure) {
        enum Kind {
            BYTES, END, SILENCE, FAILURE
        }

        static final Piece END = new Piece(Kind.END, new byte[0], null);
        static final Piece SILENCE = new Piece(Kind.SILENCE, new byte[0], null);
    }

    static ArrivingBody of(Flow.Publisher<List<ByteBuffer>> body) {
        ArrivingBody arriving = new ArrivingBody();
        body.subscribe(arriving);
        return arriving;
    }

    /** The next piece, waiting at most {@code wait}; a broken connection is thrown. */
    Piece next(Duration wait) throws IOException, InterruptedException {
        Piece piece = arrived.poll(Math.max(0, wait.toNanos()), TimeUnit.NANOSECONDS);
        if (piece == null) {
            return Piece.SILENCE;
        }
        if (piece.kind() == Piece.Kind.FAILURE) {
            throw piece.failure();
        }
        if (piece.kind() == Piece.Kind.BYTES) {
            askForOneMore();
        }
        return piece;
    }

    /** Stops reading: the rest of the body is not wanted. Safe to call more than once, and after the end. */
    void stop() {
        Flow.Subscription current;
        synchronized (this) {
            stopped = true;
            current = complete ? null : subscription;
        }
        if (current != null) {
            current.cancel();
        }
    }

    @Override
    public void onSubscribe(Flow.Subscription given) {
        boolean wanted;
        synchronized (this) {
            wanted = !stopped;
            subscription = given;
        }
        if (wanted) {
            given.request(1);
        } else {
            given.cancel();
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        int size = buffers.stream().mapToInt(ByteBuffer::remaining).sum();
        byte[] bytes = new byte[size];
        int at = 0;
        for (ByteBuffer buffer : buffers) {
            int length = buffer.remaining();
            buffer.get(bytes, at, length);
            at += length;
        }
        arrived.add(new Piece(Piece.Kind.BYTES, bytes, null));
    }

    @Override
    public void onError(Throwable failure) {
        IOException broken = failure instanceof IOException io ? io : new IOException(failure.getMessage(), failure);
        arrived.add(new Piece(Piece.Kind.FAILURE, new byte[0], broken));
    }

    @Override
    public void onComplete() {
        synchronized (this) {
            complete = true;
        }
        arrived.add(Piece.END);
    }

    private void askForOneMore() {
        Flow.Subscription current;
        synchronized (this) {
            current = stopped ? null : subscription;
        }
        if (current != null) {
            current.request(1);
        }
    }
}
