"""The demo site `make run` serves: every app's demo content, the `seed_demo` and `dev_logins` commands.

Installed only by the development and test settings (and the bench's); production never loads it, and no app
imports it.
"""
