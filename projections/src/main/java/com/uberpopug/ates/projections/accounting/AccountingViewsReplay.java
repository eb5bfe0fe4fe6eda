package com.uberpopug.ates.projections.accounting;

import com.uberpopug.ates.api.ReplayableProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** Balances, audit log, earnings, payouts and business days are read models only: replaying their processor rebuilds them. */
@Configuration
class AccountingViewsReplay {

    @Bean
    ReplayableProcessor replayableAccountingViews() {
        return new ReplayableProcessor(AccountingProjection.PROCESSING_GROUP, List.of("balances", "audit-log", "earnings", "payouts", "business-days"));
    }
}
