package dev.trainspec.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

class WorkersTest {
    /**
     * A malformed -Dtrainspec.threads once failed Workers' static initialiser: the forked test JVM died with an
     * ExceptionInInitializerError and JUnit blamed the jar versions. The class is loaded afresh here (this JVM's
     * copy is long initialised), with the malformed value set before it loads.
     */
    @Test
    void aMalformedThreadCountIsAnIllegalArgumentOnEveryUseNotAClassThatNeverLoads() throws Exception {
        String before = System.getProperty(Workers.THREADS_PROPERTY);
        URL classes = Workers.class.getProtectionDomain().getCodeSource().getLocation();
        System.setProperty(Workers.THREADS_PROPERTY, "abc");
        try (URLClassLoader fresh = new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader())) {
            Method pool = Class.forName(Workers.class.getName(), true, fresh).getMethod("pool");
            for (int attempt = 0; attempt < 2; attempt++) {
                Throwable t = assertThrows(InvocationTargetException.class, () -> pool.invoke(null)).getCause();
                assertInstanceOf(IllegalArgumentException.class, t);
                assertEquals("trainspec.threads: expected a positive integer, found 'abc'", t.getMessage());
            }
            System.setProperty(Workers.THREADS_PROPERTY, "1");
            pool.invoke(null); // the class still works once the setting is right
        } finally {
            if (before == null) System.clearProperty(Workers.THREADS_PROPERTY);
            else System.setProperty(Workers.THREADS_PROPERTY, before);
        }
    }
}
