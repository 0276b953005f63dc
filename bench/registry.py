"""The figures `make bench` reports and the measures that make them: each figure is declared once, with its
goal and how it is made, beside the code that measures it (bench/figures/, bench/drills/)."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Figure:
    name: str
    goal: str | None = None  # ">= 0.7", "== 0"…: what results.json's "goals" and the docs say
    how: str = ""

    def __str__(self):
        return self.name


def missed(goal, value):
    """True when `value` misses `goal` (">= 0.7", "== 0", "< 2000", "all ok" for "n/n"), False when it meets
    it, None when there is nothing to judge (no goal, no value, or a goal that is not a comparison)."""
    if goal is None or value is None:
        return None
    if goal == "all ok":
        done, _, total = str(value).partition("/")
        return done != total if total else None
    operator, _, target = goal.partition(" ")
    if target in ("True", "False"):
        return str(value) != target if operator == "==" else None
    try:
        value, target = float(value), float(target)
    except (TypeError, ValueError):
        return None
    met = {">=": value >= target, "<=": value <= target, "==": value == target, "<": value < target}
    return None if operator not in met else not met[operator]


def latency(prefix, how="wrk latency of the same load"):
    """The p50 and p99 figures that go with a load figure."""
    return Figure(f"{prefix}_p50_ms", how=how), Figure(f"{prefix}_p99_ms", how=how)


@dataclass
class Measure:
    """One step of the run: a function of the harness that records its figures. If it fails, the figures it
    has not recorded are null, with the error as the reason."""

    key: str  # the name to run it by: `python -m bench.run sign`, `python -m bench.quick sign`
    function: Callable
    figures: tuple = ()
    needs: tuple = ()  # what bench.probe's "pages" must have found: "petition", "letter"…

    def __call__(self, bench):
        return self.function(bench)


def measure(key, *figures, needs=()):
    """Declare a function of the harness as a measure that records `figures`."""

    def declare(function):
        return Measure(key, function, figures, tuple(needs))

    return declare


def figures_of(measures):
    """Every figure the measures record, in order. A name declared twice is an error."""
    seen = {}
    for step in measures:
        for figure in step.figures:
            if figure.name in seen:
                raise ValueError(f"figure {figure.name} is declared twice ({seen[figure.name]}, {step.key})")
            seen[figure.name] = step.key
    return [figure for step in measures for figure in step.figures]
