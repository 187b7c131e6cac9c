"""Checking a session package on any machine: structure, hashes, signatures, and every result recomputed.

`verify_bytes()` never trusts what the package declares: it recomputes each épreuve's result from the
raw decision journal with the embedded référentiel (whose content must hash to the name the manifest
gives it), checks the président's signature over the manifest, every avis signature over its
canonical payload (core/site/avis.py format), and that the data agree with what was signed. Each problem
is one French sentence naming the file, épreuve or signature at fault; the verdict holds only when the
list is empty. Nothing here writes anything.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import io
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cqp_desktop.core.common.canonical import canonical_json as avis_payload_bytes
from cqp_desktop.core.common.canonical import parse_json
from cqp_desktop.core.exchange import keys, trust
from cqp_desktop.core.exchange.package_format import (
    DATA_NAME,
    FORMAT_VERSION,
    MAGIC,
    MANIFEST_NAME,
    SIGNATURE_NAME,
    PackageError,
    content_revision,
    decrypt,
    latest_decisions,
    load_decryption_key,
    looks_encrypted,
    result_data,
    schema_problems,
    sha256_hex,
)
from cqp_desktop.core.model.kinds import Role
from cqp_desktop.core.model.referentiel import Referentiel, ReferentielError, content_hash, from_data
from cqp_desktop.core.model.rules import evaluate

# Bounds on what is inflated (a zip bomb is refused before it is read): per kind of member and in all.
MAX_TOTAL_SIZE = 96 * 1024 * 1024
MAX_MEMBER_SIZES = {"pdf/": 12 * 1024 * 1024, "certificates/": 64 * 1024, "referentiels/": 4 * 1024 * 1024}
MAX_DATA_SIZE = 48 * 1024 * 1024


def _member_limit(name: str) -> int:
    for prefix, limit in MAX_MEMBER_SIZES.items():
        if name.startswith(prefix):
            return limit
    return MAX_DATA_SIZE if name == DATA_NAME else 1024 * 1024

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
    signers: dict[str, list[str]] = field(default_factory=dict)  # certificate description → parts it signed

    def signed(self, signer: trust.CertifiedSigner, part: str) -> None:
        self.signers.setdefault(signer.describe(), []).append(part)

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
                    f"{self.checked_pdfs} PDF vérifié(s) ; chaque signataire certifié par l'Ucanss",
                    f"  empreinte du manifeste {self.manifest_sha256}",
                    "  Signataires (tous certifiés par l'autorité Ucanss) :",
                    *(f"    - {who} : {', '.join(parts)}" for who, parts in self.signers.items()),
                ]
            )
        head = f"Paquet « {self.source} » : REFUSÉ"
        head += " (1 problème) :" if len(self.problems) == 1 else f" ({len(self.problems)} problèmes) :"
        return "\n".join([head, *(f"  - {p}" for p in self.problems)])


def verify_file(
    path: Path | str,
    *,
    trust: trust.TrustAnchors,
    key_file: bytes | None = None,
    passphrase: str | None = None,
    certificate: bytes | None = None,
    pdf_verifier: PdfVerifier | None = None,
) -> Verdict:
    from cqp_desktop.core.common import input_files

    path = Path(path)
    try:
        if path.exists() and path.stat().st_size > MAX_TOTAL_SIZE:
            return Verdict(str(path), [f"fichier « {path} » démesuré ({path.stat().st_size} octets) : ce n'est pas un paquet"])
        raw = input_files.read_bytes(path, "package", "Paquet")
    except input_files.InputError as exc:
        return Verdict(str(path), [str(exc)])
    except FileNotFoundError:
        return Verdict(str(path), [f"fichier « {path} » introuvable"])
    except IsADirectoryError:
        return Verdict(str(path), [f"« {path} » est un dossier, pas un paquet"])
    except OSError as exc:
        return Verdict(str(path), [f"fichier « {path} » illisible : {exc.strerror or exc}"])
    return verify_bytes(
        raw, source=str(path), trust=trust, key_file=key_file, passphrase=passphrase, certificate=certificate, pdf_verifier=pdf_verifier
    )


def verify_bytes(
    raw: bytes,
    *,
    trust: trust.TrustAnchors,
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
    checker = _Checker(verdict, raw, pdf_verifier, trust)
    checker.run()
    return verdict


class _Stop(Exception):
    """Nothing further can be checked (unreadable archive, unknown format)."""


class _Checker:
    def __init__(self, verdict: Verdict, raw: bytes, pdf_verifier: PdfVerifier | None, anchors: trust.TrustAnchors):
        self.v = verdict
        self.raw = raw
        self.pdf_verifier = pdf_verifier
        self.trust = anchors
        self.members: dict[str, bytes] = {}
        self.manifest_certificate: Any = None

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
            self._revision(manifest, data)
            self._prevalidate(data)
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
        if len(infos) > 4096 or sum(i.file_size for i in infos) > MAX_TOTAL_SIZE:
            self.problem("archive démesurée (trop d'entrées ou contenu décompressé trop volumineux) : refusée")
            raise _Stop
        total = 0
        for info in infos:
            name = info.filename
            if name.startswith("/") or ".." in name.split("/") or "\\" in name:
                self.problem(f"entrée « {name} » : nom de fichier dangereux refusé")
                continue
            limit = _member_limit(name)
            if info.file_size > limit:
                self.problem(f"entrée « {name} » : taille démesurée ({info.file_size} octets) refusée")
                continue
            try:
                with archive.open(info) as member:
                    content = member.read(limit + 1)  # the header's size may lie
                total += len(content)
                if len(content) > limit or total > MAX_TOTAL_SIZE:
                    self.problem(f"entrée « {name} » : taille démesurée refusée")
                    raise _Stop
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
            manifest = parse_json(raw)
        except ValueError:
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
        if isinstance(fmt, int) and not isinstance(fmt, bool) and fmt < FORMAT_VERSION:
            self.problem(
                f"paquet au format {fmt}, antérieur à l'autorité de certification Ucanss : ses signatures ne sont "
                "rattachées à aucune autorité ; ré-exportez la session avec la version actuelle"
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
            return
        self.manifest_certificate = certificate

    def _data(self, manifest: dict[str, Any]) -> dict[str, Any]:
        raw = self.members.get(DATA_NAME)
        if raw is None:
            raise _Stop  # already reported as a missing member (or the manifest never listed it)
        try:
            data: dict[str, Any] = parse_json(raw)
        except ValueError:
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
                content, actual = _referentiel_member(raw)
            except ValueError:
                self.problem(f"référentiel « {entry['path']} » illisible (JSON invalide)")
                continue
            if actual != entry["hash"]:
                self.problem(
                    f"référentiel embarqué « {entry['path']} » : son contenu a l'empreinte {actual}, "
                    f"pas celle annoncée ({entry['hash']}) — référentiel substitué"
                )
                continue
            if entry["hash"] not in self.trust.referentiels:
                self.problem(
                    f"référentiel embarqué « {entry['id']} {entry['version']} » ({entry['hash'][:23]}…) : "
                    "l'Ucanss ne l'a pas publié — référentiel refusé"
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

    def _revision(self, manifest: dict[str, Any], data: dict[str, Any]) -> None:
        counted = content_revision(data)
        if manifest["revision"] != counted:
            self.problem(
                f"révision déclarée {manifest['revision']} mais le contenu du paquet en compte {counted} : "
                "révision falsifiée (elle se déduit des journaux signés)"
            )

    def _prevalidate(self, data: dict[str, Any]) -> None:
        """Validate each certificate once for all its signatures (see TrustAnchors.check_all)."""
        uses = []
        for e in data["epreuves"]:
            for a in e["avis"]:
                for s in a["signatures"]:
                    certificate = self.certificates.get(s["certificate"] or "")
                    if certificate is not None:
                        uses.append((certificate, trust.parse_moment(s["signed_at"]), s["role"]))
        self.trust.check_all(uses)

    def _trusted(self, certificate: Any, moment: Any, role: str, label: str) -> trust.CertifiedSigner | None:
        try:
            return self.trust.check(certificate, moment, role)
        except trust.TrustProblem as exc:
            self.problem(f"{label} : {exc}")
            return None

    def _signer_is_president(self, manifest: dict[str, Any], data: dict[str, Any]) -> None:
        signer = manifest["signer"]
        jury = {m["id"]: m for m in data["jury"]}
        member = jury.get(signer["member_id"])
        chairs = {e["president_id"] for e in data["epreuves"]}
        if member is None or member["role"] != Role.PRESIDENT or signer["member_id"] not in chairs:
            self.problem("paquet signé au nom d'un membre qui ne préside aucune épreuve de la session")
            return
        if self.manifest_certificate is None:
            return  # reported by _signature
        # The package is signed after its last avis: its signer's certificate is checked at that moment.
        moments = [trust.parse_moment(a["signed_at"]) for e in data["epreuves"] for a in e["avis"]]
        moment = max((m for m in moments if m is not None), default=None)
        certified = self._trusted(self.manifest_certificate, moment, "president", "signature du paquet")
        if certified is None:
            return
        if certified.member_uuid != member["uuid"]:
            self.problem(
                f"signature du paquet : le certificat désigne {certified.name} ({certified.member_uuid}), "
                f"pas le/la président(e) {member['first_name']} {member['last_name']} annoncé(e) par le manifeste"
            )
            return
        self.v.signed(certified, "paquet (manifeste)")

    # -- épreuves ----------------------------------------------------------------------------------

    def _epreuves(self, data: dict[str, Any]) -> None:
        self.jury = {m["id"]: m for m in data["jury"]}
        self.session = data["session"]
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
            self._double_marking(e, who)
            self._conditions(e, who)
            self._avis(e, who, candidate, organismes, recomputed)
            self._pdf(e, who)

    def _recompute(self, e: dict[str, Any], who: str) -> dict[str, Any] | None:
        referentiel = self.v.referentiels.get(e["referentiel"]["hash"])
        if referentiel is None:
            return None
        if e["bloc"] not in referentiel.blocs:
            self.problem(f"{who} : bloc inconnu du référentiel {referentiel.label}")
            return None
        strangers = sorted({d["criterion"] for d in e["decisions"]}.difference(referentiel.bloc(e["bloc"]).criterion_keys))
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

    def _double_marking(self, e: dict[str, Any], who: str) -> None:
        """A double-marked épreuve: its finals must be the reconciliation of the two markings, by the
        épreuve's own président and expert, with the agreement recomputed (core/model/reconciliation.py)."""
        from cqp_desktop.core.model.reconciliation import package_problems

        marking = e.get("double_marking")
        referentiel = self.v.referentiels.get(e["referentiel"]["hash"])
        if marking is None or referentiel is None or e["bloc"] not in referentiel.blocs:
            return
        ids = [m.get("member_id") for m in marking["markers"]]
        if ids != [e["president_id"], e["expert_id"]]:
            self.problem(f"{who} : double correction : les notations ne sont pas celles du/de la président(e) et de l'expert(e) de l'épreuve")
        criteria = list(referentiel.bloc(e["bloc"]).criterion_keys)
        for problem in package_problems(marking, criteria, latest_decisions(e["decisions"])):
            self.problem(f"{who} : {problem}")

    def _conditions(self, e: dict[str, Any], who: str) -> None:
        """The letter's épreuve conditions (MDR ≥ 2 competences, GRU 2–5 courriers, VAE 1–2 situations), re-checked
        on what the package carries: a jury cannot have signed an épreuve that did not meet them."""
        from cqp_desktop.core.model.epreuve_conditions import conditions_problems, count_in, presented_in, situations_in

        referentiel = self.v.referentiels.get(e["referentiel"]["hash"])
        if referentiel is None or e["bloc"] not in referentiel.blocs:
            return
        bloc = referentiel.bloc(e["bloc"])
        for problem in conditions_problems(
            referentiel,
            bloc,
            e["route"],
            presented=presented_in(e["presented_competences"]),
            counts={p.code: count_in(e["timer_events"], p.code) for p in bloc.phases if p.count is not None},
            situations=situations_in(e["vae_situations"]),
        ):
            self.problem(f"{who} : condition de l'épreuve non remplie — {problem}")

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
        previous: str | None = None
        for a in versions:
            label = f"{who}, avis version {a['version']}"
            payload = avis_payload_bytes(a["signed_payload"])
            digest = sha256_hex(payload)
            supersedes = _obj(_obj(a["signed_payload"].get("avis")).get("supersedes"))
            if previous is not None and supersedes.get("payload_hash") != previous:
                self.problem(f"{label} : ne remplace pas la version précédente du paquet (chaîne des versions rompue)")
            previous = digest
            if not any(s["role"] == Role.PRESIDENT for s in a["signatures"]):
                self.problem(f"{label} : signature du président absente")
            roles = [s["role"] for s in a["signatures"]]
            if len(roles) != len(set(roles)):
                self.problem(f"{label} : deux signatures pour le même rôle")
            for s in a["signatures"]:
                role = "du président" if s["role"] == Role.PRESIDENT else "de l'expert"
                expected = e["president_id"] if s["role"] == Role.PRESIDENT else e["expert_id"]
                if s["signer_id"] != expected:
                    self.problem(f"{label} : signature {role} faite par un autre membre que celui désigné")
                    continue
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
                    continue
                certified = self._trusted(certificate, trust.parse_moment(s["signed_at"]), s["role"], f"{label}, signature {role}")
                if certified is None:
                    continue
                member = self.jury.get(s["signer_id"])
                if member is None or certified.member_uuid != member["uuid"]:
                    self.problem(
                        f"{label} : signature {role} faite avec le certificat de {certified.name}, "
                        "qui n'est pas le membre du jury désigné pour cette épreuve"
                    )
                    continue
                if (certified.last_name, certified.first_name) != (member["last_name"], member["first_name"]):
                    self.problem(f"{label} : le certificat {role} ne porte pas le nom du membre du jury ({certified.name})")
                    continue
                self.v.checked_signatures += 1
                self.v.signed(certified, f"{'avis' if s['role'] == 'president' else 'contreseing'} épreuve n° {e['id']} v{a['version']}")
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
        if in_force:
            self._covers_epreuve(e, pe, label, candidate, organismes)
        if _obj(pe.get("referentiel")).get("hash") != e["referentiel"]["hash"]:
            self.problem(f"{label} : le référentiel signé n'est pas celui déclaré pour l'épreuve")
        if candidate is not None:
            signed = _obj(pe.get("candidate"))
            organisme = organismes.get(candidate["organisme_id"], {})
            names_differ = signed.get("last_name") != candidate["last_name"] or signed.get("first_name") != candidate["first_name"]
            if (
                signed.get("id") != candidate["id"]
                or signed.get("uuid") != candidate["uuid"]
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
        for key, what in (("presented_competences", "compétences abordées (MDR)"), ("vae_situations", "situations du livret 2")):
            if p.get(key) != e[key]:
                self.problem(f"{label} : {what} différentes de celles signées par le jury")
        if p.get("double_marking") != e.get("double_marking"):
            self.problem(f"{label} : double correction (notations des deux membres, conciliation) différente de celle signée par le jury")
        if p.get("notes") != e["notes"]:
            first = _first_difference(p.get("notes") or [], e["notes"])
            self.problem(f"{label} : notes différentes de celles signées par le jury (note n° {first})")
        if recomputed is not None:
            if _obj(_obj(p.get("result")).get("bloc")).get("validated") != recomputed["validated"]:
                self.problem(f"{label} : le résultat signé ne correspond pas au recalcul des décisions")
            if a["computed_validated"] != recomputed["validated"]:
                self.problem(f"{label} : le résultat calculé inscrit dans l'avis ne correspond pas au recalcul")

    def _covers_epreuve(
        self,
        e: dict[str, Any],
        pe: dict[str, Any],
        label: str,
        candidate: dict[str, Any] | None,
        organismes: dict[int, dict[str, Any]],
    ) -> None:
        """Everything the Ucanss relies on must be what this épreuve's jury signed (avis in force)."""
        changed = [f for f in ("route", "mode", "alternative", "planned_date") if pe.get(f) != e.get(f)]
        session = _obj(pe.get("session"))
        changed += [f"session.{f}" for f in ("uuid", "label", "month", "site") if session.get(f) != self.session.get(f)]
        for role, member_id in (("president", e["president_id"]), ("expert", e["expert_id"])):
            signed = _obj(pe.get(role))
            member = self.jury.get(member_id) if member_id is not None else None
            if member is None:
                if member_id is not None or signed:
                    changed.append(role)
                continue
            organisme = organismes.get(member["organisme_id"], {})
            fields = ("id", "uuid", "last_name", "first_name", "role", "branche", "jury_training_date")
            changed += [f"{role}.{f}" for f in fields if signed.get(f) != member.get(f)]
            if signed.get("organisme") != organisme.get("name"):
                changed.append(f"{role}.organisme")
        if candidate is not None:
            signed_candidate = _obj(pe.get("candidate"))
            candidate_fields = ("cqp", "route", "pass_premss", "pass_premss_date", "pass_premss_attested_by", "person_id")
            changed += [f"candidat.{f}" for f in candidate_fields if signed_candidate.get(f) != candidate.get(f)]
            organisme = organismes.get(candidate["organisme_id"], {})
            signed_org = _obj(signed_candidate.get("organisme"))
            changed += [
                f"candidat.organisme.{f}" for f in ("code", "name", "branche") if signed_org.get(f) != organisme.get(f)
            ]
        if changed:
            self.problem(f"{label} : données du paquet différentes de celles signées par le jury ({', '.join(changed)})")

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
            for p in self.pdf_verifier(content):
                self.problem(f"{who} : PDF signé « {pdf['path']} » : {p}")
            self.v.checked_pdfs += 1
            return
        from cqp_desktop.core.exchange import pdf_sign

        try:
            checks = pdf_sign.check_pdf(content, anchors=self.trust)
        except pdf_sign.PdfSignError as exc:
            self.problem(f"{who} : PDF signé « {pdf['path']} » : {exc}")
            return
        if not checks:
            self.problem(f"{who} : PDF « {pdf['path']} » : le PDF ne porte aucune signature électronique")
            return
        for p in pdf_sign.signature_problems(checks):
            self.problem(f"{who} : PDF signé « {pdf['path']} » : {p}")
        self.v.checked_pdfs += 1
        current = max(e["avis"], key=lambda a: a["version"]) if e["avis"] else None
        expected = {"president": e["president_id"]}
        if current is not None and any(s["role"] == Role.EXPERT for s in current["signatures"]):
            expected["expert"] = e["expert_id"]
        found: dict[str, Any] = {}
        for c in checks:
            info = c.signer_info
            if info is None:
                continue  # untrusted: already reported
            member = self.jury.get(expected.get(info.role, -1))
            if member is None or info.member_uuid != member["uuid"]:
                self.problem(
                    f"{who} : le PDF « {pdf['path']} » est signé par {info.name}, qui n'est pas "
                    f"{'le/la président(e)' if info.role == 'president' else 'l’expert(e)'} de cette épreuve"
                )
                continue
            found[info.role] = info
        for role in expected:
            if role not in found and not any(c.signer_info is None for c in checks):
                self.problem(
                    f"{who} : le PDF « {pdf['path']} » n'a pas la signature "
                    f"{'du/de la président(e)' if role == 'president' else 'de l’expert(e) (contreseing)'} de l'épreuve"
                )
        for _role, info in sorted(found.items()):
            self.v.signed(info, f"PDF épreuve n° {e['id']}")


_REFERENTIELS: dict[str, Referentiel] = {}


_MEMBER_HASHES: dict[bytes, tuple[Any, str]] = {}


def _referentiel_member(raw: bytes) -> tuple[Any, str]:
    """An embedded référentiel's content and content hash, remembered by its exact bytes: every package of a
    national import embeds the same few, and hashing one means re-serialising all of it. ValueError if not JSON."""
    key = hashlib.sha256(raw).digest()
    if key not in _MEMBER_HASHES:
        if len(_MEMBER_HASHES) > 32:
            _MEMBER_HASHES.clear()
        content = parse_json(raw)
        _MEMBER_HASHES[key] = (content, content_hash(content))
    return _MEMBER_HASHES[key]


def embedded_referentiel(raw: bytes, where: str) -> Referentiel:
    """An embedded référentiel already verified (its hash checked) elsewhere, e.g. by a worker process of the
    national import: read back from its bytes, from the same caches."""
    content, content_hash_ = _referentiel_member(raw)
    return _referentiel(content_hash_, content, where)


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
