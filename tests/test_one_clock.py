"""The suite moves time with one library, time-machine, which moves every clock at once: `timezone.now`,
`date.today`, `time.time` and the model defaults that captured `timezone.now` when their class was made.
Patching one of them by hand leaves the others on the real clock, so the test depends on the day it runs.
"""

import re
from pathlib import Path

TESTS = Path(__file__).parent

HAND_PATCHED_CLOCK = re.compile(
    r"""setattr\(\s*(timezone|time|datetime|date)\s*,\s*["'](now|time|today|localtime|localdate)["']"""
    r"""|patch\(\s*["'][\w.]*\.(now|time|today|localtime|localdate)["']"""
    r"""|\bfreezegun\b"""
)


def hand_patched_clocks(source):
    return [match.group(0) for match in HAND_PATCHED_CLOCK.finditer(source)]


def test_no_test_patches_a_clock_by_hand():
    found = {
        str(path.relative_to(TESTS)): hits
        for path in sorted(TESTS.rglob("*.py"))
        if path != Path(__file__) and (hits := hand_patched_clocks(path.read_text()))
    }
    assert found == {}, "move the clock with the time_machine fixture instead"


def test_the_check_recognises_the_ways_a_clock_is_patched_by_hand():
    assert hand_patched_clocks('monkeypatch.setattr(timezone, "now", lambda: moment)')
    assert hand_patched_clocks("monkeypatch.setattr(time, 'time', lambda: later)")
    assert hand_patched_clocks('mock.patch("django.utils.timezone.now", return_value=moment)')
    assert not hand_patched_clocks("time_machine.move_to(moment, tick=False)")
