"""Realistic synthetic content for the benchmark: N courses with 1–4 sessions each, and N/2 toolkit pages."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from pathlib import Path

TOPICS = ["afdelingsmoede", "bestyrelsesarbejde", "oekonomi", "lovgivning", "samarbejde", "kommunikation",
          "rekruttering", "byggeri", "husorden", "baeredygtighed", "faellesskab"]
LEVELS = ["ny", "mellem", "erfaren"]
FORMS = ["fysisk", "fysisk", "online", "hybrid"]
GROUPS = ["afdelingsbestyrelse", "organisationsbestyrelse", "repraesentantskab", "beboere", "ansatte"]
REGIONS = ["hovedstaden", "sjaelland", "syddanmark", "midtjylland", "nordjylland"]
STATUSES = ["ledig", "ledig", "ledig", "faa-pladser", "venteliste", "fuldt", "aflyst"]
SUBJECTS = ["budgettet", "regnskabet", "afdelingsmødet", "bestyrelsesmødet", "husordenen", "renoveringen",
            "helhedsplanen", "fællesskabet", "de nye naboer", "konto 119", "forretningsordenen", "beretningen",
            "dirigentrollen", "vedligeholdelsen", "energibesparelser", "rekrutteringen", "kommunikationen"]
ANGLES = ["Introduktion til", "Grundkursus i", "Fordybelse i", "Temadag om", "Værksted om", "Webinar om",
          "Erfaringsudveksling om", "Sådan styrer I", "Praktisk arbejde med", "Nyt om"]
TOWNS = [("2500", "Valby"), ("4000", "Roskilde"), ("5000", "Odense C"), ("8000", "Aarhus C"), ("9000", "Aalborg"),
         ("6700", "Esbjerg"), ("7100", "Vejle"), ("4700", "Næstved"), ("8600", "Silkeborg"), ("3400", "Hillerød")]
PARAGRAPH = ("På kurset arbejder vi med {s}, så du bagefter kan tage det op i bestyrelsen. Vi veksler mellem "
             "korte oplæg, øvelser og gruppearbejde, og du får eksempler fra andre afdelinger med hjem. "
             "Underviseren har mange års erfaring fra beboerdemokratiet og fra samarbejdet med driften.")


def course_yaml(number: int, rng: random.Random, start_day: date) -> str:
    subject = rng.choice(SUBJECTS)
    title = f"{rng.choice(ANGLES)} {subject} {number}"
    form = rng.choice(FORMS)
    lines = [
        f"titel: {title}",
        f"intro: Et kursus om {subject} for bestyrelsesmedlemmer, der vil blive bedre til opgaven.",
        "beskrivelse: |",
        *[f"  {PARAGRAPH.format(s=subject)}\n" for _ in range(3)],
        "  ### Det lærer du",
        f"  - hvad reglerne siger om {subject}",
        "  - hvordan I fordeler opgaverne",
        "  - hvor I finder hjælp",
        f"emner: [{', '.join(rng.sample(TOPICS, rng.randint(1, 3)))}]",
        f"niveau: [{rng.choice(LEVELS)}]",
        f"form: {form}",
        f"målgruppe: [{', '.join(rng.sample(GROUPS, rng.randint(1, 2)))}]",
        "varighed: Lørdag 9.30–15.30",
        f"pris: {rng.choice([0, 350, 1200, 1500, 5100])}",
        "pris_note: Betales over konto 119",
        "forplejning: Frokost og kaffe",
        "undervisere:",
        "  - {navn: Lene Holm, rolle: Kursuskonsulent}",
        "kendetegn: [gruppearbejde]",
        "hold:",
    ]
    for _ in range(rng.randint(1, 4)):
        start = datetime.combine(start_day + timedelta(days=rng.randint(0, 330)), datetime.min.time()).replace(
            hour=rng.choice([9, 10, 17]), minute=rng.choice([0, 30]))
        postnr, town = rng.choice(TOWNS)
        lines += [
            f"  - start: {start:%Y-%m-%d %H:%M}",
            f"    slut: {start + timedelta(hours=rng.choice([3, 6, 23])):%Y-%m-%d %H:%M}",
        ]
        if form != "online":
            lines.append(f"    sted: {{navn: Kursuscenter {town}, adresse: Skolevej {rng.randint(1, 99)}, "
                         f"postnr: \"{postnr}\", by: {town}}}")
        lines += [
            f"    region: {rng.choice(REGIONS) if form != 'online' else 'hele-landet'}",
            f"    tilmeldingsfrist: {(start - timedelta(days=21)).date().isoformat()}",
            f"    tilmelding: https://tilmelding.example.dk/kursus-{number}",
            f"    status: {rng.choice(STATUSES)}",
            f"    pladser: {rng.choice([12, 20, 24, 30])}",
        ]
    return "\n".join(lines) + "\n"


def toolkit_page(number: int, rng: random.Random) -> tuple[str, str, str]:
    """(folder, file name, text) of one toolkit page."""
    kind = ["skabelon", "vejledning", "video", "link"][number % 4]
    folder = {"skabelon": "skabeloner", "vejledning": "vejledninger", "video": "videoer", "link": "links"}[kind]
    subject = rng.choice(SUBJECTS)
    extra = {
        "skabelon": "filer:\n  - {fil: skabelon.docx, beskrivelse: Skabelon i Word}\n",
        "vejledning": "",
        "video": "video: {url: https://www.youtube.com/watch?v=Xk3vB7pQm2A, varighed: 8 min., undertekster: true}\n",
        "link": "link: {url: https://www.retsinformation.dk/, udgiver: Retsinformation}\n",
    }[kind]
    text = (f"---\ntitel: Materiale {number} om {subject}\ntype: {kind}\n"
            f"intro: Hjælp til arbejdet med {subject} i afdelingsbestyrelsen.\n"
            f"emner: [{rng.choice(TOPICS)}]\nrevideret: 2026-{rng.randint(1, 11):02d}-15\n{extra}---\n"
            + "\n".join(f"## Afsnit {i}\n\n{PARAGRAPH.format(s=subject)}\n" for i in range(1, 4)))
    return folder, f"materiale-{number}.md", text


def write_content(root: Path, courses: int, seed: int = 1) -> None:
    """Replace a project copy's courses and toolkit with synthetic ones."""
    rng = random.Random(seed)
    course_dir = root / "courses"
    toolkit = root / "content" / "vaerktoejskasse"
    for folder in (course_dir, toolkit):
        for path in sorted(folder.rglob("*"), reverse=True):
            path.unlink() if path.is_file() else path.rmdir()
    course_dir.mkdir(exist_ok=True)
    for number in range(courses):
        (course_dir / f"kursus-{number}.yml").write_text(course_yaml(number, rng, date(2027, 2, 1)), encoding="utf-8")
    for number in range(courses // 2):
        folder, name, text = toolkit_page(number, rng)
        (toolkit / folder).mkdir(parents=True, exist_ok=True)
        (toolkit / folder / name).write_text(text, encoding="utf-8")
    for folder in ("skabeloner",):
        if (toolkit / folder).is_dir():
            (toolkit / folder / "skabelon.docx").write_bytes(b"PK\x03\x04 skabelon")
