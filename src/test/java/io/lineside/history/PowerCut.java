package io.lineside.history;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * A power cut for H2, between the database and the disk: H2's file system {@value #SCHEME} passes every call to
 * the disk, and remembers, for each {@code .mv.db} file and each ack log segment ({@code .acklog}) it opened, what
 * its bytes were at the last {@code force()} (an fsync); a segment closed with writes it never forced is remembered
 * too. {@link #cut} and {@link #restore} then do what a power loss does to a file whose writes the OS had not yet
 * flushed: no force after the cut counts, and at restore every write since the last fsync before the cut is undone
 * (the file is put back to its last forced content and size). A database opened after that sees only what an
 * fsync made durable.
 *
 * <p>This models the strict case (nothing unforced survives); a real disk may keep some of those writes, which a
 * sound store must survive as well, but it never loses what was forced.
 */
public final class PowerCut extends FilePathWrapper {

    static final String SCHEME = "powercut";
    private static final Object LOCK = new Object();
    private static final List<Channel> OPEN = new ArrayList<>();
    private static boolean cut;

    /** For H2, which makes one per path by reflection. */
    public PowerCut() {
    }

    /** Registers the file system once per JVM and restores the power. */
    static void install() {
        synchronized (LOCK) {
            FilePath.register(new PowerCut());
            cut = false;
            OPEN.clear();
        }
    }

    /**
     * Cuts the power: from now on forces do nothing, and at {@link #restore} every file goes back to its last
     * forced bytes (writes after the cut go through until then, so the dying process reads back what it wrote).
     * Returns what {@code atTheCut} says at the instant of the cut, when no force can be half done. (Reverting or
     * dropping writes under a still-open H2 made it read "corrupted" pages and linger half-closed, holding its lock
     * file, which a process that lost its power never does.)
     */
    static <T> T cut(java.util.function.Supplier<T> atTheCut) {
        synchronized (LOCK) {
            cut = true;
            return atTheCut.get();
        }
    }

    /** Power back, as after a reboot: files cut go back to their last forced bytes, later ones are written normally. */
    static void restore() throws IOException {
        synchronized (LOCK) {
            if (cut) {
                for (Channel c : OPEN) {
                    c.revert();
                }
            }
            cut = false;
            OPEN.clear();
        }
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        FileChannel base = super.open(mode);
        if (!(name.endsWith(".mv.db") || name.endsWith(".acklog")) || mode.equals("r")) {
            return base; // the lock file and read-only opens need no model
        }
        synchronized (LOCK) {
            Channel c = new Channel(base, java.nio.file.Path.of(name.substring(SCHEME.length() + 1)));
            OPEN.add(c);
            return c;
        }
    }

    /** One open store file: writes go through, each remembering the bytes it overwrote until the next force. */
    private static final class Channel extends FileChannel {

        private record Undo(long position, byte[] old) {
        }

        private final FileChannel base;
        private final java.nio.file.Path path;
        private final Deque<Undo> undo = new ArrayDeque<>();
        private long forcedSize;

        Channel(FileChannel base, java.nio.file.Path path) throws IOException {
            this.base = base;
            this.path = path;
            this.forcedSize = base.size();
        }

        void revert() throws IOException { // under LOCK
            if (!base.isOpen()) { // closed with unforced writes: the cut undoes them all the same
                if (java.nio.file.Files.exists(path)) {
                    try (FileChannel c = FileChannel.open(path, java.nio.file.StandardOpenOption.WRITE)) {
                        revert(c);
                    }
                }
                return;
            }
            revert(base);
        }

        private void revert(FileChannel to) throws IOException {
            while (!undo.isEmpty()) {
                Undo u = undo.pop();
                to.write(ByteBuffer.wrap(u.old()), u.position());
            }
            if (to.size() > forcedSize) {
                to.truncate(forcedSize);
            }
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            synchronized (LOCK) {
                int n = src.remaining();
                remember(position, n); // after the cut too: the dying process reads its own writes back

                return base.write(src, position);
            }
        }

        private void remember(long position, int length) throws IOException {
            long end = Math.min(position + length, forcedSize); // beyond the forced size the cut truncates
            if (end <= position) {
                return;
            }
            ByteBuffer old = ByteBuffer.allocate((int) (end - position));
            while (old.hasRemaining() && base.read(old, position + old.position()) > 0) {
                // read the bytes this write replaces
            }
            undo.push(new Undo(position, java.util.Arrays.copyOf(old.array(), old.position())));
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            synchronized (LOCK) {
                long at = base.position();
                int n = write(src, at);
                base.position(at + n);
                return n;
            }
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            long n = 0;
            for (int i = offset; i < offset + length; i++) {
                n += write(srcs[i]);
            }
            return n;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            synchronized (LOCK) {
                if (cut) {
                    return; // too late: this force never reaches the disk, so its writes are undone at restore
                }
                base.force(metaData);
                undo.clear();
                forcedSize = base.size();
            }
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            synchronized (LOCK) {
                if (size < base.size()) {
                    remember(size, (int) Math.min(Integer.MAX_VALUE, base.size() - size));
                }
                base.truncate(size);
                return this;
            }
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return base.read(dst);
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
            return base.read(dsts, offset, length);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return base.read(dst, position);
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
        public long transferTo(long position, long count, WritableByteChannel target) {
            throw new UnsupportedOperationException("not modelled");
        }

        @Override
        public long transferFrom(ReadableByteChannel src, long position, long count) {
            throw new UnsupportedOperationException("not modelled");
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) {
            throw new UnsupportedOperationException("not modelled");
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) throws IOException {
            return base.lock(position, size, shared);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return base.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            synchronized (LOCK) {
                if (undo.isEmpty() && base.size() == forcedSize) {
                    OPEN.remove(this);
                }
                base.close();
            }
        }
    }
}
