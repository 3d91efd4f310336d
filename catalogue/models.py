"""The editors' files as models: courses (FORMAT.md §1), evaluations (§1a), learning paths (§1b), the toolkit (§2),
the taxonomy (§3) and the department.

Field names are Python identifiers; the Danish keys editors write are the
aliases. Descriptions are Danish: they become the JSON Schema that editors'
tools use for completion.
"""

from __future__ import annotations

import typing
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, RootModel, model_validator
from pydantic_core import PydanticCustomError

from .danish import number
from .fields import (
    CONDITIONAL_MARK,
    FILE_MARK,
    SLUG_PATTERN,
    Email,
    GitHubRepository,
    HttpsUrl,
    LocalDate,
    LocalDateTime,
    MarkdownText,
    OneOf,
    PostalCode,
    Rating,
    SignupUrl,
    TaxonomyKey,
    Text,
    VideoUrl,
    WholeNumber,
)
from .markdown_rules import COURSE_TEXT, RULE_TEXT

ONLINE = "online"  # the taxonomy's form for a session one attends from home
ONLINE_REGION = "hele-landet"  # where an online session is, unless it says otherwise


class EditorModel(BaseModel):
    """A mapping an editor writes: unknown keys are errors, values are read once."""

    model_config = ConfigDict(extra="forbid", frozen=True,
                              field_title_generator=lambda name, info: info.alias or name)


def _none_as_empty_list(value: Any) -> Any:
    return [] if value is None else value


class Venue(EditorModel):
    model_config = ConfigDict(title="Sted")

    navn: Text() = Field(description="Stedets navn", examples=["Kursuscenter Valby"])
    adresse: Text() = Field(description="Gade og nummer", examples=["Eksempelvej 1"])
    postnr: PostalCode = Field(description="Postnummer, fire cifre i anførselstegn", examples=["2500"])
    by: Text() = Field(description="Byen, som den står i adressen", examples=["Valby"])


class Meeting(EditorModel):
    model_config = ConfigDict(title="Mødegang")

    start: LocalDateTime = Field(description="Start, dansk tid: ÅÅÅÅ-MM-DD TT:MM", examples=["2027-03-16 18:00"])
    slut: LocalDateTime = Field(description="Slut, dansk tid: ÅÅÅÅ-MM-DD TT:MM, ikke før start",
                                examples=["2027-03-16 21:00"])
    note: Text() | None = Field(None, description="En kort bemærkning til mødegangen, fx 'Modul 2'",
                                examples=["Opfølgning"])


CONDITIONAL = {CONDITIONAL_MARK: True}  # json_schema_extra of a key some files must have (fields.CONDITIONAL_MARK)

# A session's own times, or its meetings (FORMAT.md §1, v3): one of the two, never both.
SESSION_TIMES = ("start", "slut")
MEETINGS = "mødegange"
BOTH_TIMES = ("holdet har både mødegange og sin egen start eller slut; skriv enten start og slut eller mødegange, "
              "ikke begge")


def missing_time(key: str) -> str:
    example = Session.model_fields[key].examples[0]
    return (f"mangler; tilføj fx '{key}: {example}', eller skriv holdets mødegange under '{MEETINGS}', hvis det "
            "holdes over flere gange")


class Session(EditorModel):
    model_config = ConfigDict(title="Hold")

    start: LocalDateTime | None = Field(
        None, description="Start, dansk tid: ÅÅÅÅ-MM-DD TT:MM; udelades, når holdet har mødegange",
        examples=["2027-03-05 16:00"], json_schema_extra=CONDITIONAL)
    slut: LocalDateTime | None = Field(
        None, description="Slut, dansk tid: ÅÅÅÅ-MM-DD TT:MM, ikke før start; udelades, når holdet har mødegange",
        examples=["2027-03-06 15:30"], json_schema_extra=CONDITIONAL)
    moedegange: list[Meeting] | None = Field(
        None, alias=MEETINGS, min_length=2,
        description="Et hold over flere mødegange (aftener, moduler): mindst to, hver med start, slut og evt. note, "
                    "i tidsorden; så skrives holdets egen start og slut ikke",
        examples=[[{"start": "2027-03-16 18:00", "slut": "2027-03-16 21:00"},
                   {"start": "2027-03-23 18:00", "slut": "2027-03-23 21:00"}]])
    form: TaxonomyKey("former") | None = Field(
        None, description="Holdets egen form, hvis den er en anden end kursets, fx ét online hold på et fysisk kursus",
        examples=["online"])
    sted: Venue | None = Field(None, description="Hvor holdet er; skal udfyldes, medmindre holdet er online",
                               json_schema_extra=CONDITIONAL)
    region: TaxonomyKey("regioner") | None = Field(
        None,
        description="Region fra config/taxonomy.yml; skal udfyldes, medmindre holdet er online (så gælder det hele "
                    "landet)",
        examples=["hovedstaden"], json_schema_extra=CONDITIONAL)
    tilmeldingsfrist: LocalDate = Field(description="Sidste dag for tilmelding: ÅÅÅÅ-MM-DD, senest startdagen",
                                        examples=["2027-02-05"])
    tilmelding: SignupUrl = Field(description="Hvor man tilmelder sig: https://-adresse eller mailto:-adresse",
                                  examples=["mailto:kursus@example.dk"])
    status: TaxonomyKey("status") = Field("ledig", description="Om der er pladser på holdet, eller om det er "
                                                               "fuldt eller aflyst; fra config/taxonomy.yml",
                                          examples=["ledig"])
    pladser: WholeNumber(gt=0, le=10_000) | None = Field(None, description="Antal pladser", examples=[24])
    note: Text() | None = Field(None, description="En kort bemærkning om holdet",
                                examples=["Opfølgningsdag ca. et halvt år efter"])

    @model_validator(mode="after")
    def _times_from_meetings(self) -> Session:
        """A session held over several meetings starts with its first and ends with its last; any other session
        has its own start and slut. (The check says the same at the key's line, with every other problem:
        validation._times_or_meetings.)"""
        if self.moedegange:
            if self.start is not None or self.slut is not None:
                raise PydanticCustomError("catalogue", "{besked}", {"besked": BOTH_TIMES, "nøgle": MEETINGS})
            return self.model_copy(update={"start": self.moedegange[0].start, "slut": self.moedegange[-1].slut})
        for key in SESSION_TIMES:
            if getattr(self, key) is None:
                raise PydanticCustomError("catalogue", "{besked}",
                                          {"besked": missing_time(key), "nøgle": key, "mangler": True})
        return self

    @property
    def meetings(self) -> list[Meeting]:
        """The times the session meets: its meetings, or the session itself as its one meeting."""
        return list(self.moedegange) if self.moedegange else [Meeting.model_construct(start=self.start,
                                                                                     slut=self.slut, note=None)]


class Teacher(EditorModel):
    model_config = ConfigDict(title="Underviser")

    navn: Text() = Field(description="Underviserens navn", examples=["Lene Holm"])
    rolle: Text() | None = Field(None, description="Fx 'Konsulent i kursusafdelingen'", examples=["Kursuskonsulent"])


class Course(EditorModel):
    model_config = ConfigDict(title="Kursus")

    titel: Text(3, 120) = Field(description="Kursets titel, 3–120 tegn", examples=["Det gode bestyrelsesmøde"])
    intro: Text(1, 300) = Field(description="En eller to sætninger til lister og søgning, højst 300 tegn",
                                examples=["Få styr på dagsorden, mødeledelse og referat."])
    beskrivelse: MarkdownText(COURSE_TEXT) = Field(
        description=f"Kursets indhold i Markdown, højst {number(COURSE_TEXT)} tegn",
        examples=["Vi gennemgår hele mødet fra indkaldelse til referat."])
    emner: list[TaxonomyKey("emner")] = Field(min_length=1, description="Hvad kurset handler om; kurset "
                                                                        "vises under hvert af emnerne. Fra "
                                                                        "config/taxonomy.yml",
                                              examples=[["bestyrelsesarbejde"]])
    niveau: list[TaxonomyKey("niveauer")] = Field(min_length=1, description="Hvor meget deltagerne skal kunne i "
                                                                            "forvejen. Fra config/taxonomy.yml",
                                                  examples=[["ny"]])
    form: TaxonomyKey("former") = Field(description="Om kurset holdes fysisk, online eller begge dele "
                                                    "(hybrid)", examples=["fysisk"])
    maalgruppe: list[TaxonomyKey("målgrupper")] = Field(alias="målgruppe", min_length=1,
                                                         description="Hvem det er for i beboerdemokratiet. Fra "
                                                                     "config/taxonomy.yml",
                                                         examples=[["afdelingsbestyrelse"]])
    varighed: Text() | None = Field(None, description="Fx 'Fredag–lørdag med overnatning' eller '3 timer'",
                                    examples=["Lørdag 9.30–15.30"])
    pris: WholeNumber(ge=0, le=1_000_000) = Field(description="Pris i hele kroner; 0 er gratis",
                                                           examples=[1200])
    pris_note: Text() | None = Field(None, description="Fx 'Betales over konto 119'",
                                     examples=["Prisen er inklusive overnatning"])
    forplejning: Text() | None = Field(None, description="Fx 'Frokost og kaffe'",
                                       examples=["Morgenmad, frokost og kaffe"])
    undervisere: Annotated[list[Teacher], BeforeValidator(_none_as_empty_list)] = Field(
        default_factory=list, description="Undervisere: navn og evt. rolle")
    kendetegn: Annotated[list[TaxonomyKey("kendetegn")], BeforeValidator(_none_as_empty_list)] = Field(
        default_factory=list, description="Fx gruppearbejde eller overnatning; vises i kursets fakta. Fra "
                                          "config/taxonomy.yml", examples=[["gruppearbejde", "netvaerk"]])
    skraeddersyet: bool = Field(
        False, alias="skræddersyet", description="Skriv true, hvis en bestyrelse eller region kan bestille kurset",
        examples=[True])
    materialer: Annotated[list[Text()], BeforeValidator(_none_as_empty_list)] = Field(
        default_factory=list, description="Sider i værktøjskassen, skrevet som stien under content/",
        examples=[["vaerktoejskasse/skabeloner/dagsorden-bestyrelsesmoede.md"]])
    kontakt: Email | None = Field(None, description="E-mail til spørgsmål om kurset", examples=["kursus@example.dk"])
    evaluering: HttpsUrl | None = Field(None, description="Adresse på kursets evalueringsskema (https://)",
                                        examples=["https://evaluering.example.dk/det-gode-bestyrelsesmoede"])
    hold: Annotated[list[Session], BeforeValidator(_none_as_empty_list)] = Field(
        default_factory=list, description="Holdene; kan være tom")

    @model_validator(mode="after")
    def _sessions_in_full(self) -> Course:
        """Each session with its form and region filled in as FORMAT.md §1 says: a session's form is its own or
        else the course's; an online session's region is 'hele-landet' unless it names one. A session that is not
        online and names no region keeps None, which the check reports (validation.py)."""
        def in_full(session: Session) -> Session:
            form = session.form or self.form
            region = session.region or (ONLINE_REGION if form == ONLINE else None)
            return session.model_copy(update={"form": form, "region": region})

        return self.model_copy(update={"hold": [in_full(s) for s in self.hold]})


class SessionEvaluation(EditorModel):
    # What the participants of one session answered (FORMAT.md §1a): numbers and anonymous quotes only. (A comment,
    # not a docstring: pydantic would put a docstring in the editors' JSON Schema, which is Danish.)
    model_config = ConfigDict(title="Evaluering af et hold")

    hold: LocalDate = Field(description="Startdatoen for det hold, der er evalueret: ÅÅÅÅ-MM-DD",
                            examples=["2026-03-07"])
    deltagere: WholeNumber(gt=0, le=10_000) = Field(description="Antal deltagere på holdet", examples=[22])
    svar: WholeNumber(ge=0, le=10_000) = Field(description="Antal besvarelser, højst antallet af deltagere",
                                               examples=[18])
    samlet: Rating | None = Field(None, description="Gennemsnit af den samlede vurdering fra 1.0 til 5.0 (5 er "
                                                    "bedst), med punktum; skal med, når der er svar",
                                  examples=[4.6], json_schema_extra=CONDITIONAL)
    anbefaler: WholeNumber(ge=0, le=10_000) | None = Field(
        None, description="Antal svar, der vil anbefale kurset til andre, højst antallet af svar", examples=[17])
    citater: Annotated[list[Text(1, 300)], BeforeValidator(_none_as_empty_list)] = Field(
        default_factory=list, description="Anonyme citater, som kursusafdelingen har valgt; ingen navne",
        examples=[["Jeg fik mod på at lede vores møder."]])


class Evaluations(RootModel[list[SessionEvaluation]]):
    # An evaluation file: one entry per session held, as a list.
    model_config = ConfigDict(title="Evalueringer af et kursus", frozen=True)

    root: list[SessionEvaluation] = Field(min_length=1)


class PathStep(EditorModel):
    # One step of a learning path: a course or a toolkit page (FORMAT.md §1b).
    model_config = ConfigDict(title="Trin")

    kursus: Text() | None = Field(None, description="Kurset: navnet på kursets fil uden .yml; et trin har enten "
                                                    "kursus eller materiale",
                                  examples=["det-gode-bestyrelsesmoede"], json_schema_extra=CONDITIONAL)
    materiale: Text() | None = Field(None, description="Eller en side i værktøjskassen: stien under content/",
                                     examples=["vaerktoejskasse/vejledninger/ny-i-afdelingsbestyrelsen.md"],
                                     json_schema_extra=CONDITIONAL)
    hvornaar: Text() | None = Field(None, description="Hvornår trinnet passer, fx 'De første tre måneder'",
                                    examples=["Før afdelingsmødet"])
    note: Text() | None = Field(None, description="En kort bemærkning til trinnet",
                                examples=["Tag afdelingens sidste regnskab med."])


class LearningPath(EditorModel):
    # A learning path: an ordered series of courses and toolkit pages for one kind of participant.
    model_config = ConfigDict(title="Forløb")

    titel: Text(3, 120) = Field(description="Forløbets titel, 3–120 tegn",
                                examples=["Ny i afdelingsbestyrelsen – dit første år"])
    intro: Text(1, 300) = Field(description="En eller to sætninger til lister og søgning, højst 300 tegn",
                                examples=["Fra den første uge til det første afdelingsmøde."])
    beskrivelse: MarkdownText(COURSE_TEXT) | None = Field(
        None, description=f"Mere om forløbet i Markdown, højst {number(COURSE_TEXT)} tegn",
        examples=["Forløbet er for dig, der lige er blevet valgt til afdelingsbestyrelsen."])
    maalgruppe: list[TaxonomyKey("målgrupper")] = Field(alias="målgruppe", min_length=1,
                                                         description="Hvem det er for i beboerdemokratiet. Fra "
                                                                     "config/taxonomy.yml",
                                                         examples=[["afdelingsbestyrelse"]])
    trin: list[PathStep] = Field(min_length=2, description="Trinnene i rækkefølge, mindst to",
                                 examples=[[{"kursus": "introduktion-til-bestyrelsesarbejdet"},
                                            {"kursus": "det-gode-bestyrelsesmoede"}]])


class TaxonomyEntry(EditorModel):
    model_config = ConfigDict(title="Punkt på en liste")

    navn: Text(1, 80) = Field(description="Navnet, som beboerne ser det")
    beskrivelse: Text() | None = Field(None, description="En kort forklaring")


TaxonomyKeyName = Annotated[str, Field(pattern=f"^{SLUG_PATTERN}$")]
Vocabulary = dict[TaxonomyKeyName, TaxonomyEntry]


class Taxonomy(EditorModel):
    model_config = ConfigDict(title="Taksonomi")

    emner: Vocabulary = Field(description="Emnerne, som kurser og sider i værktøjskassen handler om")
    niveauer: Vocabulary = Field(description="Niveauerne: for hvem et kursus er, efter erfaring")
    former: Vocabulary = Field(description="Formerne: med fremmøde, online eller begge dele")
    maalgrupper: Vocabulary = Field(alias="målgrupper", description="Målgrupperne i beboerdemokratiet")
    regioner: Vocabulary = Field(description="Regionerne, som hold holdes i")
    kendetegn: Vocabulary = Field(description="Kendetegn ved et kursus, fx gruppearbejde eller overnatning")
    status: Vocabulary = Field(description="Et holds status, fx ledig, fuldt eller aflyst")

    def vocabulary(self, name: str) -> Vocabulary:
        return getattr(self, "maalgrupper" if name == "målgrupper" else name)

    def keys(self, name: str) -> list[str]:
        return list(self.vocabulary(name))

    def label(self, name: str, key: str) -> str:
        return self.vocabulary(name)[key].navn


# Keys the build gives a meaning to: they must stay in the taxonomy.
REQUIRED_TAXONOMY_KEYS = {
    "niveauer": ["ny"],
    "former": ["online"],
    "regioner": ["hele-landet"],
    "status": ["ledig", "faa-pladser", "venteliste", "fuldt", "aflyst"],
}


class SignupRule(EditorModel):
    model_config = ConfigDict(title="Tilmeldingsregel")

    overskrift: Text() = Field(description="Kort overskrift, fx 'Tilmeldingen er bindende'", examples=["Afmelding"])
    tekst: MarkdownText(RULE_TEXT) = Field(
        description=f"Reglen i én eller to sætninger (Markdown), højst {number(RULE_TEXT)} tegn",
        examples=["Afmelder du dig senere end 2 måneder før kursusstart, betaler afdelingen den fulde pris."])


class Editing(EditorModel):
    model_config = ConfigDict(title="Redigering i browseren")

    github: GitHubRepository = Field(
        description="Repositoriet på GitHub, som ændringerne gemmes i: ejer/navn", examples=["kursusafdelingen/kurser"])
    login: HttpsUrl | None = Field(None, description="Adressen på login-tjenesten til GitHub (https://); se "
                                                     "vejledningen 'Rediger i browseren'",
                                   examples=["https://login.kurser.example.dk"])


class Department(EditorModel):
    model_config = ConfigDict(title="Kursusafdelingen")

    navn: Text() = Field(description="Afdelingens navn", examples=["Kursusafdelingen"])
    organisation: Text() = Field(description="Organisationens navn, som beboerne kender den",
                                 examples=["Boligorganisationen"])
    email: Email = Field(description="Kursusafdelingens e-mail", examples=["kursus@example.dk"])
    telefon: Text() = Field(description="Telefonnummer", examples=["33 12 34 56"])
    telefontid: Text() | None = Field(None, description="Hvornår telefonen er åben",
                                      examples=["Mandag–torsdag kl. 9–15"])
    adresse: Text() | None = Field(None, description="Postadresse", examples=["Eksempelvej 10, 2500 Valby"])
    tilmeldingsregler: list[SignupRule] = Field(min_length=1, description="Fælles regler for tilmelding")
    revisionsperiode: WholeNumber(gt=0, le=120) = Field(
        12, description="Antal måneder, før en side i værktøjskassen skal gennemgås igen (1–120)", examples=[12])
    redigering: Editing | None = Field(None, description="Hvor redigering i browseren (/admin/) gemmer ændringerne")


class TemplateFile(EditorModel):
    model_config = ConfigDict(title="Fil")

    fil: Text() = Field(description="Filens navn; filen ligger i samme mappe som siden", examples=["referat.docx"],
                        json_schema_extra={FILE_MARK: True})
    beskrivelse: Text() | None = Field(None, description="Hvad filen er, fx 'Skabelon i Word'",
                                       examples=["Referat af bestyrelsesmøde"])


class Video(EditorModel):
    model_config = ConfigDict(title="Video")

    url: VideoUrl = Field(description="Adressen på videoen på YouTube eller Vimeo",
                          examples=["https://www.youtube.com/watch?v=abcdefghijk"])
    varighed: Text() | None = Field(None, description="Fx '12 min.'", examples=["8 min."])
    undertekster: bool | None = Field(None, description="Skriv true, hvis videoen har danske undertekster",
                                      examples=[True])


class OutsideLink(EditorModel):
    model_config = ConfigDict(title="Link")

    url: HttpsUrl = Field(description="Adressen (https://)", examples=["https://www.retsinformation.dk/"])
    udgiver: Text() | None = Field(None, description="Hvem der står bag siden, fx 'Retsinformation'",
                                   examples=["Landsbyggefonden"])


# The kinds of toolkit material (FORMAT.md §2), as (singular, plural) labels.
TOOLKIT_TYPES = {
    "skabelon": ("Skabelon", "Skabeloner"),
    "vejledning": ("Vejledning", "Vejledninger"),
    "video": ("Video", "Videoer"),
    "link": ("Link", "Links"),
}


class ToolkitMeta(EditorModel):
    # The front matter of a page in content/vaerktoejskasse/ (a comment: a docstring would be the schema's text).
    model_config = ConfigDict(title="Side i værktøjskassen")


    titel: Text(3, 120) = Field(description="Sidens titel", examples=["Referat af bestyrelsesmøde"])
    type: OneOf(TOOLKIT_TYPES, "en type materiale") = Field(
        description="skabelon, vejledning, video eller link", examples=["skabelon"])
    intro: Text(1, 300) = Field(description="En eller to sætninger til lister og søgning, højst 300 tegn",
                                examples=["Skabelon til referatet af jeres bestyrelsesmøder."])
    emner: list[TaxonomyKey("emner")] = Field(min_length=1, description="Hvad siden handler om; siden "
                                                                        "vises under hvert af emnerne. Fra "
                                                                        "config/taxonomy.yml",
                                              examples=[["bestyrelsesarbejde"]])
    maalgruppe: Annotated[list[TaxonomyKey("målgrupper")], BeforeValidator(_none_as_empty_list)] = Field(
        default_factory=list, alias="målgruppe", description="Hvem det er for i beboerdemokratiet. Fra "
                                                             "config/taxonomy.yml",
        examples=[["afdelingsbestyrelse"]])
    revideret: LocalDate = Field(description="Hvornår siden sidst blev gennemgået: ÅÅÅÅ-MM-DD",
                                 examples=["2026-09-01"])
    filer: Annotated[list[TemplateFile], BeforeValidator(_none_as_empty_list)] = Field(
        default_factory=list, description="Filer til download; skal med, når type er skabelon")
    video: Video | None = Field(None, description="Videoen; skal med, når type er video")
    link: OutsideLink | None = Field(None, description="Linket; skal med, når type er link")


# What a page in content/ outside the toolkit may say about itself (its front matter); everything else the
# theme would print as it is, or act on ('template: redirect.html').
PAGE_HIDE = ("navigation", "toc", "footer")


class PageMeta(EditorModel):
    """The front matter of a hand-written page in content/ (not the toolkit): title and description."""
    model_config = ConfigDict(title="Side")

    title: Text(3, 120) | None = Field(None, description="Sidens titel", examples=["Om kursusafdelingen"])
    description: Text(1, 300) | None = Field(None, description="En eller to sætninger til søgemaskiner",
                                             examples=["Hvem vi er, og hvad vi vil med kurserne."])
    hide: list[OneOf(dict.fromkeys(PAGE_HIDE), "noget, der kan skjules")] = Field(
        default_factory=list, description="Dele af siden, der skjules: navigation, toc, footer", examples=[["toc"]])


def editor_keys(model: type[BaseModel]) -> frozenset[str]:
    """Every key an editor may write in a file of this model, the keys of nested mappings included."""
    keys: set[str] = set()
    todo, seen = [model], set()
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        for name, info in current.model_fields.items():
            keys.add(info.alias or name)
            types, parts = [], [info.annotation]
            while parts:
                part = parts.pop()
                parts += typing.get_args(part)
                types.append(part)
            todo += [t for t in types if isinstance(t, type) and issubclass(t, BaseModel)]
    return frozenset(keys)


class CourseEntry(BaseModel):
    """A valid course with what the build knows about it beyond the file's keys."""

    model_config = ConfigDict(frozen=True)

    slug: str
    source: str
    course: Course
    fingerprint: str = ""  # of the file's bytes: the same file gives the same pages


class PathEntry(BaseModel):
    """A valid learning path (``forloeb/<slug>.yml``)."""

    model_config = ConfigDict(frozen=True)

    slug: str
    source: str
    path: LearningPath
