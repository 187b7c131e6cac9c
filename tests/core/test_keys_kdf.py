"""Signing keys at rest: scrypt + AES-GCM, a longer minimum passphrase, older keys re-encrypted when unlocked."""

from __future__ import annotations

import time

import pytest
from cryptography.hazmat.primitives import serialization

from cqp_desktop.core.exchange import keys
from cqp_desktop.core.model.referentiel import Referentiel
from cqp_desktop.core.site import avis as av
from cqp_desktop.core.storage.integrity import verify_integrity
from cqp_desktop.core.storage.store import Store

from .avis_fixtures import PASSPHRASE, make_epreuve, tiny_png


def _production_n() -> int:
    return _source_n()


def _source_n() -> int:
    """SCRYPT_N as written in keys.py (the suite lowers it at run time, see conftest)."""
    import ast
    import inspect

    tree = ast.parse(inspect.getsource(keys))
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "SCRYPT_N":
            return int(eval(compile(ast.Expression(node.value), "keys", "eval")))  # noqa: S307 - our own constant
    raise AssertionError("SCRYPT_N absent")


def test_production_cost_is_memory_hard_and_a_key_round_trips(monkeypatch: pytest.MonkeyPatch) -> None:
    n = _production_n()
    assert n >= 2**17 and keys.SCRYPT_R >= 8  # 128 MiB per guess
    monkeypatch.setattr(keys, "SCRYPT_N", n)
    material = keys.generate(keys.SignerInfo("Delorme", "Anne", "president", "Ucanss"), "demo-jury-2026")
    assert b"SCRYPT AES-GCM" in material.encrypted_key_pem and b"demo-jury" not in material.encrypted_key_pem
    start = time.perf_counter()
    keys.load_private_key(material.encrypted_key_pem, "demo-jury-2026")
    assert time.perf_counter() - start > 0.01  # really costly (timing itself: benchmarks/)
    with pytest.raises(keys.KeyProblem, match="Phrase secrète incorrecte"):
        keys.load_private_key(material.encrypted_key_pem, "demo-jury-2027")
    assert not keys.needs_reencryption(material.encrypted_key_pem)


def test_minimum_passphrase_is_longer_and_the_demo_one_still_fits() -> None:
    assert 12 <= keys.MIN_PASSPHRASE <= len("demo-jury-2026")
    with pytest.raises(keys.KeyProblem, match="au moins 12 caractères"):
        keys.generate(keys.SignerInfo("A", "B", "expert", "X"), "onze-caract")
    keys.generate(keys.SignerInfo("A", "B", "expert", "X"), "douze-caract")


def test_damaged_key_text_is_a_french_problem_not_a_traceback() -> None:
    material = keys.generate(keys.SignerInfo("A", "B", "expert", "X"), "douze-caract")
    broken = material.encrypted_key_pem.replace(material.encrypted_key_pem.splitlines()[1], b"AAAA")
    with pytest.raises(keys.KeyProblem):
        keys.load_private_key(broken, "douze-caract")


def test_a_key_stored_by_an_older_version_is_reencrypted_at_its_next_unlock(store: Store, referentiel: Referentiel) -> None:
    jury = make_epreuve(store, referentiel)
    avis_id = av.draft_avis(store, jury.epreuve_id, True)
    identity = store.signing_identity(jury.president_id)
    assert identity is not None
    key = keys.load_private_key(bytes(identity["encrypted_key_pem"]), PASSPHRASE)
    legacy = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                               serialization.BestAvailableEncryption(PASSPHRASE.encode()))
    with store.connection().atomic():  # as an earlier version stored it
        store.connection().execute("UPDATE signing_identities SET encrypted_key_pem = ? WHERE id = ?", [legacy, identity["id"]])
    assert keys.needs_reencryption(legacy)
    av.sign_avis(store, avis_id, jury.president_id, PASSPHRASE, tiny_png())
    stored = bytes(store.signing_identity(jury.president_id)["encrypted_key_pem"])  # type: ignore[index]
    assert stored.startswith(b"-----BEGIN CQP-DESKTOP SCRYPT") and not keys.needs_reencryption(stored)
    assert store.connection().execute("SELECT count(*) FROM audit WHERE action = 'signing_identity.reencrypt'").fetchone()[0] == 1
    assert keys.load_private_key(stored, PASSPHRASE).public_key().public_numbers() == key.public_key().public_numbers()
    assert verify_integrity(store) == []
