"""Signing identities: generated P-256 keys encrypted at rest, PKCS#12 import, detached signatures."""

from __future__ import annotations

import sqlite3

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from cqp_desktop.core.exchange import keys
from cqp_desktop.core.storage.store import Store

INFO = keys.SignerInfo("Delorme", "Anne", "president", "Ucanss")


def test_generated_key_is_encrypted_and_signs() -> None:
    material = keys.generate(INFO, "phrase secrète du jury")
    assert b"SCRYPT AES-GCM PRIVATE KEY" in material.encrypted_key_pem
    with pytest.raises(ValueError):  # not a clear PEM key: nothing reads it without the passphrase
        serialization.load_pem_private_key(material.encrypted_key_pem, None)
    key = keys.load_private_key(material.encrypted_key_pem, "phrase secrète du jury")
    certificate = keys.load_certificate(material.certificate_pem)
    assert keys.subject_name(certificate) == "Anne DELORME"
    signature = keys.sign(key, b"manifest")
    assert keys.verify(certificate, b"manifest", signature)
    assert not keys.verify(certificate, b"manifest modifie", signature)


def test_wrong_or_short_passphrase_is_a_french_message() -> None:
    material = keys.generate(INFO, "phrase secrète du jury")
    with pytest.raises(keys.KeyProblem, match="Phrase secrète incorrecte"):
        keys.load_private_key(material.encrypted_key_pem, "mauvaise phrase")
    with pytest.raises(keys.KeyProblem, match="au moins 12 caractères"):
        keys.generate(INFO, "court")


def test_pkcs12_import_rewraps_the_key() -> None:
    rsa_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Olivier FERRAND")])
    import datetime as dt

    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(rsa_key.public_key())
        .serial_number(1).not_valid_before(now).not_valid_after(now + dt.timedelta(days=30))
        .sign(rsa_key, hashes.SHA256())
    )
    p12 = pkcs12.serialize_key_and_certificates(
        b"ferrand", rsa_key, cert, None, serialization.BestAvailableEncryption(b"export-pass")
    )
    with pytest.raises(keys.KeyProblem, match="mot de passe incorrect"):
        keys.import_pkcs12(p12, "autre")
    material = keys.import_pkcs12(p12, "export-pass", "nouvelle phrase")
    key = keys.load_private_key(material.encrypted_key_pem, "nouvelle phrase")
    assert keys.verify(keys.load_certificate(material.certificate_pem), b"x", keys.sign(key, b"x"))


def test_store_keeps_one_current_identity_and_never_rewrites_one(store: Store) -> None:
    org = store.add_organisme("UCANSS", "Ucanss", "certificateur", certifier_kind="ucanss")
    member = store.add_jury_member("Delorme", "Anne", org, "president", None, "2025-03-12")
    first = store.add_signing_identity(member, keys.generate(INFO, "phrase secrète 1"))
    second = store.add_signing_identity(member, keys.generate(INFO, "phrase secrète 2"))
    assert store.signing_identity(member)["id"] == second != first
    with pytest.raises(sqlite3.IntegrityError, match="interdite"):
        with store.connection().atomic():
            store.connection().execute("UPDATE signing_identities SET certificate_pem = x'00'")
    with pytest.raises(sqlite3.IntegrityError, match="interdite"):
        with store.connection().atomic():
            store.connection().execute("DELETE FROM signing_identities")
