package com.uberpopug.ates.tasks;

import java.util.random.RandomGenerator;

/** A "random" source for specs: always the same number (below the bound asked for). */
record FixedRandom(int value) implements RandomGenerator {

    @Override
    public long nextLong() {
        return value;
    }

    @Override
    public int nextInt(int bound) {
        return value % bound;
    }
}
