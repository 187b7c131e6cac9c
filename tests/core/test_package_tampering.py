"""Each way of tampering with a session package is refused, and named by its own French message.

A forger who edits a member usually also recomputes the manifest hashes (but cannot re-sign as the
président): each case below does what such a forger would do, and the verdict must name the specific
fault — not only "signature invalide".
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest

from cqp_desktop.core.exchange import keys
from cqp_desktop.core.exchange.package_format import DATA_NAME, MANIFEST_NAME, SIGNATURE_NAME
from cqp_desktop.core.exchange.package_verify import verify_bytes
from cqp_desktop.core.model.referentiel import canonical_data, load_default
from cqp_desktop.core.site.package_export import build_package
from cqp_desktop.core.storage.store import Store
from cqp_desktop.resources import default_referentiel_path
from tests.conftest import FakeWallClock
from tests.core.package_fixtures import PASSPHRASE, SignedSession, signed_session
from tests.core.package_helpers import edit_json, members_of, refresh_manifest, resign, rezip, zip_with_duplicate
from tests.trust_helpers import anchors


@dataclass
class Built:
    store: Store
    session: SignedSession
    archive: bytes

    def president_key(self) -> keys.PrivateKey:
        return self._key(self.session.president_id)

    def intruder_key(self) -> keys.PrivateKey:
        return self._key(self.session.intruder_id)

    def _key(self, member: int) -> keys.PrivateKey:
        return keys.load_private_key(bytes(self.store.signing_identity(member)["encrypted_key_pem"]), PASSPHRASE)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    store = Store.open(tmp_path_factory.mktemp("site") / "db.sqlite3", wall_clock=FakeWallClock())
    store.register_referentiel(canonical_data(default_referentiel_path()), activate=True)
    session = signed_session(store, load_default(), candidates=2)
    archive, _ = build_package(store, session.session_id, session.president_id, PASSPHRASE)
    yield Built(store, session, archive)
    store.close()


def _first_epreuve(data: dict) -> dict:
    return data["epreuves"][0]


# -- the tamperings: each takes the members (and the fixture) and returns the forged bytes -----------


def changed_decision(m: dict, b: Built) -> bytes:
    edit_json(m, DATA_NAME, lambda d: _first_epreuve(d)["decisions"][0].update(decision="non_valide"))
    refresh_manifest(m)
    return rezip(m)


def removed_file(m: dict, b: Built) -> bytes:
    del m[next(p for p in m if p.startswith("referentiels/"))]
    return rezip(m)


def added_file(m: dict, b: Built) -> bytes:
    m["pdf/epreuve-999.pdf"] = b"%PDF-1.4 faux"
    return rezip(m)


def swapped_pdf(m: dict, b: Built) -> bytes:
    first, second = (f"pdf/epreuve-{i}.pdf" for i in b.session.epreuve_ids[:2])
    m[first], m[second] = m[second], m[first]
    refresh_manifest(m)
    return rezip(m)


def resigned_by_another_key(m: dict, b: Built) -> bytes:
    intruder_pem = bytes(b.store.signing_identity(b.session.intruder_id)["certificate_pem"])
    fp = keys.fingerprint(keys.load_certificate(intruder_pem))
    m[f"certificates/{fp}.pem"] = intruder_pem

    def change(manifest: dict) -> None:
        manifest["signer"] = {"member_id": b.session.president_id, "fingerprint": fp, "certificate": f"certificates/{fp}.pem"}

    refresh_manifest(m, change)
    resign(m, b.intruder_key())
    return rezip(m)


def edited_manifest(m: dict, b: Built) -> bytes:
    edit_json(m, MANIFEST_NAME, lambda man: man.update(revision=man["revision"] + 100))
    return rezip(m)


def wrong_referentiel(m: dict, b: Built) -> bytes:
    path = next(p for p in m if p.startswith("referentiels/"))
    edit_json(m, path, lambda r: r["thresholds"].update(competence_percent=50))
    refresh_manifest(m)
    return rezip(m)


def changed_declared_result(m: dict, b: Built) -> bytes:
    def change(d: dict) -> None:
        failing = next(e for e in d["epreuves"] if not e["result"]["validated"])
        failing["result"]["validated"] = True

    edit_json(m, DATA_NAME, change)
    refresh_manifest(m)
    return rezip(m)


def changed_timer_event(m: dict, b: Built) -> bytes:
    edit_json(m, DATA_NAME, lambda d: _first_epreuve(d)["timer_events"][1].update(elapsed_ms=60_000))
    refresh_manifest(m)
    return rezip(m)


def truncated_zip(m: dict, b: Built) -> bytes:
    return b.archive[: len(b.archive) * 2 // 3]


def wrong_magic(m: dict, b: Built) -> bytes:
    edit_json(m, MANIFEST_NAME, lambda man: man.update(magic="autre-logiciel/paquet"))
    return rezip(m)


def future_format(m: dict, b: Built) -> bytes:
    edit_json(m, MANIFEST_NAME, lambda man: man.update(format=3))
    resign(m, b.president_key())
    return rezip(m)


def duplicated_entry(m: dict, b: Built) -> bytes:
    forged = dict(m)
    edit_json(forged, DATA_NAME, lambda d: _first_epreuve(d)["decisions"][0].update(decision="valide"))
    return zip_with_duplicate(m, DATA_NAME, forged[DATA_NAME])


def certificate_swapped(m: dict, b: Built) -> bytes:
    president_pem = bytes(b.store.signing_identity(b.session.president_id)["certificate_pem"])
    path = f"certificates/{keys.fingerprint(keys.load_certificate(president_pem))}.pem"
    m[path] = bytes(b.store.signing_identity(b.session.intruder_id)["certificate_pem"])
    refresh_manifest(m)
    return rezip(m)


def signature_removed(m: dict, b: Built) -> bytes:
    del m[SIGNATURE_NAME]
    return rezip(m)


def changed_preconisations(m: dict, b: Built) -> bytes:
    edit_json(m, DATA_NAME, lambda d: _first_epreuve(d)["avis"][0].update(preconisations="Aucune"))
    refresh_manifest(m)
    return rezip(m)


def other_candidate(m: dict, b: Built) -> bytes:
    def change(d: dict) -> None:
        d["epreuves"][0]["candidate_uuid"] = d["candidates"][1]["uuid"]

    edit_json(m, DATA_NAME, change)
    refresh_manifest(m)
    return rezip(m)


def changed_note(m: dict, b: Built) -> bytes:
    edit_json(m, DATA_NAME, lambda d: _first_epreuve(d)["notes"][0].update(text="Excellent en tout point."))
    refresh_manifest(m)
    return rezip(m)


def forged_avis_payload(m: dict, b: Built) -> bytes:
    """Data and signed payload edited together, payload hash recomputed: the ECDSA signature no longer fits."""

    def change(d: dict) -> None:
        a = _first_epreuve(d)["avis"][0]
        a["justification"] = "Ajout"
        a["signed_payload"]["avis"]["justification"] = "Ajout"
        from cqp_desktop.core.common.canonical import canonical_json
        from cqp_desktop.core.exchange.package_format import sha256_hex

        for s in a["signatures"]:
            s["payload_hash"] = sha256_hex(canonical_json(a["signed_payload"]))

    edit_json(m, DATA_NAME, change)
    refresh_manifest(m)
    return rezip(m)


def schema_violation(m: dict, b: Built) -> bytes:
    edit_json(m, DATA_NAME, lambda d: _first_epreuve(d).update(bonus_points=3))
    refresh_manifest(m)
    return rezip(m)


def pdf_signed_by_a_stranger(m: dict, b: Built) -> bytes:
    from cqp_desktop.core.exchange import pdf_sign
    from tests.core.package_helpers import tiny_pdf

    epreuve = b.session.epreuve_ids[0]
    forged = pdf_sign.sign_pdf_as(b.store, b.session.intruder_id, PASSPHRASE, tiny_pdf("Bloc validé"))
    m[f"pdf/epreuve-{epreuve}.pdf"] = forged
    from cqp_desktop.core.exchange.package_format import sha256_hex

    edit_json(m, DATA_NAME, lambda d: _first_epreuve(d)["pdf"].update(sha256=sha256_hex(forged)))
    refresh_manifest(m)
    return rezip(m)


def not_a_package(m: dict, b: Built) -> bytes:
    return b"%PDF-1.7 ceci est un PDF renomme en .cqpkg"


CASES: list[tuple[str, Callable[[dict, Built], bytes], str]] = [
    ("décision modifiée", changed_decision, "décisions différentes de celles signées par le jury"),
    ("fichier supprimé", removed_file, "annoncé par le manifeste mais absent du paquet (supprimé)"),
    ("fichier ajouté", added_file, "ajouté : il ne figure pas dans le manifeste"),
    ("PDF échangé", swapped_pdf, "n'est pas celui de cette épreuve (PDF échangé)"),
    ("re-signé par une autre clé", resigned_by_another_key, "signature du paquet : le certificat désigne Olivier FERRAND"),
    ("manifeste modifié", edited_manifest, "signature du manifeste invalide : le manifeste a été modifié après signature"),
    ("mauvaise empreinte de référentiel", wrong_referentiel, "référentiel substitué"),
    ("résultat déclaré modifié", changed_declared_result, "mais le recalcul avec le référentiel donne"),
    ("chronométrage modifié", changed_timer_event, "chronométrage différent de celui signé par le jury"),
    ("zip tronqué", truncated_zip, "archive illisible : fichier tronqué ou endommagé"),
    ("mauvaise marque", wrong_magic, "marque de format absente ou inconnue"),
    ("format futur", future_format, "format de paquet 3 trop récent"),
    ("entrée en double", duplicated_entry, "présente 2 fois dans l'archive"),
    ("certificat échangé", certificate_swapped, "remplacé : son empreinte ne correspond pas à son nom"),
    ("signature du paquet retirée", signature_removed, "signature du paquet absente (manifest.sig)"),
    ("préconisations modifiées", changed_preconisations, "contenu de l'avis différent de celui signé (preconisations)"),
    ("épreuve attribuée à un autre candidat", other_candidate, "l'avis a été signé pour un autre candidat"),
    ("note modifiée", changed_note, "notes différentes de celles signées par le jury"),
    ("avis et empreinte refaits", forged_avis_payload, "signature du président invalide (avis altéré ou clé étrangère)"),
    ("champ inconnu", schema_violation, "données non conformes au schéma du paquet"),
    ("PDF signé par un étranger", pdf_signed_by_a_stranger, "est signé par Olivier FERRAND, qui n'est pas le/la président(e)"),
    ("pas un paquet", not_a_package, "ni archive zip, ni paquet chiffré"),
]


def test_the_untouched_package_verifies(built: Built) -> None:
    verdict = verify_bytes(built.archive, trust=anchors())
    assert verdict.ok, verdict.problems
    assert verdict.checked_pdfs == len(built.session.epreuve_ids)
    assert verdict.checked_signatures == 2 * len(built.session.epreuve_ids)  # président + expert


def test_every_tampering_has_its_own_message() -> None:
    messages = [expected for _, _, expected in CASES]
    assert len(CASES) >= 15 and len(set(messages)) == len(messages)
    for i, a in enumerate(messages):
        assert not any(a in b for j, b in enumerate(messages) if j != i)


@pytest.mark.parametrize(("name", "tamper", "expected"), CASES, ids=[c[0] for c in CASES])
def test_tampering_is_refused_with_its_french_message(
    built: Built, name: str, tamper: Callable[[dict, Built], bytes], expected: str
) -> None:
    forged = tamper(members_of(built.archive), built)
    verdict = verify_bytes(forged, trust=anchors())
    assert not verdict.ok
    assert any(expected in p for p in verdict.problems), verdict.problems
    assert "REFUSÉ" in verdict.report()


def test_an_oversized_member_is_refused_before_it_is_inflated(built: Built, monkeypatch: pytest.MonkeyPatch) -> None:
    from cqp_desktop.core.exchange import package_verify

    members = members_of(built.archive)
    monkeypatch.setattr(package_verify, "MAX_MEMBER_SIZES", {"pdf/": max(len(c) for c in members.values())})
    members["pdf/bombe.pdf"] = b"\0" * 5_000_000  # compresses to a few kilobytes
    verdict = verify_bytes(rezip(members), trust=anchors())
    oversized = [p for p in verdict.problems if "taille démesurée" in p]
    assert len(oversized) == 1 and oversized[0].startswith("entrée « pdf/bombe.pdf » : taille démesurée")

