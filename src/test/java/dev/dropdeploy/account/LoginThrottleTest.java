package dev.dropdeploy.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropdeploy.support.MovableClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureServiceExceptionEvent;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.transaction.CannotCreateTransactionException;

class LoginThrottleTest {

    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration COOL_OFF = Duration.ofMinutes(10);

    final MovableClock clock = new MovableClock();
    final LoginThrottle throttle = new LoginThrottle(
            new AccountProperties(
                    SignUpPolicy.CLOSED,
                    Duration.ofDays(7),
                    Duration.ofHours(1),
                    new AccountProperties.Throttle(5, 20, WINDOW, COOL_OFF, 1000),
                    List.of()),
            clock);

    @Test
    void fiveFailuresForOneAccountRefuseItsNextAttemptFromAnyAddress() {
        failTimes(4, "ann", "10.0.0.1");
        assertThat(throttle.refuses("ann", "10.0.0.2")).isFalse();

        throttle.failed("ann", "10.0.0.1");

        assertThat(throttle.refuses("ann", "10.0.0.2")).isTrue();
        assertThat(throttle.refuses("Ann ", "10.0.0.3"))
                .as("names are read as sign-in reads them")
                .isTrue();
        assertThat(throttle.refuses("bob", "10.0.0.2")).isFalse();
    }

    @Test
    void signInsTheDatabaseCouldNotCheckCountAgainstNobody() {
        for (int i = 0; i < 5; i++) {
            throttle.on(failure(new InternalAuthenticationServiceException(
                    "down", new CannotCreateTransactionException("Connection refused"))));
        }
        assertThat(throttle.refuses("ann", "10.0.0.1")).isFalse();

        for (int i = 0; i < 5; i++) {
            throttle.on(failure(new BadCredentialsException("wrong")));
        }
        assertThat(throttle.refuses("ann", "10.0.0.1")).isTrue();
    }

    private static AbstractAuthenticationFailureEvent failure(AuthenticationException cause) {
        UsernamePasswordAuthenticationToken attempt =
                UsernamePasswordAuthenticationToken.unauthenticated("ann", "guess");
        attempt.setDetails(new WebAuthenticationDetails("10.0.0.1", null));
        return cause instanceof BadCredentialsException
                ? new AuthenticationFailureBadCredentialsEvent(attempt, cause)
                : new AuthenticationFailureServiceExceptionEvent(attempt, cause);
    }

    @Test
    void anAccountThatDoesNotExistIsThrottledTheSameWay() {
        failTimes(5, "nobody-by-this-name", "10.0.0.1");

        assertThat(throttle.refuses("nobody-by-this-name", "10.0.0.9")).isTrue();
    }

    @Test
    void theCoolingOffEnds() {
        failTimes(5, "ann", "10.0.0.1");
        clock.advance(COOL_OFF.minusSeconds(1));
        assertThat(throttle.refuses("ann", "10.0.0.1")).isTrue();

        clock.advance(Duration.ofSeconds(1));

        assertThat(throttle.refuses("ann", "10.0.0.1")).isFalse();
    }

    @Test
    void failuresOlderThanTheWindowNoLongerCount() {
        failTimes(4, "ann", "10.0.0.1");
        clock.advance(WINDOW);

        throttle.failed("ann", "10.0.0.1");

        assertThat(throttle.refuses("ann", "10.0.0.1")).isFalse();
    }

    @Test
    void aSuccessResetsTheAccountButNotTheAddress() {
        failTimes(4, "ann", "10.0.0.1");
        throttle.succeeded("ann");
        failTimes(4, "ann", "10.0.0.1");
        assertThat(throttle.refuses("ann", "10.0.0.1")).isFalse();

        for (int i = 0; i < 12; i++) {
            throttle.failed("guess-" + i, "10.0.0.1");
        }

        assertThat(throttle.refuses("carol", "10.0.0.1"))
                .as("20 failures from one address")
                .isTrue();
        assertThat(throttle.refuses("carol", "10.0.0.2")).isFalse();
    }

    @Test
    void oneAddressTryingManyNamesIsRefusedAfterTwentyFailures() {
        for (int i = 0; i < 19; i++) {
            throttle.failed("name-" + i, "10.0.0.7");
        }
        assertThat(throttle.refuses("someone", "10.0.0.7")).isFalse();

        throttle.failed("name-19", "10.0.0.7");

        assertThat(throttle.refuses("someone", "10.0.0.7")).isTrue();
    }

    @Test
    void aFloodOfMadeUpNamesAndAddressesKeepsTheMemoryBounded() {
        FailureCounter counter = new FailureCounter(5, WINDOW, COOL_OFF, 100);
        for (int i = 0; i < 10_000; i++) {
            counter.failed("name-" + i, clock.instant());
        }

        assertThat(counter.tracked()).isEqualTo(100);
    }

    @Test
    void theMostRecentlySeenKeysAreKeptWhenTheLimitIsReached() {
        FailureCounter counter = new FailureCounter(2, WINDOW, COOL_OFF, 3);
        counter.failed("ann", clock.instant());
        counter.failed("ann", clock.instant());
        for (int i = 0; i < 2; i++) {
            counter.failed("other-" + i, clock.instant());
        }
        counter.blocked("ann", clock.instant()); // seen again: the newest
        counter.failed("one-more", clock.instant());

        assertThat(counter.blocked("ann", clock.instant())).isTrue();
        assertThat(counter.tracked()).isEqualTo(3);
    }

    private void failTimes(int times, String account, String address) {
        for (int i = 0; i < times; i++) {
            throttle.failed(account, address);
        }
    }
}
