"""The demo app: installed in development and tests only, for its `seed_demo` and `dev_logins` commands."""

from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "demo"
    verbose_name = "Demo content"
