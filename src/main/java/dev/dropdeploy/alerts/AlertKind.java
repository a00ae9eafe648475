package dev.dropdeploy.alerts;

/** What an alert is about; {@link #event} is the name receivers see in the body and the event header. */
enum AlertKind {
    DEPLOYMENT_LIVE("deployment.live", false),
    DEPLOYMENT_FAILED("deployment.failed", true),
    APP_RESTARTED("app.restarted", true),
    APP_CRASHED("app.crashed", true),
    APP_DOWN("app.down", true),
    PING("ping", false);

    final String event;
    /** Whether the owner's open pages show it as a toast as well. */
    final boolean toast;

    AlertKind(String event, boolean toast) {
        this.event = event;
        this.toast = toast;
    }
}
