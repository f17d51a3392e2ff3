"""Checks that more than one scheme applies, written once and parameterised by each scheme's terms.

Where AJCEP and JIEPA say the same thing — a CO is valid for a period from
its issuance, a low-value consignment needs no CO, goods may pass through
another country only for transit, a CO bears a reference number, ... — the
logic lives here, once. What differs between the schemes is data, gathered in
a small frozen *terms* object per check (:class:`validity.ValidityTerms`,
:class:`waiver.WaiverTerms`, ...): the citation and severity of each finding
(its :class:`~roo.rule_kit.FindingSpec`), the names of the dated parameters
to read, the form's box numbers where a scheme has them.

Each scheme keeps its own rule module (``roo.rules.ajcep.ocp_validity``,
``roo.rules.jiepa.art41_validity``, ...): its docstring states what that
scheme's text requires, it declares the scheme's finding specs and terms, and
its check functions are one-line calls of the shared check with those terms.
So the rule catalogue groups each rule under its own scheme's regulation, and
a message template appears where it is declared.

Finding codes are unique across roo: a code names one kind of finding with
one citation, severity and template. A JIEPA finding that is the counterpart
of an AJCEP one therefore carries the AJCEP code prefixed with ``jiepa-``
(``co-presented-after-validity`` / ``jiepa-co-presented-after-validity``);
where the wording suits both schemes the two specs share the template, so a
translation serves both.
"""
