package dev.dropdeploy.account;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Component;

/**
 * The identity providers configured under {@code spring.security.oauth2.client.registration.*}; none unless some are.
 * Spring Boot makes the registrations (GitHub and Google presets by registration id, any other OpenID Connect provider
 * by its issuer URL); this only names them for the login and account pages.
 */
@Component
class SignInProviders {

    /** One provider: {@code id} is the registration id in the sign-in address, {@code name} what people read. */
    record Provider(String id, String name) {

        String signInPath() {
            return "oauth2/authorization/" + id;
        }
    }

    private final ObjectProvider<ClientRegistrationRepository> registrations;

    SignInProviders(ObjectProvider<ClientRegistrationRepository> registrations) {
        this.registrations = registrations;
    }

    List<Provider> all() {
        List<Provider> providers = new ArrayList<>();
        if (registrations.getIfAvailable() instanceof Iterable<?> configured) {
            configured.forEach(r -> {
                if (r instanceof ClientRegistration registration) {
                    providers.add(new Provider(registration.getRegistrationId(), registration.getClientName()));
                }
            });
        }
        return providers;
    }

    boolean any() {
        return registrations.getIfAvailable() != null;
    }
}
