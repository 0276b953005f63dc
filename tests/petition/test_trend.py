"""The signatures-over-time chart: the running total from the hourly series, in few points, and in words."""

from datetime import UTC, datetime, timedelta

from petition import trend

START = datetime(2026, 3, 1, 9, tzinfo=UTC)


def hours(*counts, start=START):
    return [(start + timedelta(hours=i), n) for i, n in enumerate(counts)]


def test_the_top_of_the_chart_is_a_round_number_at_least_the_total():
    assert [trend.nice_top(n) for n in (0, 1, 2, 3, 7, 10, 11, 240, 5001)] == [
        1,
        1,
        2,
        5,
        10,
        10,
        20,
        500,
        10000,
    ]


def test_before_the_first_signature_there_is_no_chart():
    assert trend.chart([]) is None
    assert trend.chart(hours(0, 0)) is None


def test_the_line_climbs_with_the_running_total():
    chart = trend.chart(hours(2, 0, 3, 5))
    assert chart.total == 10 and chart.top == 10
    ys = [float(point.split(",")[1]) for point in chart.line.split()]
    assert ys == [120.0, 120.0, 75.0, 0.0]  # 2, 2, 5, 10 of 10, on a 150-high chart
    assert chart.area.startswith("M0 150L0 120") and chart.area.endswith("L600 150Z")


def test_a_long_petition_is_drawn_in_at_most_120_points():
    chart = trend.chart(hours(*([1] * 24 * 90)))  # three months, one signature an hour
    assert len(chart.line.split()) <= trend.MAX_POINTS
    assert chart.step_hours == 18 and chart.total == 2160


def test_until_extends_the_line_flat_to_now():
    chart = trend.chart(hours(4), until=START + timedelta(hours=5, minutes=30))
    assert chart.end == START + timedelta(hours=5)
    ys = {point.split(",")[1] for point in chart.line.split()}
    assert ys == {"30"}  # 4 of a top of 5, all the way along


def test_the_summary_says_the_chart_in_words():
    series = hours(3, 0, 12, 1) + [(START + timedelta(days=2), 4)]
    chart = trend.chart(series)
    assert chart.summary == (
        "20 signatures between 1 March 2026 and 3 March 2026. "
        "The busiest hour was 11:00 on 1 March 2026, with 12 signatures. 4 signatures in the last 24 hours."
    )
