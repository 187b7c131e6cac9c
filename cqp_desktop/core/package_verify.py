"""Checking a session package on any machine: structure, hashes, signatures, and every result recomputed.

`verify_bytes()` never trusts what the package declares: it recomputes each épreuve's result from the
raw decision journal with the embedded référentiel (whose content must hash to the name the manifest
gives it), checks the président's signature over the manifest, every avis signature over its
canonical payload (core/avis.py format), and that the data agree with what was signed. Each problem
is one French sentence naming the file, épreuve or signature at fault; the verdict holds only when the
list is empty. Nothing here writes anything.
"""

from __future__ import annotations

import base64
import binascii
import io
import json
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cqp_desktop.core import keys
from cqp_desktop.core.avis import canonical_json as avis_payload_bytes
from cqp_desktop.core.package import (
    DATA_NAME,
    FORMAT_VERSION,
    MAGIC,
    MANIFEST_NAME,
    SIGNATURE_NAME,
    PackageError,
    decrypt,
    latest_decisions,
    load_decryption_key,
    looks_encrypted,
    result_data,
    schema_problems,
    sha256_hex,
)
from cqp_desktop.core.referentiel import Referentiel, ReferentielError, content_hash, from_data
from cqp_desktop.core.rules import evaluate

MAX_MEMBER_SIZE = 200 * 1024 * 1024  # a zip bomb is refused before it is inflated

# Given a PDF's bytes, the problems with its signatures (French), [] when valid.
PdfVerifier = Callable[[bytes], list[str]]


@dataclass
class Verdict:
    """What verification found. `ok` only when no problem at all was found."""

    source: str
    problems: list[str] = field(default_factory=list)
    encrypted: bool = False
    manifest: dict[str, Any] | None = None
    manifest_sha256: str = ""
    data: dict[str, Any] | None = None
    referentiels: dict[str, Referentiel] = field(default_factory=dict)
    recomputed: dict[int, dict[str, Any]] = field(default_factory=dict)  # épreuve id → result data
    checked_pdfs: int = 0
    checked_signatures: int = 0
    members: dict[str, bytes] = field(default_factory=dict, repr=False)

    @property
    def ok(self) -> bool:
        return not self.problems

    def report(self) -> str:
        if self.ok:
            assert self.manifest is not None and self.data is not None
            return "\n".join(
                [
                    f"Paquet « {self.source} » : VALIDE.",
                    f"  session {self.manifest['session']['label']} ({self.manifest['session']['uuid']}), "
                    f"révision {self.manifest['revision']}",
                    f"  {len(self.data['candidates'])} candidat(s), {len(self.data['epreuves'])} épreuve(s) : "
                    "résultats recalculés identiques",
                    f"  {self.checked_signatures} signature(s) d'avis et la signature du paquet vérifiées ; "
                    f"{self.checked_pdfs} PDF vérifié(s)",
                    f"  empreinte du manifeste {self.manifest_sha256}",
                ]
            )
        head = f"Paquet « {self.source} » : REFUSÉ"
        head += " (1 problème) :" if len(self.problems) == 1 else f" ({len(self.problems)} problèmes) :"
        return "\n".join([head, *(f"  - {p}" for p in self.problems)])


def _pdf_check(pdf: bytes) -> tuple[list[str], set[str]] | None:
    """One pyHanko validation: (problems in French, fingerprints of the signing certificates)."""
    try:
        from cqp_desktop.core import pdf_sign  # noqa: PLC0415
    except ImportError:
        return None
    try:
        checks = pdf_sign.check_pdf(pdf)
    except pdf_sign.PdfSignError as exc:
        return [str(exc)], set()
    if not checks:
        return ["le PDF ne porte aucune signature électronique"], set()
    return pdf_sign.signature_problems(checks), {c.fingerprint for c in checks}


def verify_file(
    path: Path | str,
    *,
    key_file: bytes | None = None,
    passphrase: str | None = None,
    certificate: bytes | None = None,
    pdf_verifier: PdfVerifier | None = None,
) -> Verdict:
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Verdict(str(path), [f"fichier « {path} » introuvable"])
    except IsADirectoryError:
        return Verdict(str(path), [f"« {path} » est un dossier, pas un paquet"])
    except OSError as exc:
        return Verdict(str(path), [f"fichier « {path} » illisible : {exc.strerror or exc}"])
    return verify_bytes(raw, source=str(path), key_file=key_file, passphrase=passphrase, certificate=certificate, pdf_verifier=pdf_verifier)


def verify_bytes(
    raw: bytes,
    *,
    source: str = "<paquet>",
    key_file: bytes | None = None,
    passphrase: str | None = None,
    certificate: bytes | None = None,
    pdf_verifier: PdfVerifier | None = None,
) -> Verdict:
    verdict = Verdict(source)
    if looks_encrypted(raw):
        verdict.encrypted = True
        if key_file is None:
            verdict.problems.append("paquet chiffré : indiquez la clé Ucanss (--key) pour l'ouvrir")
            return verdict
        try:
            key, cert = load_decryption_key(key_file, passphrase, certificate)
            raw = decrypt(raw, key, cert)
        except PackageError as exc:
            verdict.problems.append(str(exc))
            return verdict
    checker = _Checker(verdict, raw, pdf_verifier)
    checker.run()
    return verdict


class _Stop(Exception):
    """Nothing further can be checked (unreadable archive, unknown format)."""


class _Checker:
    def __init__(self, verdict: Verdict, raw: bytes, pdf_verifier: PdfVerifier | None):
        self.v = verdict
        self.raw = raw
        self.pdf_verifier = pdf_verifier
        self.members: dict[str, bytes] = {}

    def problem(self, message: str) -> None:
        self.v.problems.append(message)

    def run(self) -> None:
        try:
            self._read_archive()
            manifest = self._manifest()
            self._hashes(manifest)
            self._signature(manifest)
            data = self._data(manifest)
            self._referentiels(manifest, data)
            self._certificates()
            self._signer_is_president(manifest, data)
            self._epreuves(data)
        except _Stop:
            pass
        except (KeyError, TypeError, AttributeError, IndexError, ValueError):
            # Last line of defence: content the schema let through but the checks did not expect.
            self.problem("contenu du paquet d'une forme inattendue : vérification impossible, paquet refusé")

    # -- archive -----------------------------------------------------------------------------------

    def _read_archive(self) -> None:
        if not self.raw.startswith(b"PK\x03\x04"):
            self.problem("ce fichier n'est pas un paquet de session cqp-desktop (ni archive zip, ni paquet chiffré)")
            raise _Stop
        try:
            archive = zipfile.ZipFile(io.BytesIO(self.raw))
            infos = archive.infolist()
        except (zipfile.BadZipFile, EOFError, ValueError, OSError):
            self.problem("archive illisible : fichier tronqué ou endommagé (copie incomplète ?)")
            raise _Stop from None
        seen: dict[str, int] = {}
        for info in infos:
            seen[info.filename] = seen.get(info.filename, 0) + 1
        for name, count in sorted(seen.items()):
            if count > 1:
                self.problem(f"entrée « {name} » présente {count} fois dans l'archive : paquet falsifié")
        for info in infos:
            name = info.filename
            if name.startswith("/") or ".." in name.split("/") or "\\" in name:
                self.problem(f"entrée « {name} » : nom de fichier dangereux refusé")
                continue
            if info.file_size > MAX_MEMBER_SIZE:
                self.problem(f"entrée « {name} » : taille démesurée ({info.file_size} octets) refusée")
                continue
            try:
                with archive.open(info) as member:
                    content = member.read(MAX_MEMBER_SIZE + 1)  # the header's size may lie
                if len(content) > MAX_MEMBER_SIZE:
                    self.problem(f"entrée « {name} » : taille démesurée refusée")
                    continue
                self.members[name] = content
            except (zipfile.BadZipFile, EOFError, zlib.error, ValueError, OSError, NotImplementedError):
                self.problem("archive illisible : fichier tronqué ou endommagé (copie incomplète ?)")
                raise _Stop from None
        if any(c > 1 for c in seen.values()):
            raise _Stop
        self.v.members = self.members

    def _manifest(self) -> dict[str, Any]:
        raw = self.members.get(MANIFEST_NAME)
        if raw is None:
            self.problem("manifeste absent (manifest.json) : ce n'est pas un paquet de session cqp-desktop")
            raise _Stop
        try:
            manifest = json.loads(raw)
        except (UnicodeDecodeError, json.JSONDecodeError):
            self.problem("manifeste illisible (manifest.json n'est pas du JSON valide)")
            raise _Stop from None
        if not isinstance(manifest, dict) or manifest.get("magic") != MAGIC:
            self.problem(f"marque de format absente ou inconnue (« magic » attendu : {MAGIC}) : pas un paquet cqp-desktop")
            raise _Stop
        fmt = manifest.get("format")
        if isinstance(fmt, int) and not isinstance(fmt, bool) and fmt > FORMAT_VERSION:
            self.problem(
                f"format de paquet {fmt} trop récent : cette version lit le format {FORMAT_VERSION}, "
                "installez la dernière version de cqp-desktop"
            )
            raise _Stop
        problems = schema_problems("manifest", manifest)
        if problems:
            for p in problems:
                self.problem(f"manifeste non conforme : {p}")
            raise _Stop
        self.v.manifest = manifest
        self.v.manifest_sha256 = sha256_hex(raw)
        return manifest

    def _hashes(self, manifest: dict[str, Any]) -> None:
        declared: dict[str, dict[str, Any]] = {}
        for m in manifest["members"]:
            if m["path"] in declared or m["path"] in (MANIFEST_NAME, SIGNATURE_NAME):
                self.problem(f"manifeste : le fichier « {m['path']} » y est listé deux fois ou à tort")
            declared[m["path"]] = m
        for path, m in sorted(declared.items()):
            content = self.members.get(path)
            if content is None:
                self.problem(f"fichier « {path} » annoncé par le manifeste mais absent du paquet (supprimé)")
            elif sha256_hex(content) != m["sha256"] or len(content) != m["size"]:
                self.problem(f"fichier « {path} » modifié : son empreinte SHA-256 ne correspond pas au manifeste")
        for path in sorted(self.members):
            if path not in declared and path not in (MANIFEST_NAME, SIGNATURE_NAME):
                self.problem(f"fichier « {path} » ajouté : il ne figure pas dans le manifeste")

    def _signature(self, manifest: dict[str, Any]) -> None:
        signature = self.members.get(SIGNATURE_NAME)
        if signature is None:
            self.problem("signature du paquet absente (manifest.sig) : le paquet n'est pas signé par le président")
            return
        signer = manifest["signer"]
        pem = self.members.get(signer["certificate"])
        if pem is None:
            self.problem("certificat du signataire du paquet absent : signature invérifiable")
            return
        try:
            certificate = keys.load_certificate(pem)
        except keys.KeyProblem:
            self.problem(f"certificat du signataire « {signer['certificate']} » illisible")
            return
        if keys.fingerprint(certificate) != signer["fingerprint"]:
            self.problem("certificat du signataire du paquet : son empreinte n'est pas celle annoncée par le manifeste")
            return
        if not keys.verify(certificate, self.members[MANIFEST_NAME], signature):
            self.problem(
                "signature du manifeste invalide : le manifeste a été modifié après signature ou signé avec une autre clé"
            )

    def _data(self, manifest: dict[str, Any]) -> dict[str, Any]:
        raw = self.members.get(DATA_NAME)
        if raw is None:
            raise _Stop  # already reported as a missing member (or the manifest never listed it)
        try:
            data = json.loads(raw)
        except (UnicodeDecodeError, json.JSONDecodeError):
            self.problem("données illisibles (data.json n'est pas du JSON valide)")
            raise _Stop from None
        problems = schema_problems("data", data)
        if problems:
            for p in problems[:20]:
                self.problem(f"données non conformes au schéma du paquet (data.json) : {p}")
            raise _Stop
        if data["session"]["uuid"] != manifest["session"]["uuid"]:
            self.problem("data.json décrit une autre session que celle du manifeste")
        self.v.data = data
        return data

    def _referentiels(self, manifest: dict[str, Any], data: dict[str, Any]) -> None:
        for entry in manifest["referentiels"]:
            raw = self.members.get(entry["path"])
            if raw is None:
                continue  # reported by _hashes
            try:
                content = json.loads(raw)
            except (UnicodeDecodeError, json.JSONDecodeError):
                self.problem(f"référentiel « {entry['path']} » illisible (JSON invalide)")
                continue
            actual = content_hash(content)
            if actual != entry["hash"]:
                self.problem(
                    f"référentiel embarqué « {entry['path']} » : son contenu a l'empreinte {actual}, "
                    f"pas celle annoncée ({entry['hash']}) — référentiel substitué"
                )
                continue
            try:
                self.v.referentiels[entry["hash"]] = _referentiel(entry["hash"], content, entry["path"])
            except ReferentielError as exc:
                self.problem(f"référentiel embarqué invalide : {exc.report()}")
        for e in data["epreuves"]:
            h = e["referentiel"]["hash"]
            if h not in {r["hash"] for r in manifest["referentiels"]}:
                self.problem(f"épreuve n° {e['id']} : son référentiel ({h}) n'est pas dans le paquet")

    def _certificates(self) -> None:
        self.certificates: dict[str, Any] = {}
        for path, pem in sorted(self.members.items()):
            if not path.startswith("certificates/"):
                continue
            expected = path.removeprefix("certificates/").removesuffix(".pem")
            try:
                certificate = keys.load_certificate(pem)
            except keys.KeyProblem:
                self.problem(f"certificat « {path} » illisible")
                continue
            if keys.fingerprint(certificate) != expected:
                self.problem(f"certificat « {path} » remplacé : son empreinte ne correspond pas à son nom")
                continue
            self.certificates[expected] = certificate

    def _signer_is_president(self, manifest: dict[str, Any], data: dict[str, Any]) -> None:
        signer = manifest["signer"]
        presidents = {m["id"] for m in data["jury"] if m["role"] == "president"}
        president_certificates = {
            s["certificate"]
            for e in data["epreuves"]
            for a in e["avis"]
            for s in a["signatures"]
            if s["role"] == "president" and s["signer_id"] == signer["member_id"]
        }
        chairs = {e["president_id"] for e in data["epreuves"]}
        if (
            signer["member_id"] not in presidents
            or signer["member_id"] not in chairs
            or signer["fingerprint"] not in president_certificates
        ):
            self.problem(
                "paquet signé par une clé qui n'est pas celle d'un(e) président(e) du jury de la session "
                "(certificat différent de celui qui a signé les avis)"
            )

    # -- épreuves ----------------------------------------------------------------------------------

    def _epreuves(self, data: dict[str, Any]) -> None:
        candidates = {c["uuid"]: c for c in data["candidates"]}
        organismes = {o["id"]: o for o in data["organismes"]}
        seen_ids: set[int] = set()
        for e in data["epreuves"]:
            if e["id"] in seen_ids:
                self.problem(f"épreuve n° {e['id']} présente deux fois dans data.json")
            seen_ids.add(e["id"])
            candidate = candidates.get(e["candidate_uuid"])
            who = f"épreuve n° {e['id']} (bloc {e['bloc']})"
            if candidate is None:
                self.problem(f"{who} : candidat {e['candidate_uuid']} absent de la liste des candidats")
            else:
                who = f"épreuve n° {e['id']} ({candidate['first_name']} {candidate['last_name']}, bloc {e['bloc']})"
            recomputed = self._recompute(e, who)
            self._avis(e, who, candidate, organismes, recomputed)
            self._pdf(e, who)

    def _recompute(self, e: dict[str, Any], who: str) -> dict[str, Any] | None:
        referentiel = self.v.referentiels.get(e["referentiel"]["hash"])
        if referentiel is None:
            return None
        if e["bloc"] not in referentiel.blocs:
            self.problem(f"{who} : bloc inconnu du référentiel {referentiel.label}")
            return None
        known = {c.key for c in referentiel.bloc(e["bloc"]).criteria()}
        strangers = sorted({d["criterion"] for d in e["decisions"]} - known)
        if strangers:
            self.problem(f"{who} : décisions sur des critères étrangers au bloc ({', '.join(strangers)})")
        recomputed = result_data(evaluate(referentiel, e["bloc"], latest_decisions(e["decisions"])))
        self.v.recomputed[e["id"]] = recomputed
        if recomputed != e["result"]:
            def word(validated: bool) -> str:
                return "validé" if validated else "non validé"

            self.problem(
                f"{who} : résultat déclaré « bloc {word(e['result']['validated'])}, {e['result']['acquired']} "
                f"compétence(s) acquise(s) » mais le recalcul avec le référentiel donne « bloc "
                f"{word(recomputed['validated'])}, {recomputed['acquired']} compétence(s) acquise(s) »"
            )
        return recomputed

    def _avis(
        self,
        e: dict[str, Any],
        who: str,
        candidate: dict[str, Any] | None,
        organismes: dict[int, dict[str, Any]],
        recomputed: dict[str, Any] | None,
    ) -> None:
        versions = sorted(e["avis"], key=lambda a: a["version"])
        if [a["version"] for a in versions] != list(range(1, len(versions) + 1)):
            self.problem(f"{who} : versions de l'avis manquantes ou en double (version remplacée retirée ?)")
        for a in versions:
            label = f"{who}, avis version {a['version']}"
            payload = avis_payload_bytes(a["signed_payload"])
            digest = sha256_hex(payload)
            if not any(s["role"] == "president" for s in a["signatures"]):
                self.problem(f"{label} : signature du président absente")
            for s in a["signatures"]:
                role = "du président" if s["role"] == "president" else "de l'expert"
                expected = e["president_id"] if s["role"] == "president" else e["expert_id"]
                if s["signer_id"] != expected:
                    self.problem(f"{label} : signature {role} faite par un autre membre que celui désigné")
                if s["payload_hash"] != digest:
                    self.problem(f"{label} : les données signées {role} ne sont pas celles du paquet")
                    continue
                certificate = self.certificates.get(s["certificate"] or "")
                if certificate is None:
                    self.problem(f"{label} : certificat {role} absent ou invalide : signature invérifiable")
                    continue
                try:
                    signature = base64.b64decode(s["signature"], validate=True)
                except (binascii.Error, ValueError):
                    signature = b""
                if not keys.verify(certificate, payload, signature):
                    self.problem(f"{label} : signature {role} invalide (avis altéré ou clé étrangère)")
                else:
                    self.v.checked_signatures += 1
            self._agrees_with_signed(e, a, label, candidate, organismes, recomputed, in_force=a is versions[-1])

    def _agrees_with_signed(
        self,
        e: dict[str, Any],
        a: dict[str, Any],
        label: str,
        candidate: dict[str, Any] | None,
        organismes: dict[int, dict[str, Any]],
        recomputed: dict[str, Any] | None,
        in_force: bool = True,
    ) -> None:
        """The raw data in data.json must be exactly what the jury signed.

        A superseded version attests the candidate as they were named then (a later signed version
        may follow a corrected name): for it, only the candidate's identity is compared, not the name.
        """
        p = a["signed_payload"]
        pa, pe = _obj(p.get("avis")), _obj(p.get("epreuve"))
        fields = ("id", "version", "computed_validated", "jury_validated", "justification", "comments", "preconisations", "amendment_reason")
        changed = [f for f in fields if pa.get(f) != a.get(f)]
        if changed:
            self.problem(f"{label} : contenu de l'avis différent de celui signé ({', '.join(changed)})")
        if pe.get("id") != e["id"] or pe.get("bloc") != e["bloc"] or pe.get("certification") != e["certification"]:
            self.problem(f"{label} : l'avis signé porte sur une autre épreuve")
        if _obj(pe.get("referentiel")).get("hash") != e["referentiel"]["hash"]:
            self.problem(f"{label} : le référentiel signé n'est pas celui déclaré pour l'épreuve")
        if candidate is not None:
            signed = _obj(pe.get("candidate"))
            organisme = organismes.get(candidate["organisme_id"], {})
            names_differ = signed.get("last_name") != candidate["last_name"] or signed.get("first_name") != candidate["first_name"]
            if (
                signed.get("id") != candidate["id"]
                or (in_force and names_differ)
                or _obj(signed.get("organisme")).get("code") != organisme.get("code")
            ):
                self.problem(f"{label} : l'avis a été signé pour un autre candidat")
        journal = p.get("decision_journal")
        if journal != e["decisions"]:
            first = _first_difference(journal or [], e["decisions"])
            self.problem(f"{label} : décisions différentes de celles signées par le jury (décision n° {first})")
        if p.get("timer_events") != e["timer_events"]:
            first = _first_difference(p.get("timer_events") or [], e["timer_events"])
            self.problem(f"{label} : chronométrage différent de celui signé par le jury (événement n° {first})")
        if p.get("notes") != e["notes"]:
            first = _first_difference(p.get("notes") or [], e["notes"])
            self.problem(f"{label} : notes différentes de celles signées par le jury (note n° {first})")
        if recomputed is not None:
            if _obj(_obj(p.get("result")).get("bloc")).get("validated") != recomputed["validated"]:
                self.problem(f"{label} : le résultat signé ne correspond pas au recalcul des décisions")
            if a["computed_validated"] != recomputed["validated"]:
                self.problem(f"{label} : le résultat calculé inscrit dans l'avis ne correspond pas au recalcul")

    def _pdf(self, e: dict[str, Any], who: str) -> None:
        pdf = e["pdf"]
        if pdf is None:
            return
        content = self.members.get(pdf["path"])
        if content is None:
            return  # reported by _hashes (or never listed: reported as added/missing there)
        if sha256_hex(content) != pdf["sha256"]:
            self.problem(f"{who} : le PDF « {pdf['path']} » n'est pas celui de cette épreuve (PDF échangé)")
            return
        if self.pdf_verifier is not None:
            problems, signers = self.pdf_verifier(content), None
        else:
            checked = _pdf_check(content)
            if checked is None:
                return
            problems, signers = checked
        for p in problems:
            self.problem(f"{who} : PDF signé « {pdf['path']} » : {p}")
        self.v.checked_pdfs += 1
        jury = {s["certificate"] for a in e["avis"] for s in a["signatures"]}
        if signers and not signers & jury:
            self.problem(f"{who} : le PDF « {pdf['path']} » est signé par un certificat étranger au jury de l'épreuve")


_REFERENTIELS: dict[str, Referentiel] = {}


def _referentiel(content_hash_: str, content: Any, where: str) -> Referentiel:
    """Validated référentiels by content hash (checked just before): Ucanss sees the same few again and again."""
    if content_hash_ not in _REFERENTIELS:
        if len(_REFERENTIELS) > 32:
            _REFERENTIELS.clear()
        _REFERENTIELS[content_hash_] = from_data(content, where)
    return _REFERENTIELS[content_hash_]


def _obj(value: Any) -> dict[str, Any]:
    """A signed payload part as a mapping, or empty: a forged payload must give a problem, not a crash."""
    return value if isinstance(value, dict) else {}


def _first_difference(signed: Any, declared: list[dict[str, Any]]) -> Any:
    signed = signed if isinstance(signed, list) else []
    for a, b in zip(signed, declared):
        if a != b:
            return _obj(b).get("id", "?")
    longer = signed if len(signed) > len(declared) else declared
    return _obj(longer[min(len(signed), len(declared))]).get("id", "?") if longer else "?"
