"""Danish dates, times and prices as residents read them."""

from datetime import date, datetime

from catalogue import danish


def test_long_datetime() -> None:
    assert danish.long_datetime(datetime(2027, 3, 5, 16, 0)) == "fredag 5. marts 2027 kl. 16.00"
    assert danish.long_datetime(datetime(2027, 6, 12, 9, 30)) == "lørdag 12. juni 2027 kl. 09.30"


def test_long_date() -> None:
    assert danish.long_date(date(2027, 2, 5)) == "fredag 5. februar 2027"


def test_price() -> None:
    assert danish.price(5100) == "5.100 kr."
    assert danish.price(12000) == "12.000 kr."
    assert danish.price(350) == "350 kr."
    assert danish.price(0) == "Gratis"


def test_sort_key_puts_danish_letters_last() -> None:
    titles = ["Årshjul", "Økonomi", "Zoneplan", "Ærlig snak", "Budget"]
    assert sorted(titles, key=danish.sort_key) == ["Budget", "Zoneplan", "Ærlig snak", "Økonomi", "Årshjul"]


def test_decimal_has_a_comma() -> None:
    assert danish.decimal(2.149) == "2,1"
    assert danish.decimal(1234.56, digits=2) == "1.234,56"


def test_age_in_years_and_months() -> None:
    today = date(2027, 1, 15)
    assert danish.age(date(2024, 6, 12), today) == "2 år og 7 måneder"
    assert danish.age(date(2025, 12, 10), today) == "1 år og 1 måned"
    assert danish.age(date(2025, 1, 15), today) == "2 år"
    assert danish.age(date(2025, 1, 16), today) == "1 år og 11 måneder"
    assert danish.age(date(2026, 11, 1), today) == "2 måneder"
    assert danish.age(date(2027, 1, 14), today) == "1 dag"
    assert danish.age(date(2024, 2, 29), date(2026, 6, 1)) == "2 år og 3 måneder"
