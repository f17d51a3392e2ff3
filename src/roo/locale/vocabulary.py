"""Phrases that rules put into a finding's facts, marked so the catalogues translate them (internal).

A few facts are not data from the certificate but English words chosen by a
rule: which value the waiver compared (``"aggregate customs value"``), which
form a CO is on (``"Japan's form"``), which document is missing. When a
message is rendered for a locale, a string fact that is a msgid of the
catalogue is translated (:mod:`roo.locale`), so each such phrase is listed
here with the ``N_`` marker that ``pybabel extract`` looks for.

A rule module may equally mark its phrases itself (``from roo.locale import
N_``; ``LABELS = {X: N_("scrap and waste")}``): the effect is the same, and
the phrase then lives next to the rule that uses it. A phrase with data inside
it (``"unrecognised '4'"``) is a :class:`roo.model.phrase.Phrase` instead: its
template is the msgid and its data are typed facts.
"""

from __future__ import annotations

from typing import Final

from . import N_

#: Every phrase, for tests and tooling.
PHRASES: Final = (
    # placeholders for "nothing"
    N_("none"),
    N_("(no reference)"),
    N_("more facts"),
    # AJCEP IR 3: which sheet of a paper CO, the two forms, the parts of a third-country invoicer
    N_("original"),
    N_("duplicate"),
    N_("triplicate"),
    N_("Japan's form"),
    N_("the ASEAN Member States' form"),
    N_("name"),
    N_("address"),
    N_("name and address"),
    # AJCEP IR 6: which value the waiver compared
    N_("aggregate customs value"),
    N_("exporting value"),
    # AJCEP OCP validity: the CO whose issue date the period runs from
    N_("the CO it replaces"),
    N_("the original CO (borne by the certified true copy)"),
    N_("this CO"),
    # AJCEP IR 8: documents evidencing accumulation
    N_("exporter's declaration"),
    N_("producer's declaration"),
    N_("invoice"),
    N_("CO for the material"),
    N_("document"),
    # AJCEP Art 31: operations permitted in a transit country
    N_("transit"),
    N_("temporary storage"),
    N_("unloading"),
    N_("reloading"),
    N_("unloading and reloading"),
    N_("preservation"),
    # box 8 that cannot be read
    N_("box 8 is empty"),
    # ID MoTR 16/2024 Art 9: data elements of the COO
    N_("the exporter's name and address"),
    N_("the importer's name and address"),
    N_("the manufacturer's name"),
    N_("the COO number"),
    N_("a statement by the exporter, or the producer and exporter"),
    N_("certification by the issuing agency"),
    N_("the date of departure"),
    N_("the name of the ship or the flight number"),
    N_("the port of unloading"),
    N_("the HS code"),
    N_("the origin criterion"),
    N_("the invoice number"),
    N_("the quantity of the goods"),
    # ID MoTR 16/2024 Art 10: reasons for verification in the field
    N_("data elements of Article 9 are missing"),
    N_("the exporter's statement is not signed"),
    N_("an origin criterion is unreadable, unrecognised or unspecific"),
    N_("the consignment criteria were not shown"),
    N_("the consignment criteria are in doubt"),
    # origin determination: categories of wholly obtained goods (AJCEP Art 25, JIEPA Art 30)
    N_("plants grown and harvested in the Party"),
    N_("live animals born and raised in the Party"),
    N_("goods obtained from live animals"),
    N_("goods of hunting, trapping, fishing or gathering in the Party"),
    N_("minerals extracted in the Party"),
    N_("goods taken from the seabed outside the Party's territorial waters"),
    N_("goods of sea fishing taken by a vessel of the Party"),
    N_("goods made on board a factory ship of the Party"),
    N_("articles collected in the Party fit only for disposal or recovery"),
    N_("scrap and waste"),
    N_("parts or raw materials recovered from articles collected in the Party"),
    N_("goods obtained exclusively from wholly obtained goods"),
    # origin determination: de minimis bases and levels of a change in tariff classification
    N_("FOB value"),
    N_("weight"),
    N_("volume"),
    N_("the good"),
    N_("chapter"),
    N_("heading"),
    N_("subheading"),
)
