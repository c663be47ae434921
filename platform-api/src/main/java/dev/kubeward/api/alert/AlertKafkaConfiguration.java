package dev.kubeward.api.alert;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

import java.time.Duration;
import java.util.Map;

/**
 * The alerting consumer: its own group ({@code kubeward.alerts.consumer-group}), reading from the earliest offset
 * when the group is new (old events are then skipped by age, not lost by timing), and an error handler that
 * retries a failing record with exponential backoff (0.5 s doubling, up to {@code kubeward.alerts.consumer-retry-for})
 * before logging and moving on.
 */
@Configuration
public class AlertKafkaConfiguration {

    public static final String FACTORY = "kubewardAlertsListenerFactory";

    @Bean(FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, byte[]> kubewardAlertsListenerFactory(KafkaProperties kafka,
            @Value("${kubeward.alerts.consumer-group:kubeward-alerts}") String group,
            @Value("${kubeward.alerts.consumer-retry-for:2m}") Duration retryFor) {
        Map<String, Object> props = kafka.buildConsumerProperties();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(props));
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(30_000);
        backOff.setMaxElapsedTime(retryFor.toMillis());
        factory.setCommonErrorHandler(new DefaultErrorHandler(backOff));
        return factory;
    }
}
