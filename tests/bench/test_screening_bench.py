"""The screening bench case runs without a generated site and reports each case against its
target."""

from bench import screening


def test_the_screening_bench_times_each_case_against_its_target():
    rows = screening.measure(calls=12)
    cases = [row["case"] for row in rows]
    assert cases[0] == "typical post (~150 words)"
    assert "5,000-word post" in cases
    assert {row["target_ms"] for row in rows} == {2.0, 20.0, None}
    long_post = next(row for row in rows if row["case"] == "5,000-word post")
    assert 4900 <= float(long_post["words"]) <= 5100  # type: ignore[arg-type]
    for row in rows:
        median, p99 = float(row["median_ms"]), float(row["p99_ms"])  # type: ignore[arg-type]
        assert 0 < median <= p99
    table = screening.table(rows)
    assert table.count("\n") == len(rows) + 1 and "< 20 ms" in table
