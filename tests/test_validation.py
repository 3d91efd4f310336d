"""Every validation rule: a bad file, and the exact line `check` must print for it.

All bad files are checked in one run of the real ``build.py check``, which
also shows that every problem is reported in one run.
"""

from __future__ import annotations

import os
import subprocess
from datetime import date
from pathlib import Path

import pytest
from conftest import REFERENCE_DATE, REPO, Result, copy_project, run_build
from hypothesis import given
from hypothesis import strategies as st

from catalogue.validation import load_taxonomy

VALID = """\
titel: Det gode bestyrelsesmøde
intro: Få styr på dagsorden, mødeledelse og referat.
beskrivelse: |
  Vi gennemgår hele mødet fra indkaldelse til referat.
emner: [bestyrelsesarbejde, kommunikation]
niveau: [ny]
form: fysisk
målgruppe: [afdelingsbestyrelse]
pris: 1200
materialer: [vaerktoejskasse/vejledninger/ny-i-afdelingsbestyrelsen.md]
hold:
  - start: 2027-03-06 09:30
    slut: 2027-03-06 15:30
    sted: {navn: Kursuscenter Valby, adresse: Eksempelvej 1, postnr: "2500", by: Valby}
    region: hovedstaden
    tilmeldingsfrist: 2027-02-05
    tilmelding: mailto:kursus@example.dk
"""


def variant(old: str, new: str) -> str:
    assert old in VALID, old
    return VALID.replace(old, new, 1)


# (file name, content, expected lines of `check`); each row is one rule.
CASES: list[tuple[str, str | bytes, list[str]]] = [
    ("mangler-titel", variant("titel: Det gode bestyrelsesmøde\n", ""),
     ["1:1: fejl: titel: mangler; tilføj fx 'titel: Det gode bestyrelsesmøde'"]),
    ("kort-titel", variant("titel: Det gode bestyrelsesmøde", "titel: Ok"),
     ["1:8: fejl: titel: er for kort; skriv mindst 3 tegn"]),
    ("lang-titel", variant("titel: Det gode bestyrelsesmøde", "titel: " + "x" * 121),
     ["1:8: fejl: titel: er for lang (121 tegn); højst 120 tegn er tilladt, så gør teksten kortere"]),
    ("lang-intro", variant("intro: Få styr på dagsorden, mødeledelse og referat.", "intro: " + "ord " * 80),
     ["2:8: fejl: intro: er for lang (319 tegn); højst 300 tegn er tilladt, så gør teksten kortere"]),
    ("tom-beskrivelse", variant("beskrivelse: |\n  Vi gennemgår hele mødet fra indkaldelse til referat.\n",
                                "beskrivelse:\n"),
     ["3:13: fejl: beskrivelse: har ingen værdi; skriv fx 'beskrivelse: Vi gennemgår hele mødet fra indkaldelse til "
      "referat.'"]),
    ("ukendt-noegle", variant("pris: 1200\n", "pris: 1200\nbeskrivelsen: Noget\n"),
     # 'beskrivelse' is in the file already: following 'mente du beskrivelse?' would make a duplicate key
     ["10:1: fejl: beskrivelsen: ukendt nøgle 'beskrivelsen'; 'beskrivelse' står allerede på linje 3: flyt teksten "
      "herfra ind i den, eller slet denne linje"]),
    ("ukendt-noegle-mangler", variant("pris: 1200", "pris_medlem: 1200"),  # said once, at the key written
     ["9:1: fejl: pris_medlem: ukendt nøgle 'pris_medlem'; mente du 'pris'?"]),
    # a number is no note: 'pris_note' (text) is not offered for a second price, 'pris' is there already
    ("ukendt-noegle-anden-slags", variant("pris: 1200\n", "pris: 1200\npris_medlem: 1000\n"),
     ["10:1: fejl: pris_medlem: ukendt nøgle 'pris_medlem'; 'pris' står allerede på linje 9, så slet denne linje, "
      "hvis den er glemt fra før; skal der stå mere om den, så skriv det som tekst i 'pris_note'"]),
    ("ukendt-noegle-i-hold", variant("    tilmeldingsfrist: 2027-02-05", "    tilmeldingfrist: 2027-02-05"),
     ["16:5: fejl: 1. hold › tilmeldingfrist: ukendt nøgle 'tilmeldingfrist'; mente du 'tilmeldingsfrist'?"]),
    ("noegle-uden-danske-bogstaver", variant("målgruppe:", "maalgruppe:"),
     ["8:1: fejl: maalgruppe: ukendt nøgle 'maalgruppe'; mente du 'målgruppe'?"]),
    ("ukendt-emne", variant("emner: [bestyrelsesarbejde, kommunikation]", "emner: [bestyrelsesarbejde, oekonomy]"),
     ["5:29: fejl: 2. emne: 'oekonomy' er ikke et af emnerne i config/taxonomy.yml; mente du 'oekonomi'?"]),
    ("emne-med-danske-bogstaver", variant("emner: [bestyrelsesarbejde, kommunikation]", "emner: [Økonomi]"),
     ["5:9: fejl: 1. emne: 'Økonomi' er ikke et af emnerne i config/taxonomy.yml; mente du 'oekonomi'?"]),
    ("tal-som-emne", variant("emner: [bestyrelsesarbejde, kommunikation]", "emner: [bestyrelsesarbejde, 5]"),
     ["5:29: fejl: 2. emne: skal være et af emnerne fra config/taxonomy.yml, ikke tallet 5"]),
    ("true-som-emne", variant("emner: [bestyrelsesarbejde, kommunikation]", "emner: [true]"),
     ["5:9: fejl: 1. emne: skal være et af emnerne fra config/taxonomy.yml, ikke true/false"]),
    ("ingen-emner", variant("emner: [bestyrelsesarbejde, kommunikation]", "emner: []"),
     ["5:8: fejl: emner: skal have mindst én værdi"]),
    ("niveau-ikke-liste", variant("niveau: [ny]", "niveau: ny"),
     ["6:9: fejl: niveau: skal være en liste; skriv [ny]"]),
    ("ukendt-form", variant("form: fysisk", "form: fysik"),
     ["7:7: fejl: form: 'fysik' er ikke en af formerne i config/taxonomy.yml; mente du 'fysisk'?"]),
    ("ukendt-maalgruppe", variant("målgruppe: [afdelingsbestyrelse]", "målgruppe: [bestyrelsen]"),
     ["8:13: fejl: 1. målgruppe: 'bestyrelsen' er ikke en af målgrupperne i config/taxonomy.yml; "
      "mente du 'afdelingsbestyrelse'?"]),
    ("ukendt-maalgruppe-langt-fra", variant("målgruppe: [afdelingsbestyrelse]", "målgruppe: [alle]"),
     ["8:13: fejl: 1. målgruppe: 'alle' er ikke en af målgrupperne i config/taxonomy.yml; "
      "skriv en af: 'afdelingsbestyrelse', 'organisationsbestyrelse', 'repraesentantskab', 'beboere', 'ansatte'"]),
    ("negativ-pris", variant("pris: 1200", "pris: -5"),
     ["9:7: fejl: pris: må ikke være negativ; skriv 0 eller mere"]),
    ("pris-med-punktum", variant("pris: 1200", "pris: 5.100"),
     ["9:7: fejl: pris: '5.100' skal skrives med cifrene 0–9 alene; skriv 5100"]),
    ("pris-med-kr", variant("pris: 1200", "pris: 1200 kr."),
     ["9:7: fejl: pris: skriv kun tallet, 1200, ikke '1200 kr.'; siden skriver selv 'kr.' efter prisen"]),
    # FORMAT.md 2.1: one reading of a number, the one every editor's tool shows (YAML 1.1 read 0700 as 448, 20:00
    # as 1200 and 0x10 as 16, and the site published them).
    ("pris-med-nul-foran", variant("pris: 1200", "pris: 0700"),
     ["9:7: fejl: pris: '0700' begynder med 0, og nogle programmer læser det som et andet tal; skriv 700"]),
    ("pris-med-nul-foran-i-anfoerselstegn", variant("pris: 1200", 'pris: "0700"'),
     ["9:7: fejl: pris: '0700' begynder med 0, og nogle programmer læser det som et andet tal; skriv 700"]),
    ("pris-som-klokkeslaet", variant("pris: 1200", "pris: 20:00"),
     ["9:7: fejl: pris: '20:00' er ikke et helt tal skrevet med cifrene 0–9; skriv fx 1200"]),
    ("pris-med-understreg", variant("pris: 1200", "pris: 1_450"),
     ["9:7: fejl: pris: '1_450' skal skrives med cifrene 0–9 alene; skriv 1450"]),
    ("pris-med-kr-foran-og-punktum", variant("pris: 1200", "pris: kr. 1.450,00"),
     ["9:7: fejl: pris: skriv kun tallet, 1450, ikke 'kr. 1.450,00'; siden skriver selv 'kr.' efter prisen"]),
    ("pris-med-decimaler", variant("pris: 1200", "pris: 1450.00"),
     ["9:7: fejl: pris: '1450.00' skal skrives med cifrene 0–9 alene; skriv 1450"]),
    ("pris-med-komma-tvetydig", variant("pris: 1200", "pris: 1,450"),
     ["9:7: fejl: pris: '1,450' er ikke et helt tal skrevet med cifrene 0–9; med komma eller punktum kan det læses "
      "på flere måder, så skriv kun cifrene, fx 1200"]),
    ("pladser-hex", variant("tilmelding: mailto:kursus@example.dk", "tilmelding: mailto:kursus@example.dk\n"
                                                                    "    pladser: 0x10"),
     ["18:14: fejl: 1. hold › pladser: '0x10' er ikke et helt tal skrevet med cifrene 0–9; skriv fx 24"]),
    ("pladser-oktal", variant("tilmelding: mailto:kursus@example.dk", "tilmelding: mailto:kursus@example.dk\n"
                                                                      "    pladser: 020"),
     ["18:14: fejl: 1. hold › pladser: '020' begynder med 0, og nogle programmer læser det som et andet tal; "
      "skriv 20"]),
    ("tilmelding-for-lang", variant("tilmelding: mailto:kursus@example.dk",
                                    "tilmelding: https://tilmelding.example.dk/" + "a" * 2000),
     ["17:17: fejl: 1. hold › tilmelding: adressen er for lang (2.030 tegn); højst 2.000 tegn er tilladt. Skriv "
      "adressen, som den står i browserens adresselinje"]),
    ("postnr-hex", variant('postnr: "2500"', "postnr: 0x10"),
     ["14:70: fejl: 1. hold › sted › postnr: '0x10' er ikke et postnummer; skriv fire cifre i anførselstegn, fx "
      '"2500"']),
    # Dates and times in ASCII digits, and the summer-time rule on the time read, not on the text's positions.
    ("start-med-fuldbreddecifre", variant("start: 2027-03-06 09:30", 'start: "２０２７-03-06 09:30"'),
     ["12:12: fejl: 1. hold › start: '２０２７-03-06 09:30' er skrevet med andre cifre end 0–9; skriv "
      "'2027-03-06 09:30'"]),
    ("start-i-sommertidens-hul-med-mellemrum", variant("start: 2027-03-06 09:30\n    slut: 2027-03-06 15:30",
                                                       'start: " 2027-03-28 02:30"\n    slut: 2027-03-28 15:30'),
     ["12:12: fejl: 1. hold › start: kl. 02:30 den 28. marts 2027 findes ikke i dansk tid, fordi uret stilles en "
      "time frem den nat (fra 02:00 til 03:00); skriv et klokkeslæt før 02:00 eller fra 03:00"]),
    # Invisible characters (FORMAT.md 2.1): at the character itself, named.
    ("titel-med-nulbredde-mellemrum", variant("titel: Det gode", "titel: Det gode\u200b"),
     ["1:16: fejl: titel: indeholder et nulbredde-mellemrum (U+200B), som ikke ses, men kommer med på siden; det "
      "følger ofte med, når tekst kopieres. Slet tegnet, eller skriv teksten igen uden at kopiere den ind"]),
    ("titel-vendt-med-retningstegn", variant("titel: Det gode", "titel: Det \u202egode"),
     ["1:12: fejl: titel: indeholder et retningstegn, der vender teksten (U+202E), som ikke ses, men kommer med på "
      "siden; det følger ofte med, når tekst kopieres. Slet tegnet, eller skriv teksten igen uden at kopiere den ind"]),
    ("beskrivelse-med-retningsisolering", variant("  Vi gennemgår hele", "  Vi gennemgår \u2067hele"),
     ["4:16: fejl: beskrivelse: indeholder et retningstegn (U+2067), som ikke ses, men kommer med på siden; det "
      "følger ofte med, når tekst kopieres. Slet tegnet, eller skriv teksten igen uden at kopiere den ind"]),
    ("pris-sand", variant("pris: 1200", "pris: true"),
     ["9:7: fejl: pris: skal være et helt tal, ikke true"]),
    ("skraeddersyet-ja", variant("pris: 1200\n", "pris: 1200\nskræddersyet: ja\n"),
     ["10:15: fejl: skræddersyet: skal være true (ja) eller false (nej), ikke 'ja'"]),
    ("ukendt-kendetegn", variant("pris: 1200\n", "pris: 1200\nkendetegn: [netværk]\n"),
     ["10:13: fejl: 1. kendetegn: 'netværk' er ikke et af kendetegnene i config/taxonomy.yml; mente du 'netvaerk'?"]),
    ("materiale-findes-ikke",
     variant("vaerktoejskasse/vejledninger/ny-i-afdelingsbestyrelsen.md",
             "vaerktoejskasse/vejledninger/ny-i-bestyrelsen.md"),
     ["10:14: fejl: 1. materiale: 'vaerktoejskasse/vejledninger/ny-i-bestyrelsen.md' findes ikke under content/; "
      "mente du 'vaerktoejskasse/vejledninger/ny-i-afdelingsbestyrelsen.md'?"]),
    ("materiale-uden-for-content", variant("vaerktoejskasse/vejledninger/ny-i-afdelingsbestyrelsen.md", "../build.py"),
     ["10:14: fejl: 1. materiale: '../build.py' skal være stien til en side i værktøjskassen under content/, "
      "fx vaerktoejskasse/skabeloner/referat-bestyrelsesmoede.md"]),
    ("ugyldig-kontakt", variant("pris: 1200\n", "pris: 1200\nkontakt: kursus(at)example.dk\n"),
     ["10:10: fejl: kontakt: 'kursus(at)example.dk' er ikke en e-mailadresse; skriv fx kursus@example.dk"]),
    ("evaluering-http", variant("pris: 1200\n", "pris: 1200\nevaluering: http://example.dk/skema\n"),
     ["10:13: fejl: evaluering: 'http://example.dk/skema' bruger http:, som ikke er sikker; skriv 'https://example.dk/skema'"]),
    ("start-uden-klokkeslaet", variant("start: 2027-03-06 09:30", "start: 2027-03-06"),
     ["12:12: fejl: 1. hold › start: mangler klokkeslæt; skriv fx '2027-03-06 09:30'"]),
    ("start-forkert-format", variant("start: 2027-03-06 09:30", "start: 6/3 2027 kl. 9.30"),
     ["12:12: fejl: 1. hold › start: '6/3 2027 kl. 9.30' er ikke skrevet som ÅÅÅÅ-MM-DD TT:MM; skriv "
      "'2027-03-06 09:30' (lørdag 6. marts 2027 kl. 09.30)"]),
    ("start-klokkeslaet-med-kolon", variant("start: 2027-03-06 09:30", "start: 2027-03-06 9:30"),
     ["12:12: fejl: 1. hold › start: '2027-03-06 9:30' er ikke skrevet som ÅÅÅÅ-MM-DD TT:MM; skriv "
      "'2027-03-06 09:30' (lørdag 6. marts 2027 kl. 09.30)"]),
    ("start-med-t", variant("start: 2027-03-06 09:30", "start: 2027-03-06T09:30"),
     ["12:12: fejl: 1. hold › start: '2027-03-06T09:30' er ikke skrevet som ÅÅÅÅ-MM-DD TT:MM; skriv "
      "'2027-03-06 09:30' (lørdag 6. marts 2027 kl. 09.30)"]),
    ("start-to-laesninger-og-komma", variant("start: 2027-03-06 09:30", "start: 5/3/2027, kl. 10"),
     ["12:12: fejl: 1. hold › start: '5/3/2027, kl. 10' er ikke skrevet som ÅÅÅÅ-MM-DD TT:MM; den kan læses som "
      "fredag 5. marts 2027 og som mandag 3. maj 2027; skriv '2027-03-05 10:00' eller '2027-05-03 10:00'"]),
    ("start-kun-klokkeslaet", variant("start: 2027-03-06 09:30", "start: kl. 9.30"),
     ["12:12: fejl: 1. hold › start: 'kl. 9.30' er kun et klokkeslæt; skriv '2027-03-06 09:30', hvis holdet er "
      "samme dag som slut (lørdag 6. marts 2027)"]),
    ("start-og-slut-kun-klokkeslaet", variant("start: 2027-03-06 09:30\n    slut: 2027-03-06 15:30",
                                              "start: kl. 9.30\n    slut: 2027-03-06T15:30"),
     ["12:12: fejl: 1. hold › start: 'kl. 9.30' er ikke skrevet som ÅÅÅÅ-MM-DD TT:MM; skriv holdets dato foran "
      "klokkeslættet, fx 'ÅÅÅÅ-MM-DD 09:30'",
      "13:11: fejl: 1. hold › slut: '2027-03-06T15:30' er ikke skrevet som ÅÅÅÅ-MM-DD TT:MM; skriv "
      "'2027-03-06 15:30' (lørdag 6. marts 2027 kl. 15.30)"]),
    ("frist-dansk-dato", variant("tilmeldingsfrist: 2027-02-05", "tilmeldingsfrist: 5/2-2027"),
     ["16:23: fejl: 1. hold › tilmeldingsfrist: '5/2-2027' er ikke skrevet som ÅÅÅÅ-MM-DD; skriv '2027-02-05' "
      "(fredag 5. februar 2027)"]),
    ("frist-to-laesninger", variant("tilmeldingsfrist: 2027-02-05", "tilmeldingsfrist: 5/2/2027"),
     ["16:23: fejl: 1. hold › tilmeldingsfrist: '5/2/2027' er ikke skrevet som ÅÅÅÅ-MM-DD; den kan læses som fredag "
      "5. februar 2027 og som søndag 2. maj 2027; skriv '2027-02-05' eller '2027-05-02'"]),
    ("frist-uden-nuller", variant("tilmeldingsfrist: 2027-02-05", "tilmeldingsfrist: 2027-2-5"),
     ["16:23: fejl: 1. hold › tilmeldingsfrist: '2027-2-5' er ikke skrevet som ÅÅÅÅ-MM-DD; skriv '2027-02-05' "
      "(fredag 5. februar 2027)"]),
    ("frist-ingen-dato", variant("tilmeldingsfrist: 2027-02-05", "tilmeldingsfrist: snarest"),
     ["16:23: fejl: 1. hold › tilmeldingsfrist: 'snarest' er ikke en dato; skriv den som ÅÅÅÅ-MM-DD, fx 2027-02-05"]),
    ("tilmelding-uden-https", variant("tilmelding: mailto:kursus@example.dk", "tilmelding: www.lejerbo.dk/tilmeld"),
     ["17:17: fejl: 1. hold › tilmelding: 'www.lejerbo.dk/tilmeld' mangler 'https://' foran; skriv "
      "'https://www.lejerbo.dk/tilmeld'"]),
    ("status-udsolgt", variant("    region: hovedstaden\n", "    region: hovedstaden\n    status: udsolgt\n"),
     ["16:13: fejl: 1. hold › status: 'udsolgt' er ikke en status i config/taxonomy.yml; "
      "mente du 'fuldt'?"]),
    ("niveauer-som-tekst", variant("niveau: [ny]", "niveau: ny og mellem"),
     ["6:9: fejl: niveau: skal være en liste; skriv [ny, mellem]"]),
    # a page named like no page: no 'mente du' for a page in another folder that only shares the folders' names
    ("materiale-ukendt-navn", variant("materialer: [vaerktoejskasse/vejledninger/ny-i-afdelingsbestyrelsen.md]",
                                      "materialer: [vaerktoejskasse/findes-ikke.md]"),
     ["10:14: fejl: 1. materiale: 'vaerktoejskasse/findes-ikke.md' findes ikke under content/; tjek stavningen "
      "eller opret siden"]),
    ("dato-findes-ikke", variant("tilmeldingsfrist: 2027-02-05", "tilmeldingsfrist: 2027-02-30"),
     ["16:23: fejl: 1. hold › tilmeldingsfrist: datoen '2027-02-30' findes ikke i kalenderen; ret dag eller måned"]),
    ("slut-foer-start", variant("slut: 2027-03-06 15:30", "slut: 2027-03-06 08:30"),
     ["13:11: fejl: 1. hold › slut: slut (2027-03-06 08:30) ligger før start (2027-03-06 09:30); "
      "ret slut eller start"]),
    ("frist-efter-start", variant("tilmeldingsfrist: 2027-02-05", "tilmeldingsfrist: 2027-03-07"),
     ["16:23: fejl: 1. hold › tilmeldingsfrist: tilmeldingsfristen (2027-03-07) ligger efter holdets startdato "
      "(2027-03-06); skriv en dato til og med 2027-03-06"]),
    ("tilmelding-http", variant("tilmelding: mailto:kursus@example.dk", "tilmelding: http://tilmelding.example.dk"),
     ["17:17: fejl: 1. hold › tilmelding: 'http://tilmelding.example.dk' bruger http:, som ikke er sikker; "
      "skriv 'https://tilmelding.example.dk'"]),
    ("tilmelding-javascript", variant("tilmelding: mailto:kursus@example.dk", "tilmelding: javascript:alert(1)"),
     ["17:17: fejl: 1. hold › tilmelding: adresser med 'javascript:' er ikke tilladt; skriv en https://-adresse "
      "eller mailto:e-mailadresse"]),
    ("tilmelding-uden-mailto", variant("tilmelding: mailto:kursus@example.dk", "tilmelding: kursus@example.dk"),
     ["17:17: fejl: 1. hold › tilmelding: skriv 'mailto:' foran e-mailadressen: mailto:kursus@example.dk"]),
    ("sted-mangler",
     variant('    sted: {navn: Kursuscenter Valby, adresse: Eksempelvej 1, postnr: "2500", by: Valby}\n', ""),
     ["12:5: fejl: 1. hold › sted: mangler; et hold med form 'fysisk' (kursets form) skal have sted med navn, "
      "adresse, postnr og by. Er holdet online, så skriv 'form: online' i holdet"]),
    ("hold-online-paa-fysisk-kursus",
     variant('    sted: {navn: Kursuscenter Valby, adresse: Eksempelvej 1, postnr: "2500", by: Valby}\n'
             '    region: hovedstaden\n', "    form: online\n"),
     []),
    ("hold-hybrid-uden-sted",
     variant("form: fysisk", "form: online").replace(
         '    sted: {navn: Kursuscenter Valby, adresse: Eksempelvej 1, postnr: "2500", by: Valby}\n'
         '    region: hovedstaden\n', "    form: hybrid\n"),
     ["12:5: fejl: 1. hold › region: mangler; et hold med form 'hybrid' (holdets form) skal have regionen for "
      "sit sted, fx 'region: midtjylland'. Kun et online hold kan udelade den (så gælder det hele landet)",
      "12:5: fejl: 1. hold › sted: mangler; et hold med form 'hybrid' (holdets form) skal have sted med navn, "
      "adresse, postnr og by. Er holdet online, så skriv 'form: online' i holdet"]),
    ("hold-form-script",
     variant("    region: hovedstaden\n", "    region: hovedstaden\n    form: <script>alert(1)</script>\n"),
     ["16:11: fejl: 1. hold › form: '<script>alert(1)</script>' er ikke en af formerne i "
      "config/taxonomy.yml; skriv en af: "
      "'fysisk', 'online', 'hybrid'"]),
    ("hold-ukendt-form", variant("    region: hovedstaden\n", "    region: hovedstaden\n    form: onlin\n"),
     ["16:11: fejl: 1. hold › form: 'onlin' er ikke en af formerne i config/taxonomy.yml; mente du 'online'?"]),
    ("sted-uden-by", variant(', by: Valby}', '}'),
     ["14:11: fejl: 1. hold › sted › by: mangler; tilføj fx 'by: Valby'"]),
    ("ukendt-region", variant("region: hovedstaden", "region: København"),
     ["15:13: fejl: 1. hold › region: 'København' er ikke en af regionerne i config/taxonomy.yml; mente "
      "du 'hovedstaden'? "
      "(postnummer 2500 ligger i Region Hovedstaden)"]),
    ("region-efter-landsdel-og-postnr", variant('postnr: "2500", by: Valby}\n    region: hovedstaden',
                                                'postnr: "8230", by: Åbyhøj}\n    region: østjylland'),
     ["15:13: fejl: 1. hold › region: 'østjylland' er ikke en af regionerne i config/taxonomy.yml; mente "
      "du 'midtjylland'? "
      "(postnummer 8230 ligger i Region Midtjylland)"]),
    ("region-efter-landsdel", variant('    sted: {navn: Kursuscenter Valby, adresse: Eksempelvej 1, postnr: "2500", '
                                      'by: Valby}\n    region: hovedstaden',
                                      "    form: online\n    region: Vendsyssel"),
     ["15:13: fejl: 1. hold › region: 'Vendsyssel' er ikke en af regionerne i config/taxonomy.yml; mente du "
      "'nordjylland'?"]),
    ("region-passer-ikke-til-postnr", variant('postnr: "2500", by: Valby}\n    region: hovedstaden',
                                              'postnr: "7130", by: Juelsminde}\n    region: syddanmark'),
     ["15:13: advarsel: 1. hold › region: er 'syddanmark', men postnummer 7130 ligger i Region Midtjylland; "
      "skriv 'region: midtjylland', hvis stedets adresse er rigtig, eller ret postnummeret"]),
    ("region-hele-landet-med-postnr", variant("region: hovedstaden", "region: hele-landet"), []),
    ("niveau-efter-navnet", variant("niveau: [ny]", "niveau: [øvet]"),
     ["6:10: fejl: 1. niveau: 'øvet' er ikke et af niveauerne i config/taxonomy.yml; mente du 'mellem'?"]),
    ("form-efter-navnet", variant("form: fysisk", "form: Fremmøde"),
     ["7:7: fejl: form: 'Fremmøde' er ikke en af formerne i config/taxonomy.yml; mente du 'fysisk'?"]),
    ("hold-langt-ude-i-fremtiden", variant("start: 2027-03-06 09:30\n    slut: 2027-03-06 15:30",
                                           "start: 2030-03-06 09:30\n    slut: 2030-03-06 15:30"),
     ["12:12: advarsel: 1. hold › start: holdet starter 6. marts 2030, mere end to år efter i dag (15. januar "
      "2027); ret årstallet, hvis det er en skrivefejl"]),
    ("hold-slut-foer-filen-blev-skrevet",
     variant("start: 2027-03-06 09:30\n    slut: 2027-03-06 15:30", "start: 2026-03-06 09:30\n    slut: "
             "2026-03-06 15:30").replace("tilmeldingsfrist: 2027-02-05", "tilmeldingsfrist: 2026-02-05"),
     ["13:11: advarsel: 1. hold › slut: holdet sluttede 6. marts 2026, mere end 3 måneder før filen blev "
      "skrevet (15. januar 2027), og vises derfor ikke; ret årstallet, hvis holdet ikke er holdt endnu"]),
    # Dates that make sense now (issue 30): the reference date and the day the file was written are 15 January 2027
    ("frist-mere-end-et-aar-foer-start", variant("tilmeldingsfrist: 2027-02-05", "tilmeldingsfrist: 2026-02-05"),
     ["16:23: advarsel: 1. hold › tilmeldingsfrist: tilmeldingsfristen (5. februar 2026) ligger mere end et år "
      "før holdet starter (6. marts 2027), så ingen kan tilmelde sig holdet; skriv 2027-02-05, hvis det er "
      "årstallet, der er forkert"]),
    ("frist-overskredet-da-filen-blev-skrevet",
     variant("tilmeldingsfrist: 2027-02-05", "tilmeldingsfrist: 2027-01-05"),
     ["16:23: advarsel: 1. hold › tilmeldingsfrist: tilmeldingsfristen (5. januar 2027) var allerede "
      "overskredet, da filen blev skrevet (15. januar 2027), så tilmeldingen er lukket fra første dag; ret datoen "
      "til den rigtige frist, til og med 6. marts 2027"]),
    ("frist-overskredet-paa-aflyst-hold", variant("tilmeldingsfrist: 2027-02-05", "tilmeldingsfrist: 2027-01-05")
     .replace("    tilmelding: mailto:kursus@example.dk\n", "    tilmelding: mailto:kursus@example.dk\n"
              "    status: aflyst\n"), []),
    ("hold-om-faa-dage-med-aaben-tilmelding",
     variant("start: 2027-03-06 09:30\n    slut: 2027-03-06 15:30", "start: 2027-01-20 09:30\n    slut: "
             "2027-01-20 15:30").replace("tilmeldingsfrist: 2027-02-05", "tilmeldingsfrist: 2027-01-18"),
     ["16:23: advarsel: 1. hold › tilmeldingsfrist: holdet starter om 5 dage (20. januar 2027), og "
      "tilmeldingen er stadig åben til og med 18. januar 2027. Er holdet fuldt, så skriv 'status: fuldt' i holdet; "
      "ellers kan det stå, som det står"]),
    ("hold-om-faa-dage-fuldt",
     variant("start: 2027-03-06 09:30\n    slut: 2027-03-06 15:30", "start: 2027-01-20 09:30\n    slut: "
             "2027-01-20 15:30").replace("tilmeldingsfrist: 2027-02-05", "tilmeldingsfrist: 2027-01-18").replace(
                 "    tilmelding: mailto:kursus@example.dk\n", "    tilmelding: mailto:kursus@example.dk\n"
                 "    status: fuldt\n"), []),
    ("hold-holdt-for-nylig", variant("start: 2027-03-06 09:30\n    slut: 2027-03-06 15:30",
                                     "start: 2026-11-06 09:30\n    slut: 2026-11-06 15:30").replace(
                                         "tilmeldingsfrist: 2027-02-05", "tilmeldingsfrist: 2026-10-05"), []),
    ("pladsholdere-fra-new", variant("titel: Det gode bestyrelsesmøde", 'titel: "Skriv kursets titel her"').replace(
        "pris: 1200", 'pris: "Skriv prisen i hele kroner"').replace("navn: Kursuscenter Valby", 'navn: "Stedets navn"'),
     ["1:8: fejl: titel: pladsholder: skriv kursets rigtige titel",
      "9:7: fejl: pris: pladsholder: skriv prisen i hele kroner uden punktum, fx 1200, eller 0, hvis kurset er "
      "gratis",
      "14:18: fejl: 1. hold › sted › navn: pladsholder: skriv kursusstedets navn"]),
    ("pladsholder-region-med-postnr", variant("region: hovedstaden", "region: vaelg-region"),
     ["15:13: fejl: 1. hold › region: pladsholder: skriv regionen for kursusstedet, en af: hovedstaden, "
      "sjaelland, syddanmark, midtjylland, nordjylland, hele-landet (postnummer 2500 ligger i Region Hovedstaden)"]),
    ("ukendt-status", variant("    tilmelding: mailto:kursus@example.dk\n",
                              "    tilmelding: mailto:kursus@example.dk\n    status: faa pladser\n"),
     ["18:13: fejl: 1. hold › status: 'faa pladser' er ikke en status i "
      "config/taxonomy.yml; mente du 'faa-pladser'?"]),
    ("nul-pladser", variant("    tilmelding: mailto:kursus@example.dk\n",
                            "    tilmelding: mailto:kursus@example.dk\n    pladser: 0\n"),
     ["18:14: fejl: 1. hold › pladser: skal være større end 0"]),
    ("forkert-postnr", variant('postnr: "2500"', "postnr: 25000"),
     ["14:70: fejl: 1. hold › sted › postnr: '25000' er ikke et postnummer; skriv fire cifre i anførselstegn, "
      "fx \"2500\""]),
    ("hold-mangler-region", variant("    region: hovedstaden\n", ""),
     ["12:5: fejl: 1. hold › region: mangler; et hold med form 'fysisk' (kursets form) skal have regionen for "
      "sit sted, skriv 'region: hovedstaden' (postnummer 2500 ligger i Region Hovedstaden). Kun et online hold kan "
      "udelade den (så gælder det hele landet)"]),
    ("underviser-uden-navn", variant("pris: 1200\n", "pris: 1200\nundervisere: [{rolle: Kursuskonsulent}]\n"),
     ["10:15: fejl: 1. underviser › navn: mangler; tilføj fx 'navn: Lene Holm'"]),
    ("hold-ikke-liste", VALID.split("hold:")[0] + "hold: 2027-03-06 09:30\n",
     ["11:7: fejl: hold: skal være en liste, hvor hvert punkt står på sine egne linjer under 'hold:' og begynder "
      "med '- '"]),
    ("dobbelt-noegle", variant("pris: 1200\n", "pris: 1200\npris: 1500\n"),
     ["10:1: fejl: pris: nøglen står to gange, i linje 9 ('1200') og i linje 10 ('1500'); slet den linje, hvis "
      "værdi ikke er den rigtige"]),
    ("dobbelt-noegle-i-hold", variant("    region: hovedstaden\n", "    region: hovedstaden\n    region: sjaelland\n"),
     ["16:5: fejl: 1. hold › region: nøglen står to gange, i linje 15 ('hovedstaden') og i linje 16 ('sjaelland'); "
      "slet den linje, hvis værdi ikke er den rigtige"]),
    ("dobbelt-noegle-tom", variant("pris: 1200\n", "pris: 1200\npris:\n"),
     ["10:1: fejl: pris: nøglen står to gange (første gang i linje 9); skriv den kun én gang: behold den rigtige "
      "værdi, og slet den anden linje"]),
    ("tabulator", variant("    region: hovedstaden", "\tregion: hovedstaden"),
     ["15:1: fejl: region: tabulatortegn kan ikke bruges i filen; skriv 4 mellemrum foran i stedet"]),
    ("ikke-utf8", variant("titel: Det gode bestyrelsesmøde", "titel: Det gode bestyrelsesmøde").replace(
        "Få styr", "F\udce5 styr").encode("utf-8", "surrogateescape"),
     ["2:9: fejl: intro: filen er ikke gemt som UTF-8 (ugyldigt tegn her); gem den igen som UTF-8, så æ, ø og å kommer "
      "rigtigt med"]),
    ("liste-i-stedet-for-noegler", "- titel: Det gode bestyrelsesmøde\n- pris: 1200\n",
     ["1:1: fejl: filen skal bestå af nøgler med værdier (fx 'titel: Det gode bestyrelsesmøde'), ikke af en liste "
      "eller en enkelt værdi"]),
    ("tom-fil", "# kun en kommentar\n",
     ["1:1: fejl: filen er tom; skriv nøglerne som 'titel: ...' én pr. linje"]),
    ("yaml-maerke", variant("pris: 1200", "pris: !!python/object/apply:os.system [ls]"),
     ["9:7: fejl: pris: en værdi må ikke begynde med '!!python/object/apply:os.system'; skriv værdien uden det"]),
    ("anker-og-alias", variant("emner: [bestyrelsesarbejde, kommunikation]\nniveau: [ny]",
                               "emner: &liste [bestyrelsesarbejde]\nniveau: *liste"),
     ["5:8: fejl: emner: en værdi må ikke begynde med '&liste'; skriv værdien ud, hvor den skal bruges",
      "6:9: fejl: niveau: en værdi må ikke begynde med '*liste'; skriv værdien ud"]),
    ("for-stor", VALID + "# " + "x" * 1_000_000 + "\n",
     ["1:1: fejl: filen fylder 1.000.597 byte; højst 1.000.000 byte er tilladt. Del indholdet op, eller fjern det, "
      "der ikke hører til"]),
    ("syntaksfejl", variant("form: fysisk", "form: fysisk: online"),
     ["7:7: fejl: form: efter 'form:' står 'fysisk: online', og en værdi kan ikke indeholde ': '; skriv kun én "
      "værdi, fx 'form: fysisk', eller sæt teksten i anførselstegn, hvis den skal stå sådan"]),
    ("uafsluttet-liste", variant("niveau: [ny]", "niveau: [ny"),
     ["6:9: fejl: niveau: '[' bliver ikke lukket med ']'; skriv fx [oekonomi, lovgivning]"]),
    ("titel-over-to-linjer", variant("titel: Det gode bestyrelsesmøde", "titel: |\n  Det gode\n  bestyrelsesmøde"),
     ["1:8: fejl: titel: må kun fylde én linje; skriv teksten på samme linje som nøglen, uden linjeskift"]),
    ("note-med-linjeskift", variant("    tilmelding: mailto:kursus@example.dk\n",
                                    '    tilmelding: mailto:kursus@example.dk\n'
                                    '    note: "Første linje\\nAnden linje"\n'),
     ["18:11: fejl: 1. hold › note: må kun fylde én linje; skriv teksten på samme linje som nøglen, uden "
      "linjeskift"]),
    ("sted-med-kontroltegn", variant("navn: Kursuscenter Valby", 'navn: "Kursuscenter\\x1bValby"'),
     ["14:18: fejl: 1. hold › sted › navn: indeholder et usynligt tegn (U+001B), som ikke ses, men kommer med på "
      "siden; det følger ofte med, når tekst kopieres. Slet tegnet, eller skriv teksten igen uden at kopiere den ind"]),
    ("kontakt-med-bcc", variant("pris: 1200\n", "pris: 1200\nkontakt: kursus@example.dk?bcc=spion%40evil.example\n"),
     ["10:10: fejl: kontakt: 'kursus@example.dk?bcc=spion%40evil.example' er ikke bare en e-mailadresse: skriv kun "
      "adressen, fx kursus@example.dk, uden '?', '&' og det, der står efter (fx cc eller bcc)"]),
    ("tilmelding-med-bcc", variant("tilmelding: mailto:kursus@example.dk",
                                   "tilmelding: mailto:kursus@example.dk?bcc=spion%40evil.example&subject=Hej"),
     ["17:17: fejl: 1. hold › tilmelding: skriv kun adressen efter 'mailto:', fx mailto:kursus@example.dk, uden "
      "'?' og det, der står efter: emne og tekst i tilmeldingsmailen skriver hjemmesiden selv, og cc eller bcc ville "
      "sende deltagernes oplysninger til andre"]),
    ("tilmelding-to-adresser", variant("tilmelding: mailto:kursus@example.dk",
                                       "tilmelding: mailto:kursus@example.dk,spion@evil.example"),
     ["17:17: fejl: 1. hold › tilmelding: 'kursus@example.dk,spion@evil.example' er ikke en e-mailadresse; "
      "skriv fx kursus@example.dk"]),
    ("tilmelding-med-linjeskift", variant("tilmelding: mailto:kursus@example.dk",
                                          'tilmelding: "mailto:kursus@example.dk\\nBcc: spion@evil.example"'),
     ["17:17: fejl: 1. hold › tilmelding: 'kursus@example.dk\\nBcc: spion@evil.example' er ikke en "
      "e-mailadresse; skriv fx kursus@example.dk"]),
    ("aarstal-uden-mening", variant("tilmeldingsfrist: 2027-02-05", "tilmeldingsfrist: 0001-02-05"),
     ["16:23: fejl: 1. hold › tilmeldingsfrist: årstallet i '0001-02-05' ligger ikke mellem 2000 og 2099; "
      "ret årstallet"]),
    ("sommertid-findes-ikke", variant("start: 2027-03-06 09:30\n    slut: 2027-03-06 15:30",
                                      "start: 2027-03-28 02:30\n    slut: 2027-03-28 15:30"),
     ["12:12: fejl: 1. hold › start: kl. 02:30 den 28. marts 2027 findes ikke i dansk tid, fordi uret stilles en "
      "time frem den nat (fra 02:00 til 03:00); skriv et klokkeslæt før 02:00 eller fra 03:00"]),
    ("vintertid-to-gange", variant("start: 2027-03-06 09:30\n    slut: 2027-03-06 15:30",
                                   "start: 2027-10-30 20:00\n    slut: 2027-10-31 02:30"),
     ["13:11: advarsel: 1. hold › slut: kl. 02:30 den 31. oktober 2027 findes to gange i dansk tid, fordi uret "
      "stilles en time tilbage den nat; hjemmesiden bruger den første, i sommertid (+02:00). Skriv et andet "
      "klokkeslæt, hvis du mener vintertid"]),
    # Sessions held over several meetings (FORMAT.md v3 §1)
    ("moedegange-og-start", variant("slut: 2027-03-06 15:30", "slut: 2027-03-06 15:30\n    mødegange:\n"
                                    "      - {start: 2027-03-06 09:30, slut: 2027-03-06 15:30}\n"
                                    "      - {start: 2027-03-13 09:30, slut: 2027-03-13 15:30}"),
     ["15:7: fejl: 1. hold › mødegange: holdet har både mødegange og sin egen start eller slut; skriv enten start "
      "og slut eller mødegange, ikke begge"]),
    ("hverken-start-eller-moedegange", variant("  - start: 2027-03-06 09:30\n    slut: 2027-03-06 15:30\n    sted",
                                               "  - sted"),
     ["12:5: fejl: 1. hold › slut: mangler; tilføj fx 'slut: 2027-03-06 15:30', eller skriv holdets mødegange "
      "under 'mødegange', hvis det holdes over flere gange",
      "12:5: fejl: 1. hold › start: mangler; tilføj fx 'start: 2027-03-05 16:00', eller skriv holdets mødegange "
      "under 'mødegange', hvis det holdes over flere gange"]),
    ("en-moedegang", variant("start: 2027-03-06 09:30\n    slut: 2027-03-06 15:30",
                             "mødegange:\n      - {start: 2027-03-06 09:30, slut: 2027-03-06 15:30}"),
     ["13:7: fejl: 1. hold › mødegange: skal have mindst 2 punkter, men har 1"]),
    ("moedegange-overlapper", variant("start: 2027-03-06 09:30\n    slut: 2027-03-06 15:30",
                                      "mødegange:\n      - {start: 2027-03-06 09:30, slut: 2027-03-06 15:30}\n"
                                      "      - {start: 2027-03-06 15:00, slut: 2027-03-06 17:00}"),
     ["14:17: fejl: 1. hold › 2. mødegang › start: mødegang 2 begynder (2027-03-06 15:00), før mødegang 1 "
      "slutter (2027-03-06 15:30); skriv mødegangene i tidsorden, så hver begynder, når den forrige er slut eller "
      "senere"]),
    ("moedegang-slutter-foer-start", variant("start: 2027-03-06 09:30\n    slut: 2027-03-06 15:30",
                                             "mødegange:\n      - {start: 2027-03-06 09:30, slut: 2027-03-06 15:30}\n"
                                             "      - {start: 2027-03-13 15:30, slut: 2027-03-13 09:30}"),
     ["14:41: fejl: 1. hold › 2. mødegang › slut: slut (2027-03-13 09:30) ligger før start "
      "(2027-03-13 15:30); ret slut eller start"]),
    ("frist-efter-foerste-moedegang", variant("start: 2027-03-06 09:30\n    slut: 2027-03-06 15:30",
                                              "mødegange:\n      - {start: 2027-02-01 18:00, slut: 2027-02-01 21:00}\n"
                                              "      - {start: 2027-03-13 09:30, slut: 2027-03-13 15:30}"),
     ["17:23: fejl: 1. hold › tilmeldingsfrist: tilmeldingsfristen (2027-02-05) ligger efter den første mødegangs "
      "dato (2027-02-01); skriv en dato til og med 2027-02-01"]),
    ("moedegang-i-sommertidens-hul", variant("start: 2027-03-06 09:30\n    slut: 2027-03-06 15:30",
                                             "mødegange:\n      - {start: 2027-03-06 09:30, slut: 2027-03-06 15:30}\n"
                                             "      - {start: 2027-03-28 02:30, slut: 2027-03-28 15:30}"),
     ["14:17: fejl: 1. hold › 2. mødegang › start: kl. 02:30 den 28. marts 2027 findes ikke i dansk tid, "
      "fordi uret stilles en time frem den nat (fra 02:00 til 03:00); skriv et klokkeslæt før 02:00 eller fra 03:00"]),
    ("moedegang-med-ukendt-noegle", variant("start: 2027-03-06 09:30\n    slut: 2027-03-06 15:30",
                                            "mødegange:\n      - {start: 2027-03-06 09:30, slut: 2027-03-06 15:30}\n"
                                            "      - {start: 2027-03-13 09:30, slut: 2027-03-13 15:30, "
                                            "noter: Modul 2}"),
     ["14:59: fejl: 1. hold › 2. mødegang › noter: ukendt nøgle 'noter'; mente du 'note'?"]),
    ("lang-periode-uden-moedegange", variant("slut: 2027-03-06 15:30", "slut: 2027-03-27 15:30"),
     ["13:11: advarsel: 1. hold › slut: holdet varer fra 6. marts 2027 til 27. marts 2027 i ét stræk, og sådan "
      "vises det på siden og i kalenderen. Mødes holdet flere gange (fx aftener eller moduler), så skriv hver gang "
      "under 'mødegange' med sin egen start og slut i stedet for holdets start og slut"]),
    ("beskrivelse-med-script", variant("  Vi gennemgår hele mødet fra indkaldelse til referat.\n",
                                       "  Vi gennemgår hele mødet.\n\n  Se <script>alert(1)</script> og "
                                       "`<script>` i kode.\n"),
     ["6:6: advarsel: beskrivelse: HTML-elementet <script> er ikke tilladt og bliver fjernet med alt, hvad der står "
      "i det; se i vejledningen, hvilken HTML du kan bruge"]),
    # Lookalikes (issue 28): a copy of the site's primary button, and a mail link that copies someone in.
    ("beskrivelse-med-sitets-knap", variant("  Vi gennemgår hele mødet fra indkaldelse til referat.\n",
                                            "  Vi gennemgår hele mødet.\n\n  <a class=\"md-button md-button--primary\" "
                                            "href=\"https://evil.example/\">Tilmeld dig her</a>\n\n"
                                            "  [Tilmeld](https://evil.example/){ .knap .knap--primaer }\n"),
     ["6:3: advarsel: beskrivelse: klassen 'md-button' bruges af sitet selv (til dets knapper, bokse og kort) og "
      "bliver fjernet, så teksten ikke ligner en del af sitet; skriv teksten uden den",
      "6:3: advarsel: beskrivelse: klassen 'md-button--primary' bruges af sitet selv (til dets knapper, bokse og "
      "kort) og bliver fjernet, så teksten ikke ligner en del af sitet; skriv teksten uden den",
      "8:37: advarsel: beskrivelse: klassen 'knap' bruges af sitet selv (til dets knapper, bokse og kort) og bliver "
      "fjernet, så teksten ikke ligner en del af sitet; skriv teksten uden den",
      "8:43: advarsel: beskrivelse: klassen 'knap--primaer' bruges af sitet selv (til dets knapper, bokse og kort) "
      "og bliver fjernet, så teksten ikke ligner en del af sitet; skriv teksten uden den"]),
    ("beskrivelse-med-bcc", variant("  Vi gennemgår hele mødet fra indkaldelse til referat.\n",
                                    "  [Skriv til os](mailto:kursus@example.dk?bcc=spion@evil.example).\n"),
     ["4:18: advarsel: beskrivelse: et mailto:-link må kun have én modtager og højst emne (subject) og tekst (body); "
      "cc, bcc og flere adresser ville sende læserens mail til andre, så linket bliver fjernet (teksten bliver "
      "stående). Skriv fx mailto:kursus@example.dk"]),
    ("beskrivelse-med-farlige-links", variant("  Vi gennemgår hele mødet fra indkaldelse til referat.\n",
                                              "  [Klik](javascript:alert(1)) eller\n"
                                              "  <img src=x.png onerror=\"alert(1)\">\n"
                                              "  ![Logo](https://evil.example/spor.png)\n"),
     ["4:10: advarsel: beskrivelse: et link med 'javascript:' er ikke tilladt og bliver fjernet; skriv en adresse, "
      "der starter med https://, eller en sti til en side på sitet",
      "5:3: advarsel: beskrivelse: attributten 'onerror' på <img> er ikke tilladt og bliver fjernet (den kan køre "
      "et program i læserens browser)",
      "6:11: advarsel: beskrivelse: billeder skal ligge på sitet (i samme mappe som siden); et billede fra et andet "
      "site bliver fjernet, fordi læserens browser ellers henter det derfra"]),
    # A link written as from content/kurser/ to a file or page that is not there (the catalogue's page is)
    ("beskrivelse-med-brudt-link", variant("  Vi gennemgår hele mødet fra indkaldelse til referat.\n",
                                           "  Se [skabelonen](../vaerktoejskasse/skabeloner/refarat.md) og "
                                           "[kataloget](index.md).\n"
                                           "  Læs om [forløbet](../forloeb/findes-ikke.md).\n"),
     ["4:19: advarsel: beskrivelse: '../vaerktoejskasse/skabeloner/refarat.md' peger på "
      "content/vaerktoejskasse/skabeloner/refarat.md, som ikke findes; ret stien",
      "5:21: advarsel: beskrivelse: '../forloeb/findes-ikke.md' peger på content/forloeb/findes-ikke.md, som ikke "
      "findes; ret stien"]),
    ("noegle-er-en-liste", variant("pris: 1200\n", "pris: 1200\n[a]: x\n"),
     ["10:1: fejl: en nøgle skal være et enkelt ord som 'titel'"]),
    ("pris-for-stor", variant("pris: 1200", "pris: 10000000000000000000000000000"),
     ["9:7: fejl: pris: må højst være 1.000.000; skriv et mindre tal"]),
    ("pladser-for-mange", variant("    tilmelding: mailto:kursus@example.dk\n",
                                  "    tilmelding: mailto:kursus@example.dk\n    pladser: 100000\n"),
     ["18:14: fejl: 1. hold › pladser: må højst være 10.000; skriv et mindre tal"]),
    ("materiale-med-punktum", variant("[vaerktoejskasse/", "[./vaerktoejskasse/"),
     ["10:14: fejl: 1. materiale: './vaerktoejskasse/vejledninger/ny-i-afdelingsbestyrelsen.md' skal være stien "
      "til en side i værktøjskassen under content/, fx vaerktoejskasse/skabeloner/referat-bestyrelsesmoede.md"]),
    ("index", VALID,
     ["1:1: fejl: filnavnet 'index.yml' er optaget af en side, som hjemmesiden selv laver; giv kurset et andet navn"]),
    ("Forkert_Filnavn", VALID,
     ["1:1: fejl: filnavnet 'Forkert_Filnavn.yml' er ikke tilladt: brug kun små bogstaver a–z, cifre og enkelte "
      "bindestreger, fx 'forkert-filnavn.yml'"]),
]


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> Result:
    root = copy_project(tmp_path_factory.mktemp("bad") / "projekt", with_sample_courses=False)
    for name, content, _ in CASES:
        path = root / "courses" / f"{name}.yml"
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    (root / "courses" / "forkert-endelse.yaml").write_text(VALID, encoding="utf-8")
    (root / "courses" / "gyldig.yml").write_text(VALID, encoding="utf-8")
    # A git checkout where no file is committed yet: each file counts as written on the reference date.
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    return run_build(root, "check", "--dato", REFERENCE_DATE)


@pytest.mark.parametrize("name, content, expected", CASES, ids=[c[0] for c in CASES])
def test_rule_reports_exact_line(checked: Result, name: str, content: str, expected: list[str]) -> None:
    prefix = f"courses/{name}.yml:"
    reported = [line[len(prefix):] for line in checked.lines if line.startswith(prefix)]
    assert reported == expected


def test_all_problems_in_one_run_and_exit_code(checked: Result) -> None:
    assert checked.returncode == 1
    assert "Traceback" not in checked.stdout + checked.stderr
    files_with_errors = {line.split(":", 1)[0] for line in checked.errors}
    with_errors = {f"courses/{name}.yml" for name, _, expected in CASES if any(": fejl: " in e for e in expected)}
    assert files_with_errors == with_errors | {"courses/forkert-endelse.yaml"}
    assert "courses/gyldig.yml" not in files_with_errors
    warned = {f"courses/{name}.yml" for name, _, expected in CASES if any(": advarsel: " in e for e in expected)}
    assert all(": fejl: " in line or ": advarsel: revideret: " in line or line.split(":", 1)[0] in warned
               for line in checked.lines)


def test_yaml_extension_is_reported(checked: Result) -> None:
    assert "courses/forkert-endelse.yaml:1:1: fejl: kursusfiler skal ligge direkte i courses/ og hedde <navn>.yml, " \
           "fx courses/forkert-endelse.yml" in checked.lines


def test_valid_course_passes(empty_project: Path) -> None:
    (empty_project / "courses" / "gyldig.yml").write_text(VALID, encoding="utf-8")
    result = run_build(empty_project, "check")
    assert result.returncode == 0
    assert result.errors == []


def test_numbers_and_truth_values_in_quotes_are_accepted(empty_project: Path) -> None:
    quoted = VALID.replace("pris: 1200", 'pris: "1200"\nskræddersyet: "true"')
    (empty_project / "courses" / "citeret.yml").write_text(quoted, encoding="utf-8")
    assert run_build(empty_project, "check").returncode == 0


def test_online_course_needs_no_venue(empty_project: Path) -> None:
    online = VALID.replace("form: fysisk", "form: online").replace(
        '    sted: {navn: Kursuscenter Valby, adresse: Eksempelvej 1, postnr: "2500", by: Valby}\n', "")
    (empty_project / "courses" / "online.yml").write_text(online, encoding="utf-8")
    assert run_build(empty_project, "check").returncode == 0


def test_billion_laughs_is_refused_quickly(empty_project: Path) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)}]"
              for i in range(8)]
    (empty_project / "courses" / "lol.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_build(empty_project, "check")
    assert result.returncode == 1
    assert "courses/lol.yml:1:4: fejl: a: en værdi må ikke begynde med '&a'; skriv værdien ud, hvor den skal bruges" \
        in result.lines


def test_taxonomy_errors(empty_project: Path) -> None:
    taxonomy = empty_project / "config" / "taxonomy.yml"
    text = taxonomy.read_text(encoding="utf-8")
    text = text.replace("  oekonomi:\n    navn: Økonomi", "  Økonomi:\n    navn: Økonomi")
    text = text.replace("  netvaerk:\n    navn: Netværk", "  netvaerk:\n    label: Netværk")
    taxonomy.write_text(text, encoding="utf-8")
    result = run_build(empty_project, "check")
    assert result.returncode == 1
    assert result.errors == [
        "config/taxonomy.yml:12:3: fejl: emner › Økonomi: nøglen 'Økonomi' må kun have små bogstaver a–z, cifre og "
        "'-' (æ→ae, ø→oe, å→aa), fx 'oekonomi'",
        "config/taxonomy.yml:94:5: fejl: kendetegn › netvaerk › label: ukendt nøgle 'label'; nøglerne, der ikke er "
        "brugt her, er: 'navn', 'beskrivelse'",
        "config/taxonomy.yml:94:5: fejl: kendetegn › netvaerk › navn: mangler; tilføj nøglen 'navn'",
    ]


def test_missing_required_taxonomy_key(empty_project: Path) -> None:
    taxonomy = empty_project / "config" / "taxonomy.yml"
    taxonomy.write_text(taxonomy.read_text(encoding="utf-8").replace("  aflyst:\n    navn: Aflyst\n", ""),
                        encoding="utf-8")
    result = run_build(empty_project, "check")
    assert result.errors == ["config/taxonomy.yml:101:1: fejl: status: 'aflyst' skal blive stående, fordi "
                            "hjemmesiden bruger den"]


def test_department_errors(empty_project: Path) -> None:
    department = empty_project / "config" / "department.yml"
    text = department.read_text(encoding="utf-8").replace("email: kursus@example.dk", "e-mail: kursus@example.dk")
    department.write_text(text, encoding="utf-8")
    result = run_build(empty_project, "check")
    assert result.errors == [
        "config/department.yml:6:1: fejl: e-mail: ukendt nøgle 'e-mail'; mente du 'email'?",
    ]


def test_content_page_where_a_page_is_generated(empty_project: Path) -> None:
    (empty_project / "content" / "kurser").mkdir()
    (empty_project / "content" / "kurser" / "index.md").write_text("# Kurser\n", encoding="utf-8")
    result = run_build(empty_project, "check")
    assert result.errors == ["content/kurser/index.md:1:1: fejl: siden /kurser/index/ laves automatisk ud fra "
                            "kursusfilerne; flyt filen, eller slet den"]


def test_large_catalogues_are_read_in_parallel_with_the_same_result(
        empty_project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from catalogue import catalogue as loading
    from catalogue.project import Project

    (empty_project / "courses" / "gyldig.yml").write_text(VALID, encoding="utf-8")
    (empty_project / "courses" / "ukendt-form.yml").write_text(VALID.replace("form: fysisk", "form: fysik"),
                                                               encoding="utf-8")
    serial = loading.load_catalogue(Project(empty_project), partial=True)
    monkeypatch.setattr(loading, "PARALLEL_FROM", 1)
    parallel = loading.load_catalogue(Project(empty_project), partial=True)
    assert parallel[1] == serial[1] and len(serial[1]) >= 1
    assert [e.slug for e in parallel[0].courses] == [e.slug for e in serial[0].courses] == ["gyldig"]


def test_department_nonsense_settings_and_html_in_rules(empty_project: Path) -> None:
    department = empty_project / "config" / "department.yml"
    text = department.read_text(encoding="utf-8")
    text = text.replace("revisionsperiode: 12", "revisionsperiode: 30000")
    text = text.replace("      program.\n",
                        "      program. <b>Læs</b> [mere](javascript:alert(1)) <span onclick=x()>her</span>\n")
    department.write_text(text, encoding="utf-8")
    result = run_build(empty_project, "check")
    assert "Traceback" not in result.stdout + result.stderr
    assert [line for line in result.lines if line.startswith("config/")] == [
        "config/department.yml:20:34: advarsel: 2. tilmeldingsregel › tekst: et link med 'javascript:' er ikke "
        "tilladt og bliver fjernet; skriv en adresse, der starter med https://, eller en sti til en side på sitet",
        "config/department.yml:20:55: advarsel: 2. tilmeldingsregel › tekst: attributten 'onclick' på <span> er "
        "ikke tilladt og bliver fjernet (den kan køre et program i læserens browser)",
        "config/department.yml:32:19: fejl: revisionsperiode: må højst være 120; skriv et mindre tal",
    ]


def test_at_most_twenty_problems_per_file(empty_project: Path) -> None:
    extra = "".join(f"ukendt{number}: x\n" for number in range(1, 26))  # lines 18–42
    (empty_project / "courses" / "stoej.yml").write_text(VALID + extra, encoding="utf-8")
    result = run_build(empty_project, "check")
    reported = [line for line in result.lines if line.startswith("courses/stoej.yml:")]
    assert len(reported) == 21
    assert reported[19].startswith("courses/stoej.yml:37:1: fejl: ukendt20: ukendt nøgle 'ukendt20'")
    assert reported[20] == "courses/stoej.yml:38:1: fejl: … og 5 fejl mere i filen; ret dem ovenfor først, og tjek igen"
    assert "25 fejl i 1 fil" in result.stderr


def test_content_may_publish_only_pages_documents_and_images(empty_project: Path) -> None:
    content = empty_project / "content"
    (content / "om" / "forside.md").write_text("---\ntitle: Om os\ntemplate: redirect.html\n"
                                               "location: https://evil.example/\n---\n# Om\n", encoding="utf-8")
    (content / "om" / "indstilling.md").write_text("author: x\n\n# Hej\n", encoding="utf-8")
    (content / "evil.html").write_text("<script>alert(1)</script>\n", encoding="utf-8")
    (content / "om" / "logo.svg").write_text("<svg><script>alert(1)</script></svg>\n", encoding="utf-8")
    (content / "vaerktoejskasse" / "java:x.md").write_text("x\n", encoding="utf-8")
    result = run_build(empty_project, "check")
    assert result.returncode == 1
    assert result.errors == [
        "content/evil.html:1:1: fejl: filer af typen '.html' bliver ikke offentliggjort, fordi de kan køre et "
        "program i læserens browser eller ikke kan åbnes af alle; gem indholdet som en side (.md), som PDF eller "
        "som Word-dokument",
        "content/om/forside.md:3:1: fejl: template: ukendt nøgle 'template'; nøglerne, der ikke er brugt her, er: "
        "'description', 'hide'",
        "content/om/forside.md:4:1: fejl: location: ukendt nøgle 'location'; nøglerne, der ikke er brugt her, er: "
        "'description', 'hide'",
        "content/om/indstilling.md:1:1: fejl: den første linje ligner en indstilling ('author:'), og sådan en "
        "læses ikke som tekst; start siden med en overskrift ('# …') eller med en tom linje",
        "content/om/logo.svg:1:1: fejl: filer af typen '.svg' bliver ikke offentliggjort, fordi de kan køre et "
        "program i læserens browser eller ikke kan åbnes af alle; gem indholdet som en side (.md), som PDF eller "
        "som Word-dokument",
        "content/vaerktoejskasse/java:x.md:1:1: fejl: navnet 'java:x.md' må kun indeholde bogstaverne a–z, cifre, "
        "'-', '_' og '.' (æ→ae, ø→oe, å→aa, ingen mellemrum); omdøb det",
    ]


def test_config_files_are_read_only_as_regular_files_and_topic_keys_are_not_pages(
        empty_project: Path, tmp_path: Path) -> None:
    outside = tmp_path / "udenfor.yml"
    department = empty_project / "config" / "department.yml"
    outside.write_text(department.read_text(encoding="utf-8").replace("Kursusafdelingen", "HEMMELIG"),
                       encoding="utf-8")
    department.unlink()
    department.symlink_to(outside)
    taxonomy = empty_project / "config" / "taxonomy.yml"
    taxonomy.write_text(taxonomy.read_text(encoding="utf-8").replace("emner:\n", "emner:\n  index:\n    navn: Indeks\n",
                                                                     1), encoding="utf-8")
    result = run_build(empty_project, "check")
    assert result.errors == [
        "config/department.yml:1:1: fejl: filen eller dens mappe er en genvej (et symbolsk link); genveje bliver "
        "ikke læst eller offentliggjort, så læg en almindelig fil her i stedet",
        "config/taxonomy.yml:6:3: fejl: emner › index: nøglen 'index' er "
        "optaget af siden med alle emner (/emner/); giv emnet en anden nøgle",
    ]


def test_a_session_over_when_its_file_was_committed_is_a_warning(empty_project: Path) -> None:
    """When a file was written is the day it was first committed; a later edit does not move it."""
    course = empty_project / "courses" / "gammelt-hold.yml"
    course.write_text(VALID.replace("2027-03-06", "2026-03-06").replace("2027-02-05", "2026-02-05"),
                      encoding="utf-8")
    git = ["git", "-c", "user.name=Redaktør", "-c", "user.email=redaktoer@example.dk"]
    subprocess.run(["git", "init", "-q"], cwd=empty_project, check=True)
    subprocess.run([*git, "add", "courses"], cwd=empty_project, check=True)
    when = {"GIT_COMMITTER_DATE": "2026-09-01T10:00:00+02:00", "GIT_AUTHOR_DATE": "2026-09-01T10:00:00+02:00"}
    subprocess.run([*git, "commit", "-q", "-m", "Nyt kursus"], cwd=empty_project, check=True,
                   env={**os.environ, **when})
    result = run_build(empty_project, "check", "--dato", REFERENCE_DATE)
    assert result.returncode == 0
    assert [line for line in result.lines if line.startswith("courses/")] == [
        "courses/gammelt-hold.yml:13:11: advarsel: 1. hold › slut: holdet sluttede 6. marts 2026, mere end 3 "
        "måneder før filen blev skrevet (1. september 2026), og vises derfor ikke; ret årstallet, hvis holdet ikke "
        "er holdt endnu"]


def test_without_git_history_no_session_counts_as_written_late(empty_project: Path) -> None:
    """A copy of the project outside git (a download, these tests' copies) cannot tell when a file was written."""
    course = empty_project / "courses" / "gammelt-hold.yml"
    course.write_text(VALID.replace("2027-03-06", "2026-03-06").replace("2027-02-05", "2026-02-05"),
                      encoding="utf-8")
    result = run_build(empty_project, "check", "--dato", REFERENCE_DATE)
    assert result.returncode == 0 and not [line for line in result.lines if line.startswith("courses/")]


@pytest.mark.parametrize("postal_code, region", [
    ("1050", "hovedstaden"), ("2650", "hovedstaden"), ("2670", "sjaelland"), ("2690", "sjaelland"),
    ("2700", "hovedstaden"), ("3700", "hovedstaden"), ("3900", None), ("4000", "sjaelland"), ("4050", "hovedstaden"),
    ("4800", "sjaelland"), ("5000", "syddanmark"), ("6700", "syddanmark"), ("6870", "syddanmark"),
    ("6880", "midtjylland"), ("6990", "midtjylland"), ("7100", "syddanmark"), ("7130", "midtjylland"),
    ("7171", "midtjylland"), ("7190", "syddanmark"), ("7280", None), ("7400", "midtjylland"), ("7700", "nordjylland"),
    ("7790", "midtjylland"), ("7900", "nordjylland"), ("8230", "midtjylland"), ("9000", "nordjylland"),
    ("9632", "midtjylland"), ("9990", "nordjylland"), ("0800", None), ("800", None),
])
def test_region_of_postal_code(postal_code: str, region: str | None) -> None:
    from catalogue.geography import region_of_postal_code

    assert region_of_postal_code(postal_code) == region


def test_every_area_names_a_region_of_the_taxonomy() -> None:
    from catalogue.geography import AREAS
    from catalogue.project import Project

    taxonomy, _ = load_taxonomy(Project(REPO))
    assert set(AREAS.values()) <= set(taxonomy.keys("regioner"))


@pytest.mark.parametrize("github, login, expected", [
    ("https://github.com/kursusafdelingen/kurser", "https://login.kurser.example.dk",
     "config/department.yml:38:11: fejl: redigering › github: skriv kun ejer og navn, 'kursusafdelingen/kurser', "
     "ikke hele adressen"),
    ("kursusafdelingen/kurser", "javascript:alert(1)",
     "config/department.yml:39:10: fejl: redigering › login: 'javascript:alert(1)' er ikke en webadresse; skriv en "
     "hel adresse, der starter med https://"),
    ('"kurser<script>alert(1)</script>"', "https://login.kurser.example.dk",
     "config/department.yml:38:11: fejl: redigering › github: 'kurser<script>alert(1)</script>' er ikke et "
     "repositorium på GitHub; skriv ejer og navn, fx 'kursusafdelingen/kurser'"),
    ('"kursusafdelingen/kurser\\nbackend: x"', "https://login.kurser.example.dk",
     "config/department.yml:38:11: fejl: redigering › github: 'kursusafdelingen/kurser\\nbackend: x' er ikke et "
     "repositorium på GitHub; skriv ejer og navn, fx 'kursusafdelingen/kurser'"),
])
def test_where_editing_saves_is_checked(empty_project: Path, github: str, login: str, expected: str) -> None:
    """`redigering` goes into /admin/config.yml: a repository as owner/name and an https:// login, nothing else."""
    department = empty_project / "config" / "department.yml"
    text = department.read_text(encoding="utf-8")
    text = text.replace("  github: kursusafdelingen/kurser\n", f"  github: {github}\n")
    text = text.replace("  login: https://login.kurser.example.dk\n", f"  login: {login}\n")
    department.write_text(text, encoding="utf-8")
    result = run_build(empty_project, "check")
    assert "Traceback" not in result.stdout + result.stderr
    assert [line for line in result.lines if line.startswith("config/")] == [expected]  # the line break shown as \n


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)),
       st.sampled_from(["{d}/{m}-{y}", "{d}.{m}.{y}", "{dd}-{mm}-{y}", "{d}. {month} {y}", "{y}-{m}-{d}"]))
def test_a_date_written_the_danish_way_is_quoted_back_as_the_same_day(day: date, form: str) -> None:
    """The advice for a date written as Danes write it names that very day, never another one."""
    from catalogue.meant import MONTHS, date_readings
    month = next(name for name, number in MONTHS.items() if number == day.month)
    written = form.format(d=day.day, m=day.month, dd=f"{day.day:02d}", mm=f"{day.month:02d}", y=day.year,
                          month=month)
    assert date_readings(written) == [day]


def test_no_reading_is_tried_of_a_value_longer_than_any_date() -> None:
    """A date or time is read another way only up to the length of the longest written out: a value of 100,000
    characters (hostile, or a text pasted into the wrong key) gets the plain advice, and no split of it is tried."""
    from catalogue.meant import advice_for_date, advice_for_datetime

    assert advice_for_datetime("onsdag 15. september 2027 kl. 10.30") == \
        "skriv '2027-09-15 10:30' (onsdag 15. september 2027 kl. 10.30)"
    assert advice_for_datetime("5" + " " * 100_000 + "kl. 9") is None
    assert advice_for_date("1 " * 50_000) is None
