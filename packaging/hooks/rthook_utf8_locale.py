"""PyInstaller runtime hook: give the frozen app a UTF-8 locale before Qt or Python read it.

Why: started from a desktop launcher or a minimal session, LANG may be unset (locale "C", ASCII).
Qt then warns and mis-decodes file names with accents (« Épreuves », « Préconisations ») and
Python's default encodings become ASCII. C.UTF-8 exists on every glibc ≥ 2.35 system and Debian;
the user's own UTF-8 locale is left untouched.
"""

import os
import sys

if sys.platform != "win32":
    current = os.environ.get("LC_ALL") or os.environ.get("LC_CTYPE") or os.environ.get("LANG") or ""
    if "utf-8" not in current.lower() and "utf8" not in current.lower():
        os.environ["LC_ALL"] = "C.UTF-8"
        os.environ["LANG"] = "C.UTF-8"
os.environ.setdefault("PYTHONIOENCODING", "utf-8")
for stream in (sys.stdout, sys.stderr):
    if stream is not None and hasattr(stream, "reconfigure"):
        try:
            stream.reconfigure(encoding="utf-8", errors="replace")
        except (OSError, ValueError):
            pass
