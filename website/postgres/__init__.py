"""Django's PostgreSQL backend with every wait for the server's answer bounded (base.py)."""
