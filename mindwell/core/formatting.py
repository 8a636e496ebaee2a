"""Short human forms of numbers, as members see them beside names."""


def compact_number(value: int) -> str:
    """1234 -> '1.2k', 5600 -> '5.6k', 2_300_000 -> '2.3m'; small numbers stay whole."""
    sign = "-" if value < 0 else ""
    n = abs(value)
    if n < 1000:
        return f"{sign}{n}"
    for divisor, suffix in ((1_000_000, "m"), (1000, "k")):
        if n >= divisor:
            scaled = n / divisor
            text = f"{scaled:.1f}" if scaled < 100 else f"{scaled:.0f}"
            return f"{sign}{text.removesuffix('.0')}{suffix}"
    return f"{sign}{n}"  # pragma: no cover
