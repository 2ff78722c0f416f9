package org.guichet.platform.delivery;

import java.util.Map;
import org.guichet.platform.DeliverySettings;
import org.guichet.platform.SmsGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** Sends SMS through an HTTP provider: one JSON POST a message (see {@link DeliverySettings.Sms}). */
class HttpSmsGateway implements SmsGateway {

    private final DeliverySettings.Sms settings;
    private final RestClient http;

    HttpSmsGateway(DeliverySettings.Sms settings) {
        this.settings = settings;
        var requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(settings.timeout());
        requests.setReadTimeout(settings.timeout());
        this.http = RestClient.builder().requestFactory(requests).build();
    }

    @Override
    public void send(String to, String text) {
        if (settings.url() == null) {
            throw new IllegalStateException("no SMS provider configured (guichet.delivery.sms.url)");
        }
        http.post()
                .uri(settings.url())
                .contentType(MediaType.APPLICATION_JSON)
                .headers(headers -> {
                    if (settings.token() != null && !settings.token().isBlank()) {
                        headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + settings.token());
                    }
                })
                .body(Map.of("from", settings.sender(), "to", to, "text", text))
                .retrieve()
                .toBodilessEntity();
    }
}
