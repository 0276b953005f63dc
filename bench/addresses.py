"""Simulated visitors' addresses: 10.0.0.1 onwards, never the same twice in one run of the bench.

A signature from an address that has signed within the minute takes the cheaper rate-limited path (stored
as fraudulent, no email), so reusing addresses across wrk runs would flatter the signing figure. Every wrk
run and every journey takes its addresses from one sequence. 10.0.0.0/8 holds 16.7 million.
"""

import threading

LIMIT = 1 << 24


def address(index):
    """The index-th address of 10.0.0.0/8 (wrk.LUA computes the same in Lua)."""
    if not 0 < index < LIMIT:
        raise ValueError(f"address index {index} is outside 10.0.0.0/8")
    return f"10.{index >> 16 & 255}.{index >> 8 & 255}.{index & 255}"


class Addresses:
    """The sequence, safe to take from in several threads at once."""

    def __init__(self, first=1):
        self.next = first
        self._lock = threading.Lock()

    def take(self, count=1):
        """`count` fresh addresses."""
        with self._lock:
            first = self.next
            self.skip(count)
        return [address(index) for index in range(first, first + count)]

    def one(self):
        return self.take(1)[0]

    def skip(self, count):
        """Mark `count` addresses from `self.next` as used (a wrk run reports how many it took)."""
        self.next += count
        if self.next > LIMIT:
            raise ValueError("the bench ran out of simulated addresses")
