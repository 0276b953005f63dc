"""Sessions cached in Redis and kept in the database, where a cached copy can never outlive the real one.

Django's cached_db writes every session to the database and to the cache, and reads the cache first. When
the cache stops answering for a while (website/cache_breaker.py), the writes to it are skipped but its old
copies stay in Redis: a staff member who signs out during the outage has their row deleted, yet the cached
copy, still signed in and two-factor verified, would answer for the old cookie once Redis is back; a
survivor's step saved during the outage would come back as the step before.

So a session whose cached copy holds something that must be exact (a signed-in user, the disclosure form's
answers) is read from its database row instead: one indexed query, for the few requests that carry such a
session (staff in the admin, someone filling in the form). No row, or an expired one: no session, and the
stale copy is dropped. Every other session (nothing personal) is served from the cache as before.
"""

from django.contrib.auth import SESSION_KEY as USER_KEY
from django.contrib.sessions.backends.cached_db import SessionStore as CachedDBStore

# support.form_state.SESSION_KEY (named here as a string: website does not import the apps above it).
FORM_ANSWERS_KEY = "disclosure_request"
EXACT_KEYS = (USER_KEY, "otp_device_id", FORM_ANSWERS_KEY)


class SessionStore(CachedDBStore):
    def load(self):
        try:
            cached = self._cache.get(self.cache_key)
        except Exception:  # noqa: BLE001 (as Django's: an unusable cache is a miss)
            cached = None
        if cached is not None and not any(key in cached for key in EXACT_KEYS):
            return cached
        key = self.cache_key
        row = self._get_session_from_db()  # None when missing or expired; forgets the key then
        if row is None:
            if cached is not None:
                self._forget_cached(key)
            return {}
        data = self.decode(row.session_data)
        if data != cached:
            self._cache.set(key, data, self.get_expiry_age(expiry=row.expire_date))
        return data

    def _forget_cached(self, key):
        try:
            self._cache.delete(key)
        except Exception:  # noqa: BLE001 (still down: the next read checks the database again)
            return
