package com.uberpopug.ates.api.accounting;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @Test
    void sumsAreExactCents() {
        Money total = Money.ZERO;
        for (int i = 0; i < 1_000; i++) {
            total = total.plus(new Money(10)); // ten cents a thousand times: exactly $100.00
        }
        assertThat(total).isEqualTo(Money.dollars(100));
        assertThat(Money.dollars(15).minus(Money.dollars(40))).isEqualTo(Money.dollars(-25));
    }

    @Test
    void dollarsForJsonAndPeople() {
        assertThat(Money.dollars(32).toDollars()).isEqualTo(new BigDecimal("32.00"));
        assertThat(new Money(-1505).toDollars()).isEqualTo(new BigDecimal("-15.05"));
        assertThat(new Money(123456789).format()).isEqualTo("$1,234,567.89");
        assertThat(Money.dollars(-15).format()).isEqualTo("-$15.00");
    }

    @Test
    void overflowFailsInsteadOfWrappingAround() {
        assertThatThrownBy(() -> new Money(Long.MAX_VALUE).plus(new Money(1))).isInstanceOf(ArithmeticException.class);
    }
}
