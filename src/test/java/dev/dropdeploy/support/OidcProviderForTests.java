package dev.dropdeploy.support;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * A real OpenID Connect provider for sign-in tests: Spring Authorization Server in a small Spring context of its own
 * (web server and security only) on a random port of {@code localhost}. DropDeploy under test runs on
 * {@code 127.0.0.1}, so the two keep separate cookies in one client. One client is registered; its redirect address
 * is set once DropDeploy's port is known. Each user's password is {@code password-of-<name>}, and the ID token says
 * {@code preferred_username}.
 */
public final class OidcProviderForTests implements AutoCloseable {

    public static final String CLIENT_ID = "dropdeploy";
    public static final String CLIENT_SECRET = "secret-of-the-test-client";
    public static final String[] USERS = {"alice", "bob", "carol", "dave"};

    private static final AtomicReference<String> REDIRECT = new AtomicReference<>("http://127.0.0.1/unset");

    private final ConfigurableApplicationContext context;

    private OidcProviderForTests(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static OidcProviderForTests start() {
        return new OidcProviderForTests(new SpringApplicationBuilder(Provider.class)
                .web(WebApplicationType.SERVLET)
                // Not DropDeploy's application.yml: this context is only the provider.
                .run(
                        "--spring.config.name=oidc-provider-for-tests",
                        "--server.port=0",
                        "--spring.main.banner-mode=off"));
    }

    public static String password(String user) {
        return "password-of-" + user;
    }

    /** Where DropDeploy is; the provider sends browsers back only to a registered address. */
    public void redirectTo(String uri) {
        REDIRECT.set(uri);
    }

    public String issuer() {
        return "http://localhost:"
                + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Override
    public void close() {
        context.close();
    }

    /** Excluded from DropDeploy's own contexts as a test configuration. */
    @TestConfiguration(proxyBeanMethods = false)
    @EnableWebSecurity
    @ImportAutoConfiguration({
        TomcatServletWebServerAutoConfiguration.class,
        DispatcherServletAutoConfiguration.class,
        SecurityFilterAutoConfiguration.class
    })
    static class Provider {

        /** The protocol endpoints; a browser that has not signed in yet is sent to the login form. */
        @Bean
        @Order(1)
        SecurityFilterChain protocol(HttpSecurity http) throws Exception {
            http.oauth2AuthorizationServer(server -> server.oidc(Customizer.withDefaults()));
            return http.securityMatcher(http.getConfigurer(OAuth2AuthorizationServerConfigurer.class)
                            .getEndpointsMatcher())
                    .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                    .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")))
                    .build();
        }

        /**
         * The authorization endpoint reads the signed-in user from the global {@link SecurityContextHolder}, while the
         * filters use the strategy they were built with. DropDeploy's context, started later in the same JVM, replaces
         * the global strategy (Vaadin's), so a captured one would hold the user where the endpoint never looks.
         */
        @Bean
        SecurityContextHolderStrategy securityContextHolderStrategy() {
            return new GlobalSecurityContext();
        }

        /** Spring Security's generated login form. */
        @Bean
        @Order(2)
        SecurityFilterChain login(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                    .formLogin(Customizer.withDefaults())
                    .build();
        }

        @Bean
        UserDetailsService users() {
            InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
            for (String name : USERS) {
                users.createUser(User.withUsername(name)
                        .password("{noop}" + password(name))
                        .roles("USER")
                        .build());
            }
            return users;
        }

        @Bean
        RegisteredClientRepository clients() {
            return new RegisteredClientRepository() {
                private final String id = UUID.randomUUID().toString();

                /**
                 * Client authentication saves the secret re-encoded with the current encoder; the client is built anew
                 * on every look-up, so there is nothing to keep.
                 */
                @Override
                public void save(RegisteredClient client) {
                    if (!CLIENT_ID.equals(client.getClientId())) {
                        throw new UnsupportedOperationException("One fixed client");
                    }
                }

                @Override
                public RegisteredClient findById(String wanted) {
                    return id.equals(wanted) ? client(id) : null;
                }

                @Override
                public RegisteredClient findByClientId(String wanted) {
                    return CLIENT_ID.equals(wanted) ? client(id) : null;
                }
            };
        }

        private static RegisteredClient client(String id) {
            return RegisteredClient.withId(id)
                    .clientId(CLIENT_ID)
                    .clientSecret("{noop}" + CLIENT_SECRET)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri(REDIRECT.get())
                    .scope(OidcScopes.OPENID)
                    .clientSettings(ClientSettings.builder()
                            .requireAuthorizationConsent(false)
                            .build())
                    .build();
        }

        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> preferredUsername() {
            return context -> {
                if ("id_token".equals(context.getTokenType().getValue())) {
                    context.getClaims()
                            .claim("preferred_username", context.getPrincipal().getName());
                }
            };
        }

        @Bean
        JWKSource<com.nimbusds.jose.proc.SecurityContext> keys() throws NoSuchAlgorithmException {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                    .privateKey(pair.getPrivate())
                    .keyID(UUID.randomUUID().toString())
                    .build();
            return new ImmutableJWKSet<>(new JWKSet(key));
        }

        /** OpenID Connect's user info endpoint reads access tokens with it. */
        @Bean
        JwtDecoder accessTokens(JWKSource<com.nimbusds.jose.proc.SecurityContext> keys) {
            return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
        }

        @Bean
        AuthorizationServerSettings settings() {
            return AuthorizationServerSettings.builder().build();
        }
    }

    /** Always the JVM's current strategy, whichever context set it last. */
    private static final class GlobalSecurityContext implements SecurityContextHolderStrategy {

        @Override
        public void clearContext() {
            SecurityContextHolder.getContextHolderStrategy().clearContext();
        }

        @Override
        public SecurityContext getContext() {
            return SecurityContextHolder.getContextHolderStrategy().getContext();
        }

        @Override
        public Supplier<SecurityContext> getDeferredContext() {
            return SecurityContextHolder.getContextHolderStrategy().getDeferredContext();
        }

        @Override
        public void setContext(SecurityContext context) {
            SecurityContextHolder.getContextHolderStrategy().setContext(context);
        }

        @Override
        public void setDeferredContext(Supplier<SecurityContext> deferred) {
            SecurityContextHolder.getContextHolderStrategy().setDeferredContext(deferred);
        }

        @Override
        public SecurityContext createEmptyContext() {
            return SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
        }
    }
}
