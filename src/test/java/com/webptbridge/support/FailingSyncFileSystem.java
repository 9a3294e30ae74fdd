package com.webptbridge.support;

import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real H2 file database whose disk sync can be made to fail: {@code jdbc:h2:file:failsync:/dir/db}
 * stores on the ordinary file system, and {@link #failNextSyncs} makes the next forces to the
 * device (what {@code CHECKPOINT SYNC} ends with) throw, as a failing disk does. Writes still reach
 * the file system: only the sync fails.
 */
public final class FailingSyncFileSystem extends FilePathWrapper {

    private static final AtomicInteger FAILURES_LEFT = new AtomicInteger();

    static {
        FilePath.register(new FailingSyncFileSystem());
    }

    /** The JDBC URL of a database {@code name} in {@code dir} on this file system. */
    public static String url(java.nio.file.Path dir, String name) {
        return "jdbc:h2:file:failsync:" + dir.toAbsolutePath().resolve(name);
    }

    /** Makes the next {@code n} syncs fail. */
    public static void failNextSyncs(int n) {
        FAILURES_LEFT.set(n);
    }

    /** Syncs still to fail (0 once every one asked for has failed). */
    public static int syncsStillToFail() {
        return FAILURES_LEFT.get();
    }

    @Override
    public String getScheme() {
        return "failsync";
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        return new Channel(getBase().open(mode));
    }

    private static final class Channel extends FileBase {
        private final FileChannel base;

        Channel(FileChannel base) {
            this.base = base;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            if (FAILURES_LEFT.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new IOException("sync failed (test: failing disk)");
            }
            base.force(metaData);
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return base.read(dst);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return base.read(dst, position);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            return base.write(src);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            return base.write(src, position);
        }

        @Override
        public long position() throws IOException {
            return base.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            base.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return base.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            base.truncate(size);
            return this;
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return base.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            base.close();
        }
    }
}
