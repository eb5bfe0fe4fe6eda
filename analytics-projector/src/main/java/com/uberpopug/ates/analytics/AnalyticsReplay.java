package com.uberpopug.ates.analytics;

import com.uberpopug.ates.api.ReplayableProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** ClickHouse's facts and rollups are read models only: replaying their processor rebuilds them (keyed by event id, see V2). */
@Configuration
class AnalyticsReplay {

    @Bean
    ReplayableProcessor replayableAnalytics() {
        return new ReplayableProcessor(TaskFactsProjector.PROCESSING_GROUP, List.of("analytics"));
    }
}
