package com.uberpopug.ates.messaging.trace;

import org.axonframework.config.ConfigurerModule;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Where trace ids start (HTTP requests, deadlines, commands sent from outside any handler) and how they travel. */
@Configuration
class TracingConfiguration {

    /** First of all filters, so that even a refused login answers with its trace id. */
    @Bean
    FilterRegistrationBean<TraceIdFilter> traceIdFilter() {
        FilterRegistrationBean<TraceIdFilter> registration = new FilterRegistrationBean<>(new TraceIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /** Every event processor's handlers run with the trace id of their event in the MDC. */
    @Bean
    ConfigurerModule tracedEventHandling() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultHandlerInterceptor((configuration, processor) -> new TracedHandling<>(processor));
    }

}
