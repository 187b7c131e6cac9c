"""The session package's format (`.cqpkg`), shared by the site that writes it and whoever checks it. Qt-free.

A package is a zip holding a manifest (magic, format version, app version, session, revision, référentiels,
signer, SHA-256 of every other member), the data as JSON (`data.json`, following `resources/package.schema.json`),
the référentiels' content, the signers' certificates, the signed PDFs, and `manifest.sig`: the président's
detached signature over the manifest bytes. The site writes it (core/site/package_export.py); `package_verify.py`
checks it with nothing but the file and the Ucanss's trust anchors.

Optional encryption wraps the whole zip in CMS EnvelopedData (DER) for Ucanss' RSA certificate, which
`openssl cms -decrypt -inform DER` opens too: a lost USB stick leaks nothing.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import operator
import zipfile
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

import jsonschema
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.ciphers import algorithms
from cryptography.hazmat.primitives.serialization import pkcs7, pkcs12

from cqp_desktop.core.exchange import keys
from cqp_desktop.core.model.rules import BlocResult
from cqp_desktop.resources import resources_dir

MAGIC = "cqp-desktop/session-package"
FORMAT_VERSION = 2
SUFFIX = ".cqpkg"
ENCRYPTED_SUFFIX = ".cqpkg.p7m"
MANIFEST_NAME = "manifest.json"
SIGNATURE_NAME = "manifest.sig"
DATA_NAME = "data.json"
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
SCHEMA_PATH = resources_dir() / "package.schema.json"


class PackageError(Exception):
    """A package that cannot be made or opened; the message is French and says what to do."""


def readable_json(data: Any) -> bytes:
    """Deterministic but readable (one key per line): for members a person may open."""
    return (json.dumps(data, sort_keys=True, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def referentiel_member(content_hash: str) -> str:
    return f"referentiels/{content_hash.removeprefix('sha256:')}.json"


def certificate_member(fp: str) -> str:
    return f"certificates/{fp}.pem"


def pdf_member(epreuve_id: int) -> str:
    return f"pdf/epreuve-{epreuve_id}.pdf"


@cache
def schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return loaded


def _inline(node: Any, defs: Mapping[str, Any]) -> Any:
    """The schema with every local `$ref` replaced by its definition: same meaning, validates ~2× faster."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/") and len(node) == 1:
            return _inline(defs[ref.removeprefix("#/$defs/")], defs)
        return {k: _inline(v, defs) for k, v in node.items()}
    if isinstance(node, list):
        return [_inline(v, defs) for v in node]
    return node


@cache
def _validator(kind: str) -> jsonschema.Draft202012Validator:
    defs = schema()["$defs"]
    return jsonschema.Draft202012Validator(_inline(defs[kind], defs))


@cache
def _fast_validator(kind: str) -> Any:
    """The same schema compiled by jsonschema-rs (same draft, formats not asserted, as jsonschema does):
    ~50× faster to say whether an instance is valid. It only answers yes or no: any instance it finds
    invalid goes through jsonschema below, which names the problems (and decides, as before)."""
    try:
        import jsonschema_rs
    except ImportError:  # pragma: no cover - a dependency; jsonschema alone gives the same verdicts
        return None
    defs = schema()["$defs"]
    return jsonschema_rs.Draft202012Validator(_inline(defs[kind], defs), validate_formats=False)


def schema_problems(kind: str, instance: Any) -> list[str]:
    """Schema violations of `instance` against `$defs/<kind>` ("manifest" or "data"), French, sorted."""
    fast = _fast_validator(kind)
    if fast is not None and fast.is_valid(instance):
        return []
    out = []
    errors = _validator(kind).iter_errors(instance)
    for error in sorted(errors, key=lambda e: [str(p) for p in e.absolute_path]):
        where = "/".join(str(p) for p in error.absolute_path) or "(racine)"
        out.append(f"{where} : {_french(error)}")
    return out


def _french(error: jsonschema.ValidationError) -> str:
    kind, expected = error.validator, error.validator_value
    if kind == "required":
        missing = [k for k in expected if not (isinstance(error.instance, dict) and k in error.instance)]
        return "champ obligatoire manquant : " + ", ".join(f"« {k} »" for k in missing)
    if kind == "additionalProperties":
        known = set(error.schema.get("properties", {}))
        extra = sorted(k for k in error.instance if k not in known) if isinstance(error.instance, dict) else []
        return "champ inconnu : " + ", ".join(f"« {k} »" for k in extra)
    if kind == "type":
        return f"type attendu {expected}"
    if kind in ("enum", "const"):
        return f"valeur {json.dumps(error.instance, ensure_ascii=False)[:40]} non admise"
    if kind == "pattern":
        return f"valeur {json.dumps(error.instance, ensure_ascii=False)[:40]} mal formée"
    return f"valeur refusée ({kind})"


def zip_bytes(members: Mapping[str, bytes]) -> bytes:
    """A deterministic zip: manifest first, then sorted names, fixed timestamps and permissions."""
    order = [n for n in (MANIFEST_NAME, SIGNATURE_NAME) if n in members]
    order += sorted(n for n in members if n not in (MANIFEST_NAME, SIGNATURE_NAME))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in order:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            archive.writestr(info, members[name])
    return buffer.getvalue()


def encrypt(data: bytes, recipient_certificate: bytes) -> bytes:
    """Envelope `data` for the holder of `recipient_certificate` (RSA: what CMS key transport needs)."""
    certificate = keys.load_certificate(recipient_certificate)
    try:
        return (
            pkcs7.PKCS7EnvelopeBuilder()
            .set_data(data)
            .set_content_encryption_algorithm(algorithms.AES256)
            .add_recipient(certificate)
            .encrypt(serialization.Encoding.DER, [pkcs7.PKCS7Options.Binary])
        )
    except (TypeError, ValueError) as exc:
        raise PackageError(
            f"Chiffrement impossible pour ce certificat Ucanss ({exc}) : un certificat RSA est nécessaire."
        ) from None


def looks_encrypted(raw: bytes) -> bool:
    return raw[:1] == b"\x30" and not raw.startswith(b"PK")


def load_decryption_key(key_file: bytes, passphrase: str | None, certificate: bytes | None = None):  # type: ignore[no-untyped-def]
    """Read Ucanss' key: a PKCS#12 (.p12) holding key and certificate, or a PEM key (+ PEM certificate)."""
    secret = passphrase.encode("utf-8") if passphrase else None
    if not key_file.lstrip().startswith(b"-----"):
        try:
            key, cert, _ = pkcs12.load_key_and_certificates(key_file, secret)
        except ValueError:
            raise PackageError("Clé Ucanss illisible : phrase secrète incorrecte ou fichier PKCS#12 endommagé.") from None
        if key is None or cert is None:
            raise PackageError("Le fichier PKCS#12 de la clé Ucanss ne contient pas de clé et de certificat.")
        return key, cert
    try:
        key = serialization.load_pem_private_key(key_file, secret)
    except TypeError:
        raise PackageError("La clé Ucanss est protégée : indiquez sa phrase secrète (--passphrase).") from None
    except ValueError:
        raise PackageError("Clé Ucanss illisible : phrase secrète incorrecte ou fichier endommagé.") from None
    source = certificate if certificate is not None else key_file
    if b"-----BEGIN CERTIFICATE-----" not in source:
        raise PackageError("Certificat Ucanss absent : joignez-le au fichier de clé PEM ou indiquez --cert.")
    try:
        cert = keys.load_certificate(source[source.index(b"-----BEGIN CERTIFICATE-----") :])
    except keys.KeyProblem:
        raise PackageError("Certificat Ucanss illisible.") from None
    return key, cert


def decrypt(raw: bytes, key, certificate) -> bytes:  # type: ignore[no-untyped-def]
    try:
        return pkcs7.pkcs7_decrypt_der(raw, certificate, key, [])
    except (ValueError, TypeError):
        raise PackageError(
            "Déchiffrement impossible : ce paquet n'est pas chiffré pour cette clé Ucanss, ou il est endommagé."
        ) from None


def content_revision(data: Mapping[str, Any]) -> int:
    """The revision as counted from a package's data (same rows as `session_revision`)."""
    return sum(
        len(e["decisions"]) + len(e["timer_events"]) + len(e["notes"]) + len(e["presented_competences"])
        + len(e["vae_situations"]) + len(e["avis"]) + sum(len(a["signatures"]) for a in e["avis"])
        for e in data["epreuves"]
    )


_BY_ID = operator.itemgetter("id")  # in C: a national import sorts ~600 journal rows per package


def latest_decisions(rows: Sequence[Mapping[str, Any]]) -> dict[str, str]:
    """Latest decision per criterion (journal order): how the site's store reads decisions."""
    return {row["criterion"]: row["decision"] for row in sorted(rows, key=_BY_ID)}  # a later row overrides


def result_data(result: BlocResult) -> dict[str, Any]:
    return result.as_data()
