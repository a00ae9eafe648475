package dev.dropdeploy.account;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.context.SecurityContextHolderFilter;

/** Three filter chains, most specific first: open machine endpoints, the key-authenticated API, the dashboard. */
@Configuration
@EnableWebSecurity
class SecurityConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    /**
     * Open without credentials: Traefik polls the routing configuration every second and has no way to log in, it
     * sends a sleeping app's visitors to the waker (which wakes only the sleeping project the Host header names), and
     * {@code ./dropdeploy up}, compose and orchestrators probe health before anyone has an account. Neither reveals
     * anything a visitor of the apps could not see, except that the routing configuration carries the bcrypt hashes of
     * password-protected apps: keep port 8080 private. The API's OpenAPI description is public documentation. Git push
     * webhooks carry no session or key: their signature over the body is checked by the git module before anything
     * happens, and CSRF cannot apply to a cookie-free request.
     */
    @Bean
    @Order(0)
    SecurityFilterChain machineEndpoints(HttpSecurity http) throws Exception {
        return http.securityMatcher(
                        "/internal/routing/traefik",
                        "/internal/waker",
                        "/actuator/health",
                        "/actuator/health/**",
                        "/api/openapi.yaml",
                        "/api/v1/hooks/git/*")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                // No session and no cookie here, so there is nothing to forge; the waker takes every method a
                // sleeping app's visitors send (a POST included).
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    /**
     * Stateless and cookie-free, so CSRF cannot apply: every request proves itself with its key. The MCP server
     * ({@code /mcp}) is the same API for AI assistants and signs in the same way.
     */
    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiKeys keys, Accounts accounts) throws Exception {
        return http.securityMatcher("/api/v1/**", "/mcp", "/mcp/**")
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.securityContextRepository(new ReadOnlySessionContext()))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                // Keys of disabled users are refused by ApiKeys; this ends a disabled user's session (the GETs above).
                .addFilterAfter(new ActiveUserFilter(accounts), SecurityContextHolderFilter.class)
                .addFilterBefore(new ApiKeyFilter(keys), AnonymousAuthenticationFilter.class)
                // The key was checked on the request itself; the dispatch that ends a streamed response (the SSE
                // log) carries no key, and refusing it cut the stream off without its final chunk.
                .authorizeHttpRequests(auth -> auth.dispatcherTypeMatchers(DispatcherType.ASYNC)
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .exceptionHandling(e -> e.authenticationEntryPoint(JsonErrors.unauthorized())
                        .accessDeniedHandler(JsonErrors.forbidden()))
                .build();
    }

    /** The person sees the login form's error; the administrator finds the provider's reason in the log. */
    private static void providerSignInFailed(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        LOG.warn("A sign-in through an identity provider failed: {}", failure.getMessage());
        response.sendRedirect(request.getContextPath() + "/login?error");
    }

    /**
     * Everything else is the dashboard: login required, except the login and sign-up views. Form logins are throttled
     * per account name and client address; the client address travels in the authentication details to the throttle.
     * Sign-in through identity providers is switched on only when some are configured.
     */
    @Bean
    @Order(2)
    SecurityFilterChain dashboard(
            HttpSecurity http,
            Accounts accounts,
            LoginThrottle throttle,
            AccountProperties properties,
            SignInProviders providers,
            ExternalSignIn externalSignIn,
            Clock clock)
            throws Exception {
        ClientAddresses addresses = new ClientAddresses(properties.trustedProxies());
        if (providers.any()) {
            http.oauth2Login(oauth -> oauth.loginPage("/login")
                    .successHandler(new ExternalSignInHandler(externalSignIn, clock))
                    .failureHandler(SecurityConfiguration::providerSignInFailed));
        }
        return http.addFilterAfter(new ActiveUserFilter(accounts), SecurityContextHolderFilter.class)
                .addFilterBefore(
                        new LoginThrottleFilter(throttle, addresses), UsernamePasswordAuthenticationFilter.class)
                // The login page is named here too: without it, customising the form login first made Spring Security
                // serve its own generated page instead of the Vaadin LoginView.
                .formLogin(form -> form.loginPage("/login")
                        .authenticationDetailsSource(
                                request -> new WebAuthenticationDetails(addresses.of(request), null))
                        // On the filter itself, after Vaadin's configurer has set its failure URL.
                        .withObjectPostProcessor(new ObjectPostProcessor<UsernamePasswordAuthenticationFilter>() {
                            @Override
                            public <O extends UsernamePasswordAuthenticationFilter> O postProcess(O filter) {
                                filter.setAuthenticationFailureHandler(new OutageAwareLoginFailures());
                                return filter;
                            }
                        }))
                .with(
                        VaadinSecurityConfigurer.vaadin(),
                        vaadin -> vaadin.loginView(LoginView.class).anyRequest(any -> any.authenticated()))
                .build();
    }
}
