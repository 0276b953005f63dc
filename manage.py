#!/usr/bin/env python
"""Django's command-line utility. Production settings unless DJANGO_SETTINGS_MODULE says otherwise.

A worker, scheduler or one-off command started without DJANGO_SETTINGS_MODULE must never run with debug on,
no second factor and emails printed to the log: it gets production settings, which refuse to start without
their secrets. `make run`, `make test` and friends set `website.settings.dev` (or `.test`) explicitly.
"""

import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.production")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
