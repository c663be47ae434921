package dev.kubeward.api.export.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.AsyncSupportConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Duration;

/**
 * NB: streamed exports run as async requests, and servlet containers end async requests after 30 s by
 * default — a million-row export takes longer. This raises the limit for async MVC requests (the exports
 * are the only ones today); {@code kubeward.export.timeout} tunes it.
 */
@Configuration(proxyBeanMethods = false)
class ExportAsyncConfiguration implements WebMvcConfigurer {

    private final Duration timeout;

    ExportAsyncConfiguration(@Value("${kubeward.export.timeout:PT2H}") Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public void configureAsyncSupport(AsyncSupportConfigurer configurer) {
        configurer.setDefaultTimeout(timeout.toMillis());
    }
}
