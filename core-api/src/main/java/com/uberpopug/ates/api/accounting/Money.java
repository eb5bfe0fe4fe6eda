package com.uberpopug.ates.api.accounting;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * An amount of dollars as whole cents (never floating point): fees, rewards, balances, payouts.
 * Negative amounts are allowed (a balance below zero); arithmetic fails loudly instead of overflowing.
 */
public record Money(long cents) implements Comparable<Money> {

    public static final Money ZERO = new Money(0);

    public static Money dollars(long dollars) {
        return new Money(Math.multiplyExact(dollars, 100L));
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(cents, other.cents));
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(cents, other.cents));
    }

    public Money negated() {
        return new Money(Math.negateExact(cents));
    }

    public boolean isPositive() {
        return cents > 0;
    }

    public boolean isNegative() {
        return cents < 0;
    }

    /** Dollars with two decimals, exact: the JSON number of the HTTP API (e.g. {@code -15.00}). */
    public BigDecimal toDollars() {
        return BigDecimal.valueOf(cents, 2);
    }

    /** For people: {@code $32.00}, {@code -$15.00}. */
    public String format() {
        long abs = Math.abs(cents);
        return String.format(Locale.ENGLISH, "%s$%,d.%02d", cents < 0 ? "-" : "", abs / 100, abs % 100);
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(cents, other.cents);
    }
}
