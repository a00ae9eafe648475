package dev.dropdeploy.alerts;

/** A webhook URL DropDeploy will not call, with the reason in plain words. */
public class WebhookUrlRefused extends IllegalArgumentException {

    WebhookUrlRefused(String message) {
        super(message);
    }
}
