package dev.trainspec.run;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;

/**
 * A file read front to back through memory-mapped windows, each unmapped as soon as it has been
 * copied out. Mapping skips the kernel's copy into a buffer (the pages of the cache are copied
 * once, straight into the caller's arrays), and unmapping each window at once keeps the mapped
 * part of a 4 GB entry at one window: a mapping left to the garbage collector would stay
 * resident beside the arrays and double the peak memory of the 2,000,000 x 512 run. Unmapping
 * uses {@code sun.misc.Unsafe.invokeCleaner} (module jdk.unsupported, open to every class path
 * application in Java 17); on a JVM without it a window is left to the collector, which is
 * slower to release but reads the same bytes.
 */
final class MappedWindows {
    /** Bytes mapped at a time: few map calls, little address space. */
    static final int WINDOW = 1 << 26;
    private static final MethodHandle CLEANER = cleaner();

    private final FileChannel in;
    private final long end;
    private long position;
    private MappedByteBuffer window;

    /** Reads {@code in} from {@code position} to its end. */
    MappedWindows(FileChannel in, long position) throws IOException {
        this.in = in;
        this.position = position;
        this.end = in.size();
    }

    /**
     * The next {@code bytes} (at most {@link #WINDOW}) of the file, little-endian, valid until the
     * next call or {@link #close}; null when the file ends before them.
     */
    ByteBuffer next(int bytes) throws IOException {
        release();
        if (end - position < bytes) return null;
        window = in.map(FileChannel.MapMode.READ_ONLY, position, bytes);
        position += bytes;
        return window.order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Unmaps the last window; nothing may read it afterwards. */
    void close() {
        release();
    }

    private void release() {
        MappedByteBuffer w = window;
        window = null;
        if (w == null || CLEANER == null) return;
        try {
            CLEANER.invokeExact((ByteBuffer) w);
        } catch (Throwable e) {
            // not unmapped now: the garbage collector unmaps it later
        }
    }

    private static MethodHandle cleaner() {
        try {
            Class<?> unsafe = Class.forName("sun.misc.Unsafe");
            Field the = unsafe.getDeclaredField("theUnsafe");
            the.setAccessible(true);
            return MethodHandles.lookup().findVirtual(unsafe, "invokeCleaner", MethodType.methodType(void.class, ByteBuffer.class))
                    .bindTo(the.get(null));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
