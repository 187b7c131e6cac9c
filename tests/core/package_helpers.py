"""Opening, editing and re-zipping packages in tests (what a forger would do), plus a tiny PDF maker."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from typing import Any

from cqp_desktop.core.exchange import keys
from cqp_desktop.core.exchange.package_format import MANIFEST_NAME, SIGNATURE_NAME, readable_json, sha256_hex, zip_bytes


def members_of(archive: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(archive)) as z:
        return {i.filename: z.read(i) for i in z.infolist()}


def json_member(members: dict[str, bytes], name: str) -> Any:
    return json.loads(members[name])


def edit_json(members: dict[str, bytes], name: str, change: Callable[[Any], None]) -> None:
    data = json.loads(members[name])
    change(data)
    members[name] = readable_json(data)


def refresh_manifest(members: dict[str, bytes], change: Callable[[dict[str, Any]], None] | None = None) -> None:
    """Recompute every member hash in the manifest (the signature is left as it was)."""
    manifest = json.loads(members[MANIFEST_NAME])
    manifest["members"] = [
        {"path": p, "sha256": sha256_hex(c), "size": len(c)}
        for p, c in sorted(members.items())
        if p not in (MANIFEST_NAME, SIGNATURE_NAME)
    ]
    if change:
        change(manifest)
    members[MANIFEST_NAME] = readable_json(manifest)


def resign(members: dict[str, bytes], key: keys.PrivateKey) -> None:
    members[SIGNATURE_NAME] = keys.sign(key, members[MANIFEST_NAME])


def rezip(members: dict[str, bytes]) -> bytes:
    return zip_bytes(members)


def zip_with_duplicate(members: dict[str, bytes], name: str, content: bytes) -> bytes:
    buffer = io.BytesIO(zip_bytes(members))
    with zipfile.ZipFile(buffer, "a") as z:
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            z.writestr(name, content)
    return buffer.getvalue()


def tiny_pdf(text: str) -> bytes:
    """A one-page PDF naming an épreuve (stands in for the signed épreuve PDF in format tests)."""
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, invariant=1)
    c.drawString(72, 720, text)
    c.showPage()
    c.save()
    return buffer.getvalue()
