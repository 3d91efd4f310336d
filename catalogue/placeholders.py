"""The placeholder values the scaffolds write (`build.py new`), in one table for the templates and the check.

The scaffold templates render these values (templates/scaffolds/), and `check` reports each one left in
a file, at its line, with what to write instead: the editor's file cannot go live with a placeholder in it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Iterator

ANY = "*"  # any index of a list


@dataclass(frozen=True)
class Placeholder:
    name: str  # what the template calls it
    loc: tuple[str, ...]  # where it stands: keys, ANY for a list's index; () for the text of a page
    value: str  # what the scaffold writes
    advice: str  # what to write instead, in Danish

    @property
    def yaml(self) -> str:
        """The value as the scaffold writes it in YAML: in double quotes (JSON's are YAML's)."""
        return json.dumps(self.value, ensure_ascii=False)


COURSE = [
    Placeholder("titel", ("titel",), "Skriv kursets titel her", "skriv kursets rigtige titel"),
    Placeholder("intro", ("intro",), "Skriv en eller to sætninger om kurset her.",
                "skriv en eller to sætninger om, hvad deltagerne får ud af kurset"),
    Placeholder("beskrivelse", ("beskrivelse",), "Skriv her, hvad kurset handler om, og hvad deltagerne lærer.",
                "skriv, hvad kurset handler om, og hvad deltagerne lærer"),
    Placeholder("pris", ("pris",), "Skriv prisen i hele kroner",
                "skriv prisen i hele kroner uden punktum, fx 1200, eller 0, hvis kurset er gratis"),
    Placeholder("start", ("hold", ANY, "start"), "ÅÅÅÅ-MM-DD TT:MM",
                "skriv, hvornår holdet starter, som ÅÅÅÅ-MM-DD TT:MM, fx 2027-03-06 09:30"),
    Placeholder("slut", ("hold", ANY, "slut"), "ÅÅÅÅ-MM-DD TT:MM",
                "skriv, hvornår holdet slutter, som ÅÅÅÅ-MM-DD TT:MM, fx 2027-03-06 15:30"),
    Placeholder("sted_navn", ("hold", ANY, "sted", "navn"), "Stedets navn", "skriv kursusstedets navn"),
    Placeholder("sted_adresse", ("hold", ANY, "sted", "adresse"), "Vejnavn og nummer",
                "skriv kursusstedets adresse, fx Eksempelvej 1"),
    Placeholder("sted_postnr", ("hold", ANY, "sted", "postnr"), "0000",
                'skriv kursusstedets postnummer i anførselstegn, fx "8000"'),
    Placeholder("sted_by", ("hold", ANY, "sted", "by"), "Byen", "skriv den by, kursusstedet ligger i"),
    Placeholder("region", ("hold", ANY, "region"), "vaelg-region",
                "skriv regionen for kursusstedet, en af: {regioner}"),
    Placeholder("tilmeldingsfrist", ("hold", ANY, "tilmeldingsfrist"), "ÅÅÅÅ-MM-DD",
                "skriv den sidste dag for tilmelding som ÅÅÅÅ-MM-DD, senest startdagen"),
]

TOOLKIT = [
    Placeholder("titel", ("titel",), "Skriv sidens titel her", "skriv sidens rigtige titel"),
    Placeholder("intro", ("intro",), "Skriv en eller to sætninger om siden her.",
                "skriv en eller to sætninger om, hvad siden kan bruges til"),
    Placeholder("fil", ("filer", ANY, "fil"), "filnavn.docx",
                "skriv navnet på filen, som ligger i samme mappe som siden, fx referat.docx"),
    Placeholder("fil_beskrivelse", ("filer", ANY, "beskrivelse"), "Hvad filen er",
                "skriv, hvad filen er, fx Skabelon i Word"),
    Placeholder("video_url", ("video", "url"), "Adressen på videoen",
                "skriv adressen på videoen på YouTube eller Vimeo, fx https://www.youtube.com/watch?v=…"),
    Placeholder("video_varighed", ("video", "varighed"), "Videoens længde",
                "skriv, hvor lang videoen er, fx 12 min."),
    Placeholder("link_url", ("link", "url"), "Adressen på siden",
                "skriv adressen på den side, der linkes til; den starter med https://"),
    Placeholder("link_udgiver", ("link", "udgiver"), "Hvem står bag siden",
                "skriv, hvem der står bag siden, fx Retsinformation"),
    Placeholder("tekst", (), 'Skriv sidens tekst her. Brug "## " til overskrifter.',
                "skriv sidens tekst i stedet for denne linje"),
    Placeholder("udskrift", (), "Skriv her, hvad der bliver sagt i videoen.",
                "skriv, hvad der bliver sagt i videoen, i stedet for denne linje"),
]


def by_name(table: list[Placeholder]) -> dict[str, Placeholder]:
    return {placeholder.name: placeholder for placeholder in table}


def _found_at(data: Any, loc: tuple[str, ...], at: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple, Any]]:
    if not loc:
        yield at, data
    elif loc[0] == ANY:
        for index, item in enumerate(data if isinstance(data, list) else []):
            yield from _found_at(item, loc[1:], (*at, index))
    elif isinstance(data, dict) and loc[0] in data:
        yield from _found_at(data[loc[0]], loc[1:], (*at, loc[0]))


def left_in(data: Any, table: list[Placeholder]) -> Iterator[tuple[tuple[str | int, ...], Placeholder]]:
    """Where each placeholder of the table stands unchanged in a file's YAML (keys and values)."""
    for placeholder in table:
        if not placeholder.loc:
            continue
        for at, value in _found_at(data, placeholder.loc):
            if isinstance(value, str) and value.strip() == placeholder.value:
                yield at, placeholder


def lines_left(text: str, table: list[Placeholder]) -> Iterator[tuple[int, Placeholder]]:
    """(line number from 1, placeholder) for each placeholder line of a page's text left unchanged."""
    texts = {placeholder.value: placeholder for placeholder in table if not placeholder.loc}
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip() in texts:
            yield number, texts[line.strip()]
