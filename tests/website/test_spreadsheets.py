"""Formula-safe exports: the one rule every spreadsheet export follows."""

import pytest

from website.request_policy.spreadsheets import spreadsheet_safe, starts_like_formula


@pytest.mark.parametrize("text", ["=1+1", "+44 20", "-2", "@SUM(A1)", "\tx", "\rx", "\nx"])
def test_cells_that_would_run_as_formulas_get_a_leading_quote(text):
    assert starts_like_formula(text)
    assert spreadsheet_safe(text) == "'" + text


def test_other_cells_are_left_alone():
    assert spreadsheet_safe("Alex Smith") == "Alex Smith"
    assert spreadsheet_safe(None) == ""
    assert spreadsheet_safe(12) == "12"
