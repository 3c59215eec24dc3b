package dev.herald.retention;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects what the retention code logs (it logs through the StreamRetention logger). */
final class LogCapture extends Handler implements AutoCloseable {

    private final Logger logger = Logger.getLogger(StreamRetention.class.getName());
    private final Level previous = logger.getLevel();
    final List<LogRecord> records = new ArrayList<>();

    LogCapture() {
        logger.addHandler(this);
        logger.setLevel(Level.ALL);
    }

    List<LogRecord> at(Level level) {
        return records.stream().filter(r -> r.getLevel() == level).toList();
    }

    @Override
    public synchronized void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setLevel(previous);
    }
}
