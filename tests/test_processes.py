"""Work shared out between processes (catalogue/processes.py): the same results, in order, as made in one."""

from __future__ import annotations

import os
from datetime import date

import pytest
from conftest import REFERENCE_DATE, REPO

from catalogue.catalogue import load_catalogue
from catalogue.pages import PageGenerator
from catalogue.processes import map_on_all_processors
from catalogue.project import Project


def test_results_come_back_in_order_from_forked_processes_and_are_handed_over_in_order() -> None:
    parent = os.getpid()
    handed: list[int] = []
    results = map_on_all_processors(lambda n: (n * n, os.getpid()), list(range(250)), count=3,
                                    each=lambda result: handed.append(result[0]))
    assert [square for square, _ in results] == [n * n for n in range(250)] == handed
    made_by = {pid for _, pid in results}
    assert parent not in made_by and len(made_by) == 3  # three forked processes; this one gathers


def test_a_failure_in_a_forked_process_is_raised_here() -> None:
    def fail_on_seven(n: int) -> int:
        if n == 7:
            raise ValueError("syv")
        return n

    with pytest.raises(ValueError, match="syv"):  # as if it had happened here (the build says its text)
        map_on_all_processors(fail_on_seven, list(range(10)), count=2)


def test_one_process_makes_and_hands_over_each_in_turn() -> None:
    events: list[str] = []

    def make(n: int) -> int:
        events.append(f"make {n}")
        return n

    assert map_on_all_processors(make, [1, 2, 3], count=1, each=lambda n: events.append(f"hand {n}")) == [1, 2, 3]
    assert events == ["make 1", "hand 1", "make 2", "hand 2", "make 3", "hand 3"]


def test_the_site_made_on_several_processes_is_the_site_made_in_one() -> None:
    catalogue, diagnostics = load_catalogue(Project(REPO))
    assert catalogue is not None, diagnostics
    today = date.fromisoformat(REFERENCE_DATE)
    handed: list[list[str]] = [[], []]
    alone = PageGenerator(catalogue, today, "https://kurser.example.dk/").all_pages(
        each=lambda page: handed[0].append(page.src_uri))
    shared = PageGenerator(catalogue, today, "https://kurser.example.dk/", processes=True).all_pages(
        each=lambda page: handed[1].append(page.src_uri))
    assert len(alone) > 100 and shared == alone
    # Every page (not the calendars and the feed) handed over once, in the same order either way.
    assert handed[0] == handed[1] == [page.src_uri for page in alone if page.is_page]
