"""extract's rules in-process, from tables: one table per stage, each row a sentence (or a short document), what
the proposals must say and the rule that says it. The command line's own behaviour is in test_extract.py.

Every row of the tables below NUMBERS_MEANINGS ... DOCUMENTS is a class of miss that issue #41 found in the
extract of before (shown failing on it: see the commit that added this file)."""

from __future__ import annotations

import datetime as dt
import re
import string

import pytest
from conftest import ROOT
from hypothesis import example, given
from hypothesis import strategies as st

from analysis.data.registry import load_sectors
from analysis.extract import documents, rules, sentences, vocabulary
from analysis.extract.rules import context, measures, numbers, qualities, ruled, sectors, years
from analysis.extract.rules.context import DocumentContext
from analysis.extract.rules.propose import Proposal, _merged, _rounds, propose
from analysis.extract.vocabulary import Vocabulary, normal


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    sectors, problems = load_sectors(ROOT / "data" / "raw" / "sectors.csv")
    assert not problems
    return Vocabulary.of(sectors)


def read(text: str, vocab: Vocabulary, published: str | None = None) -> rules.Reading:
    doc = documents.of_text(text)
    date = dt.date.fromisoformat(published) if published else None
    return rules.propose(doc, vocab, "doc", context.of(doc, vocab, date))


def rows(text: str, vocab: Vocabulary, published: str | None = None) -> dict[str, rules.Proposal]:
    return {p.row["value"]: p for p in read(text, vocab, published).proposals}


# ---------------------------------------------------------------- numbers: forms and meanings

NUMBER_FORMS = [
    # sentence, value proposed, unit rule
    ("Bij de overheid werkten in 2023 14 800 mensen op 14 800 banen.", "14800"),  # a space between thousands
    ("De markt realiseerde in 2019 30 duizend extra banen.", "30000"),
    ("De markt realiseerde in 2019 2,5 miljoen extra banen.", "2500000"),
    ("Het Rijk haalde in 2020 61,3 procent van het doel.", "61.3"),
    ("Het Rijk haalde in 2020 61 pct van het doel.", "61"),  # a word added to [units] percent
    ("De waterschappen realiseerden in 2020 262,0 banen.", "262.0"),  # every written decimal kept, as published
    # numbers in words, before a unit as digits are
    ("De hogescholen realiseerden in 2022 vijftienduizend extra banen.", "15000"),
    ("De gemeenten realiseerden in 2022 zeshonderd banen.", "600"),
    ("De provincies realiseerden in 2022 twaalfhonderd banen.", "1200"),
    ("De overheid moet in 2026 vijfentwintigduizend extra banen hebben gerealiseerd.", "25000"),
    ("In 2026 moeten er honderdduizend extra banen zijn in de markt.", "100000"),
    ("Het Rijk realiseerde in 2021 tweeduizendvijfhonderd banen.", "2500"),
    ("Het Rijk realiseerde in 2021 tweeënveertig procent van het doel.", "42"),
    # a job of 25,5 hours is the unit the agreement counts in: "fte" counts jobs in a sentence that speaks of the
    # agreement or its target group (numbers.agreement_unit)
    ("De hogeschool moet eind 2023 in totaal 140 fte hebben ingevuld met mensen uit de doelgroep.", "140"),
    ("Bij het ziekenhuis werken op dit moment 27,4 fte uit de doelgroep.", "27.4"),
    ("Met 12,5 fte’s ligt de gemeente nu boven haar taakstelling voor de banenafspraak.", "12.5"),
    # a placement is a job filled, an extra vacancy a job made ([units] jobs)
    ("Het ziekenhuis wilde in 2016 in totaal 40 plaatsingen uit de doelgroep realiseren.", "40"),
    ("De gemeenten stonden in 2015 garant voor 3.000 extra vacatures voor mensen met een arbeidsbeperking.", "3000"),
    # guards of numbers.item_number: a count that ends a clause, or stands in a bracket after a word, is a value
    ("Het aantal banen bij de gemeenten kwam in 2020 uit op 4.500. Dat is meer dan het doel.", "4500"),
    ("De provincies realiseerden in 2020 meer banen (341. het doel was 331 banen).", "341"),
    # guards of numbers.pace: a year's level, with "per jaar" or "jaarlijks" elsewhere in the sentence, stays a figure
    ("De jaarlijkse meting van 2022 telt bij de gemeenten 2.554 banen.", "2554"),
    ("In 2021 realiseerde de politie 663 banen; het doel wordt per jaar vastgesteld.", "663"),
    ("Per jaar wordt gemeten: eind 2020 waren er bij de provincies 341 banen.", "341"),
    # guards of the worked example ([meanings] example): a real employer whose name opens with a capital X, and a
    # sentence that only says "bijvoorbeeld", keep their figures
    ("De gemeente Xanten telt niet mee; de gemeenten realiseerden in 2020 5.500 banen.", "5500"),
    ("Bijvoorbeeld: de provincies realiseerden in 2020 341 banen.", "341"),
]


@pytest.mark.parametrize("sentence, value", NUMBER_FORMS)
def test_a_number_is_read_as_dutch_writes_it(vocab, sentence, value):
    assert value in rows(sentence, vocab)


NUMBER_MEANINGS = [
    # sentence, the written number, what it means (set aside, never proposed)
    ("In 2022 kwamen er bij de overheid 200 – 300 banen bij.", "200", "range"),
    ("In 2022 kwamen er bij de overheid 200 – 300 banen bij.", "300", "range"),
    ("Het aantal banen bij de overheid veranderde in 2022 met −150 banen.", "150", "change"),
    ("Het aantal banen bij de overheid was in 2022 +120 banen.", "120", "change"),
    ("Bij de overheid zijn in 2022 200 banen meer dan in 2021 gerealiseerd.", "200", "change"),
    ("In het tweede kwartaal van 2023 zijn er 3.039 meer banen gecreëerd.", "3.039", "change"),
    # a percentage with no measure of its own, in a sentence that names no percentage of the agreement nor a target,
    # is a share of something else (measure.share_of_other)
    ("Van de werkenden in het doelgroepregister had in 2022 ruim 48% een vaste baan.", "48", "other_share"),
    ("Het baanbehoud na een jaar ligt bij de universiteit op 81 procent.", "81", "other_share"),
    # ... and so is a share of jobs with no target's words (the guard of measure.share_of_target: no realisation_pct;
    # proposed without a measure before measure.share_of_other)
    ("Bij de politie zit in 2021 30% van de 2.264 banen in de catering.", "30", "other_share"),
    ("Van alle stemmen op de genomineerden kreeg de gemeente in 2020 ruim 40%.", "40", "other_share"),
    # a count after "met" that a verb of change measures (numbers.change_by): the verb before it, a year between or a
    # comma that "en wel" or "nu" resumes; or the verb right after it
    ("Het aantal detacheringen daalde ten opzichte van het eerste kwartaal 2019 met 840 banen.", "840", "change"),
    ("Het aantal banen bij gemeenten is in 2020 fors gestegen, en wel met 1.320 banen.", "1.320", "change"),
    ("Het aantal banen in de regio is weer gegroeid, nu met in totaal 52 banen.", "52", "change"),
    ("Bij de provincies is het aantal banen in 2021 met 64 banen afgenomen.", "64", "change"),
    ("Bij de overheid komen er in 2024 naar verwachting 700 banen bij.", "700", "expectation"),
    ("Voor de politie zijn er in 2024 nog 150 banen te gaan.", "150", "remainder"),
    ("In de eerste helft van 2024 realiseerde de politie 300 banen.", "300", "part_year"),
    # a worked example: a sentence about an employer by a placeholder name ("organisatie X"; numbers: [meanings]
    # example), in whatever year it is set
    ("Organisatie X moet op basis van het quotumpercentage 68 banen realiseren in 2018.", "68", "example"),
    ("Werkgever Y heeft eind 2016 40 banen voor mensen met een arbeidsbeperking.", "40", "example"),
    # a yearly pace, no level of a year: "jaarlijks", "elk jaar" right before the number (a qualifier between aside), or
    # "per jaar" right after its unit (numbers.pace)
    ("De gemeente wil tot 2026 jaarlijks 25 banen creëren voor mensen uit de doelgroep.", "25", "pace"),
    ("De hogescholen spraken af tot 2024 elk jaar ruim 80 extra banen te realiseren.", "80", "pace"),
    ("Het ziekenhuis zorgt sinds 2016 voor 12 nieuwe banen per jaar.", "12", "pace"),
    ("Om het doel te halen zijn er bij de provincies 60 extra banen per jaar nodig.", "60", "pace"),
    # a region's count, no sector's (numbers: [meanings] regional, and a province's name as a place where the
    # sentence names no sector)
    ("In onze regio waren er eind 2022 2.310 extra banen.", "2.310", "regional"),
    ("De arbeidsmarktregio kwam in 2022 uit op 640 banen.", "640", "regional"),
    ("In Friesland zijn er sinds de nulmeting 2.310 extra banen gecreëerd.", "2.310", "regional"),
    # a change with a qualifier between its words and the number; a lead over a target; a change after an aside
    ("Bij de overheid was er in 2019 een stijging van bijna 2.000 banen.", "2.000", "change"),
    ("De marktsector ligt in 2022 nog geen 1000 banen voor op de doelstelling.", "1000", "change"),
    ("Gemeenten zitten in 2022 tot wel tien procent boven hun doel.", "tien", "change"),
    (
        "In het vierde kwartaal van 2022 zijn er bij de overheid zo'n 960 banen (gerekend in 25,5 uur per week) meer gecreëerd.",
        "960",
        "change",
    ),
    # guards: a change counted from the year before stays one, and so does one in a clause after the baseline's
    (
        "In 2016 is dat ten opzichte van het vierde kwartaal van 2015 een toename van 3763 banen.",
        "3763",
        "change",
    ),
    (
        "Ten opzichte van de nulmeting zijn er in 2016 12.000 banen bij gekomen, een stijging van 500 banen.",
        "500",
        "change",
    ),
    # a share of employers (of a survey, of the school boards), not of jobs, hours or a target: numbers.of_employers
    (
        "Uit een enquête blijkt dat 41,5% van de ondervraagde werkgevers iemand uit de doelgroep in dienst heeft.",
        "41,5",
        "employers_share",
    ),
    (
        "In 2023 had nog maar 12 procent van alle werkgevers iemand met een arbeidsbeperking in dienst.",
        "12",
        "employers_share",
    ),
    (
        "Bij de hogescholen gaf 35 procent van de besturen aan in 2022 zulke medewerkers te hebben.",
        "35",
        "employers_share",
    ),
    # the jobs that stood at the baseline, and a count of all jobs that includes them (no extra jobs):
    # numbers.at_baseline, numbers.with_baseline (in the sentence, or the sentence after says so)
    (
        "Inclusief de 60.000 banen die er bij de nulmeting al waren, telde men eind 2020 in totaal 130.000 banen.",
        "60.000",
        "baseline",
    ),
    (
        "Inclusief de 60.000 banen die er bij de nulmeting al waren, telde men eind 2020 in totaal 130.000 banen.",
        "130.000",
        "with_baseline",
    ),
    (
        "Eind 2019 waren er in totaal 128.000 banen voor de doelgroep. Dit is inclusief de 62.000 banen ten tijde van de nulmeting.",
        "128.000",
        "with_baseline",
    ),
    (
        "Eind 2019 waren er in totaal 128.000 banen voor de doelgroep. Dit is inclusief de 62.000 banen ten tijde van de nulmeting.",
        "62.000",
        "baseline",
    ),
    # a change whose noun stands apart from its "van": numbers.change_apart
    ("Bij de gemeenten was er in 2021 een flinke daling te zien van 420 banen.", "420", "change"),
    ("Landelijk was er in 2023 een stijging in het derde kwartaal van 3%.", "3", "change"),
    # a count compared, after it in its clause, with an earlier time than the baseline: numbers.against_earlier
    ("Alleen al in 2023 heeft de markt 6.500 extra banen gerealiseerd ten opzichte van eind 2022.", "6.500", "change"),
    ("De overheid realiseerde in 2021 1.200 extra banen vergeleken met het voorgaande jaar.", "1.200", "change"),
    # a shortfall, and "méér" as "meer" ([meanings] change_after)
    ("In 2021 kwamen er bij de overheid 2.100 banen tekort.", "2.100", "change"),
    ("De markt heeft in 2016 ruim 4.000 banen méér gecreëerd dan afgesproken.", "4.000", "change"),
    # ... and "meer" or "minder" right after a count's noun, whichever noun of jobs it is
    ("Per saldo waren er bij de gemeenten in 2021 240 werkplekken minder voor de doelgroep.", "240", "change"),
    ("Bij de provincies waren er eind 2022 45 arbeidsplaatsen meer.", "45", "change"),
    # a labour-market region's figure, no sector's: numbers.of_region
    ("In onze regio telde UWV eind juni 2019 2.310 banen voor de doelgroep.", "2.310", "regional"),
    ("De arbeidsmarktregio heeft in 2020 met een score van 145% van het doel het best gepresteerd.", "145", "regional"),
    ("Deze arbeidsmarktregio heeft in 2021 met 812 extra banen haar doel gehaald.", "812", "regional"),
    ("In 2016 worden 350 banen over de regio's verdeeld: 10 banen per arbeidsmarktregio.", "10", "regional"),
]

NOT_FIGURES = [
    # sentence, a number that is no figure of the agreement: people who are not the target group, though as many
    # as an end goal; a footnote's number in a sentence that counts jobs
    ("De rijksoverheid bestaat uit elf ministeries waar ruim 100.000 mensen werkzaam zijn.", "100000"),
    ("Sinds 2015 zijn er banen gecreëerd (zie noot 1) en in 2025 moeten er 25.000 banen zijn bij de overheid.", "1"),
    # guard of numbers.stands_at: what a count of people stands at is no count of jobs
    ("Het aantal werkzame personen stond eind 2021 op 134.000, meldt UWV over de banen.", "134000"),
    # guard: "plaatsen" after people is the verb (to place them), no unit of jobs
    ("De gemeenten willen in 2024 nog 500 mensen plaatsen bij werkgevers.", "500"),
    # a share of the minimum wage, the target group's definition ([sentences] marks_after)
    (
        "De doelgroep zijn mensen die niet zelfstandig 100 procent van het wettelijk minimumloon kunnen verdienen.",
        "100",
    ),
    # ... and without "van het", as a list of the target group writes it
    ("• Mensen met een Wajong-uitkering die niet 100% minimumloon kunnen verdienen", "100"),
    ("Zij kunnen niet zelfstandig 100 procent wettelijk minimumloon verdienen, meldt UWV over 40.000 banen.", "100"),
    # a job's size, no count (numbers.unit_size): one unit of jobs that a number of hours makes
    (
        "De gemeente heeft 80 fte uit de doelgroep in dienst, want de banenafspraak rekent 25,5 uur per week als 1 fte.",
        "1",
    ),
    # guard of numbers.agreement_unit: fte in a sentence that does not speak of the agreement is a staff's size
    ("De provincie heeft ruim 1.500 fte in dienst en realiseerde in 2019 40 banen.", "1500"),
    # guard: open vacancies are no jobs made ("extra vacatures" are)
    ("Bij de gemeente staan 300 vacatures open, terwijl zij in 2019 40 banen realiseerde.", "300"),
    ("Een baan van 25,5 uur telt voor de banenafspraak als 1 baan, zo telt de provincie 30 banen.", "1"),
    # an item's number in a list, no value (numbers.item_number): one or two digits, a dot and a word after it, that
    # open a bracket or the sentence
    ("Het quotum van de overheid volgt uit (1. het aantal banen bij de nulmeting) + (2. de banen van dit jaar).", "2"),
    (
        (
            "Per sector volgt het quotum uit (1. banen nulmeting) + (2. banen in jaar t x (3. uren doelgroep) gedeeld "
            "door (4. werknemers jaar t)."
        ),
        "3",
    ),
    # guards of numbers.people_at_work: a national count of people at work (no sector named), UWV's "personen", the
    # target group's size, people not at work or only wishing to be, a range, and staff not of the target group
    (
        "In het tweede kwartaal van 2023 zijn er in totaal 134.000 mensen uit de doelgroep banenafspraak aan het werk.",
        "134000",
    ),
    ("Bij de overheid waren in 2022 11.000 personen uit de doelgroep aan het werk.", "11000"),
    ("In het doelgroepregister van de gemeente staan 2.300 mensen met een arbeidsbeperking.", "2300"),
    ("Bij de gemeente hebben in 2022 40 mensen uit de doelgroep nog geen werk gevonden.", "40"),
    ("In 2022 wilden bij de provincie 80 mensen uit de doelgroep graag aan het werk.", "80"),
    ("De gemeente streeft ernaar in 2024 60 à 70 mensen met een beperking in dienst te hebben.", "70"),
    ("Bij de provincie zijn in 2022 1.500 mensen in dienst.", "1500"),
]


@pytest.mark.parametrize("sentence, value", NOT_FIGURES)
def test_a_number_that_is_no_figure_of_the_agreement_is_not_proposed(vocab, sentence, value):
    assert value not in rows(sentence, vocab)


@pytest.mark.parametrize("sentence, written, meaning", NUMBER_MEANINGS)
def test_a_number_that_is_no_plain_figure_is_set_aside_with_its_meaning(vocab, sentence, written, meaning):
    reading = read(sentence, vocab)
    assert (written, meaning) in {(s.written, s.meaning) for s in reading.set_aside}
    assert written.replace(".", "") not in {p.row["value"] for p in reading.proposals}


# ---------------------------------------------------------------- measures

MEASURES = [
    # sentence, value, measure, rule
    (
        "Met 71.000 extra banen hebben werkgevers in 2023 het streven van 75.000 niet gehaald.",
        "71000",
        "realised_jobs",
        "measure.realised_phrase",
    ),
    (
        "Met 71.000 extra banen hebben werkgevers in 2023 het streven van 75.000 niet gehaald.",
        "75000",
        "target_jobs",
        "measure.nearest_words",
    ),
    ("In 2027 moet de teller op 130.000 staan.", "130000", "goal_jobs", "measure.nearest_words"),
    (
        "Van de 60.000 banen die er eind 2019 hadden moeten zijn, zijn er 58.000 gerealiseerd.",
        "60000",
        "target_jobs",
        "measure.nearest_words",
    ),
    (
        "Van de 60.000 banen die er eind 2019 hadden moeten zijn, zijn er 58.000 gerealiseerd.",
        "58000",
        "realised_jobs",
        "measure.nearest_words",
    ),
    (
        "Sinds de start van de afspraak zijn er in 2023 64.000 extra banen bijgekomen.",
        "64000",
        "realised_jobs",
        "measure.nearest_words",
    ),
    ("De sector markt moet in 2015 6.000 extra banen hebben gecreëerd.", "6000", "target_jobs", "measure.obligation"),
    (
        "Voor eind 2022 stond de afspraak op 92.500 extra banen: 70.000 bij het bedrijfsleven en 22.500 bij overheidswerkgevers.",
        "70000",
        "target_jobs",
        "measure.split_of",
    ),
    (
        "Zij spraken af om in 2026 te zorgen voor 125.000 extra banen bij gewone werkgevers.",
        "125000",
        "goal_jobs",
        "measure.end_goal",
    ),
    (
        "Bijna 90.000 extra banen voor mensen met een arbeidsbeperking in 2024",
        "90000",
        "realised_jobs",
        "measure.extra_jobs",
    ),
    # a sector's own goal for the agreement's last year is its end goal; one for an earlier year its target then
    ("In 2026 moeten de hogescholen 953 banen hebben.", "953", "goal_jobs", "measure.sector_end_goal"),
    (
        "De universitaire medische centra moeten in 2026 in totaal 2.264 banen hebben gerealiseerd.",
        "2264",
        "goal_jobs",
        "measure.sector_end_goal",
    ),
    ("Het einddoel van de universiteiten is 1.886 banen.", "1886", "goal_jobs", "measure.nearest_words"),
    (
        "De gemeenten hebben de doelstelling van 5.250 banen in 2023 bereikt.",
        "5250",
        "target_jobs",
        "measure.nearest_words",
    ),
    ("De politie moet in 2024 713 banen hebben.", "713", "target_jobs", "measure.obligation"),
    ("In 2026 moeten er 953 banen zijn.", "953", "target_jobs", "measure.nearest_words"),  # whose? no sector
    # a count compared with a target of its own ("met een target van"): a count reached and its target; a count
    # "zijn er in totaal": one reached; guards: one that must be there, one a target's words name
    (
        "In 2015 hadden de provincies ruim 49 garantiebanen met een target van 41.",
        "49",
        "realised_jobs",
        "measure.out_of",
    ),
    (
        "In 2015 hadden de provincies ruim 49 garantiebanen met een target van 41.",
        "41",
        "target_jobs",
        "measure.out_of",
    ),
    (
        "In het derde kwartaal van 2023 zijn er in totaal 4.386 voltijdsbanen bij de Rijksoverheid.",
        "4386",
        "realised_jobs",
        "measure.realised_phrase",
    ),
    ("Bij het Rijk moeten er in 2024 in totaal 5.000 banen zijn.", "5000", "target_jobs", "measure.nearest_words"),
    ("Het doel van het Rijk is in 2024 in totaal 5.000 banen.", "5000", "target_jobs", "measure.nearest_words"),
    # a sector's count due by a deadline in or after the earliest due year of the end goals is its end goal
    (
        "Gemeenten zijn verantwoordelijk voor 5250 banen die uiterlijk in 2023 gerealiseerd moeten zijn.",
        "5250",
        "goal_jobs",
        "measure.sector_deadline",
    ),
    (
        "Voor de provincies is de doelstelling 340 banen voor 1 januari 2024.",
        "340",
        "goal_jobs",
        "measure.sector_deadline",
    ),
    ("Voor Defensie betekent dat circa 800 banen voor eind 2024.", "800", "goal_jobs", "measure.sector_deadline"),
    # guards: a deadline before the earliest due year; "voor 2024" is for that year; a count reached by then; a
    # national sector (its end goals go by size)
    (
        "De doelstelling is 88 garantiebanen voor 31 december 2016 bij de provincies.",
        "88",
        "target_jobs",
        "measure.nearest_words",
    ),
    ("De doelstelling voor 2024 is 713 banen bij de politie.", "713", "target_jobs", "measure.nearest_words"),
    ("De gemeenten hebben voor eind 2024 al 800 banen gerealiseerd.", "800", "realised_jobs", "measure.nearest_words"),
    ("De overheid moet uiterlijk in 2023 20.000 extra banen hebben.", "20000", "target_jobs", "measure.obligation"),
    # deadlines "tot en met 2023", "moet op 1 januari 2024" (by the end of 2023); guards: "tot en met" a year before
    # the earliest due year, a target that stands on a date, a count reached on it
    # a rise counted from the baseline in its clause is the level of extra jobs, a count reached
    (
        "In 2016 is er ten opzichte van de nulmeting 2012 een stijging van 12.543 banen.",
        "12543",
        "realised_jobs",
        "measure.from_baseline",
    ),
    (
        "Het aantal daalde in 2016, maar ten opzichte van de nulmeting is er een stijging van 10.291 banen.",
        "10291",
        "realised_jobs",
        "measure.from_baseline",
    ),
    ("De provincie moet tot en met 2023 in totaal 26 banen creëren.", "26", "goal_jobs", "measure.sector_deadline"),
    (
        "De gemeente moet op 1 januari 2024 in totaal 162 banen gerealiseerd hebben.",
        "162",
        "goal_jobs",
        "measure.sector_deadline",
    ),
    (
        "De opgave voor de gemeenten was om 1.500 banen tot en met 2019 te realiseren.",
        "1500",
        "target_jobs",
        "measure.nearest_words",
    ),
    (
        "Op 1 januari 2024 bedroeg de doelstelling van de gemeenten 6.000 banen.",
        "6000",
        "target_jobs",
        "measure.nearest_words",
    ),
    (
        "Op 1 januari 2024 waren er bij de gemeenten 6.000 banen gerealiseerd.",
        "6000",
        "realised_jobs",
        "measure.nearest_words",
    ),
    # a count "in plaats van (de afgesproken)" another: the count reached and its target; "afgesproken",
    # "overeengekomen" before a count are a target's words (not an end goal's); "was goed voor": a count reached
    (
        "De overheid schoot in 2019 tekort door maar 9786 banen in te richten in plaats van de afgesproken 15.000.",
        "9786",
        "realised_jobs",
        "measure.instead_of",
    ),
    (
        "De overheid schoot in 2019 tekort door maar 9786 banen in te richten in plaats van de afgesproken 15.000.",
        "15000",
        "target_jobs",
        "measure.instead_of",
    ),
    (
        "De overheidswerkgevers bleven steken op bijna 3.600 in plaats van de overeengekomen 6.500.",
        "3600",
        "realised_jobs",
        "measure.instead_of",
    ),
    (
        "De overheidswerkgevers bleven steken op bijna 3.600 in plaats van de overeengekomen 6.500.",
        "6500",
        "target_jobs",
        "measure.instead_of",
    ),
    ("In 2019 had de markt de afgesproken 40.000 banen.", "40000", "target_jobs", "measure.nearest_words"),
    ("Het bedrijfsleven was in 2019 goed voor 51.829 banen.", "51829", "realised_jobs", "measure.nearest_words"),
    # a count of "extra reguliere banen", "extra vaste banen" is one reached, as one of "extra banen" is
    (
        "Halverwege vorig jaar had de overheid nog maar 85 extra reguliere banen voor arbeidsbeperkten.",
        "85",
        "realised_jobs",
        "measure.extra_jobs",
    ),
    # "weten te creëren" (managed to) is a count reached, never one that must be ("te creëren"); guard: "moeten"
    (
        "Werkgevers bij de overheid hebben in 2017 maar 553 extra vaste banen weten te creëren voor arbeidsbeperkten.",
        "553",
        "realised_jobs",
        "measure.nearest_words",
    ),
    ("De gemeenten moeten in 2024 700 banen weten te creëren.", "700", "target_jobs", "measure.obligation"),
    # guards of "meer" and "minder" after a count's noun: after a comma, or after "of", they make no change
    (
        "De markt realiseerde in 2019 52.000 banen, meer dan de doelstelling van 40.000.",
        "52000",
        "realised_jobs",
        "measure.nearest_words",
    ),
    (
        "Werkgevers met 25 of meer werknemers moesten in 2019 samen 15.000 banen realiseren.",
        "15000",
        "target_jobs",
        "measure.obligation",
    ),
    # ... and so is one between "wisten" and "te creëren" split around it (measure.managed); guards: "moesten"
    # before it is an obligation, and words of a target in its clause are its measure
    (
        "In 2021 wisten de gemeenten met elkaar gezamenlijk 140 banen te realiseren.",
        "140",
        "realised_jobs",
        "measure.managed",
    ),
    ("In 2021 moesten de gemeenten samen 140 banen weten te realiseren.", "140", "target_jobs", "measure.obligation"),
    (
        "In 2021 wisten de gemeenten hun doelstelling van 140 banen te realiseren.",
        "140",
        "target_jobs",
        "measure.nearest_words",
    ),
    # a percentage "van de" a target's count after it is the share of that target reached (measure.share_of_target);
    # guard: of a count with no words of a target it stays without a measure
    (
        "Bij de politie is in 2021 dertig procent van de nagestreefde 2264 plekken behaald.",
        "30",
        "realisation_pct",
        "measure.share_of_target",
    ),
    (
        "Bij de politie is in 2021 30% van de beoogde 2.264 banen gerealiseerd.",
        "30",
        "realisation_pct",
        "measure.share_of_target",
    ),
    # a count whose reaching is to be checked ("gekeken of", "beoordeeld of") is a target, as one that must be;
    # guard: "gekeken naar" a count is no check of it
    (
        "In 2017 wordt beoordeeld of de markt in 2016 14.000 banen heeft gerealiseerd.",
        "14000",
        "target_jobs",
        "measure.obligation",
    ),
    (
        "Er wordt gekeken naar de 9.000 banen die in 2015 bij de overheid zijn gecreëerd.",
        "9000",
        "realised_jobs",
        "measure.nearest_words",
    ),
    # guard: a target before "in plaats van" stays one (a target changed)
    (
        "De doelstelling van de gemeenten werd in 2019 6.000 banen in plaats van 8.000.",
        "6000",
        "target_jobs",
        "measure.nearest_words",
    ),
    # a bare number that "het aantal ... banen" stands at counts jobs (numbers.stands_at), and so does the target
    # beside it
    (
        "Het aantal extra gerealiseerde banen lag eind 2021 echter op 70.500, terwijl dit 80.000 moest zijn.",
        "70500",
        "realised_jobs",
        "measure.nearest_words",
    ),
    (
        "Het aantal extra gerealiseerde banen lag eind 2021 echter op 70.500, terwijl dit 80.000 moest zijn.",
        "80000",
        "target_jobs",
        "measure.nearest_words",
    ),
    # guards of numbers.against_earlier: compared with the baseline (its year, or its words), or a comparison before
    # the count, a count stays one reached
    (
        "Werkgevers hebben tot het vierde kwartaal van 2023 86.000 extra banen gerealiseerd ten opzichte van eind 2012.",
        "86000",
        "realised_jobs",
        "measure.nearest_words",
    ),
    (
        "In 2017 zijn er 15.000 extra banen gerealiseerd vergeleken met de nulmeting.",
        "15000",
        "realised_jobs",
        "measure.nearest_words",
    ),
    (
        "Bij de gemeenten zijn er ten opzichte van 2019 geen nieuwe banen bij gekomen en het totaal is nu 51 banen.",
        "51",
        "realised_jobs",
        "measure.nearest_words",
    ),
    # guards of numbers.change_apart: a change from one level to another gives both levels; a rise from the
    # baseline is the level of extra jobs
    (
        "In 2020 was er bij het Rijk een stijging van de realisatie van 80% naar 85%.",
        "85",
        "realisation_pct",
        "measure.listed_with",
    ),
    (
        "Ten opzichte van de nulmeting was er in 2016 een stijging te zien van 10.291 banen.",
        "10291",
        "realised_jobs",
        "measure.from_baseline",
    ),
    # guards of numbers.with_baseline: a count that includes another part, or the rise from the baseline, stays
    (
        "De markt moest in 2017 20.000 extra banen gerealiseerd hebben. Dit is inclusief de 4.000 banen uit het proefjaar.",
        "20000",
        "target_jobs",
        "measure.nearest_words",
    ),
    (
        "Ten opzichte van de nulmeting zijn er eind 2020 bij de overheid 12.000 banen gerealiseerd.",
        "12000",
        "realised_jobs",
        "measure.nearest_words",
    ),
    # guards of numbers.of_employers: a share of the target, or of the staff, is no share of employers
    ("De gemeenten haalden in 2022 85% van de doelstelling.", "85", "realisation_pct", "measure.nearest_words"),
    ("In 2020 realiseerde het Rijk 61,3% van het quotum.", "61.3", "realisation_pct", "measure.nearest_words"),
    # guards of numbers.of_region: a national count beside the words of a region stays (another clause, the plural,
    # a regional report)
    (
        "UWV telt de banen per arbeidsmarktregio, en landelijk zijn er in 2019 57.000 extra banen gerealiseerd.",
        "57000",
        "realised_jobs",
        "measure.nearest_words",
    ),
    (
        "In de arbeidsmarktregio's samen zijn in 2019 57.000 extra banen gerealiseerd.",
        "57000",
        "realised_jobs",
        "measure.nearest_words",
    ),
    (
        "Volgens de regionale rapportage zijn in 2019 57.000 extra banen gerealiseerd.",
        "57000",
        "realised_jobs",
        "measure.nearest_words",
    ),
]


@pytest.mark.parametrize("sentence, value, measure, rule", MEASURES)
def test_the_measure_is_read_from_the_phrasing(vocab, sentence, value, measure, rule):
    p = rows(sentence, vocab)[value]
    assert (p.row["measure"], p.rules["measure"]) == (measure, rule)


# ---------------------------------------------------------------- years

YEARS = [
    # document, published, value, year, rule, words the check must hold
    # a count reached takes no year an earlier sentence gave only an end goal, as its due year (years.not_due) ...
    (
        (
            "De gemeenten hadden vorig jaar een kwart van de 400 banen die er in 2026 moeten zijn.\n\n"
            "Bij de provincies is veertig procent van de beoogde 90 banen gerealiseerd."
        ),
        "2023-11-02",
        "40",
        "2022",
        "year.earlier_in_document",
        "year taken from an earlier paragraph (2022)",
    ),
    (  # ... nor one of an end goal set aside as a rise ("een toename van"): none here, with its check
        "Het doel is een toename van 125.000 banen in totaal in 2025. Bij de gemeenten staat de teller op 9.000 banen.",
        None,
        "9000",
        "",
        "year.none",
        "year not stated",
    ),
    (  # guard: a target still takes it (a sector's target dated by the whole's end goal is its end goal)
        "In 2025 moeten overheidswerkgevers 25.000 banen hebben gecreëerd. De gemeenten moeten 6.000 banen leveren.",
        None,
        "6000",
        "2025",
        "year.sentence_before",
        "",
    ),
    (  # guard: a year the sentence before gives a count reached as well as an end goal dates a later count
        (
            "In 2022 hadden de gemeenten 300 van de 400 banen die er in 2022 moeten zijn. Bij de provincies is "
            "veertig procent van de beoogde 90 banen gerealiseerd."
        ),
        None,
        "40",
        "2022",
        "year.sentence_before",
        "",
    ),
    # a quota percentage takes the one year of the sentence right before in its paragraph, none from further back
    (
        (
            "In 2024 realiseerden de hogescholen samen 36,3% van de landelijke doelstelling. Met 605 "
            "participatiebanen blijft het aandeel van 1,0% echter onder de norm van 2,76%."
        ),
        None,
        "2.76",
        "2024",
        "year.sentence_before",
        "",
    ),
    (
        (
            "In 2024 realiseerden de hogescholen samen 36,3% van de landelijke doelstelling. Dat is een stabiel "
            "resultaat. Het quotumpercentage is 2,76%."
        ),
        None,
        "2.76",
        "",
        "",
        "",
    ),
    # a count that nothing before dates takes the one year of the sentence after, if that gives no value and refers
    # back to it; guards: one that gives a value of its own, one that does not refer back
    (
        (
            "Sinds 2013 hebben werkgevers in totaal 85.665 extra banen gerealiseerd. Het aantal banen is in 2023 licht "
            "gegroeid ten opzichte van een jaar eerder."
        ),
        None,
        "85665",
        "2023",
        "year.said_after",
        "year 2023 from the sentence after",
    ),
    (
        "Sinds 2013 hebben werkgevers in totaal 85.665 extra banen gerealiseerd. Het aantal banen is in 2023 met 2.000 banen gegroeid.",
        None,
        "85665",
        "",
        "year.none",
        "year not stated",
    ),
    (
        "Sinds 2013 hebben werkgevers in totaal 85.665 extra banen gerealiseerd. In 2023 groeide de economie.",
        None,
        "85665",
        "",
        "year.none",
        "year not stated",
    ),
    # "Daarmee", "Daardoor" (by that) refer back to the sentence before as a whole: the year of the goal they say it
    # met or missed is its counts' ...
    (
        (
            "De gemeenten hebben 9.000 extra banen gerealiseerd, tegen een doel van 8.000. Daardoor is het streefdoel "
            "voor 2021 toch bereikt."
        ),
        None,
        "9000",
        "2021",
        "year.said_after",
        "year 2021 from the sentence after",
    ),
    (  # ... before a year taken from an earlier paragraph (with its check), which is further off
        (
            "In 2018 sprak de minister de werkgevers toe.\n\nDe gemeenten hebben 9.000 extra banen gerealiseerd. "
            "Daarmee is de doelstelling voor 2021 niet gehaald."
        ),
        None,
        "9000",
        "2021",
        "year.said_after",
        "year 2021 from the sentence after",
    ),
    (  # guard: not before a year of the sentence before in the paragraph, nearer than it
        (
            "In 2020 stond de teller op 7.000.\n\nIn 2019 was het anders. De gemeenten hebben 9.000 extra banen "
            "gerealiseerd. Daarmee is de doelstelling voor 2021 niet gehaald."
        ),
        None,
        "9000",
        "2019",
        "year.sentence_before",
        "",
    ),
    (  # guard: a sentence after that gives a value of its own dates nothing
        (
            "In 2018 sprak de minister de werkgevers toe.\n\nDe gemeenten hebben 9.000 extra banen gerealiseerd. "
            "Daarmee is de doelstelling van 9.500 banen voor 2021 niet gehaald."
        ),
        None,
        "9000",
        "2018",
        "year.earlier_in_document",
        "year taken from an earlier paragraph (2018)",
    ),
    # a year that opens a relative clause after the value's noun is that value's, further off than one right after
    # it; each of two such clauses its own value's
    (
        (
            "100.000 banen in de marktsector die in 2026 gerealiseerd moeten zijn en 25.000 banen bij de overheid die "
            "in 2024 gerealiseerd moeten zijn."
        ),
        None,
        "100000",
        "2026",
        "year.written_after",
        "",
    ),
    (
        (
            "100.000 banen in de marktsector die in 2026 gerealiseerd moeten zijn en 25.000 banen bij de overheid die "
            "in 2024 gerealiseerd moeten zijn."
        ),
        None,
        "25000",
        "2024",
        "year.written_after",
        "",
    ),
    # "tegen 2026" after a value is its own year, as "in 2026" is ("by 2026"): each of two parts its own
    (
        "Het plan telt 50.000 banen, waarvan 40.000 banen bij bedrijven tegen 2027 en 10.000 banen bij gemeenten tegen 2025.",
        None,
        "40000",
        "2027",
        "year.written_after",
        "",
    ),
    (
        "Het plan telt 50.000 banen, waarvan 40.000 banen bij bedrijven tegen 2027 en 10.000 banen bij gemeenten tegen 2025.",
        None,
        "10000",
        "2025",
        "year.written_after",
        "",
    ),
    (  # guard: "tegen" before a value, not a year, pairs two values and dates neither
        "In 2021 waren er bij de gemeenten 3.000 banen tegen 2.500 bij de provincies.",
        None,
        "3000",
        "2021",
        "year.only_in_sentence",
        "",
    ),
    (  # guard: a year further off that opens no relative clause is not the value's own
        "De provincies hadden 300 banen bij de eigen organisatie en de gemeenschappelijke regelingen in 2020.",
        None,
        "300",
        "2020",
        "year.only_in_sentence",
        "",
    ),
    (
        "Vorig jaar realiseerden werkgevers 90.000 extra banen.",
        "2025-07-03",
        "90000",
        "2024",
        "year.relative_to_document",
        "2025-07-03",
    ),
    (
        "3 juli 2025 | Redactie\n\nHet afgelopen jaar kwamen er bij de overheid 4.000 banen bij.",
        None,
        "4000",
        "2024",
        "year.relative_to_document",
        "3 juli 2025",
    ),
    (
        "De cijfers over 2024\n\nWerkgevers realiseerden 88.000 extra banen.",
        None,
        "88000",
        "2024",
        "year.document_title",
        "title",
    ),
    (
        "Sinds de start van de banenafspraak in 2012 zijn er 65.976 extra banen gecreëerd.",
        None,
        "65976",
        "",
        "year.none",
        "year not stated",
    ),
    (
        "De politie realiseerde in 2021 663 banen.\n\nHet Rijk realiseerde 4.000 banen.",
        None,
        "4000",
        "2021",
        "year.earlier_in_document",
        "year taken from an earlier paragraph (2021)",
    ),
    # a month a date line writes without a day gives the document's year ("date 2022-07" above a news item)
    (
        " date 2022-07 De overheid realiseerde vorig jaar 12.000 banen.",
        None,
        "12000",
        "2021",
        "year.relative_to_document",
        "2022-07",
    ),
    (  # "vorig jaar" counted from a known date comes before the paragraph's year
        "In 2025 moet de overheid 25.000 banen hebben. Vorig jaar realiseerde het Rijk 4.000 banen.",
        "2022-07-07",
        "4000",
        "2021",
        "year.relative_to_document",
        "2022-07-07",
    ),
    (  # the year a sentence counts from the date is the one a later sentence takes; a count after a qualifier after
        # the words that make it one of jobs
        "De overheid is er vorig jaar niet in geslaagd genoeg banen te creëren. De teller bleef steken op een kleine 12.000.",
        "2022-07-07",
        "12000",
        "2021",
        "year.sentence_before",
        "",
    ),
    # "op dit moment" after the last value's clause is no count of the day (numbers.valued_clauses): the year of an
    # earlier paragraph, as for any count without one
    (
        (
            "Tot en met het derde kwartaal van 2020 zijn er 60.000 extra banen gecreëerd.\n\n"
            "• 9.300 extra banen via een uitzendcontract of detachering: op dit moment niet te splitsen naar "
            "overheid en markt."
        ),
        None,
        "9300",
        "2020",
        "year.earlier_in_document",
        "year taken from an earlier paragraph",
    ),
    # "in de afgelopen drie jaar": a count up to the day the document was written, as "op dit moment" (year.now)
    (
        "In de afgelopen drie jaar heeft de gemeente Utrecht 210 banen gecreëerd voor mensen met een arbeidsbeperking.",
        "2019-03-01",
        "210",
        "2019",
        "year.now",
        "from the document's date",
    ),
    # "inmiddels" (by now) in a sentence that writes no year: a count of the day, as "op dit moment" (year.now,
    # [years] now_undated); never the due year of an end goal in a paragraph before
    (
        "Inmiddels heeft de provincie 17 extra banen gerealiseerd voor mensen met een arbeidsbeperking.",
        "2019-03-01",
        "17",
        "2019",
        "year.now",
        "from the document's date",
    ),
    (
        "Tegen 2026 moeten werkgevers 125.000 extra banen hebben geschapen.\n\nInmiddels staat de teller bij het Rijk op 2.400 banen.",
        None,
        "2400",
        "",
        "year.none",
        "year not stated",
    ),
    # ... but with "vorig jaar" it is "by then": the year counted from the document's date, a year's count
    (
        "Vorig jaar hadden de gemeenten inmiddels 4.800 extra banen gerealiseerd.",
        "2020-07-02",
        "4800",
        "2019",
        "year.relative_to_document",
        "year 2019 from the document's date (2020-07-02: 'Vorig jaar')",
    ),
    # "net als in 2022", "evenals vorig jaar": the time the figure is likened to, not its own year ([years]
    # reference); the count is of the year its paragraph speaks of
    (
        (
            "De gemeenten hebben hun doel over 2023 gehaald. Met 1.250 extra banen kwamen zij – net als in 2022 – "
            "boven het streven uit."
        ),
        None,
        "1250",
        "2023",
        "year.sentence_before",
        "",
    ),
    (
        "Evenals vorig jaar hebben de provincies met 310 banen hun doel gehaald.",
        "2024-07-01",
        "310",
        "",
        "year.none",
        "year not stated",
    ),
    # guards: a year after the likening words that belongs to the value, and "vorig jaar" without them
    (
        "Net als de gemeenten realiseerden de provincies in 2022 ruim 300 banen.",
        None,
        "300",
        "2022",
        "year.only_in_sentence",
        "",
    ),
    (
        "Vorig jaar hebben de provincies met 310 banen hun doel gehaald.",
        "2024-07-01",
        "310",
        "2023",
        "year.relative_to_document",
        "from the document's date",
    ),
    # the parts a total is split into after a colon, semicolon, "waarvan" or a bracket are of the total's year, when
    # that is written right after the total (year.of_total)
    (
        "Het doel van 70.000 extra banen in 2023 valt uiteen in twee doelen: 15.000 voor de overheid en 55.000 voor de markt.",
        None,
        "55000",
        "2023",
        "year.of_total",
        "",
    ),
    # guards: a part with a year of its own keeps it; a total without one gives none
    (
        "Het doel van 70.000 extra banen in 2023 valt uiteen: 15.000 voor de overheid in 2024 en 55.000 voor de markt.",
        None,
        "15000",
        "2024",
        "year.written_after",
        "",
    ),
    (
        "Het doel van 70.000 extra banen valt uiteen in twee doelen: 15.000 voor de overheid en 55.000 voor de markt.",
        None,
        "55000",
        "",
        "year.none",
        "year not stated",
    ),
    # guards: "dit jaar" in a paragraph about a year is that year; a span of years is no month
    (
        "In 2020 telde Defensie 557 banen. Het quotum over dit jaar bedroeg 633 banen.",
        "2022-07-07",
        "633",
        "2020",
        "year.sentence_before",
        "",
    ),
    (
        "Het plan 2022-2025\n\nVorig jaar realiseerde het Rijk 4.000 banen.",
        None,
        "4000",
        "",
        "year.none",
        "year not stated",
    ),
    # "toen" (then) opening the clause after a year: a count in that clause is of that year, though the year is one a
    # figure is compared with (year.then)
    (
        "Bij de overheid is het aantal banen gedaald ten opzichte van eind 2020, toen er 12.300 banen waren gerealiseerd.",
        "2022-07-01",
        "12300",
        "2020",
        "year.then",
        "",
    ),
    (  # ... and the count before it keeps its own year
        "Eind 2021 waren er bij de overheid 11.800 banen, minder dan eind 2020, toen er 12.300 waren.",
        None,
        "12300",
        "2020",
        "year.then",
        "",
    ),
    (
        "Eind 2021 waren er bij de overheid 11.800 banen, minder dan eind 2020, toen er 12.300 waren.",
        None,
        "11800",
        "2021",
        "year.only_in_sentence",
        "",
    ),
    (  # guard: "toen" with no year right before it dates nothing
        "In het begin van de afspraak, toen de gemeente 12 banen had gerealiseerd, was er weinig aandacht.",
        None,
        "12",
        "",
        "year.none",
        "year not stated",
    ),
]


@pytest.mark.parametrize("text, published, value, year, rule, says", YEARS)
def test_the_year_comes_from_the_sentence_or_the_document_and_a_borrowed_year_says_so(
    vocab, text, published, value, year, rule, says
):
    p = rows(text, vocab, published)[value]
    assert (p.row["year"], p.rules["year"]) == (year, rule)
    assert says in p.record()["check"]


DATED = [
    # a count reached on a day: the day's year, provisional within the year, the year's own at its end
    ("Op 1 oktober 2015 waren er bij het mbo 63,09 banen gerealiseerd.", "63.09", "2015", "provisional"),
    ("Op 31 december 2018 hadden de provincies ruim 270 banen gerealiseerd.", "270", "2018", "year"),
    ("Op 1 januari 2024 hadden de provincies 340 banen gerealiseerd.", "340", "2023", "year"),
    # the sentence's own date wins over a year of the sentence before, whatever the measure, and a date written
    # in figures counts too; a date counted from (the baseline's year-end, "sinds ...") is no figure's date
    ("Het Rijk telde in 2015 300 banen. Op 1 mei 2016 had het Rijk ruim 81 banen.", "81", "2016", "provisional"),
    ("In 2019 begon het. Op 31-12-2020 waren er bij de gemeenten 4.000 banen.", "4000", "2020", "year"),
    (
        (
            "In 2017 begon het. Per 1 januari 2019 hadden de gemeenten 4.000 banen gerealiseerd, terwijl dit er "
            "5.000 hadden moeten zijn."
        ),
        "5000",
        "2018",
        "year",
    ),
    (
        "Op 1 oktober 2016 had het hbo 80 banen ingevuld, terwijl dit er 120 hadden moeten zijn.",
        "120",
        "2016",
        "provisional",
    ),
    (
        "Ten opzichte van de nulmeting van 1 januari 2013 hadden de gemeenten op 1 juli 2016 2.000 banen ingevuld.",
        "2000",
        "2016",
        "provisional",
    ),
    ("Sinds 1 januari 2015 hadden de provincies op 1 mei 2016 90 banen ingevuld.", "90", "2016", "provisional"),
]


@pytest.mark.parametrize("sentence, value, year, period", DATED)
def test_a_count_on_a_date_takes_its_year_and_is_provisional_within_the_year(vocab, sentence, value, year, period):
    p = rows(sentence, vocab)[value]
    assert (p.row["year"], p.row["period"]) == (year, period)
    assert p.rules["year"].startswith("year.dated") and "from the date" in p.row["note"]


DUE_YEARS = [
    # document, value, due year, rule, words the check must hold: an end goal's due year
    (  # "voor 2025": the year written, and a check, as readers take it both ways
        "Werkgevers spraken af om voor 2025 125.000 extra banen te realiseren.",
        "125000",
        "2025",
        "year.due_before",
        "'voor 2025': due by the end of 2025, or before it (the end of 2024)? confirm",
    ),
    (  # "vóór 2027" (the accent: before, not for): before 2027 begins, by the end of 2026, with a check
        "Volgens het akkoord moeten er vóór 2027 in totaal 125.000 extra banen bij komen.",
        "125000",
        "2026",
        "year.due_before_start",
        "'vóór 2027': due before 2027 begins (the end of 2026), or by the end of 2027? confirm",
    ),
    (  # ... and its parts in the sentence after take that due year
        (
            "Volgens het akkoord moeten er vóór 2027 in totaal 125.000 extra banen bij komen. De overheid neemt "
            "25.000 van deze banen voor haar rekening."
        ),
        "25000",
        "2026",
        "year.due_of_whole",
        "due year 2026 of the end goal of the whole (banenafspraak_totaal)",
    ),
    (  # guard: "vóór eind 2025" is before 2025 ends: 2025, and no check
        "Werkgevers moeten vóór eind 2025 samen 125.000 extra banen hebben gecreëerd.",
        "125000",
        "2025",
        "year.only_in_sentence",
        "",
    ),
    (  # guard: "in 2025" is the year, and no check
        "Werkgevers spraken af om in 2025 125.000 extra banen te realiseren.",
        "125000",
        "2025",
        "year.only_in_sentence",
        "",
    ),
    (  # due at a year's start: at the end of the year before, as "1 januari 2027" is
        "Het streven is om begin 2027 in totaal 125.000 extra banen te hebben gerealiseerd.",
        "125000",
        "2026",
        "year.due_start_of_year",
        "",
    ),
    (  # a part of the whole's end goal in the sentence before
        "Werkgevers moeten begin 2026 samen 125.000 extra banen hebben. De overheid moet 25.000 van die banen leveren.",
        "25000",
        "2025",
        "year.due_of_whole",
        "due year 2025 of the end goal of the whole (banenafspraak_totaal)",
    ),
    (  # a sentence right after the end goal that opens with "Daarvan" gives its parts, bare numbers of jobs
        # (numbers.parts_of_goal_before)
        (
            "Werkgevers beloofden dat er in 2026 zeker 125.000 extra banen bij zijn. Daarvan nemen de bedrijven er "
            "100.000 op zich."
        ),
        "100000",
        "2026",
        "year.due_of_whole",
        "due year 2026 of the end goal of the whole (banenafspraak_totaal)",
    ),
    (  # the sentence after names the due year and refers back
        "Alle werkgevers moeten samen 125.000 extra banen realiseren. In 2026 moet dit aantal gehaald zijn.",
        "125000",
        "2026",
        "year.due_said_after",
        "due year 2026 from the sentence after",
    ),
    (  # guard: a sibling's due year is not this goal's
        "De markt moet in 2024 100.000 extra banen hebben. Bij de overheid moeten 25.000 banen komen.",
        "25000",
        "",
        "year.no_due_year",
        "an end goal without a due year",
    ),
    (  # guard: a sentence after that gives a value of its own
        "Alle werkgevers moeten samen 125.000 extra banen realiseren. In 2026 moet dit aantal met 500 banen groeien.",
        "125000",
        "",
        "year.no_due_year",
        "an end goal without a due year",
    ),
    (  # the end goal of its whole, paragraphs before
        (
            "In 2026 zouden er in de publieke sector 25.000 banen moeten zijn gerealiseerd.\n\n"
            "De universiteiten schiepen de helft van de 1886 banen waar ze uiteindelijk op mikken."
        ),
        "1886",
        "2026",
        "year.due_in_document",
        "due year 2026 of the end goal of the whole (overheid_totaal) earlier in the document",
    ),
    (  # guard: a sibling's due year, paragraphs before, is not this goal's either
        "De markt moet in 2024 100.000 extra banen hebben.\n\nBij de overheid moeten 25.000 banen komen.",
        "25000",
        "",
        "year.no_due_year",
        "an end goal without a due year",
    ),
]


@pytest.mark.parametrize("text, value, year, rule, says", DUE_YEARS)
def test_an_end_goal_s_due_year_is_its_own_sentence_s_or_one_beside_it_with_a_check(
    vocab, text, value, year, rule, says
):
    p = rows(text, vocab)[value]
    assert (p.row["measure"], p.row["year"], p.rules["year"]) == ("goal_jobs", year, rule)
    check = p.record()["check"]
    assert says in check if says else "due" not in check and "year" not in check, check


def test_an_end_goal_takes_no_year_of_when_it_was_agreed(vocab):
    p = rows("In het sociaal akkoord van 2013 is afgesproken dat er 125.000 extra banen bijkomen.", vocab)["125000"]
    assert (p.row["measure"], p.row["year"], p.row["sector"]) == ("goal_jobs", "", "banenafspraak_totaal")


PERIOD_OF_YEAR_SOURCE = [
    # document, value, year, period, rule: a year taken from an earlier paragraph brings the quarter it names
    (
        (
            "In het eerste kwartaal van 2022 waren het er 1.000 banen.\n\nIn het tweede kwartaal van 2022 kwamen er "
            "in de regio 120 banen bij.\n\nSinds de start zijn er in totaal 70.000 extra banen gecreëerd."
        ),
        "70000",
        "2022",
        "Q2",
        "period.sentence_before",
    ),
    (  # guard: the earlier paragraph names no quarter
        (
            "In 2022 kwamen er in de regio 120 banen bij.\n\nSinds de start zijn er in totaal 70.000 extra banen "
            "gecreëerd."
        ),
        "70000",
        "2022",
        "year",
        "period.year",
    ),
]


@pytest.mark.parametrize("text, value, year, period, rule", PERIOD_OF_YEAR_SOURCE)
def test_a_year_from_an_earlier_paragraph_brings_the_quarter_it_names(vocab, text, value, year, period, rule):
    p = rows(text, vocab)[value]
    assert (p.row["year"], p.row["period"], p.rules["period"]) == (year, period, rule)


def test_a_quarterly_release_gives_its_quarter_to_the_national_count(vocab):
    text = (
        "Sinds de start van de banenafspraak zijn er 82.904 extra banen gerealiseerd. Ten opzichte van het eerste "
        "kwartaal van 2023 zijn er in het tweede kwartaal van 2023 3.039 meer banen gecreëerd."
    )
    p = rows(text, vocab)["82904"]
    assert (p.row["sector"], p.row["year"], p.row["period"]) == ("banenafspraak_totaal", "2023", "Q2")
    assert p.rules["period"] == "period.document_quarter" and "tweede kwartaal van 2023" in p.record()["check"]


WATERSCHAPPEN = (
    "De monitor geeft cijfers van de sector waterschappen.\n\nOp 31 december 2020 waren er door organisaties in de "
    "sector 262,0 banen gecreëerd. Het quotum voor de sector bedroeg 427,3 banen. Daarmee is 61% van het quotum van "
    "2020 gehaald."
)
THE_SECTOR = [
    # document, value, (sector, its rule, year, its rule, measure): "de sector" is the one an earlier paragraph named,
    # and a sentence's date gives a later sentence its year
    (
        WATERSCHAPPEN,
        "262.0",
        ("waterschappen", "sector.the_sector", "2020", "year.dated_year_end", "realised_jobs"),
    ),
    (
        WATERSCHAPPEN,
        "427.3",
        ("waterschappen", "sector.the_sector", "2020", "year.sentence_before", "target_jobs"),
    ),
    (  # "gehaald" says a percentage was reached; the paragraph spoke of "de sector" before
        WATERSCHAPPEN,
        "61",
        ("waterschappen", "sector.the_sector", "2020", "year.only_in_sentence", "realisation_pct"),
    ),
    (  # guard: no earlier paragraph named a sector
        "Op 31 december 2020 waren er in de sector 262,0 banen gecreëerd.",
        "262.0",
        ("", "sector.none", "2020", "year.dated_year_end", "realised_jobs"),
    ),
    (  # guard: the paragraph does not speak of "de sector"
        "De monitor geeft cijfers van de sector waterschappen.\n\nIn 2020 waren er 262,0 banen gecreëerd.",
        "262.0",
        ("", "sector.none", "2020", "year.only_in_sentence", "realised_jobs"),
    ),
]


@pytest.mark.parametrize("text, value, expected", THE_SECTOR)
def test_the_sector_a_paragraph_speaks_of_is_the_one_named_before_and_a_date_gives_its_year(
    vocab, text, value, expected
):
    p = rows(text, vocab)[value]
    got = (p.row["sector"], p.rules["sector"], p.row["year"], p.rules["year"], p.row["measure"])
    assert got == expected


PARTS_OF_THE_COUNT_BEFORE = [
    # document, date, value, (sector, year, period, measure, qualifier) or None for no proposal: a bare number right
    # before "hiervan", "daarvan", "van hen" in the sentence after a count of jobs is a part of that count
    # (numbers.part_of_count_before): its measure, and its year and period where it names none of its own
    (
        (
            "Eind vorig jaar waren er 48.200 extra banen voor mensen met een arbeidsbeperking gerealiseerd. Bijna "
            "40.000 daarvan kwamen voor rekening van de marktsector."
        ),
        "2023-03-01",
        "40000",
        ("markt", "2022", "year", "realised_jobs", "nearly"),
    ),
    (
        (
            "In de afgelopen twee jaar heeft de provincie 60 banen gecreëerd voor mensen met een arbeidsbeperking. 45 "
            "van hen werken in de eigen organisatie van de provincie."
        ),
        "2019-05-01",
        "45",
        ("provincies", "2019", "provisional", "realised_jobs", ""),
    ),
    # guards: no count of jobs in the sentence before; counts of two measures there (of which is it a part?)
    (
        "De gemeente kreeg in 2022 veel sollicitaties. 30 hiervan kwamen van mensen uit de doelgroep.",
        "2023-03-01",
        "30",
        None,
    ),
    (
        (
            "De doelstelling voor 2019 was 55.000 banen en er zijn 61.615 banen gerealiseerd. Ruim 51.000 hiervan "
            "kwamen van het bedrijfsleven."
        ),
        "2020-07-01",
        "51000",
        None,
    ),
]


@pytest.mark.parametrize("text, published, value, expected", PARTS_OF_THE_COUNT_BEFORE)
def test_a_part_that_refers_back_to_the_count_before_is_of_its_measure_year_and_period(
    vocab, text, published, value, expected
):
    p = rows(text, vocab, published).get(value)
    got = p and tuple(p.row[c] for c in ("sector", "year", "period", "measure", "qualifier"))
    assert got == expected
    if p:
        assert p.rules["measure"] == "measure.part_of_count_before" and "a part of the count" in p.record()["check"]


PARTS_THAT_ADD_UP = [
    # document, value, (sector, year, measure) or the measure's rule: counts of jobs with no measure of their own
    # that add up exactly to a count of jobs an earlier sentence of the paragraph gave are its parts, of its measure
    # (measure.parts_of_count), its year where they name none
    (
        (
            "Uit de meting blijkt dat er eind 2018 in totaal 30.400 banen zijn gerealiseerd. Dat is meer dan de "
            "doelstelling van 26.000 banen. Het gaat om 24.100 banen in de marktsector en 6.300 bij de overheid."
        ),
        "24100",
        ("markt", "2018", "realised_jobs"),
    ),
    (
        (
            "Uit de meting blijkt dat er eind 2018 in totaal 30.400 banen zijn gerealiseerd. Dat is meer dan de "
            "doelstelling van 26.000 banen. Het gaat om 24.100 banen in de marktsector en 6.300 bij de overheid."
        ),
        "6300",
        ("overheid_totaal", "2018", "realised_jobs"),
    ),
    (  # the parts of a target
        (
            "Voor eind 2021 is de doelstelling 1.500 banen. De verdeling: 1.200 banen voor de gemeenten en 300 banen "
            "voor de provincies."
        ),
        "300",
        ("provincies", "2021", "target_jobs"),
    ),
    # guard: counts that do not add up to the count before keep no measure of their own
    (
        (
            "Uit de meting blijkt dat er eind 2018 in totaal 30.400 banen zijn gerealiseerd. Het gaat om 24.000 banen "
            "in de marktsector en 6.300 bij de overheid."
        ),
        "24000",
        "measure.none",
    ),
]


@pytest.mark.parametrize("text, value, expected", PARTS_THAT_ADD_UP)
def test_counts_that_add_up_to_a_count_before_are_its_parts(vocab, text, value, expected):
    p = rows(text, vocab, "2019-03-01")[value]
    if isinstance(expected, str):
        assert p.rules["measure"] == expected
    else:
        assert (p.row["sector"], p.row["year"], p.row["measure"]) == expected
        assert p.rules["measure"] == "measure.parts_of_count"


END_GOAL_NAMES_ITS_SECTOR = [
    # document, value, (sector, rule): an end goal names its sector by its size, for the paragraph's later sentences
    (
        (
            "Eind 2025 moeten er 125.000 extra banen zijn. Bij de eerste telling is de subdoelstelling voor 2015 "
            "(9.000) met 21.057 banen ruimschoots gehaald."
        ),
        "21057",
        ("banenafspraak_totaal", "sector.paragraph"),
    ),
    (  # guard: a sentence that names its own sector keeps it
        "Eind 2025 moeten er 125.000 extra banen zijn. Bij de gemeenten is het doel voor 2015 (900 banen) gehaald.",
        "900",
        ("gemeenten", "sector.in_sentence"),
    ),
    # a count "in totaal" that nothing places is of all employers, and names that sector for the paragraph too
    (
        "In totaal werden in 2019 ruim 61.000 functies voor mensen met een arbeidsbeperking gecreëerd.",
        "61000",
        ("banenafspraak_totaal", "sector.in_total"),
    ),
    (
        "In 2019 zouden er in totaal 55.000 banen gecreëerd moeten zijn. Het zijn er 61.615 geworden.",
        "61615",
        ("banenafspraak_totaal", "sector.paragraph"),
    ),
    (  # ... and so is a count of the agreement as a whole
        "De doelstelling om in 2016 voor de banenafspraak 20.500 banen te realiseren is gehaald.",
        "20500",
        ("banenafspraak_totaal", "sector.in_total"),
    ),
    (  # guard: a sector the paragraph named before places it
        "De gemeenten hadden in 2019 een doel van 5.000 banen. In totaal werden er 5.200 banen gecreëerd.",
        "5200",
        ("gemeenten", "sector.paragraph"),
    ),
    (  # guard: no "in totaal", no sector
        "In 2019 werden er 61.000 functies gecreëerd.",
        "61000",
        ("", "sector.none"),
    ),
]


@pytest.mark.parametrize("text, value, expected", END_GOAL_NAMES_ITS_SECTOR)
def test_an_end_goal_names_its_sector_for_the_paragraph(vocab, text, value, expected):
    p = rows(text, vocab)[value]
    assert (p.row["sector"], p.rules["sector"]) == expected


# ---------------------------------------------------------------- sectors and qualifiers

SECTORS = [
    ("In 2020 kwamen er 3.000 banen bij de overheid en 40.000 in de markt bij.", "3000", "overheid_totaal"),
    ("In 2020 kwamen er 3.000 banen bij de overheid en 40.000 in de markt bij.", "40000", "markt"),
    (
        "In 2017 was de opgave 23.000 extra banen in de sector markt en 10.000 in de sector overheid.",
        "10000",
        "overheid_totaal",
    ),
    ("De opgave voor markt en overheid was in 2017 33.000 extra banen.", "33000", "banenafspraak_totaal"),
]


@pytest.mark.parametrize("sentence, value, sector", SECTORS)
def test_sectors_paired_in_a_list_each_get_their_own(vocab, sentence, value, sector):
    p = rows(sentence, vocab)[value]
    assert p.row["sector"] == sector
    assert "several sectors" not in p.record()["check"]


QUALIFIERS = [
    ("De politie realiseerde in 2023 minder dan 800 banen.", "800", "under"),
    ("De politie realiseerde in 2023 nog geen 800 banen.", "800", "under"),
    ("De politie realiseerde in 2023 ruim 800 banen.", "800", "at least"),
    ("De universiteiten realiseerden in 2023 ruim zeshonderd banen.", "600", "at least"),
    ("Het Rijk realiseerde in 2019 net geen tienduizend banen.", "10000", "nearly"),
    ("Bij de politie bleef de teller in 2021 steken op een kleine 800 banen.", "800", "nearly"),
    ("De markt realiseerde in 2019 bijna vijfentwintigduizend extra banen.", "25000", "nearly"),
]


@pytest.mark.parametrize("sentence, value, qualifier", QUALIFIERS)
def test_a_qualifier_before_the_number_is_kept(vocab, sentence, value, qualifier):
    assert rows(sentence, vocab)[value].row["qualifier"] == qualifier


# ---------------------------------------------------------------- the document as a whole


def test_a_line_that_opens_with_a_day_is_a_date_line_not_a_footnote(vocab):
    text = "12 juli 2022 | Door redactie\n\nDe politie realiseerde in 2021 663 banen."
    reading = read(text, vocab)
    assert [p.row["value"] for p in reading.proposals] == ["663"]
    assert context.of(documents.of_text(text), vocab).date == dt.date(2022, 7, 12)


def test_a_headline_that_repeats_a_figure_is_one_proposal_with_the_precise_value(vocab):
    text = "Nieuws\n\nRuim 85.000 extra banen voor mensen met een arbeidsbeperking.\n\nWerkgevers realiseerden in 2023 85.665 extra banen."
    proposals = read(text, vocab).proposals
    assert [p.row["value"] for p in proposals] == ["85665"]
    assert "also as '85000'" in proposals[0].row["note"]


def test_the_same_figure_twice_is_one_proposal_naming_the_other_place(vocab):
    text = "De politie realiseerde in 2021 663 banen.\n\nOok dit jaar: de politie realiseerde in 2021 663 banen."
    proposals = read(text, vocab).proposals
    assert len(proposals) == 1 and "also in" in proposals[0].row["note"]


# ---------------------------------------------------------------- whole sentences (from before the tables above)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (  # Rijksoverheid, 3 July 2025
            "Eind 2024 waren er bijna 90.000 extra banen gerealiseerd voor mensen met een arbeidsbeperking.",
            [("banenafspraak_totaal", "2024", "year", "realised_jobs", "90000", "nearly", "national_extra_jobs")],
        ),
        (  # a quarterly reading
            "Tot en met het tweede kwartaal van 2022 zijn bij de gemeenten ruim 6.000 banen gerealiseerd.",
            [("gemeenten", "2022", "Q2", "realised_jobs", "6000", "at least", "sector_count")],
        ),
        (
            "De doelstelling van de provincies voor 2021 was 367 banen; zij realiseerden er circa 400.",
            [
                ("provincies", "2021", "year", "target_jobs", "367", "", "sector_count"),
                ("provincies", "2021", "year", "realised_jobs", "400", "about", "sector_count"),  # its unit is 367's
            ],
        ),
        (
            "Het realisatiepercentage van het Rijk kwam in 2022 uit op 72,9 procent.",
            [("rijk", "2022", "year", "realisation_pct", "72.9", "", "sector_count")],
        ),
        (  # a paired list, then a year of its own for the next value
            (
                "De politie meldt voor de jaren 2019, 2020 en 2021 achtereenvolgens een realisatie van 297, 413 en 663 "
                "banen en voor 2024 een doelstelling van 713 banen."
            ),
            [
                ("politie", "2019", "year", "realised_jobs", "297", "", "sector_count"),
                ("politie", "2020", "year", "realised_jobs", "413", "", "sector_count"),
                ("politie", "2021", "year", "realised_jobs", "663", "", "sector_count"),
                ("politie", "2024", "year", "target_jobs", "713", "", "sector_count"),
            ],
        ),
        (  # a count without a unit of its own, part of the count of jobs after "van de beoogde"
            "In 2021 hadden de gemeenten er slechts 4.120 van de beoogde 6.000 banen ingevuld.",
            [
                ("gemeenten", "2021", "year", "realised_jobs", "4120", "", "sector_count"),
                ("gemeenten", "2021", "year", "target_jobs", "6000", "", "sector_count"),
            ],
        ),
        (  # a count without a unit of its own, right before the words of its measure
            "In 2018 realiseerde het Rijk 3.200 banen tegenover 2.800 ten doel gestelde banen.",
            [
                ("rijk", "2018", "year", "realised_jobs", "3200", "", "sector_count"),
                ("rijk", "2018", "year", "target_jobs", "2800", "", "sector_count"),
            ],
        ),
        (  # the end goal counted in people of the target group; the bare 25.000 after it counts jobs too
            (
                "Ten opzichte van de nulmeting dienen in 2025 in de marktsector 100.000 extra arbeidsbeperkten werkzaam "
                "te zijn en in de overheidssector 25.000."
            ),
            [
                ("markt", "2025", "year", "goal_jobs", "100000", "", "national_extra_jobs"),
                ("overheid_totaal", "2025", "year", "goal_jobs", "25000", "", "national_extra_jobs"),
            ],
        ),
        (  # guard: a level below a target is no change
            "De overheid bleef in 2018 met 7.940 banen onder de doelstelling van 12.500.",
            [
                ("overheid_totaal", "2018", "year", "realised_jobs", "7940", "", "national_extra_jobs"),
                ("overheid_totaal", "2018", "year", "target_jobs", "12500", "", "national_extra_jobs"),
            ],
        ),
        (  # a target worded as a check, split after a semicolon into parts without a unit, each before "door"
            (
                "Er wordt gekeken of er in 2016 20.500 banen zijn gerealiseerd; 6.500 door de overheid en 14.000 door "
                "de markt."
            ),
            [
                ("banenafspraak_totaal", "2016", "year", "target_jobs", "20500", "", "national_extra_jobs"),
                ("overheid_totaal", "2016", "year", "target_jobs", "6500", "", "national_extra_jobs"),
                ("markt", "2016", "year", "target_jobs", "14000", "", "national_extra_jobs"),
            ],
        ),
        # "op dit moment" in a clause after the last value, that holds none, says nothing of the value: no count of
        # the day, no provisional reading (numbers.valued_clauses); the year comes from the context
        (
            (
                "In het derde kwartaal van 2020 stonden er 9.300 extra banen via een uitzendcontract of "
                "detachering: op dit moment niet te splitsen naar markt en overheid."
            ),
            [("banenafspraak_totaal", "2020", "Q3", "realised_jobs", "9300", "", "national_extra_jobs")],
        ),
        # guard: in the value's own clause it is a count of the day, of the document's year (none here)
        (
            "Er zijn op dit moment 9.300 extra banen via een uitzendcontract of detachering: niet te splitsen.",
            [("banenafspraak_totaal", "", "provisional", "realised_jobs", "9300", "", "national_extra_jobs")],
        ),
        # "inmiddels" in a sentence that writes no year: a count of the day, provisional (qualities.period,
        # years.now_said); guard: in one that writes a year, it says when the figures came, not what they count
        (
            "Inmiddels hebben de gemeenten 4.312 extra banen gerealiseerd.",
            [("gemeenten", "", "provisional", "realised_jobs", "4312", "", "national_extra_jobs")],
        ),
        (
            "Inmiddels zijn de cijfers over 2021 bekend: de gemeenten realiseerden 4.312 banen.",
            [("gemeenten", "2021", "year", "realised_jobs", "4312", "", "sector_count")],
        ),
        # the parts listed after a semicolon or colon that follows the end goal are its parts, "erbij" no change
        # (numbers.goal_parts); a bare number before "daarvan" counts what the count before it counts, and names
        # its own sector after it
        (
            (
                "Tegen eind 2025 moet de teller op 125.000 extra banen staan: 100.000 erbij in de marktsector en "
                "25.000 erbij bij de overheid."
            ),
            [
                ("banenafspraak_totaal", "2025", "year", "goal_jobs", "125000", "", "national_extra_jobs"),
                ("markt", "2025", "year", "goal_jobs", "100000", "", "national_extra_jobs"),
                ("overheid_totaal", "2025", "year", "goal_jobs", "25000", "", "national_extra_jobs"),
            ],
        ),
        (
            "In 2026 horen er 125.000 extra banen te zijn; 25.000 daarvan bij de overheid en de rest in de markt.",
            [
                ("banenafspraak_totaal", "2026", "year", "goal_jobs", "125000", "", "national_extra_jobs"),
                ("overheid_totaal", "2026", "year", "goal_jobs", "25000", "", "national_extra_jobs"),
            ],
        ),
        # guard: "erbij" after a count that follows no end goal is a change, set aside
        (
            "Eind 2023 stond de teller op 85.665 extra banen; dat zijn er 4.500 erbij ten opzichte van een jaar eerder.",
            [("banenafspraak_totaal", "2023", "year", "realised_jobs", "85665", "", "national_extra_jobs")],
        ),
        # guard: a year of its own and "de afgelopen drie jaar" in a clause after the value: the year's count
        (
            "In 2018 realiseerde het Rijk 210 banen; de afgelopen drie jaar groeide dat aantal gestaag.",
            [("rijk", "2018", "year", "realised_jobs", "210", "", "sector_count")],
        ),
        # a bare number that a target's word said to be ("Het tussendoel voor eind 2021 was 80.000") counts jobs
        # (numbers.target_said); guard: one before a noun of its own counts none
        (
            "Het tussendoel van alle werkgevers voor eind 2021 was 80.000, waarvan driekwart in de marktsector.",
            [("banenafspraak_totaal", "2021", "year", "target_jobs", "80000", "", "national_extra_jobs")],
        ),
        # a sector named only in a part after "waarvan" that gives no value of its own is a part of the value's
        # sector: the whole that holds it (sector.whole_of_named_part, with a check)
        (
            "Het tussendoel voor eind 2021 was 80.000, waarvan driekwart voor rekening van de marktsector.",
            [("banenafspraak_totaal", "2021", "year", "target_jobs", "80000", "", "national_extra_jobs")],
        ),
        # guard: a sector named after the value, with no "waarvan" between, is the value's
        (
            "In 2021 werden er 20.000 banen gerealiseerd in de marktsector, waarvan de helft bij grote bedrijven.",
            [("markt", "2021", "year", "realised_jobs", "20000", "", "national_extra_jobs")],
        ),
        ("Het doel voor 2021 was 80 nieuwe proeftuinen.", []),
        # guard of measure.share_of_other: a percentage without a measure in a sentence that names a target is
        # proposed, with a check
        (
            "De doelstelling van de politie voor 2021 was 900 banen en de politie staat nu op 70 procent.",
            [
                ("politie", "2021", "year", "target_jobs", "900", "", "sector_count"),
                ("politie", "2021", "year", "", "70", "", "sector_count"),
            ],
        ),
        # guards of numbers.change_by: a clause of its own between the verb of change and "met", or a comma that
        # resumes no change, leaves a count reached
        (
            "Het aantal banen steeg in 2019 en de markt haalde met 57.000 banen het doel.",
            [("markt", "2019", "year", "realised_jobs", "57000", "", "national_extra_jobs")],
        ),
        (
            "Het aantal banen in de markt groeide in 2019, met 57.000 banen werd het doel gehaald.",
            [("markt", "2019", "year", "realised_jobs", "57000", "", "national_extra_jobs")],
        ),
        # what a count turned out to be ("het werden er", "dit waren er"): a count reached of jobs, also without a
        # unit and in words (numbers.turned_out, measure.turned_out)
        (
            "Voor 2018 hadden de gemeenten 2.000 banen moeten creëren, maar het werden er net geen achttienhonderd.",
            [
                ("gemeenten", "2018", "year", "target_jobs", "2000", "", "sector_count"),
                ("gemeenten", "2018", "year", "realised_jobs", "1800", "nearly", "sector_count"),
            ],
        ),
        (
            "De provincies moesten in 2019 300 mensen met een beperking aannemen, dat werden er 345.",
            [("provincies", "2019", "year", "realised_jobs", "345", "", "sector_count")],
        ),
        # the count that was due, in a clause with an obligation's word right before what it turned out to be: a
        # count of jobs, also in words or without a unit of jobs, and a target (numbers.due_then_turned_out)
        (
            "Volgens de afspraak moesten er in 2019 achtduizend overheidsbanen bij komen, maar het werden er maar 5200.",
            [
                ("overheid_totaal", "2019", "year", "target_jobs", "8000", "", "national_extra_jobs"),
                ("overheid_totaal", "2019", "year", "realised_jobs", "5200", "", "national_extra_jobs"),
            ],
        ),
        (
            "De gemeenten moesten in 2018 2.400 arbeidsgehandicapten aannemen, dat werden er 2.650.",
            [
                ("gemeenten", "2018", "year", "target_jobs", "2400", "", "sector_count"),
                ("gemeenten", "2018", "year", "realised_jobs", "2650", "", "sector_count"),
            ],
        ),
        # guards: a number in a clause that says nothing was due is no count, nor is one of two in the due clause
        ("Bij de provincies werkten in 2019 80 stagiairs, dat waren er 12 meer dan het jaar ervoor.", []),
        (
            "De gemeenten moesten in 2018 2.400 arbeidsgehandicapten aannemen in 35 regio's, dat werden er 2.650.",
            [("gemeenten", "2018", "year", "realised_jobs", "2650", "", "sector_count")],
        ),
        # guards: a change after it stays a change; "er" with no such words before is no count
        (
            "De provincies realiseerden in 2019 345 banen; dat waren er 45 meer dan het jaar ervoor.",
            [("provincies", "2019", "year", "realised_jobs", "345", "", "sector_count")],
        ),
        ("In 2019 werkten er bij de provincies tien trainees.", []),
        # guard: a province's name as a place beside a sector's is that sector's count
        (
            "In Friesland heeft de provincie in 2022 40 banen gerealiseerd.",
            [("provincies", "2022", "year", "realised_jobs", "40", "", "sector_count")],
        ),
        # a bare number that opens a bracket counts jobs where a sector's name, a target's word or a clause that names
        # jobs stands before it (numbers.bracketed); labelled by a sector after "gehaald door", that sector's count
        # reached (measure.reached_by); the values no label names, of the whole of the labels (sector.whole_of_labels)
        (
            "In 2017 werd de doelstelling (8000) ruim gehaald door zowel markt (12.300) als overheid (4100).",
            [
                ("banenafspraak_totaal", "2017", "year", "target_jobs", "8000", "", "national_extra_jobs"),
                ("markt", "2017", "year", "realised_jobs", "12300", "", "national_extra_jobs"),
                ("overheid_totaal", "2017", "year", "realised_jobs", "4100", "", "national_extra_jobs"),
            ],
        ),
        (
            "In 2018 ontstonden bij de overheid minder banen (ruim 4.000 in plaats van 7.000) dan afgesproken.",
            [
                ("overheid_totaal", "2018", "year", "realised_jobs", "4000", "at least", "national_extra_jobs"),
                ("overheid_totaal", "2018", "year", "target_jobs", "7000", "", "national_extra_jobs"),
            ],
        ),
        # guards: a bracket after other words counts nothing; a sector named apart from a bracket keeps its reading
        ("In 2021 was het aantal personen dat werk vindt (7.016) groter dan het aantal dat werk verliest.", []),
        ("Eén van de 40 nieuwe collega's in 2019 is Pieter (31).", []),
        (
            "In 2017 haalde de markt 12.300 banen en de overheid (4100 banen) bleef achter.",
            [
                ("markt", "2017", "year", "", "12300", "", "national_extra_jobs"),
                ("overheid_totaal", "2017", "year", "", "4100", "", "national_extra_jobs"),
            ],
        ),
        # a bare number before "binnen" and a sector, in a sentence that counts jobs, counts jobs as one before "in"
        # does ([sentences] bare_before); guard: a number with a noun of its own after "binnen" is none
        (
            "In 2026 moeten er 125.000 banen bij komen voor mensen met een beperking, waarvan 25.000 binnen de overheid.",
            [
                ("banenafspraak_totaal", "2026", "year", "goal_jobs", "125000", "", "national_extra_jobs"),
                ("overheid_totaal", "2026", "year", "goal_jobs", "25000", "", "national_extra_jobs"),
            ],
        ),
        (
            "De gemeenten realiseerden in 2019 300 banen binnen 12 teams.",
            [("gemeenten", "2019", "year", "realised_jobs", "300", "", "sector_count")],
        ),
        # what a count of jobs comes out at, a bare number, is a count reached (numbers.stands_at, [phrases] stands)
        (
            "In 2015 kwam het aantal banen bij de provincies uit op 412.",
            [("provincies", "2015", "year", "realised_jobs", "412", "", "sector_count")],
        ),
        # a count of people of the target group that its clause says are at work, in a sentence that names the
        # sector: that sector's count of jobs reached (numbers.people_at_work)
        (
            "Eind 2021 waren 1.450 mensen met een arbeidsbeperking aan het werk bij de gemeenten.",
            [("gemeenten", "2021", "year", "realised_jobs", "1450", "", "sector_count")],
        ),
        (
            "In 2019 hebben bij het waterschap 12 medewerkers die staan ingeschreven in het doelgroepregister werk gevonden.",
            [("waterschappen", "2019", "year", "realised_jobs", "12", "", "sector_count")],
        ),
        (
            "Inmiddels zijn 31 mensen uit de doelgroep bij de provincie aan het werk gegaan.",
            [("provincies", "", "provisional", "realised_jobs", "31", "", "sector_count")],
        ),
        # guard: a bare number before "door" in a sentence that counts no jobs is none
        ("In 2016 werden 15 door de overheid betaalde proeftuinen gestart.", []),
        ("Op 17 december 2019 is uw Kamer geïnformeerd (Kamerstukken II 2019/20, 34 352, nr. 191).", []),
        ("In 2020 heeft Defensie twaalf medewerkers opgeleid in 15 proeftuinen op 3 locaties.", []),
    ],
)
def test_a_sentence_gives_these_rows(vocab, sentence, expected):
    rows = [p.record() for p in read(sentence + "\n", vocab).proposals]
    got = [(r["sector"], r["year"], r["period"], r["measure"], r["value"], r["qualifier"], r["basis"]) for r in rows]
    assert got == expected
    for row in rows:
        assert row["evidence"] == sentence


def test_a_clause_after_the_values_set_off_by_a_dash_says_nothing_of_them(vocab):
    # numbers.valued_clauses: a spaced dash after the last value ends its clauses as a colon does, so "op dit moment"
    # and the sectors named after it are not the values' (numbers.valued_clauses): the quarter named stays theirs, and a
    # part counted only for all employers is theirs
    text = (
        "Tussen de nulmeting en het tweede kwartaal van 2019 realiseerden werkgevers als netto resultaat: – 31.200 extra"
        " banen via een regulier dienstverband (900 bij de overheid en 30.300 in de markt) en – 9.400 extra banen via een"
        " uitzendcontract of detachering – op dit moment niet onder te verdelen naar overheid en markt.\n"
    )
    got = {v: (p.row["sector"], p.row["year"], p.row["period"]) for v, p in rows(text, vocab, "2019-09-01").items()}
    assert got == {
        "31200": ("banenafspraak_totaal", "2019", "Q2"),
        "900": ("overheid_totaal", "2019", "Q2"),
        "30300": ("markt", "2019", "Q2"),
        "9400": ("banenafspraak_totaal", "2019", "Q2"),
    }
    # guard: words of the day in the values' own clause keep a count of the day
    guard = rows("Op dit moment staat de teller bij de provincies op 1.450 banen – een record.\n", vocab, "2019-09-01")
    assert (guard["1450"].row["sector"], guard["1450"].row["period"]) == ("provincies", "provisional")


def test_what_extract_is_unsure_of_it_says_in_check(vocab):
    text = (
        "Politie\n"
        "De politie realiseerde 297, 413 en 663 banen in de jaren 2019, 2020 en 2021.\n\n"
        "Rijk\n"
        "Er zijn 2.663 banen bijgekomen.\n"
    )
    by_value = {p.row["value"]: p.record() for p in read(text, vocab).proposals}
    assert [by_value[v]["year"] for v in ("297", "413", "663")] == ["2019", "2020", "2021"]
    assert "paired in order" in by_value["297"]["check"]  # no 'achtereenvolgens'
    assert by_value["2663"]["sector"] == "rijk" and by_value["2663"]["year"] == ""
    assert by_value["2663"]["check"] == "year not stated in the sentence, its paragraph or the document's date or title"
    assert by_value["2663"]["locator"] == "Rijk, alinea 1"


def test_a_sector_s_end_goal_read_from_its_due_year_says_so_in_check(vocab):
    p = rows("In 2026 moeten de hogescholen 953 banen hebben.", vocab)["953"].record()
    assert (p["sector"], p["year"], p["measure"]) == ("hbo", "2026", "goal_jobs")
    assert "goal due in 2026, the agreement's last year" in p["check"]


SECTOR_GOALS_OF_THE_LAST_YEAR = [
    # document, value, sector, year, measure, measure rule: a single sector's target that the paragraphs before
    # date in the agreement's last year is its end goal, as one its own sentence dates then is; its units
    # "plekken", "plaatsen", its words "nagestreefde", "beloofde"
    (
        (
            "In 2026 zouden er in de publieke sector 25.000 banen moeten zijn gerealiseerd.\n\n"
            "Bij de universitaire medische centra is de helft van de nagestreefde 2264 plekken behaald."
        ),
        "2264",
        ("umc", "2026", "goal_jobs", "measure.sector_end_goal"),
    ),
    (
        (
            "In 2026 zouden er in de publieke sector 25.000 banen moeten zijn gerealiseerd.\n\n"
            "Onderzoeksinstituten konden nog maar de helft van de 110 beloofde plekken garanderen."
        ),
        "110",
        ("onderzoeksinstellingen", "2026", "goal_jobs", "measure.sector_end_goal"),
    ),
    (
        "De hogescholen realiseerden vorig jaar een derde van de 953 plaatsen die er in 2026 moeten komen.",
        "953",
        ("hbo", "2026", "goal_jobs", "measure.sector_end_goal"),
    ),
    (
        "In 2020 zijn er 300 plekken gerealiseerd bij de provincies.",
        "300",
        ("provincies", "2020", "realised_jobs", "measure.nearest_words"),
    ),
    # a single sector's target that the paragraphs before date in the year the document gave its whole's end goal
    # (not the agreement's last): its end goal too (measure.whole_due_year)
    (
        (
            "In 2025 moeten overheidswerkgevers 25.000 banen hebben gecreëerd voor mensen met een beperking.\n\n"
            "Over zeven jaar moeten de universiteiten 1.500 nieuwe banen hebben gecreëerd."
        ),
        "1500",
        ("wo", "2025", "goal_jobs", "measure.whole_due_year"),
    ),
    # guards: the sector's target its own sentence dates stays that year's; a whole's goal of another whole (the
    # market's) dates no government sector's goal
    (
        (
            "In 2025 moeten overheidswerkgevers 25.000 banen hebben gecreëerd voor mensen met een beperking.\n\n"
            "In 2025 moeten de universiteiten 1.500 nieuwe banen hebben gecreëerd."
        ),
        "1500",
        ("wo", "2025", "target_jobs", "measure.obligation"),
    ),
    (
        (
            "In 2025 moeten marktwerkgevers 100.000 banen hebben gecreëerd voor mensen met een beperking.\n\n"
            "Over zeven jaar moeten de universiteiten 1.500 nieuwe banen hebben gecreëerd."
        ),
        "1500",
        ("wo", "2025", "target_jobs", "measure.obligation"),
    ),
    (  # guard: a year of the paragraphs before that is not the agreement's last: that year's target
        (
            "In 2025 moesten de gemeenten 6.000 banen hebben.\n\n"
            "Bij de provincies is de helft van de nagestreefde 400 plekken behaald."
        ),
        "400",
        ("provincies", "2025", "target_jobs", "measure.nearest_words"),
    ),
]


@pytest.mark.parametrize("text, value, expected", SECTOR_GOALS_OF_THE_LAST_YEAR)
def test_a_sector_s_target_of_the_agreement_s_last_year_is_its_end_goal(vocab, text, value, expected):
    p = rows(text, vocab)[value]
    assert (p.row["sector"], p.row["year"], p.row["measure"], p.rules["measure"]) == expected


def test_the_lines_of_a_list_whose_opening_compares_with_an_earlier_period_are_changes(vocab):
    """numbers.compared_opening: a list opened by a sentence that ends in a colon and compares with a period other
    than the baseline ("ten opzichte van het tweede kwartaal 2020") lists changes since then, set aside; one that
    counts from the baseline lists levels (guard)."""
    text = (
        "De ontwikkeling van het aantal banen ten opzichte van het tweede kwartaal 2020 ziet er zo uit:\n"
        "• 8.100 extra banen via een regulier dienstverband: 1.200 bij de overheid en 6.900 bij de markt.\n\n"
        "De ontwikkeling ten opzichte van de nulmeting ziet er zo uit:\n"
        "• 41.300 extra banen via een regulier dienstverband: 3.100 bij de overheid en 38.200 in de markt.\n"
    )
    reading = read(text, vocab)
    assert {s.written for s in reading.set_aside if s.meaning == "change"} == {"8.100", "1.200", "6.900"}
    assert [p.row["value"] for p in reading.proposals] == ["41300", "3100", "38200"]


def test_a_sector_s_end_goal_read_from_its_whole_s_due_year_says_so_in_check(vocab):
    text = (
        "In 2025 moeten overheidswerkgevers 25.000 banen hebben gecreëerd voor mensen met een beperking.\n\n"
        "Over zeven jaar moeten de universiteiten 1.500 nieuwe banen hebben gecreëerd."
    )
    p = rows(text, vocab)["1500"].record()
    assert (
        "a sector's goal due in 2025, the due year of the end goal of overheid_totaal earlier in the document"
        in (p["check"])
    )


def test_a_sector_s_end_goal_read_from_its_deadline_says_so_in_check(vocab):
    p = rows("Voor de provincies is de doelstelling 340 banen voor 1 januari 2024.", vocab)["340"].record()
    assert (p["sector"], p["year"], p["measure"]) == ("provincies", "2023", "goal_jobs")
    assert "goal due by 'voor 1 januari 2024' (2023): read as its end goal" in p["check"]


@pytest.mark.parametrize(
    "sentence, says",
    [
        (
            "De waterschappen liggen voor op het schema om 120 banen vóór het jaar 2025 te realiseren.",
            "'vóór het jaar 2025': due before 2025 begins (the end of 2024)",
        ),
        (  # "vóór het begin van" is a deadline too, not the target of that year
            "De waterschappen moeten 120 banen realiseren vóór het begin van 2025.",
            "a sector's goal due by 'vóór het begin van 2025'",
        ),
    ],
)
def test_a_sector_s_count_due_before_a_year_begins_is_its_end_goal_of_the_year_before(vocab, sentence, says):
    p = rows(sentence, vocab)["120"].record()
    assert (p["sector"], p["year"], p["measure"]) == ("waterschappen", "2024", "goal_jobs")
    assert says in p["check"]


# ---------------------------------------------------------------- the vocabulary is typed data


def test_a_misspelt_key_or_id_in_the_vocabulary_is_refused_with_its_line():
    from analysis.extract import vocabulary

    text = vocabulary.resources.files("analysis.extract").joinpath("vocabulary.toml").read_text("utf-8")
    wrong = text.replace("realised_own = [", "realised_onw = [").replace(
        "qualifier_before = 25", "qualifier_befor = 25"
    )
    with pytest.raises(vocabulary.VocabularyError) as err:
        vocabulary.load(wrong)
    lines = wrong.splitlines()
    said = str(err.value).splitlines()
    onw = next(s for s in said if "realised_onw" in s)
    at = int(onw.split(":")[1])
    assert lines[at - 1].startswith("realised_onw =") and "not in dictionary.toml" in onw
    assert any("qualifier_befor" in s and "Extra inputs are not permitted" in s for s in said)


def test_a_misspelt_sector_id_in_the_vocabulary_is_refused_naming_the_one_meant():
    from analysis.extract import vocabulary

    text = vocabulary.resources.files("analysis.extract").joinpath("vocabulary.toml").read_text("utf-8")
    wrong = text.replace("\ngemeenten = [", "\ngemeentn = [")
    sectors, _ = load_sectors(ROOT / "data" / "raw" / "sectors.csv")
    with pytest.raises(
        vocabulary.VocabularyError,
        match=r"vocabulary.toml:\d+: \[sectors.gemeentn\] 'gemeentn': no sector of sectors.csv; did you mean 'gemeenten'\?",
    ):
        Vocabulary.of(sectors, vocabulary.load(wrong), wrong)


def test_extract_is_outside_the_reports_hash():
    """A word added for extract re-executes no report: neither its code nor its words are hashed with the
    library the reports depend on; the reports' own code is."""
    from analysis import stamps

    hashed = {p.relative_to(ROOT / "src" / "analysis").as_posix() for p in stamps.library_files()}
    assert "extract/vocabulary.toml" not in hashed and not any(h.startswith("extract/") for h in hashed)
    assert {"dictionary.toml", "words.toml", "display/answer.py", "site/pdf.py"} <= hashed


def test_a_sector_only_the_title_names_is_taken_with_a_check(vocab, tmp_path):
    page = tmp_path / "monitor.html"
    page.write_text(
        "<html><head><title>Monitor banenafspraak waterschappen</title></head>"
        "<body><p>In 2021 werden 34,5 nieuwe banen gecreëerd.</p></body></html>",
        encoding="utf-8",
    )
    doc = documents.read(page)
    (p,) = rules.propose(doc, vocab, "doc", context.of(doc, vocab)).proposals
    assert (p.row["sector"], p.rules["sector"]) == ("waterschappen", "sector.document_title")
    assert "sector taken from the document's title (waterschappen)" in p.record()["check"]


# ---------------------------------------------------------------- each stage on its own (rules/*.py, sentences.py)


def test_a_passage_splits_into_sentences_but_not_after_an_abbreviation_an_initial_or_a_footnote_mark():
    text = "Dit is o.a. een zin van drs. K.H. Jansen. Nog een zin! En 3 banen? Ja.1 In dit geval."
    assert [text[a:b] for a, b in sentences.split(text)] == [
        "Dit is o.a. een zin van drs. K.H. Jansen.",
        "Nog een zin!",
        "En 3 banen?",
        "Ja.1",
        "In dit geval.",
    ]


def test_a_footnote_mark_is_read_glued_to_a_word_or_after_its_full_stop_but_a_number_is_no_mark():
    assert sentences.note_marks("De sectoren.1 hebben gerealiseerd5 banen, in 2019 12 banen") == ["1", "5"]


def test_numbers_are_read_as_dutch_writes_them_and_a_number_glued_to_a_word_or_slash_is_none(vocab):
    text = (
        "Er zijn 30 duizend en 2,5 miljoen banen, 14 800 mensen, 61,3 procent, −150, gerealiseerd5, 2018/19, 2021-2022."
    )
    found = [(n.written, n.value, n.sign) for n in numbers.numbers(text, vocab)]
    assert found == [
        ("30 duizend", "30000", ""),
        ("2,5 miljoen", "2500000", ""),
        ("14 800", "14800", ""),
        ("61,3", "61.3", ""),
        ("150", "150", "−"),
    ]


NO_COUNTS = [
    # sentence: a number word in it that is no count, and the value it must not give
    ("Eén van de werkgevers realiseerde in 2021 600 banen.", "1"),
    ("De gemeenten hebben in 2021 een baan per week gecreëerd.", "1"),
    ("Elke gemeente creëert in 2015 minimaal één baan.", "1"),
    ("In 2021 realiseerde de politie twee keer zoveel banen als in 2020.", "2"),
    ("De eerste meting van 2021 telde bij de politie 600 banen.", "1"),
    ("Twee op de drie werkgevers realiseerden in 2021 extra banen.", "2"),
    ("De politie realiseerde in 2021 vijf projecten met zeshonderd banen.", "5"),  # a unit after, not a word of one
    ("De politie realiseerde in 2021 zes- tot zevenhonderd banen.", "700"),  # an elided range is no 700
]


@pytest.mark.parametrize("sentence, value", NO_COUNTS)
def test_a_number_word_without_a_unit_after_it_is_no_count(vocab, sentence, value):
    assert value not in rows(sentence, vocab)


def test_numbers_in_words_are_read_by_their_grammar_and_kept_as_written(vocab):
    found = [
        (n.written, n.value)
        for n in numbers.numbers("Zeshonderd, eenentwintig, tweeduizendvijfhonderd, 30 duizend, twee miljoen.", vocab)
    ]
    assert found == [
        ("Zeshonderd", "600"),
        ("eenentwintig", "21"),
        ("tweeduizendvijfhonderd", "2500"),
        ("30 duizend", "30000"),
        ("twee miljoen", "2000000"),
    ]
    # no part of a longer word: "tweede", "zestigers", "achttiende"
    assert numbers.numbers("de tweede zestigers achttiende", vocab) == []


def values(sentence: str, vocab: Vocabulary):
    """numbers.read of a sentence: its values and the numbers that are years, with the sentence normalised."""
    norm = normal(sentence)
    found, years_written = numbers.read(sentence, norm, vocab)
    return norm, found, years_written


def test_a_sentence_s_values_have_a_unit_and_a_meaning_and_its_years_are_apart(vocab):
    _, found, years_written = values(
        "De politie realiseerde in 2019 297 banen, 59% van het doel en naar verwachting 700 banen in 2024.", vocab
    )
    assert [(v.number.value, v.unit, v.meaning) for v in found] == [
        ("297", "jobs", ""),
        ("59", "percent", ""),
        ("700", "jobs", "expectation"),
    ]
    assert [y.written for y in years_written] == ["2019", "2024"]


UNITS_OF_EMPLOYERS = [
    # sentence, value, unit: a word of employers after "bij", "door", "voor" is where a count stands, not its unit;
    # guards: a count of employers, one "van de werkgevers"
    (
        (
            "Het is de bedoeling dat tot 2026 in totaal 125.000 banen worden ingericht: 25.000 bij de overheid en de "
            "overige 100.000 bij andere werkgevers."
        ),
        "100000",
        "jobs",
    ),
    ("In 2019 vielen ongeveer 2.500 werkgevers onder de quotumregeling.", "2500", "employers"),
    ("In 2019 gaven 2.500 van de werkgevers banen aan mensen uit de doelgroep.", "2500", "employers"),
]


@pytest.mark.parametrize("sentence, value, unit", UNITS_OF_EMPLOYERS)
def test_a_word_of_employers_after_bij_is_no_unit_of_the_number(vocab, sentence, value, unit):
    _, found, _ = values(sentence, vocab)
    assert {v.number.value: v.unit for v in found}.get(value) == unit


def test_values_listed_together_share_a_group_and_the_unit_written_after_the_last(vocab):
    _, found, _ = values("De politie realiseerde 297, 413 en 663 banen.", vocab)
    assert [(v.number.value, v.unit, v.group) for v in found] == [
        ("297", "jobs", 0),
        ("413", "jobs", 0),
        ("663", "jobs", 0),
    ]


STAGE_MEASURES = [
    # sentence, [(measure, rule, check)] of its values in order
    (  # the parts of a count in brackets right after it take its measure (measure.bracketed_parts), a qualifier aside
        "Sinds de nulmeting kwamen er 30.500 extra banen via een vast contract bij (ruim 900 bij de overheid en 29.600 in de markt).",
        [("realised_jobs", "measure.extra_jobs", ""), ("realised_jobs", "measure.split_of", ""),
         ("realised_jobs", "measure.split_of", "")],
    ),
    (
        "Met 71.000 extra banen hebben werkgevers het streven van 75.000 niet gehaald.",
        [("realised_jobs", "measure.realised_phrase", ""), ("target_jobs", "measure.nearest_words", "")],
    ),
    ("Er werken 300 werkgevers mee.", [("employers", "measure.unit", "")]),
    ("De sector markt moet 6.000 extra banen hebben gecreëerd.", [("target_jobs", "measure.obligation", "")]),
    ("Er zijn 500 banen.", [("", "measure.none", "measure not stated: realised, target or goal?")]),
    (  # every part listed after the colon takes the total's measure, not only the first
        "Eind 2021 lag het doel op 60.000 extra banen: 45.000 in de marktsector en 15.000 bij overheidswerkgevers.",
        [("target_jobs", "measure.nearest_words", ""), ("target_jobs", "measure.split_of", ""),
         ("target_jobs", "measure.split_of", "")],
    ),
    (  # a clause for another sector after "en" with no words of its own: those before "en" are the first value's
        "De sector markt moet in 2016 8.000 extra banen hebben gerealiseerd en de sector overheid 4.000.",
        [("target_jobs", "measure.obligation", ""), ("target_jobs", "measure.obligation", "")],
    ),
    (
        "Het realisatiepercentage van de provincies steeg van 70% naar 75% en bij de gemeenten van 60% naar 64%.",
        [("realisation_pct", "measure.nearest_words", ""), ("realisation_pct", "measure.listed_with", ""),
         ("realisation_pct", "measure.parallel_clause", ""), ("realisation_pct", "measure.listed_with", "")],
    ),
    (  # a parallel clause with words of its own keeps them
        "Het Rijk realiseerde 3.000 banen en de politie had een doel van 500 banen.",
        [("realised_jobs", "measure.nearest_words", ""), ("target_jobs", "measure.nearest_words", "")],
    ),
    (  # each part listed after a part takes the total's measure; a count "via" a part counts jobs
        ("Eind 2018 waren er in totaal 50.000 banen gerealiseerd, waarvan 38.000 via een regulier dienstverband bij "
         "marktwerkgevers en nog eens 12.000 banen via een uitzendcontract of detachering."),
        [("realised_jobs", "measure.realised_phrase", ""), ("realised_jobs", "measure.listed_with", ""),
         ("realised_jobs", "measure.split_of", "")],
    ),
    (  # a total of "extra banen" without other words: its parts are counts reached too
        "Tot en met 2019 zijn er 47.904 extra banen via een regulier dienstverband: 3.787 bij de overheid en 44.117 in de markt.",
        [("realised_jobs", "measure.extra_jobs", ""), ("realised_jobs", "measure.split_of", ""),
         ("realised_jobs", "measure.split_of", "")],
    ),
    (  # "detachering" in the name of a part is no measure word
        ("In 2017 zijn er 19.000 extra banen via een regulier dienstverband en 9.000 extra banen via een "
         "uitzendcontract of detachering gerealiseerd."),
        [("realised_jobs", "measure.extra_jobs", ""), ("realised_jobs", "measure.nearest_words", "")],
    ),
    (  # the parts of a total that must be reached must be reached too
        "De doelstelling voor eind 2019 was om 55.000 extra banen gerealiseerd te hebben: 15.000 bij de overheid en 40.000 in de markt.",
        [("target_jobs", "measure.obligation", ""), ("target_jobs", "measure.obligation", ""),
         ("target_jobs", "measure.obligation", "")],
    ),
    # guard: "via detachering" alone is the part of a count reached by secondment
    ("Het Rijk realiseerde in 2020 300 banen via detachering.", [("realised_own", "measure.nearest_words", "")]),
    # what a count stands at is a count reached (measure.stands_at): "de teller", an adverb or a qualifier between
    ("Eind 2020 stond de teller bij de provincies op slechts 280 banen.", [("realised_jobs", "measure.stands_at", "")]),
    ("Eind 2019 stond de Utrechtse teller op ruim 95 banen.", [("realised_jobs", "measure.stands_at", "")]),
    ("Het aantal extra banen bij de gemeenten staat eind 2020 op 4.210.", [("realised_jobs", "measure.stands_at", "")]),
    (  # ... and the target after it keeps its own words
        "Het aantal banen lag op 7.450 en dat is meer dan de doelstelling van 7.000.",
        [("realised_jobs", "measure.stands_at", ""), ("target_jobs", "measure.nearest_words", "")],
    ),
    # a count that came to be, "kwam(en) ... bij" split around it with "bij" at its clause's end, is a count reached
    # (measure.came_by)
    ("Bij de provincies kwamen er in 2020 85 banen bij.", [("realised_jobs", "measure.came_by", "")]),
    ("Bij de waterschappen kwamen 40 garantiebanen bij, meer dan verwacht.", [("realised_jobs", "measure.came_by", "")]),
    # guards: "komen ... bij" ahead is no count reached, nor "bij" that opens where the count stands, and a count
    # that must come is a target
    (
        "Daar komen er in 2025 nog eens 60 banen bij.",
        [("", "measure.none", "measure not stated: realised, target or goal?")],
    ),
    (
        "In 2020 kwamen er 85 banen bij de provincies.",
        [("", "measure.none", "measure not stated: realised, target or goal?")],
    ),
    ("In 2020 moesten er bij de provincies 85 banen bij komen.", [("target_jobs", "measure.obligation", "")]),
    # "vervuld" (filled) and "gecreëerde" before the unit are words of a count reached, as "ingevuld" and
    # "gerealiseerde" are; guard: a count a task says is to be reached ("te behalen") is a target all the same
    ("Eind 2019 waren bij de gemeenten 3.100 banen vervuld.", [("realised_jobs", "measure.nearest_words", "")]),
    ("De 2.640 extra gecreëerde banen zijn verdeeld over de regio's.", [("realised_jobs", "measure.nearest_words", "")]),
    (
        "Om de verplichting van 30 gecreëerde banen te behalen, neemt de provincie maatregelen.",
        [("target_jobs", "measure.obligation", "")],
    ),
    # the count a sector takes "voor zijn/haar/hun rekening" (its share of the agreement) is its end goal
    # (measure.own_share); guards: taken in the past ("namen") it may be a count reached, and with a year written in
    # the sentence it may be that year's target: neither decides, so no measure, with the check
    ("De hogescholen worden geacht 950 banen voor hun rekening te nemen.", [("goal_jobs", "measure.own_share", "")]),
    ("De gemeenten nemen samen 5.250 banen voor hun rekening.", [("goal_jobs", "measure.own_share", "")]),
    # ... and one of an end goal's size stays the end goal by its size (its sector and due year read as such)
    ("De overheid neemt 25.000 banen voor haar rekening.", [("goal_jobs", "measure.end_goal", "")]),
    (
        "De gemeenten namen samen 2.000 banen voor hun rekening.",
        [("", "measure.none", "measure not stated: realised, target or goal?")],
    ),
    (
        "In 2019 nemen de gemeenten samen 2.000 banen voor hun rekening.",
        [("", "measure.none", "measure not stated: realised, target or goal?")],
    ),
    # what a count turned out to be is a count reached (measure.turned_out), an adverb between aside
    (
        "In 2020 moest de politie 900 banen creëren; het waren er slechts 610.",
        [("target_jobs", "measure.nearest_words", ""), ("realised_jobs", "measure.turned_out", "")],
    ),
    ("Eind 2020 waren dit er nog maar 610.", [("realised_jobs", "measure.turned_out", "")]),
    # guards: a count that must stand there is not reached ("moet de teller": a goal's words); a count with a
    # target's words keeps them; a sector standing at a number is no count standing
    ("Eind 2024 moet de teller bij de provincies op 340 banen staan.", [("goal_jobs", "measure.nearest_words", "")]),
    ("Het beoogde aantal banen lag voor de gemeenten op 900 banen.", [("target_jobs", "measure.nearest_words", "")]),
    (
        "De gemeente ligt op 45 banen.",
        [("", "measure.none", "measure not stated: realised, target or goal?")],
    ),
]  # fmt: skip


@pytest.mark.parametrize("sentence, expected", STAGE_MEASURES)
def test_the_measures_stage_gives_each_value_its_measure_and_rule(vocab, sentence, expected):
    norm, found, _ = values(sentence, vocab)
    assert [(r.text, r.rule, r.check) for r in measures.assign(found, norm, vocab, "")] == expected


PAIRING = "years and values paired in order, but the sentence does not say 'achtereenvolgens' or 'respectievelijk'"
STAGE_YEARS = [
    # sentence, date of the document, years of the earlier sentences of the paragraph, [(year, rule, check)]
    (
        "De politie realiseerde 297 banen in 2019 en 413 banen in 2020.",
        None,
        [],
        [("2019", "year.written_after", ""), ("2020", "year.written_after", "")],
    ),
    (
        "De politie meldt voor de jaren 2019, 2020 en 2021 een realisatie van 297, 413 en 663 banen.",
        None,
        [],
        [("2019", "year.paired_in_order", PAIRING), ("2020", "year.paired_in_order", PAIRING),
         ("2021", "year.paired_in_order", PAIRING)],
    ),
    (
        "De politie meldt voor de jaren 2019 en 2020 achtereenvolgens een realisatie van 297 en 413 banen.",
        None,
        [],
        [("2019", "year.paired_in_order", ""), ("2020", "year.paired_in_order", "")],
    ),
    (
        "Vorig jaar realiseerde de politie 500 banen.",
        dt.date(2025, 7, 3),
        [],
        [("2024", "year.relative_to_document", "year 2024 from the document's date (3 juli 2025: 'Vorig jaar'): confirm")],
    ),
    ("De politie realiseerde 500 banen.", None, [["2021"]], [("2021", "year.sentence_before", "")]),
    (
        "De politie realiseerde 500 banen.",
        None,
        [["2021"], []],
        [("2021", "year.sentence_before", "year taken from an earlier sentence of the paragraph (2021)")],
    ),
    ("Ten opzichte van 2019 realiseerde de politie 500 banen.", None, [], [("", "", "")]),
    (  # a count reached takes the year of the target it is measured against
        "Met 74.031 extra banen hebben marktwerkgevers het streven van 80.000 extra banen in 2023 niet gehaald.",
        None,
        [],
        [("2023", "year.of_target", ""), ("2023", "year.written_after", "")],
    ),
    (  # guard: not the due year of an end goal
        "Met 74.031 extra banen hebben marktwerkgevers het einddoel van 100.000 extra banen in 2026 nog niet gehaald.",
        None,
        [],
        [("", "", ""), ("2026", "year.written_after", "")],
    ),
    # a year after a quarter compared with is a reference too; guard: a quarter not compared with
    ("Ten opzichte van het derde kwartaal 2018 realiseerde de politie 500 banen.", None, [], [("", "", "")]),
    (
        "In het derde kwartaal van 2018 realiseerde de politie 500 banen.",
        None,
        [],
        [("2018", "year.only_in_sentence", "")],
    ),
    ("Op 1 januari 2024 hadden de provincies 340 banen gerealiseerd.", None, [], [("2023", "year.dated_year_end", "")]),
    (  # a change from one level to the next: the first is of the year before
        "Het realisatiepercentage van de provincies steeg van 70% naar 75%.",
        None,
        [["2022"]],
        [("2021", "year.change_from", "'70% naar 75%': the first value read as of the year before (2021): confirm"),
         ("2022", "year.sentence_before", "")],
    ),
    (
        "In 2022 ging het aandeel van de gemeenten van 60% naar 64%.",
        None,
        [],
        [("2021", "year.change_from", "'60% naar 64%': the first value read as of the year before (2021): confirm"),
         ("2022", "year.only_in_sentence", "")],
    ),
    (  # guard: each its own year
        "De provincies gingen van 70% in 2021 naar 75% in 2022.",
        None,
        [],
        [("2021", "year.written_after", ""), ("2022", "year.written_after", "")],
    ),
]  # fmt: skip


@pytest.mark.parametrize("sentence, published, earlier, expected", STAGE_YEARS)
def test_the_years_stage_gives_each_value_its_year_and_says_what_to_check(
    vocab, sentence, published, earlier, expected
):
    norm, found, years_written = values(sentence, vocab)
    measure_of = [r.text for r in measures.assign(found, norm, vocab, "")]
    document = DocumentContext(published, "3 juli 2025" if published else "")
    given, _ = years.assign(found, years_written, norm, vocab, document, "", (earlier, []), measure_of, (earlier, []))
    assert [(r.text, r.rule, r.check) for r in given] == expected


SEVERAL_OG = "several sectors in the sentence (overheid_totaal, gemeenten): which one?"
SEVERAL_MO = "several sectors in the sentence (markt, overheid_totaal): which one?"
STAGE_SECTORS = [
    # sentence, headings above it, sectors of the paragraph before, document title, [(sector, rule, check)]
    (  # a count split into parts in brackets right after it is their whole (measure.bracketed_parts)
        "Sinds de nulmeting kwamen er 30.500 extra banen via een vast contract bij (900 bij de overheid en 29.600 in de markt).",
        (),
        [],
        "",
        [("banenafspraak_totaal", "sector.whole_of_parts", ""), ("overheid_totaal", "sector.in_stretch", ""),
         ("markt", "sector.in_stretch", "")],
    ),
    (  # a sector's name right before the bracket that opens on a value labels it; the bare "overheid" too
        "Voor 2017 ging het om de verdeling markt (23.000 banen) en overheid (10.000 banen).",
        (),
        [],
        "",
        [("markt", "sector.bracket_label", ""), ("overheid_totaal", "sector.bracket_label", "")],
    ),
    (  # ... a qualifier aside; and a bracket so labelled opens no parts of the count before it
        "Het doel (20.500 banen) werd in 2016 gehaald door zowel markt (ruim 18.000) als overheid (bijna 4.000).",
        (),
        [],
        "",
        # the target no label names is of the whole of the labels (sector.whole_of_labels; before: markt, a check)
        [("banenafspraak_totaal", "sector.whole_of_labels", ""), ("markt", "sector.bracket_label", ""),
         ("overheid_totaal", "sector.bracket_label", "")],
    ),
    (  # ... also where the bare "overheid" is the only name in the sentence
        "De taakstelling voor 2016 kent een verdeling naar overheid (6500 banen).",
        (),
        [],
        "",
        [("overheid_totaal", "sector.bracket_label", "")],
    ),
    (  # guard: the bare "overheid" with no bracketed value of its own names no sector
        "Het kabinet vraagt overheid en werkgevers om in 2016 3.000 banen te creëren.",
        (),
        [],
        "",
        [("", "sector.none", "sector not stated in the sentence, its heading or its paragraph")],
    ),
    (  # guard: a bracket further back opens no parts
        "In 2018 zijn er 1.500 banen (volgens UWV) gerealiseerd, 300 bij de provincies.",
        (),
        [],
        "",
        [("provincies", "sector.in_sentence", ""), ("provincies", "sector.in_stretch", "")],
    ),
    (
        "In 2020 kwamen er 3.000 banen bij de overheid en 40.000 in de markt bij.",
        (),
        [],
        "",
        [("overheid_totaal", "sector.in_stretch", ""), ("markt", "sector.in_stretch", "")],
    ),
    (
        "In 2020 realiseerden de politie en het Rijk samen 3.000 banen.",
        (),
        [],
        "",
        [("rijk", "sector.in_sentence", "several sectors in the sentence (politie, rijk): which one?")],
    ),
    ("In 2020 kwamen er 3.000 banen bij.", ("Politie",), [], "", [("politie", "sector.heading", "")]),
    (
        "In 2020 kwamen er 3.000 banen bij.",
        (),
        ["gemeenten"],
        "",
        [("gemeenten", "sector.paragraph", "sector taken from an earlier sentence of the paragraph (gemeenten)")],
    ),
    (  # the paragraph's sector is nearer than the heading's (the market named twice since the government, as in
        # the document this row comes from: two parts named last would be their whole, sector.paragraph_whole)
        "In 2019 stond de teller al op 5.000 banen.",
        ("De overheid blijft achter",),
        ["overheid_totaal", "markt", "markt"],
        "",
        [("markt", "sector.paragraph", "sector taken from an earlier sentence of the paragraph (markt)")],
    ),
    (
        "In 2020 kwamen er 3.000 banen bij.",
        (),
        [],
        "Monitor waterschappen",
        [("waterschappen", "sector.document_title", "sector taken from the document's title (waterschappen): confirm")],
    ),
    (
        "Sinds de start zijn er in 2020 30.000 extra banen bijgekomen.",
        ("Politie",),
        [],
        "",
        [("banenafspraak_totaal", "sector.national",
          "sector not stated: extra jobs since the baseline, so all employers (banenafspraak_totaal)?")],
    ),
    (
        "In 2020 kwamen er 3.000 banen bij.",
        (),
        [],
        "",
        [("", "sector.none", "sector not stated in the sentence, its heading or its paragraph")],
    ),
    (  # the paragraph named two parts of a whole last: the sentence that names none speaks of the whole
        "Het doel is in 2017 met 40.000 extra banen ruim gehaald.",
        (),
        ["banenafspraak_totaal", "markt", "overheid_totaal"],
        "",
        [("banenafspraak_totaal", "sector.paragraph_whole",
          "the paragraph names markt and overheid_totaal before: a figure of the whole (banenafspraak_totaal)? confirm")],
    ),
    (
        "Samen kwamen zij in 2017 tot 7.000 banen.",
        (),
        ["rijk", "gemeenten"],
        "",
        [("overheid_totaal", "sector.paragraph_whole",
          "the paragraph names rijk and gemeenten before: a figure of the whole (overheid_totaal)? confirm")],
    ),
    (  # a total split into the parts of a whole after a colon is that whole
        "Eind 2021 lag het doel op 60.000 extra banen: 45.000 in de marktsector en 15.000 bij overheidswerkgevers.",
        (),
        [],
        "",
        [("banenafspraak_totaal", "sector.whole_of_parts", ""), ("markt", "sector.in_stretch", ""),
         ("overheid_totaal", "sector.in_stretch", "")],
    ),
    (  # one part alone: the whole, with a check
        "In 2021 zijn 4.000 banen gerealiseerd, waarvan 1.500 bij de gemeenten.",
        (),
        [],
        "",
        [("overheid_totaal", "sector.whole_of_parts",
          "sector of a total whose one part the sentence names: the whole (overheid_totaal)? confirm"),
         ("gemeenten", "sector.in_stretch", "")],
    ),
    (  # a part counted only for all employers together (UWV does not divide it between market and government)
        "In 2018 kwamen er 38.000 banen bij marktwerkgevers en 12.000 banen via een uitzendcontract of detachering bij.",
        (),
        [],
        "",
        [("markt", "sector.in_stretch", ""), ("banenafspraak_totaal", "sector.unsplit_part", "")],
    ),
    (  # guard: a part that is divided between the sectors (regular employment) takes the sentence's sector
        "In de marktsector zijn in 2018 40.000 banen via een regulier dienstverband gerealiseerd.",
        (),
        [],
        "",
        [("markt", "sector.in_sentence", "")],
    ),
    (  # a sector named before the total is its own (as before: the parts' rule does not apply)
        "De overheid realiseerde in 2021 4.000 banen, waarvan 1.500 bij de gemeenten.",
        (),
        [],
        "",
        [("overheid_totaal", "sector.in_sentence", SEVERAL_OG), ("gemeenten", "sector.in_stretch", SEVERAL_OG)],
    ),
    (  # a sector named by its jobs' word: "overheidsbanen" are the government's (achtduizend the count due:
        # numbers.due_then_turned_out)
        "Volgens de afspraken moesten er in 2018 achtduizend overheidsbanen bij komen, het werden er 5.200 banen.",
        (),
        [],
        "",
        [("overheid_totaal", "sector.in_stretch", ""), ("overheid_totaal", "sector.in_sentence", "")],
    ),
    (  # guard: another word that begins with "overheid" names no sector
        "Het overheidsbeleid leverde in 2018 3.000 banen op.",
        (),
        [],
        "",
        [("", "sector.none", "sector not stated in the sentence, its heading or its paragraph")],
    ),
    (  # every part of a whole named, joined by "en", with one value: the whole (sectors.joined_parts)
        "Het aantal extra banen bij werkgevers in de markt en bij de overheid stond eind 2018 op 14.200.",
        (),
        [],
        "",
        [("banenafspraak_totaal", "sector.in_sentence", "")],
    ),
    (  # ... "de sector X en de sector Y"
        "De werkgevers van de sector overheid en de sector markt moesten in 2017 samen 33.000 banen realiseren.",
        (),
        [],
        "",
        [("banenafspraak_totaal", "sector.in_sentence", "")],
    ),
    (  # ... a compound that leaves out its common part ("markt- en overheidssector"), after "de markt"
        "In 2026 zijn er 125.000 extra banen gecreëerd voor mensen met een beperking in de markt- en overheidssector.",
        (),
        [],
        "",
        [("banenafspraak_totaal", "sector.in_stretch", "")],
    ),
    (  # guard: "respectievelijk" hands each name its own value, not the whole
        "In de markt en bij de overheid kwamen er in 2018 respectievelijk 40.000 en 5.000 banen bij.",
        (),
        [],
        "",
        [("overheid_totaal", "sector.in_sentence", SEVERAL_MO), ("overheid_totaal", "sector.in_sentence", SEVERAL_MO)],
    ),
    (  # guard: nor two parts before values listed together: each may have one of its own
        "In 2019 realiseerden de markt en de overheid 40.000 en 5.000 banen.",
        (),
        [],
        "",
        [("overheid_totaal", "sector.in_sentence", SEVERAL_MO), ("overheid_totaal", "sector.in_sentence", SEVERAL_MO)],
    ),
    (  # guard: two parts with a value between them are not joined
        "In 2018 kwamen er in de markt 40.000 en bij de overheid 5.000 banen bij.",
        (),
        [],
        "",
        [("markt", "sector.in_sentence", SEVERAL_MO), ("overheid_totaal", "sector.in_sentence", SEVERAL_MO)],
    ),
    (  # guard: two parts that are not every part of their whole stay two sectors
        "De gemeenten en de provincies realiseerden in 2020 samen 3.000 banen.",
        (),
        [],
        "",
        [("provincies", "sector.in_sentence", "several sectors in the sentence (gemeenten, provincies): which one?")],
    ),
    (  # an employer the sentence names by its own name, no sector's word in it, is of its sector (sector.employer)
        "Met 21,4 fte zit het Erasmus MC nu boven het aantal dat de banenafspraak vraagt.",
        (),
        [],
        "",
        [("umc", "sector.employer", "")],
    ),
    (  # ... a university by its short name too
        "De TU Delft wil in 2024 in totaal 210 banen voor mensen met een arbeidsbeperking hebben.",
        (),
        [],
        "",
        [("wo", "sector.employer", "")],
    ),
    (  # guard: a sector's name in the sentence goes before an employer's
        "De universiteiten, waaronder de VU, realiseerden in 2021 samen 900 banen.",
        (),
        [],
        "",
        [("wo", "sector.in_sentence", "")],
    ),
    (  # guard: a sentence that names no employer keeps the paragraph's sector, with its check
        "Daarmee staat de teller nu op 74 banen.",
        (),
        ["gemeenten"],
        "",
        [("gemeenten", "sector.paragraph", "sector taken from an earlier sentence of the paragraph (gemeenten)")],
    ),
    (  # guard: an employer named only in the paragraph before gives no sector by this rule
        "Daarmee staat de teller nu op 74 banen.",
        (),
        [],
        "",
        [("", "sector.none", "sector not stated in the sentence, its heading or its paragraph")],
    ),
]  # fmt: skip


@pytest.mark.parametrize("sentence, headings, before, title, expected", STAGE_SECTORS)
def test_the_sectors_stage_gives_each_value_its_sector_and_says_what_to_check(
    vocab, sentence, headings, before, title, expected
):
    norm, found, _ = values(sentence, vocab)
    goals = [r.rule == "measure.end_goal" for r in measures.assign(found, norm, vocab, "")]
    passage = documents.Passage(sentence, headings, 1)
    given = sectors.assign(found, measures.stretches(found, norm), norm, passage, vocab, before, goals, title)
    assert [(r.text, r.rule, r.check) for r in given] == expected


def test_a_counted_part_of_a_sector_is_its_scope_from_the_sentence_or_its_footnote(vocab):
    assert sectors.counted_part("in 2020 bij 21 van de 36 hbo-instellingen", []) == "21 van de 36 hbo-instellingen"
    assert (
        sectors.counted_part("Er zijn 12 banen.", ["Gemeten bij 5 van de 12 provincies."]) == "5 van de 12 provincies"
    )
    said = sectors.scope("21 van de 36 hbo-instellingen", "", "hbo", vocab)
    assert (said.text, said.rule, said.check) == (
        "21 van de 36 hbo-instellingen",
        "scope.counted_part",
        "part of the sector? (21 van de 36 hbo-instellingen)",
    )
    assert sectors.scope("", "het rijk", "rijk", vocab).rule == "scope.whole"


def test_an_employer_named_instead_of_its_sector_is_the_scope_with_a_check(vocab):
    said = sectors.scope("", "Met 33 fte zit het Erasmus MC boven het minimum.", "umc", vocab)
    assert (said.text, said.rule, said.check) == ("Erasmus MC", "scope.employer", "part of the sector? (Erasmus MC)")
    # the employer of another sector than the value's is no part of it
    assert sectors.scope("", "De VU en de provincies realiseerden 40 banen.", "provincies", vocab).rule == "scope.whole"


def test_sector_names_are_found_in_order_and_a_name_inside_a_longer_one_counts_once(vocab):
    named = sectors.named("De politie, de Rijksoverheid en het Rijk en de gemeenten", vocab)
    assert named == [(3, "politie"), (15, "rijk"), (32, "rijk"), (47, "gemeenten")]
    assert sectors.named("De opgave voor markt en overheid", vocab) == [(15, "banenafspraak_totaal")]  # not markt too


def test_the_qualities_stage_reads_a_qualifier_before_the_number(vocab):
    norm, found, _ = values("De politie realiseerde in 2023 ruim 800 banen en bijna 900 banen.", vocab)
    assert [qualities.qualifier(norm, v, vocab).text for v in found] == ["at least", "nearly"]


@pytest.mark.parametrize(
    "sentence, period",
    [
        ("In het tweede kwartaal van 2023 realiseerde de politie 800 banen.", "Q2"),
        ("Ten opzichte van het eerste kwartaal van 2023 realiseerde de politie 800 banen.", "year"),
        # the middle of a year is a reading up to its second quarter; guard: the middle of something else
        ("Halverwege vorig jaar had de overheid nog maar 85 extra reguliere banen.", "Q2"),
        ("Halverwege de looptijd van de afspraak had de overheid in 2017 nog maar 85 extra banen.", "year"),
        # a count before the definitive figures of its year are known is a provisional reading; guard: the
        # definitive figures' own count is the year's
        (
            (
                "Er zijn al ruim 90.000 extra banen, en het aantal stijgt nog als de definitieve cijfers over "
                "2025 bekend zijn."
            ),
            "provisional",
        ),
        ("De definitieve cijfers over 2025 laten 90.000 extra banen zien.", "year"),
    ],
)
def test_the_qualities_stage_reads_a_named_quarter_but_not_one_compared_with(vocab, sentence, period):
    assert qualities.period(normal(sentence), vocab).text == period


@pytest.mark.parametrize(
    "sentence, sector, basis, rule",
    [
        ("Volgens de wettelijke meting realiseerde de politie in 2023 68 procent van het doel.", "politie",
         "statutory_measurement", "basis.named"),
        ("De politie realiseerde in 2023 800 banen.", "politie", "sector_count", "basis.sector_unit"),
        ("De markt realiseerde in 2023 80.000 banen.", "markt", "national_extra_jobs", "basis.sector_unit"),
    ],
)  # fmt: skip
def test_the_qualities_stage_takes_the_basis_the_sentence_names_else_the_sector_s_own(
    vocab, sentence, sector, basis, rule
):
    norm, (value,), _ = values(sentence, vocab)
    (measure,) = measures.assign([value], norm, vocab, "")
    said = qualities.basis(qualities.bases_named(norm, vocab), value, measure.text, sector, vocab)
    assert (said.text, said.rule) == (basis, rule)


def test_every_check_message_has_the_blanks_its_rules_fill_in():
    """A blank renamed in ruled.CHECKS but not where a rule fills it in would stop extract with a KeyError."""
    blanks = {name: {f for _, f, _, _ in string.Formatter().parse(text) if f} for name, text in ruled.CHECKS.items()}
    assert {name: sorted(b) for name, b in blanks.items() if b} == {
        "year_earlier": ["year"],
        "year_earlier_paragraph": ["year"],
        "year_document": ["date", "words", "year"],
        "year_title": ["title", "year"],
        "quarter_document": ["period", "words", "year"],
        "due_whole": ["whole", "year"],
        "due_after": ["words", "year"],
        "due_document": ["whole", "year"],
        "year_after": ["words", "year"],
        "sector_end_goal": ["year"],
        "sector_deadline": ["words", "year"],
        "whole_due_year": ["whole", "year"],
        "year_before": ["words", "year"],
        "due_before": ["before", "year"],
        "due_before_start": ["before", "words", "year"],
        "years": ["years"],
        "same": ["measure"],
        "part_of_count": ["measure", "period", "year"],
        "sectors": ["sectors"],
        "whole": ["sector"],
        "parts_before": ["parts", "sector"],
        "sector_before": ["sector"],
        "the_sector": ["sector"],
        "sector_title": ["sector"],
        "in_total": ["sector"],
        "national": ["sector"],
        "scope": ["scope"],
        "differ": ["values"],
    }


def test_a_proposal_s_check_column_names_each_check_once_in_order():
    proposal = Proposal({"value": "663"}, ["year not stated", "", "part of the sector?", "year not stated"])
    assert proposal.record() == {"value": "663", "check": "year not stated; part of the sector?"}


def test_different_values_for_one_figure_in_a_document_are_both_proposed_with_a_check(vocab):
    text = (
        "De politie realiseerde in 2021 663 banen.\n\nDe politie realiseerde in 2021 700 banen.\n\n"
        "In 2022 kwamen er bij de politie 200 – 300 banen bij en naar verwachting 700 banen in 2024."
    )
    doc = documents.of_text(text)
    reading = propose(doc, vocab, "brief", context.of(doc, vocab))
    assert [(p.row["value"], p.row["locator"], p.record()["check"]) for p in reading.proposals] == [
        ("663", "vóór het eerste kopje, alinea 1", "this document gives other values for the same figure (663, 700): which one?"),
        ("700", "vóór het eerste kopje, alinea 2", "this document gives other values for the same figure (663, 700): which one?"),
    ]  # fmt: skip
    assert reading.set_aside_counts() == {"range": 2, "expectation": 1}


# ---------------------------------------------------------------- word patterns


def _pattern_word_by_word(words) -> re.Pattern:
    """The vocabulary's patterns as they were first built: each word with its own guards, longest first. The
    pattern that tests the guard once for all words must match exactly what this one matches."""
    alternatives = []
    for word in sorted(set(words), key=len, reverse=True):
        escaped = re.escape(normal(word)).replace(r"\ ", r"\s+")
        before = r"(?<![\w])" if re.match(r"\w", word) else ""
        after = r"(?![^\W\d])" if re.search(r"\w$", word) else ""
        alternatives.append(f"{before}{escaped}{after}")
    return re.compile("|".join(alternatives) or r"(?!x)x", re.IGNORECASE)


WORD = st.text(alphabet="abeknor -.%'", min_size=1, max_size=8).filter(lambda w: w.strip() == w and w)


@st.composite
def words_and_text(draw):
    """Words, and a text made of them and of bits between them (a word of its own, inside another, with a digit
    after it), so that the patterns have something to match."""
    words = draw(st.lists(WORD, min_size=1, max_size=5))
    bits = st.one_of(st.sampled_from(words), st.text(alphabet="abeknor -.%'1\n", max_size=3))
    return words, "".join(draw(st.lists(bits, max_size=12)))


@given(words_and_text())
def test_a_word_pattern_matches_what_a_guard_per_word_matches(drawn):
    words, text = drawn
    spans = [m.span() for m in vocabulary.pattern(words).finditer(text)]
    assert spans == [m.span() for m in _pattern_word_by_word(words).finditer(text)]


def test_a_word_pattern_keeps_its_guards():
    found = vocabulary.pattern(["politie", "rijk"])
    assert [m.group(0) for m in found.finditer("Politie, rijksoverheid en het Rijk2; politie1")] == [
        "Politie", "Rijk", "politie",
    ]  # fmt: skip


# ---------------------------------------------------------------- one figure, many values


def _merged_against_every_kept(values: list[str], share: float) -> list[tuple[str, str]]:
    """What `_merged` must keep, found the plain way: each value, most precise first, compared with every value
    kept so far, in order of value; the first that it equals or rounds (_rounds) takes its place in its note."""
    kept: list[dict] = []
    for k, value in sorted(enumerate(values), key=lambda kv: -len(kv[1].rstrip("0").replace(".", ""))):
        fits = [
            (float(row["value"]), i)
            for i, row in enumerate(kept)
            if row["value"] == value or _rounds(value, row["value"], share)
        ]
        if not fits:
            kept.append({"value": value, "note": "", "locator": f"alinea {k}"})
            continue
        precise = kept[min(fits)[1]]
        also = f"also as '{value}' in alinea {k}" if value != precise["value"] else f"also in alinea {k}"
        precise["note"] = "; ".join(n for n in (precise["note"], also) if n)
    return [(row["value"], row["note"]) for row in kept]


# values close together (several kept ones near a rounded one, of the same and of different digits), and forms
# that count their digits differently ("1000.0", "99.5")
VALUE = st.one_of(
    st.integers(80, 120).map(str),
    st.integers(900, 1100).map(str),
    st.sampled_from(["100", "1000", "1000.0", "99.5", "100.5", "0", "0.5", "85000", "85665"]),
)


@given(values=st.lists(VALUE, max_size=40), share=st.sampled_from([0.02, 0.05, 0.2]))
@example(values=["960", "1040", "1000"], share=0.05)  # two kept values near a rounded one: the lower takes it
@example(values=["85", "115", "100", "85"], share=0.2)
def test_values_of_one_figure_are_merged_as_comparing_every_kept_value_would(values, share):
    same = [Proposal({"value": v, "note": "", "locator": f"alinea {k}"}) for k, v in enumerate(values)]
    kept = _merged(same, share)
    assert [(p.row["value"], p.row["note"]) for p in kept] == _merged_against_every_kept(values, share)
