package io.turnstile.radius.codec;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * Unmodifiable list over an array owned exclusively by the decoder, so {@link RadiusPacket} can take decoded attributes
 * without the defensive copy it makes of lists from elsewhere.
 */
final class AttributeList extends AbstractList<RadiusAttribute> implements RandomAccess {

    private final RadiusAttribute[] items;
    private final int size;

    AttributeList(RadiusAttribute[] items, int size) {
        this.items = items;
        this.size = size;
    }

    @Override
    public RadiusAttribute get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return items[index];
    }

    @Override
    public int size() {
        return size;
    }
}
