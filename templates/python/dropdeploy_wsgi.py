"""DropDeploy's wrapper around a Django project's WSGI module (DROPDEPLOY_WSGI_MODULE).

Loads the project's own WSGI application unchanged, then adds the host names visitors use (DROPDEPLOY_HOSTS, set
by DropDeploy for each container: the app's address and its version address) to ALLOWED_HOSTS, so Django does not
answer 400 (DisallowedHost) to its own visitors. Names already allowed, and an ALLOWED_HOSTS of "*", stay as they are.
"""
import importlib
import os

application = importlib.import_module(os.environ["DROPDEPLOY_WSGI_MODULE"]).application

from django.conf import settings  # noqa: E402  (configured by the project's WSGI module above)

_hosts = [h.strip() for h in os.environ.get("DROPDEPLOY_HOSTS", "").split(",") if h.strip()]
if _hosts and "*" not in settings.ALLOWED_HOSTS:
    settings.ALLOWED_HOSTS = list(settings.ALLOWED_HOSTS) + [h for h in _hosts if h not in settings.ALLOWED_HOSTS]
