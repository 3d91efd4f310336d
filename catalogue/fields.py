"""Value types shared by the models: Danish dates, URLs, e-mail, text and taxonomy keys.

Each type raises a Danish message that says what to write instead; the
validator adds the file, line and key.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Annotated, Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from email_validator import EmailNotValidError, validate_email
from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    PlainValidator,
    StringConstraints,
    ValidationInfo,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from .danish import number
from .diagnostics import did_you_mean
from .geography import AREAS
from .meant import STATUS_WORDS, advice_for_date, advice_for_datetime, https_address, time_reading

# The time zone of every date and time editors write, and of "today" for the build.
COPENHAGEN = ZoneInfo("Europe/Copenhagen")

SLUG_PATTERN = r"[a-z0-9]+(-[a-z0-9]+)*"
TAXONOMY_MARK = "x-taksonomi"
FILE_MARK = "x-fil-ved-siden"  # a file name: the file lies beside the page (for editors' tools: an upload)
# A key that may be left out of the model but must be written in some files (a venue, unless the session is online):
# its description says when, and the check says so at the line.
CONDITIONAL_MARK = "x-betinget"
# ASCII digits only: '\d' matches every script's digits (full-width '２０２７'), and int() reads them all.
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DATETIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}")
_EMAIL = re.compile(r"[^@\s<>()\[\],;:\"]+@[^@\s<>()\[\],;:\"]+\.[A-Za-z]{2,}")  # looks like one: "mailto:" missing


def problem(message: str, **context: Any) -> PydanticCustomError:
    """A validation error whose message is already Danish and complete."""
    return PydanticCustomError("catalogue", "{besked}", {"besked": message, **context})


def _as_text(value: Any) -> Any:
    # A bare number is text to an editor ("varighed: 3"); YAML reads it as a number.
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value


# Characters that break a line or are invisible controls: never in text that is not Markdown.
_LINE_BREAKS = re.compile("[\n\r\x0b\x0c\x85\u2028\u2029]")
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
# Unicode's bidirectional controls (property Bidi_Control): they reorder what a reader sees, in Markdown too.
_BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# What the invisible characters editors meet are called, for the message; the rest are named by their number.
_INVISIBLE_NAMES = {
    "\u00ad": "en blød bindestreg", "\u200b": "et nulbredde-mellemrum", "\u200c": "en nulbredde-ikke-binder",
    "\u200d": "en nulbredde-binder", "\u2060": "en ordbinder", "\ufeff": "et BOM-tegn (byte order mark)",
    "\u200e": "et retningsmærke", "\u200f": "et retningsmærke", "\u061c": "et retningsmærke",
    "\u202a": "et retningstegn", "\u202b": "et retningstegn", "\u202c": "et retningstegn",
    "\u202d": "et retningstegn, der vender teksten", "\u202e": "et retningstegn, der vender teksten",
    "\u2066": "et retningstegn", "\u2067": "et retningstegn", "\u2068": "et retningstegn", "\u2069": "et retningstegn",
}


def invisible_character(character: str) -> str:
    """What to tell an editor about an invisible character in their text."""
    name = _INVISIBLE_NAMES.get(character, "et usynligt tegn")
    return (f"indeholder {name} (U+{ord(character):04X}), som ikke ses, men kommer med på siden; det følger ofte "
            "med, når tekst kopieres. Slet tegnet, eller skriv teksten igen uden at kopiere den ind")


def invisible_in_markdown(text: str) -> re.Match[str] | None:
    """The first character Markdown may not hold: a control character or a bidirectional control."""
    return _CONTROLS.search(text) or _BIDI_CONTROLS.search(text)


def _invisible(character: str) -> PydanticCustomError:
    # ``tegn``: the message stands at the character itself (validation.model_diagnostics)
    return problem(invisible_character(character), tegn=character)


def _one_line(value: Any) -> Any:
    """Text holds no line break and no control or invisible character (FORMAT.md: Unicode categories Cc, Cf)."""
    if isinstance(value, str):  # already stripped and no longer than its limit (StringConstraints)
        if _LINE_BREAKS.search(value):
            raise problem("må kun fylde én linje; skriv teksten på samme linje som nøglen, uden linjeskift")
        for character in value:
            if character == "\t" or unicodedata.category(character) in ("Cc", "Cf"):
                raise _invisible(character)
    return value


def _no_controls(value: Any) -> Any:
    """Markdown may break lines, but holds no control character and no bidirectional control."""
    if isinstance(value, str):
        found = invisible_in_markdown(value)
        if found:
            raise _invisible(found.group())
    return value


TEXT_MAX = 300  # characters in a one-line text, unless its key says otherwise


def Text(min_length: int = 1, max_length: int | None = TEXT_MAX) -> Any:  # noqa: N802 (a type factory)
    """Text on one line: titles, names, notes (everything that is not Markdown)."""
    return Annotated[
        str,
        StringConstraints(strip_whitespace=True, min_length=min_length, max_length=max_length),
        AfterValidator(_one_line),
        BeforeValidator(_as_text),
    ]


def MarkdownText(max_length: int) -> Any:  # noqa: N802 (a type factory)
    """Markdown over any number of lines, at most ``max_length`` characters (catalogue/markdown_rules.py); HTML in
    it is checked by catalogue/safehtml.py."""
    return Annotated[
        str,
        StringConstraints(strip_whitespace=True, min_length=1, max_length=max_length),
        AfterValidator(_no_controls),
        BeforeValidator(_as_text),
        Field(json_schema_extra={"contentMediaType": "text/markdown"}),  # for editors' tools: a Markdown field
    ]


def _not_a_truth_value(value: Any) -> Any:
    # YAML's true/false would otherwise count as 1 and 0.
    if isinstance(value, bool):
        raise problem(f"skal være et helt tal, ikke {str(value).lower()}")
    return value


# A whole number as every editor's tool reads it (FORMAT.md, Conventions): decimal digits 0-9, no leading zero.
# (Longer than any bound, so that the bound is what the editor is told; int() refuses 4,300 digits.)
_PLAIN_WHOLE = re.compile(r"0|[1-9][0-9]{0,999}")


def _plain_whole_number(value: Any) -> Any:
    """YAML gives a plain decimal number as an int; text ("1200" in quotes) is read only if it is written so too."""
    _not_a_truth_value(value)
    if isinstance(value, str):
        if _PLAIN_WHOLE.fullmatch(value.strip()):
            return int(value)
        raise PydanticCustomError("int_parsing", "ikke et helt tal")  # validation.py words it, with advice
    return value


def WholeNumber(**bounds: int) -> Any:  # noqa: N802 (a type factory)
    """A whole number within bounds (ge=0, gt=0, …); "1200" in quotes is fine too."""
    return Annotated[int, Field(**bounds), BeforeValidator(_plain_whole_number)]


_CURRENCY = re.compile(r"(?i)(?:kr\.?|dkk)\s*(?P<before>.*)|(?P<after>.*?)\s*(?:kr\.?|dkk|,-|\.-)")
# A whole number written another way that can be read only one way: the pattern, and the part that holds its digits.
_MEANT_AS_WRITTEN = [
    re.compile(r"(?P<n>[0-9]+)"),  # '0700' (YAML 1.1: octal 448), or the digits left when 'kr.' is taken off
    re.compile(r"(?P<n>[1-9][0-9]{0,2}(?:\.[0-9]{3})+)(?:,0+|,-)?"),  # '1.450' or '1.450,00': Danish thousands
    re.compile(r"(?P<n>[1-9][0-9]{0,2}(?:[ \u00a0][0-9]{3})+)"),  # '1 450'
    re.compile(r"(?P<n>[0-9]+(?:_[0-9]+)+)"),  # '1_000', as a programmer writes it
    re.compile(r"(?P<n>[0-9]+)[.,]0+"),  # '1450.00'
]


def meant_whole_number(written: str) -> tuple[int, bool] | None:
    """The whole number ``written`` can only mean, and whether it came with 'kr.'; None if it is not that clear.

    '0x10', '20:00', '1,450' (a thousand and more in English, under two in Danish) and '1.5' are not.
    """
    text = written.strip()
    if len(text) > 40:
        return None
    currency = _CURRENCY.fullmatch(text)
    digits = (currency["before"] if currency["before"] is not None else currency["after"]) if currency else text
    for pattern in _MEANT_AS_WRITTEN:
        found = pattern.fullmatch(digits)
        if found:
            return int(re.sub(r"[^0-9]", "", found["n"])), currency is not None
    return None


_RATING = re.compile(r"[0-9](\.[0-9])?")


def parse_rating(value: Any) -> float:
    """An average rating from 1.0 to 5.0 with at most one decimal, written with a decimal point as YAML reads it."""
    if isinstance(value, bool) or value is None:
        raise problem(f"skal være et tal fra 1.0 til 5.0, ikke {kind_of(value)}")
    text = str(value).strip()
    if re.fullmatch(r"[0-9],[0-9]+", text):
        raise problem(f"skriv tallet med punktum, ikke komma: {text.replace(',', '.')}")
    if re.fullmatch(r"[0-9]\.[0-9]{2,}", text):
        rounded = Decimal(text).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)  # as the site rounds
        raise problem(f"må højst have én decimal; skriv fx {rounded}")
    if not _RATING.fullmatch(text):
        raise problem(f"'{text}' er ikke et tal fra 1.0 til 5.0; skriv fx 4.5")
    rating = float(text)
    if not 1.0 <= rating <= 5.0:
        raise problem(f"{text} ligger ikke mellem 1.0 og 5.0 (5 er bedst); ret tallet")
    return rating


def _ascii_digits(text: str) -> str:
    """``text`` with every decimal digit of another script ('２', '٢') written as 0-9."""
    return "".join(str(unicodedata.decimal(c)) if not "0" <= c <= "9" and unicodedata.decimal(c, None) is not None
                   else c for c in text)


def _other_digits(text: str, pattern: re.Pattern[str]) -> None:
    """A date or time written with another script's digits (copied from a web page): what to write instead."""
    written = _ascii_digits(text)
    if written != text and pattern.fullmatch(written):
        raise problem(f"'{text}' er skrevet med andre cifre end 0–9; skriv '{written}'")


def parse_date(value: Any) -> date:
    text = str(value).strip() if value is not None else ""
    _other_digits(text, _DATE)
    if _DATETIME.fullmatch(text):
        raise problem(f"skal være en dato uden klokkeslæt; skriv '{text[:10]}'")
    if not _DATE.fullmatch(text):
        advice = advice_for_date(text)
        if advice:
            raise problem(f"'{text}' er ikke skrevet som ÅÅÅÅ-MM-DD; {advice}")
        raise problem(f"'{text}' er ikke en dato; skriv den som ÅÅÅÅ-MM-DD, fx 2027-02-05")
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise problem(f"datoen '{text}' findes ikke i kalenderen; ret dag eller måned") from None
    return _sensible(day, text)


def parse_datetime(value: Any) -> datetime:
    text = str(value).strip() if value is not None else ""
    _other_digits(text, _DATETIME)
    if _DATE.fullmatch(text):
        raise problem(f"mangler klokkeslæt; skriv fx '{text} 09:30'")
    if not _DATETIME.fullmatch(text):
        advice = advice_for_datetime(text)
        if advice:
            clock = time_reading(text)  # a time alone: validation.py can take the date from the session's other time
            raise problem(f"'{text}' er ikke skrevet som ÅÅÅÅ-MM-DD TT:MM; {advice}",
                          **({"klokkeslæt": clock} if clock else {}))
        raise problem(f"'{text}' er ikke dato og klokkeslæt; skriv som ÅÅÅÅ-MM-DD TT:MM, fx 2027-03-05 16:00")
    try:  # the pattern is checked above; this is much faster than strptime
        moment = datetime(int(text[0:4]), int(text[5:7]), int(text[8:10]), int(text[11:13]), int(text[14:16]))
    except ValueError:
        raise problem(f"'{text}' findes ikke i kalenderen eller på uret; ret dato eller klokkeslæt") from None
    return _sensible(moment, text)


# Dates an editor can mean: anything else is a typo (and would overflow time zone arithmetic).
FIRST_YEAR, LAST_YEAR = 2000, 2099


def _sensible(value: Any, text: str) -> Any:
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise problem(f"årstallet i '{text}' ligger ikke mellem {FIRST_YEAR} og {LAST_YEAR}; ret årstallet")
    return value


def email_address(text: str) -> str:
    """A plain e-mail address (checked by email-validator), normalised; a Danish problem otherwise."""
    shown = text if len(text) <= 80 else text[:77] + "…"
    if "?" in text or "&" in text or "%" in text:
        raise problem(f"'{shown}' er ikke bare en e-mailadresse: skriv kun adressen, fx kursus@example.dk, "
                      "uden '?', '&' og det, der står efter (fx cc eller bcc)")
    try:
        return validate_email(text, check_deliverability=False, allow_smtputf8=False).normalized
    except EmailNotValidError:
        raise problem(f"'{shown}' er ikke en e-mailadresse; skriv fx kursus@example.dk") from None


ADDRESS_MAX = 2000  # characters in a web or e-mail address: more than any real one, and than browsers keep


def _address_text(value: Any) -> str:
    """The address as written, refused when no real address is that long (FORMAT.md: every value has a limit)."""
    text = str(value).strip() if value is not None else ""
    if len(text) > ADDRESS_MAX:
        raise problem(f"adressen er for lang ({number(len(text))} tegn); højst {number(ADDRESS_MAX)} tegn er tilladt. "
                      "Skriv adressen, som den står i browserens adresselinje")
    return text


def parse_email(value: Any) -> str:
    text = _address_text(value)
    if text.lower().startswith("mailto:"):
        text = text[len("mailto:"):]
    return email_address(text)


_NOT_IN_URLS = re.compile(r'[\s\x00-\x1f\x7f<>"\\]')


def _secure(text: str) -> str:
    """An http: address as https: ('http://x.dk/a' → 'https://x.dk/a')."""
    return "https" + text.strip()[len("http"):]


def parse_https_url(value: Any) -> str:
    text = _address_text(value)
    parts = urlsplit(text)
    if parts.scheme == "http":
        raise problem(f"'{text}' bruger http:, som ikke er sikker; skriv '{_secure(text)}'")
    if parts.scheme != "https" or not parts.netloc or _NOT_IN_URLS.search(text):
        if fixed := https_address(text):
            raise problem(f"'{text}' mangler 'https://' foran; skriv '{fixed}'")
        raise problem(f"'{text}' er ikke en webadresse; skriv en hel adresse, der starter med https://")
    return text


_REPOSITORY = re.compile(r"[A-Za-z0-9-]+/[A-Za-z0-9._-]+")


def parse_repository(value: Any) -> str:
    """A GitHub repository as 'owner/name' (not its web address)."""
    text = str(value).strip() if value is not None else ""
    path = urlsplit(text).path.strip("/") if text.startswith("https://github.com/") else text
    if _REPOSITORY.fullmatch(path):
        if path != text:
            raise problem(f"skriv kun ejer og navn, '{path}', ikke hele adressen")
        return text
    raise problem(f"'{text}' er ikke et repositorium på GitHub; skriv ejer og navn, fx 'kursusafdelingen/kurser'")


def parse_signup(value: Any) -> str:
    """Where to sign up: an https:// address or a mailto: address, nothing else."""
    text = _address_text(value)
    scheme = urlsplit(text).scheme.lower()
    if scheme == "mailto":
        address, _, query = text[len("mailto:"):].partition("?")
        if query:
            raise problem("skriv kun adressen efter 'mailto:', fx mailto:kursus@example.dk, uden '?' og det, der "
                          "står efter: emne og tekst i tilmeldingsmailen skriver hjemmesiden selv, og cc eller bcc "
                          "ville sende deltagernes oplysninger til andre")
        return "mailto:" + email_address(address)
    if scheme == "https":
        return parse_https_url(text)
    if scheme == "http":
        raise problem(f"'{text}' bruger http:, som ikke er sikker; skriv '{_secure(text)}'")
    if _EMAIL.fullmatch(text):
        raise problem(f"skriv 'mailto:' foran e-mailadressen: mailto:{text}")
    if scheme:
        raise problem(f"adresser med '{scheme}:' er ikke tilladt; skriv en https://-adresse eller "
                      "mailto:e-mailadresse")
    if fixed := https_address(text):
        raise problem(f"'{text}' mangler 'https://' foran; skriv '{fixed}'")
    raise problem(f"'{text}' er hverken en https://-adresse eller en mailto:-adresse; skriv fx "
                  "https://tilmelding.example.dk/kursus eller mailto:kursus@example.dk")


_YOUTUBE_ID = re.compile(r"[A-Za-z0-9_-]{11}")


@dataclass(frozen=True)
class VideoSource:
    """A YouTube or Vimeo video: where to watch it, and the privacy-friendly player to embed on request."""

    provider: str  # "YouTube" or "Vimeo"
    id: str

    @property
    def watch_url(self) -> str:
        if self.provider == "YouTube":
            return f"https://www.youtube.com/watch?v={self.id}"
        return f"https://vimeo.com/{self.id}"

    @property
    def embed_url(self) -> str:
        if self.provider == "YouTube":
            return f"https://www.youtube-nocookie.com/embed/{self.id}?autoplay=1"
        return f"https://player.vimeo.com/video/{self.id}?dnt=1&autoplay=1"


def video_source(url: str) -> VideoSource | None:
    """The video behind a YouTube or Vimeo address in any of its usual forms, or None."""
    parts = urlsplit(url)
    host = parts.netloc.lower().removeprefix("www.").removeprefix("m.")
    segments = [s for s in parts.path.split("/") if s]
    candidate = None
    if host in ("youtube.com", "youtube-nocookie.com"):
        if segments == ["watch"]:
            candidate = dict(p.split("=", 1) for p in parts.query.split("&") if "=" in p).get("v")
        elif len(segments) == 2 and segments[0] in ("embed", "shorts", "live"):
            candidate = segments[1]
    elif host == "youtu.be" and len(segments) == 1:
        candidate = segments[0]
    if candidate and _YOUTUBE_ID.fullmatch(candidate):
        return VideoSource("YouTube", candidate)
    if host in ("vimeo.com", "player.vimeo.com") and segments and re.fullmatch("[0-9]+", segments[-1]):
        return VideoSource("Vimeo", segments[-1])
    return None


def parse_video_url(value: Any) -> str:
    text = parse_https_url(value)
    if video_source(text) is None:
        raise problem(f"'{text}' er ikke en video på YouTube eller Vimeo; skriv fx "
                      "https://www.youtube.com/watch?v=… eller https://vimeo.com/…")
    return text


def parse_postal_code(value: Any) -> str:
    text = str(value).strip() if value is not None else ""
    if not re.fullmatch(r"[0-9]{4}", text):
        raise problem(f"'{text}' er ikke et postnummer; skriv fire cifre i anførselstegn, fx \"2500\"")
    return text


def _schema(**schema: Any) -> WithJsonSchema:
    return WithJsonSchema({"type": "string", **schema})


LocalDate = Annotated[date, PlainValidator(parse_date), _schema(pattern=r"^\d{4}-\d{2}-\d{2}$")]
LocalDateTime = Annotated[datetime, PlainValidator(parse_datetime),
                          _schema(pattern=r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$")]
Email = Annotated[str, PlainValidator(parse_email), _schema(pattern=r"^[^@\s?&%]+@[^@\s?&%]+\.[A-Za-z]{2,}$")]
HttpsUrl = Annotated[str, PlainValidator(parse_https_url), _schema(pattern=r"^https://\S+$")]
SignupUrl = Annotated[str, PlainValidator(parse_signup), _schema(pattern=r"^(https://\S+|mailto:[^@\s?&%]+@[^@\s?&%]+)$")]
# No "multipleOf": 0.1 in the schema: 4.6 is no multiple of 0.1 in binary floating point, so a validator would
# underline every rating (the one decimal is checked by parse_rating).
Rating = Annotated[float, PlainValidator(parse_rating), WithJsonSchema({"type": "number", "minimum": 1, "maximum": 5})]
PostalCode = Annotated[str, PlainValidator(parse_postal_code), WithJsonSchema(
    {"type": ["string", "integer"], "pattern": r"^\d{4}$"})]
GitHubRepository = Annotated[str, PlainValidator(parse_repository), _schema(pattern=r"^[A-Za-z0-9-]+/[A-Za-z0-9._-]+$")]
VideoUrl = Annotated[str, PlainValidator(parse_video_url), _schema(
    pattern=r"^https://(www\.|m\.)?(youtube\.com|youtube-nocookie\.com|youtu\.be|vimeo\.com|player\.vimeo\.com)/\S+$")]


def OneOf(choices: dict[str, Any], what: str) -> Any:  # noqa: N802 (a type factory)
    """One of a fixed set of words, with a suggestion for a near-miss."""

    def check(value: Any) -> str:
        if value not in choices:
            raise problem(f"'{value}' er ikke {what}{did_you_mean(str(value), list(choices))}")
        return value

    return Annotated[str, PlainValidator(check), WithJsonSchema({"type": "string", "enum": list(choices)})]


# One entry of each of the taxonomy's lists, as a message names it ("'x' er ikke et af emnerne i config/taxonomy.yml").
LIST_ENTRY = {"emner": "et af emnerne", "niveauer": "et af niveauerne", "former": "en af formerne",
              "målgrupper": "en af målgrupperne", "regioner": "en af regionerne", "kendetegn": "et af kendetegnene",
              "status": "en status"}

# Other words an editor writes for a key of a list: a town or area for its region, 'udsolgt' for 'fuldt'.
KNOWN_WORDS = {"regioner": AREAS, "status": STATUS_WORDS}


def TaxonomyKey(vocabulary: str) -> Any:  # noqa: N802 (a type factory)
    """A key of one of the taxonomy's lists, checked against the taxonomy in the validation context."""

    def check(value: Any, info: ValidationInfo) -> str:
        taxonomy = (info.context or {}).get("taxonomy")
        if not isinstance(value, str):
            raise problem(f"skal være {LIST_ENTRY.get(vocabulary, vocabulary)} fra config/taxonomy.yml, ikke "
                          f"{kind_of(value)}")
        if taxonomy is None:
            return value
        keys = taxonomy.keys(vocabulary)
        if value not in keys:
            labels = {key: entry.navn for key, entry in taxonomy.vocabulary(vocabulary).items()}
            raise problem(f"'{value}' er ikke {LIST_ENTRY.get(vocabulary, vocabulary)} i config/taxonomy.yml"
                          f"{did_you_mean(value, keys, labels, KNOWN_WORDS.get(vocabulary))}")
        return value

    # The schema names the vocabulary; catalogue/schemas.py puts in its keys.
    return Annotated[str, PlainValidator(check), WithJsonSchema({"type": "string", TAXONOMY_MARK: vocabulary})]


def kind_of(value: Any) -> str:
    """What an editor wrote, in the words of a message such as "skal være tekst, ikke …"."""
    if value is None:
        return "tom"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return f"tallet {value}"
    if isinstance(value, list):
        return "en liste"
    if isinstance(value, dict):
        return "nøgler med værdier"
    return f"'{value}'"
