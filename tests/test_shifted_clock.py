"""`make test-shifted` runs the suite under libfaketime. This checks the shift really reached the process, so
a pass under it means something: a library that failed to load would leave the real clock and prove nothing.

A file's modification time comes from the kernel, which libfaketime does not move; Python's clock is moved.
"""

import os
import re
import tempfile
import time
from datetime import datetime

import pytest

SHIFT = os.environ.get("FAKETIME", "")

pytestmark = pytest.mark.skipif(not SHIFT, reason="the real clock (make test-shifted moves it)")


def kernel_now():
    with tempfile.NamedTemporaryFile() as probe:
        return os.stat(probe.name).st_mtime


def test_the_process_clock_is_as_far_ahead_as_the_shift_says():
    relative = re.fullmatch(r"\+(\d+)d", SHIFT)
    absolute = re.fullmatch(r"@(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)", SHIFT)
    assert relative or absolute, f"FAKETIME={SHIFT!r}: use +<days>d or @YYYY-MM-DD HH:MM:SS"
    if relative:
        ahead_days = (time.time() - kernel_now()) / 86400
        assert ahead_days == pytest.approx(int(relative.group(1)), abs=0.01)
    else:
        # The shifted clock starts at the instant given when the process starts and runs on from there.
        started = datetime.strptime(absolute.group(1), "%Y-%m-%d %H:%M:%S")
        elapsed = (datetime.now() - started).total_seconds()
        assert 0 <= elapsed < 3 * 60 * 60
