"""Where MoTR 16/2024 says what roo checks (one place, so a correction touches one line).

Our source (a law firm's published summary of the Regulation) places the data elements in
Article 9, field verification in Article 10, the exclusion of goods from
developing countries with a COO in every import in Article 2(3) (read with
Article 1(1)-(2)) and preferential COs in Article 2(4); it places the origin
criteria, consignment criteria and procedural provisions in "Articles 3 to 8"
without saying which article holds which. roo cites Article 3, where the
summary's range begins, for those criteria until the text is confirmed.
"""

from __future__ import annotations

from typing import Final

SCOPE: Final = "ID/MOTR-16-2024/2"
#: Art 2(3) (with Art 1(1)-(2)): the exclusion of goods from developing countries, with a COO in every import.
EXCLUSION: Final = "ID/MOTR-16-2024/2(3)"
EVERY_IMPORT: Final = EXCLUSION
#: Art 2(4): goods with a preferential CO are verified under the agreement's rules.
PREFERENTIAL: Final = "ID/MOTR-16-2024/2(4)"
CRITERIA: Final = "ID/MOTR-16-2024/3"
DATA_ELEMENTS: Final = "ID/MOTR-16-2024/9"
FIELD_VERIFICATION: Final = "ID/MOTR-16-2024/10"
