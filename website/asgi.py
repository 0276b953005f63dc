"""ASGI entry point; production settings unless told otherwise."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.production")
# The web process: production settings give its database connections a statement timeout.
os.environ.setdefault("WAYMARK_PROCESS", "web")
application = get_asgi_application()
