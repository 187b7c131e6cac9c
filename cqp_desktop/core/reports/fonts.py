"""The TrueType font embedded in every PDF: DejaVu Sans, shipped in resources/fonts/.

reportlab's built-in Helvetica and Vera lack U+202F (the narrow no-break space French typography puts
before « : ; ! ? »): it would print as a box. DejaVu Sans covers all of French; its licence
(Bitstream Vera, resources/fonts/LICENSE-DejaVu.txt) allows redistribution.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from cqp_desktop.resources import resources_dir

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


@cache
def register() -> tuple[str, str]:
    """Register the regular and bold faces with reportlab once; return their names."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont(REGULAR, str(fonts_dir() / f"{REGULAR}.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(fonts_dir() / f"{BOLD}.ttf")))
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, REGULAR)
    addMapping(REGULAR, 1, 1, BOLD)
    return REGULAR, BOLD
