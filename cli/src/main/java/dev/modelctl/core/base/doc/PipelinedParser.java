package dev.modelctl.core.base.doc;

import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.parser.Parser;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;

/**
 * SnakeYAML's parser on a thread of its own, handing its events over in batches. Scanning and parsing are about
 * half of loading a big document and the tree building the other half; this way they run on two cores at once
 * instead of taking turns (see docs/validate.md, "Big documents"). The reader sees exactly the event stream, and
 * any exception, that the parser itself would give it, at the same place in the stream.
 */
final class PipelinedParser implements Parser, AutoCloseable {
    private static final int BATCH = 1024;
    /** Batches in flight: enough to ride out a collection pause on either side, few enough to bound the memory. */
    private static final int QUEUED_BATCHES = 32;

    /** What the parser produced: events, or the throwable it stopped with (rethrown where the reader reaches it). */
    private record Batch(Event[] events, int size, Throwable failure) {
    }

    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
    private final Thread producer;
    private Batch current = new Batch(new Event[0], 0, null);
    private int next;
    private boolean finished;

    PipelinedParser(Parser parser) {
        producer = new Thread(() -> produce(parser), "yaml-parser");
        producer.setDaemon(true);
        producer.start();
    }

    private void produce(Parser parser) {
        Event[] events = new Event[BATCH];
        int size = 0;
        try {
            while (true) {
                Event event = parser.getEvent();
                if (event == null) {
                    queue.put(new Batch(events, size, null));
                    return;
                }
                events[size++] = event;
                if (event.is(Event.ID.StreamEnd)) {
                    queue.put(new Batch(events, size, null));
                    return;
                }
                if (size == BATCH) {
                    queue.put(new Batch(events, size, null));
                    events = new Event[BATCH];
                    size = 0;
                }
            }
        } catch (InterruptedException e) {
            // the reader is done with this document: stop parsing it
        } catch (Throwable failure) {
            try {
                queue.put(new Batch(events, size, failure));
            } catch (InterruptedException e) {
                // closed meanwhile: nobody is waiting for the failure
            }
        }
    }

    @Override
    public boolean checkEvent(Event.ID choice) {
        Event event = peekEvent();
        return event != null && event.is(choice);
    }

    @Override
    public Event peekEvent() {
        while (next == current.size()) {
            if (current.failure() != null) {
                throw rethrowable(current.failure());
            }
            if (finished) {
                return null;
            }
            current = take();
            next = 0;
            int size = current.size();
            finished = current.failure() != null || size < BATCH || current.events()[size - 1].is(Event.ID.StreamEnd);
        }
        return current.events()[next];
    }

    @Override
    public Event getEvent() {
        Event event = peekEvent();
        if (event != null) {
            current.events()[next++] = null; // the tree keeps what it needs; the event can go
        }
        return event;
    }

    /** The next batch; never waits on a parser thread that has died (say, out of memory while handing over its failure). */
    private Batch take() {
        try {
            while (true) {
                Batch next = queue.poll(100, TimeUnit.MILLISECONDS);
                if (next != null) {
                    return next;
                }
                if (!producer.isAlive() && queue.isEmpty()) {
                    throw new IllegalStateException("the YAML parser thread ended before the document did");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while reading the document");
        }
    }

    private static RuntimeException rethrowable(Throwable failure) {
        if (failure instanceof Error error) {
            throw error;
        }
        return failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
    }

    /** Stops the parser thread if the reader stopped early (a finding, an error, a second document). */
    @Override
    public void close() {
        producer.interrupt();
    }
}
