/**
 * Accounts: users, sign-up and login, API keys (stored hashed), roles and per-user quotas. Every other module asks
 * this one who the current user is and whether they may act; ownership checks live in the services, not only the UI.
 */
package dev.dropdeploy.account;
