package io.redispoolagent.pool;

import org.apache.commons.pool2.BasePooledObjectFactory;
import org.apache.commons.pool2.PooledObject;
import org.apache.commons.pool2.impl.DefaultPooledObject;

/** A commons-pool2 factory of plain strings: real pools for the tests, with nothing to connect to. */
final class StringObjects extends BasePooledObjectFactory<String> {

    @Override
    public String create() {
        return "connection";
    }

    @Override
    public PooledObject<String> wrap(String value) {
        return new DefaultPooledObject<>(value);
    }
}
