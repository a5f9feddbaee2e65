package org.latentexplorer.model;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.function.Supplier;

/**
 * Runs numeric work with the CPU's flush-to-zero and denormals-are-zero modes on, as TensorFlow does on
 * its CPU threads and {@code torch.set_flush_denormal} offers. Once a VAE saturates, gradients and Adam's
 * moment estimates drift into the denormal range, where x86 arithmetic is many times slower: a training
 * step went from 25 ms to 100 ms after ~600 steps here (docs/benchmarks.md). Values below 1.2e-38 become
 * zero inside the scope, which changes nothing a model can resolve in float32.
 *
 * <p>The mode is per thread (the MXCSR register), set with glibc's {@code fegetenv}/{@code fesetenv}
 * through the FFM API and restored afterwards. On a platform without them this does nothing.
 */
final class FlushDenormals {
    /** x86-64 glibc {@code fenv_t}: 32 bytes, MXCSR at offset 28; FTZ is bit 15, DAZ bit 6. */
    private static final int FENV_SIZE = 32, MXCSR_OFFSET = 28, FTZ_DAZ = 0x8040;
    private static final MethodHandle GET;
    private static final MethodHandle SET;

    static {
        MethodHandle get = null, set = null;
        if ("amd64".equals(System.getProperty("os.arch")) || "x86_64".equals(System.getProperty("os.arch"))) {
            try {
                Linker linker = Linker.nativeLinker();
                FunctionDescriptor fd = FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS);
                get = linker.defaultLookup().find("fegetenv").map(a -> linker.downcallHandle(a, fd)).orElse(null);
                set = linker.defaultLookup().find("fesetenv").map(a -> linker.downcallHandle(a, fd)).orElse(null);
            } catch (RuntimeException | LinkageError e) {
                get = null; // no native access: run without the mode
            }
        }
        GET = get;
        SET = get == null ? null : set;
    }

    private FlushDenormals() {
    }

    /** {@code body} with denormals flushed to zero on this thread; the previous mode is restored after. */
    static <T> T call(Supplier<T> body) {
        if (GET == null || SET == null) {
            return body.get();
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment saved = arena.allocate(FENV_SIZE, 16);
            MemorySegment flushed = arena.allocate(FENV_SIZE, 16);
            if ((int) GET.invokeExact(saved) != 0) {
                return body.get();
            }
            flushed.copyFrom(saved);
            flushed.set(ValueLayout.JAVA_INT, MXCSR_OFFSET, saved.get(ValueLayout.JAVA_INT, MXCSR_OFFSET) | FTZ_DAZ);
            int ignored = (int) SET.invokeExact(flushed);
            try {
                return body.get();
            } finally {
                ignored = (int) SET.invokeExact(saved);
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("fesetenv failed", t);
        }
    }
}
