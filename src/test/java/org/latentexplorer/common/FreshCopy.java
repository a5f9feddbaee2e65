package org.latentexplorer.common;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A class defined afresh by a class loader of its own, so that it starts interpreted whatever earlier
 * tests compiled: for tests that compare a SIMD kernel's bits before and after C2 compiles it (a
 * seeded run is reproducible only if they stay the same).
 */
public final class FreshCopy {
    private FreshCopy() {
    }

    /**
     * {@code c} defined afresh, and with it the classes in {@code alsoFresh} (helpers that c calls, which
     * earlier tests may have compiled too); every other class comes from c's loader.
     */
    public static Class<?> of(Class<?> c, Class<?>... alsoFresh) throws IOException, ClassNotFoundException {
        Map<String, byte[]> code = new HashMap<>();
        for (Class<?> k : Stream.concat(Stream.of(c), Arrays.stream(alsoFresh)).toList()) {
            try (InputStream in = k.getResourceAsStream(k.getSimpleName() + ".class")) {
                code.put(k.getName(), in.readAllBytes());
            }
        }
        ClassLoader loader = new ClassLoader(c.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                byte[] bytes = code.get(name);
                if (bytes == null) {
                    return super.loadClass(name, resolve);
                }
                synchronized (getClassLoadingLock(name)) {
                    Class<?> k = findLoadedClass(name);
                    return k != null ? k : defineClass(name, bytes, 0, bytes.length);
                }
            }
        };
        return loader.loadClass(c.getName());
    }

    /** The fresh copy's static method {@code name}, made callable from the test. */
    public static Method method(Class<?> fresh, String name, Class<?>... parameters) throws NoSuchMethodException {
        Method m = fresh.getDeclaredMethod(name, parameters);
        m.setAccessible(true);
        return m;
    }
}
