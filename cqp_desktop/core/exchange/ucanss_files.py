"""The files the Ucanss signs for the sites — acknowledgments of packages and proclaimed results: their formats,
and the one way both are signed (the body's canonical JSON, with the Ucanss service key, certificate beside it).
The Ucanss side writes them (core/ucanss/national.py, core/ucanss/results_files.py); the site checks them
(core/site/acknowledgment.py, core/site/results.py, through core/site/site_trust.ucanss_signer)."""

from __future__ import annotations

import base64
from typing import Any

from cqp_desktop.core.common.canonical import canonical_json
from cqp_desktop.core.exchange import keys
from cqp_desktop.core.exchange.package_format import readable_json

ACK_MAGIC = "cqp-desktop/acknowledgment"
ACK_FORMAT = 2
ACK_SUFFIX = ".ack.json"
RESULTS_MAGIC = "cqp-desktop/results"
RESULTS_FORMAT = 1
RESULTS_SUFFIX = ".resultats.json"


def signed_file(wrapper: str, body: dict[str, Any], key: Any, certificate: Any) -> bytes:
    """`{wrapper: body, "signature": …, "certificate": …}`, readable JSON."""
    from cryptography.hazmat.primitives import serialization

    document: dict[str, Any] = {
        wrapper: body,
        "signature": base64.b64encode(keys.sign(key, canonical_json(body))).decode("ascii"),
        "certificate": certificate.public_bytes(serialization.Encoding.PEM).decode("ascii"),
    }
    return readable_json(document)


def acknowledgment_body(package_row: dict[str, Any], candidate_uuids: list[str], epreuves: list[dict[str, Any]]) -> dict[str, Any]:
    """What Ucanss acknowledges: this exact package (manifest hash), this session revision, these candidates."""
    return {
        "magic": ACK_MAGIC,
        "format": ACK_FORMAT,
        "session_uuid": package_row["session_uuid"],
        "session_label": package_row["session_label"],
        "revision": package_row["revision"],
        "manifest_sha256": package_row["manifest_sha256"],
        "received_at": package_row["imported_at"],
        "candidates": sorted(candidate_uuids),
        "epreuves": sorted(epreuves, key=lambda e: e["id"]),
    }


def acknowledgment_file(body: dict[str, Any], key: Any, certificate: Any) -> bytes:
    """The file Ucanss sends back for a package: the body signed with the Ucanss service key."""
    return signed_file("acknowledgment", body, key, certificate)


def results_file(body: dict[str, Any], key: Any, certificate: Any) -> bytes:
    """A site's proclaimed results, signed with the Ucanss service key (as acknowledgments are)."""
    return signed_file("results", body, key, certificate)
