package dev.dropdeploy;

import java.net.ConnectException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/** THE rule for "the database is unreachable", shared by the HTTP filter and the dashboard's notices. */
public final class DatabaseOutages {

    private DatabaseOutages() {}

    /** Whether {@code e} or one of its causes says PostgreSQL could not be reached, as opposed to a bug. */
    public static boolean isOutage(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }
}
