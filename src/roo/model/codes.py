"""ISO codes as a certificate prints them: countries (ISO 3166-1 alpha-2) and currencies (ISO 4217).

A code is matched whole: ``"ID\\n"`` is not ``"ID"``. The sets are written out
here rather than read from babel at import, which would cost every ``import
roo`` a tenth of a second; babel's CLDR data is consulted only to explain a
refusal (``"Thailand"``: did you mean ``"TH"``?). The JSON Schemas list the
same sets.
"""

from __future__ import annotations

import functools
from typing import Final

#: The officially assigned ISO 3166-1 alpha-2 codes.
COUNTRIES: Final = frozenset(
    """
    AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ
    CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO
    FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE
    JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO
    MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW
    PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM
    TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW
    """.split()
)

#: ISO 4217 currencies: those in use (legal tender of some territory), and those withdrawn since 2000 that a
#: certificate issued before their withdrawal may state (HRK until 2023, LTL until 2015, ...). Not the codes
#: that are no currency of a trade document (the codes for no currency and for testing, precious metals, fund codes).
CURRENCIES: Final = frozenset(
    """
    AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD CAD CDF CHF
    CLP CNY COP CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD
    HNL HRK HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL
    LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR
    PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SYP SZL THB TJS TMT TND TOP
    TRY TTD TWD TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG ZWL
    AZM BYR CSD CYP EEK GHC LTL LVL MRO MTL MZM ROL SDD SIT SKK STD TMM TRL VED VEF ZMK
    """.split()
)



def is_country(code: object) -> bool:
    """Whether ``code`` is an ISO 3166-1 alpha-2 code, exactly (``"ID"``; not ``"id"``, ``"ID\\n"``)."""
    return code.__class__ is str and code in COUNTRIES


def is_currency(code: object) -> bool:
    """Whether ``code`` is an ISO 4217 currency code, current or withdrawn since 2000, exactly (``"USD"``)."""
    return code.__class__ is str and code in CURRENCIES


@functools.cache
def _country_names() -> dict[str, str]:
    """Every country's name in English, Japanese and Indonesian (casefolded) -> its code, from CLDR."""
    names: dict[str, str] = {}
    try:
        from babel import Locale
    except ImportError:  # pragma: no cover - babel is a dependency
        return names
    for language in ("en", "ja", "id"):
        for code, name in Locale.parse(language).territories.items():
            if code in COUNTRIES:
                names.setdefault(name.casefold(), code)
    return names


def country_hint(text: str) -> str:
    """`` (did you mean 'TH'?)`` for a country name or a code in the wrong case, else ``""``."""
    candidate = text.strip()
    if candidate.upper() in COUNTRIES:
        return f" (did you mean {candidate.upper()!r}?)"
    if len(candidate) > 200:
        return ""
    code = _country_names().get(candidate.casefold())
    return f" (did you mean {code!r}?)" if code else ""


def currency_hint(text: str) -> str:
    """`` (did you mean 'USD'?)`` for a currency code in the wrong case or with spaces, or for a symbol or a
    name that only one currency has in English, Japanese or Indonesian (``"US$"``, ``"US Dollar"``), else ``""``.
    """
    candidate = text.strip().upper()
    if candidate != text and is_currency(candidate):
        return f" (did you mean {candidate!r}?)"
    if len(text) > 200:
        return ""
    code = _currency_words().get(text.strip().casefold())
    return f" (did you mean {code!r}?)" if code else ""


#: The locales whose currency symbols and names explain a refused currency: English as written across the
#: region (``en_001``: "US$", "JP¥"), Japanese and Indonesian.
_CURRENCY_LOCALES: Final = ("en", "en_001", "ja", "id")


@functools.cache
def _currency_words() -> dict[str, str]:
    """Currency symbols and names (casefolded) that name one currency only -> its code, from CLDR."""
    found: dict[str, set[str]] = {}
    try:
        from babel import Locale
    except ImportError:  # pragma: no cover - babel is a dependency
        return {}
    for language in _CURRENCY_LOCALES:
        locale = Locale.parse(language)
        for words in (locale.currency_symbols, locale.currencies):
            for code, word in words.items():
                if code in CURRENCIES and word.casefold() != code.casefold():
                    found.setdefault(word.casefold(), set()).add(code)
    return {word: codes.pop() for word, codes in found.items() if len(codes) == 1}
