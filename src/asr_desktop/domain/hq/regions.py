"""The regions headquarters reports by (the National Statistical Office's five).

By DOPA province code: 10 is Bangkok; 11–27 and 70–77 the central region (with the east
and the west); 30–49 the northeast; 50–67 the north; 80–96 the south. 1 + 25 + 20 + 17 +
14 = 77.
"""

from __future__ import annotations

REGIONS: tuple[tuple[str, str], ...] = (
    ("bangkok", "กรุงเทพมหานคร"),
    ("central", "ภาคกลาง"),
    ("north", "ภาคเหนือ"),
    ("northeast", "ภาคตะวันออกเฉียงเหนือ"),
    ("south", "ภาคใต้"),
)
REGION_LABELS = dict(REGIONS)


def region_of(province_code: str) -> str:
    """The region key of a province code; "" for a code outside every range."""
    if not (len(province_code) == 2 and province_code.isdigit()):
        return ""
    n = int(province_code)
    if n == 10:
        return "bangkok"
    if 11 <= n <= 27 or 70 <= n <= 77:
        return "central"
    if 30 <= n <= 49:
        return "northeast"
    if 50 <= n <= 67:
        return "north"
    if 80 <= n <= 96:
        return "south"
    return ""
