package dev.dropdeploy.account;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-up and sign-in rules ({@code dropdeploy.account.*}).
 *
 * @param signup the sign-up policy stored once the first account (the administrator) exists; after that the
 *     administrator changes it in the UI and this value no longer matters
 * @param inviteValidity how long an invite link can be used
 * @param passwordResetValidity how long a password reset link an administrator made can be used
 * @param throttle how many failed sign-ins lead to a cooling-off time
 * @param trustedProxies addresses or host names of reverse proxies whose {@code X-Forwarded-For} names the client; empty: the
 *     connection's own address is the client, so nobody can pick an address to dodge the throttle
 */
@ConfigurationProperties("dropdeploy.account")
record AccountProperties(
        @DefaultValue("closed") SignUpPolicy signup,
        @DefaultValue("7d") Duration inviteValidity,
        @DefaultValue("1h") Duration passwordResetValidity,
        @DefaultValue Throttle throttle,
        @DefaultValue List<String> trustedProxies) {

    /**
     * @param accountFailures failed sign-ins for one account name within {@code window} before it cools off
     * @param addressFailures failed sign-ins from one client address within {@code window} before it cools off
     * @param window how far back failures count
     * @param coolOff how long sign-ins are refused once a limit is reached
     * @param maxTracked account names and addresses remembered each; the least recently seen are forgotten first
     */
    record Throttle(
            @DefaultValue("5") int accountFailures,
            @DefaultValue("20") int addressFailures,
            @DefaultValue("15m") Duration window,
            @DefaultValue("15m") Duration coolOff,
            @DefaultValue("10000") int maxTracked) {}
}
