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


def test_results_come_back_in_order_from_forked_processes() -> None:
    parent = os.getpid()
    results = map_on_all_processors(lambda n: (n * n, os.getpid()), list(range(25)), count=3)
    assert [square for square, _ in results] == [n * n for n in range(25)]
    made_by = {pid for _, pid in results}
    assert parent in made_by and len(made_by) == 3  # this process and two forked ones


def test_a_failure_in_a_forked_process_is_raised_here() -> None:
    def fail_on_seven(n: int) -> int:
        if n == 7:
            raise ValueError("syv")
        return n

    with pytest.raises(RuntimeError, match="ValueError: syv"):
        map_on_all_processors(fail_on_seven, list(range(10)), count=2)


def test_the_site_made_on_several_processes_is_the_site_made_in_one() -> None:
    catalogue, diagnostics = load_catalogue(Project(REPO))
    assert catalogue is not None, diagnostics
    today = date.fromisoformat(REFERENCE_DATE)
    alone = PageGenerator(catalogue, today, "https://kurser.example.dk/").all_pages()
    shared = PageGenerator(catalogue, today, "https://kurser.example.dk/", processes=True).all_pages()
    assert len(alone) > 100 and shared == alone
