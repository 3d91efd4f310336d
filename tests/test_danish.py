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


class Span:
    def __init__(self, start: str, end: str) -> None:
        self.start, self.slut = datetime.fromisoformat(start), datetime.fromisoformat(end)


def test_meetings_in_one_line_where_they_share_weekday_and_hours() -> None:
    evenings = [Span("2027-03-16 18:00", "2027-03-16 21:00"), Span("2027-03-23 18:00", "2027-03-23 21:00"),
                Span("2027-03-30 18:00", "2027-03-30 21:00")]
    assert danish.meetings_count(evenings) == "3 aftener"
    assert danish.meetings_dates(evenings) == "tirsdag 16., 23. og 30. marts 2027 kl. 18.00–21.00"
    days = [Span("2027-03-13 09:30", "2027-03-13 15:30"), Span("2027-04-10 09:30", "2027-04-10 15:30")]
    assert danish.meetings_count(days) == "2 dage"
    assert danish.meetings_dates(days) == "lørdag 13. marts og 10. april 2027 kl. 09.30–15.30"
    assert danish.meeting_of(2, days) == "2. af 2 dage"
    moved = [*evenings[:2], Span("2027-03-30 18:30", "2027-03-30 21:00")]
    assert danish.meetings_dates(moved) is None  # not the same hours: each is shown


def test_meetings_of_several_days_by_their_days_alone() -> None:
    modules = [Span("2027-03-19 16:00", "2027-03-20 15:00"), Span("2027-04-24 09:30", "2027-04-24 15:30"),
               Span("2027-06-04 16:00", "2027-06-05 15:00")]
    assert danish.meetings_count(modules) == "3 mødegange"
    assert danish.meetings_dates(modules) is None
    assert danish.meetings_days(modules) == "19.–20. marts, 24. april og 4.–5. juni 2027"
    new_year = [Span("2027-12-30 16:00", "2028-01-02 15:00"), Span("2028-04-24 09:30", "2028-04-24 15:30")]
    assert danish.meetings_days(new_year) == "30. december 2027–2. januar og 24. april 2028"
    over_the_year = [Span("2027-11-24 09:30", "2027-11-24 15:30"), Span("2028-01-24 09:30", "2028-01-24 15:30")]
    assert danish.meetings_days(over_the_year) == "24. november 2027 og 24. januar 2028"
