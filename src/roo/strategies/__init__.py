"""Hypothesis strategies for roo documents, for property tests of roo and of the systems that use it.

Install them with the optional extra ``roo-origin[hypothesis]``. ``import roo`` never
imports this package; import it yourself (``from roo import strategies``) or let
Hypothesis find it: roo's Hypothesis entry point (:mod:`roo.hypothesis_plugin`)
registers them for roo's types, so ``st.from_type(roo.Certificate)`` works in any
test run where roo is installed.

What there is:

* :func:`certificates` — valid certificates of a scheme: real ISO codes of the
  scheme's Parties, six-digit HS subheadings of real goods, box 8 texts the
  scheme accepts (``WO``, ``CTH``, ``RVC 45%``, ``CTH, DMI``, ...), items
  numbered 1..n, consistent dates (invoice <= departure <= issue <= departure
  + 3 days, declaration <= issue), signed and sealed, original copy.
* :func:`certificate_data` — the same as JSON-ready dicts (``roo.dump``).
* :func:`defective_certificates` — a valid certificate with exactly one
  controlled defect, with the item it concerns and the finding code a correct
  evaluation reports for it (see :data:`DEFECTS`).
* :func:`contexts` — the facts of an import: consistent with a given
  certificate (presented within its validity, declared as certified), or, with
  no certificate, arbitrary but well-formed.
* :func:`goods` — goods for origin determination (``roo.determine``) with
  realistic bills of materials, any or aimed at a criterion (``"WO"``,
  ``"PE"``, ``"CTH"``, ``"RVC"``, ``"CTH, DMI"``, ``"CTH, ACU"``,
  ``"RVC, ACU"``, ``"fail"``; see :data:`GOOD_CRITERIA`) so that roo judges
  them so; :func:`good_data` as JSON-ready dicts.
* :func:`materials` and :func:`bills_of_materials` — bill-of-materials lines,
  nested to a bounded depth, and whole bills worth less than a given FOB.
* :func:`psr_tables` — small valid product-specific rule tables (``roo.psr/1``).
* :func:`item_goods` — goods behind a certificate's items (``Context.goods``)
  that back its box 8, or that deny it, for the box 8 cross-check.

Every certificate strategy shrinks toward a minimal valid CO: one item, the
first Party pair of the scheme (Indonesia to Japan for AJCEP and JIEPA), the
earliest date of the scheme's range, the first good of the table (frozen
shrimp, ``030617``, ``WO``), the smallest amounts, optional boxes empty.
Goods shrink toward sweet biscuits (``190531``) from Indonesia under AJCEP,
FOB 100.00 USD, with one material: wheat flour worth 1.00 USD. See
docs/strategies.md for what each strategy produces and shrinks to.

A user's own property test, checking that an import system agrees with roo::

    from hypothesis import given
    import roo
    from roo.strategies import certificates, defective_certificates

    @given(certificates(scheme="AJCEP"))
    def test_valid_certificates_are_accepted(co):
        assert my_system.accepts(roo.dump(co))

    @given(defective_certificates())
    def test_defects_are_rejected(case):
        co, item, code = case
        assert code in my_system.rejection_codes(roo.dump(co), item)
"""

from __future__ import annotations

from ._certificates import certificate_data, certificates
from ._contexts import contexts
from ._defects import DEFECTS, Defect, defective_certificates
from ._goods import GOOD_CRITERIA, bills_of_materials, good_data, goods, materials
from ._item_goods import item_goods
from ._psr_tables import psr_tables

__all__ = [
    "DEFECTS",
    "GOOD_CRITERIA",
    "Defect",
    "bills_of_materials",
    "certificate_data",
    "certificates",
    "contexts",
    "defective_certificates",
    "good_data",
    "goods",
    "item_goods",
    "materials",
    "psr_tables",
]
