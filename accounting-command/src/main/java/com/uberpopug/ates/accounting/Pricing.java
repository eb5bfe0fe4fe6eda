package com.uberpopug.ates.accounting;

import com.uberpopug.ates.api.accounting.Money;

import java.util.random.RandomGenerator;

/** The price of a new task: an assignment fee of 10–20 whole dollars and a reward of 20–40, at random. */
final class Pricing {

    static final int FEE_MIN = 10;
    static final int FEE_MAX = 20;
    static final int REWARD_MIN = 20;
    static final int REWARD_MAX = 40;

    private final RandomGenerator random;

    Pricing(RandomGenerator random) {
        this.random = random;
    }

    Price draw() {
        return new Price(Money.dollars(random.nextInt(FEE_MIN, FEE_MAX + 1)),
                Money.dollars(random.nextInt(REWARD_MIN, REWARD_MAX + 1)));
    }

    record Price(Money fee, Money reward) {
    }
}
