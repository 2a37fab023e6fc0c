package io.redispoolagent.instrument;

import io.redispoolagent.log.AgentLog;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.security.ProtectionDomain;
import java.util.concurrent.Callable;

/**
 * Keeps Byte Buddy unloaded until a class the agent instruments is loaded. Every other class costs one
 * hash lookup of its name, so a JVM without Jedis or Lettuce never loads Byte Buddy's ~1,200 classes;
 * one with them pays for Byte Buddy when it first builds a pool, not at start-up.
 */
final class LazyTransformer implements ClassFileTransformer {

    private final Callable<ClassFileTransformer> factory;
    private volatile ClassFileTransformer delegate;
    private volatile boolean failed;

    LazyTransformer(Callable<ClassFileTransformer> factory) {
        this.factory = factory;
    }

    @Override
    public byte[] transform(
            ClassLoader loader,
            String className,
            Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain,
            byte[] classfileBuffer)
            throws IllegalClassFormatException {
        if (!InstrumentedTypes.isInstrumented(className) || failed) {
            return null;
        }
        ClassFileTransformer transformer = delegate();
        return transformer == null
                ? null
                : transformer.transform(loader, className, classBeingRedefined, protectionDomain, classfileBuffer);
    }

    private ClassFileTransformer delegate() {
        ClassFileTransformer current = delegate;
        if (current == null) {
            synchronized (this) {
                current = delegate;
                if (current == null && !failed) {
                    try {
                        current = factory.call();
                        delegate = current;
                    } catch (Exception | LinkageError failure) {
                        failed = true;
                        AgentLog.error(
                                "could not build the instrumentation; the application runs without"
                                        + " redis-pool-agent",
                                failure);
                    }
                }
            }
        }
        return current;
    }
}
