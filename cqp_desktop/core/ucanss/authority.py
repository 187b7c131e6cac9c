"""The Ucanss's jury certification authority, kept in the national base. Qt-free.

The Ucanss is the root of trust: its root key (passphrase-protected, never leaving the national base)
certifies each jury member's key for one role (président or expert) after checking who they are,
revokes certificates, and publishes what the sites need — a trust bundle holding the root certificate,
the revocation list and the référentiels the Ucanss published, the whole signed by the root. A service
key, certified by the same root for the role "ucanss", signs the acknowledgments sent back to the sites.

Every certificate issued or revoked is recorded (append-only), so the revocation list is rebuilt from
the base at each publication and each verification on the Ucanss side uses the current one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from sqlite_utils import Database

from cqp_desktop.core.exchange import keys, trust

ROOT_NAME = "Ucanss - Autorité de certification des jurys CQP"
ROOT_YEARS = 12
MEMBER_DAYS = 3 * 365
SERVICE_DAYS = 5 * 365
REVOCATION_REASONS = {
    "compromission": x509.ReasonFlags.key_compromise,
    "depart": x509.ReasonFlags.cessation_of_operation,
    "remplacement": x509.ReasonFlags.superseded,
    "changement": x509.ReasonFlags.affiliation_changed,
}
REASON_LABELS = {
    "compromission": "clé compromise (toutes ses signatures deviennent invalides)",
    "depart": "fin de fonction (signatures antérieures valides)",
    "remplacement": "remplacé par un nouveau certificat (signatures antérieures valides)",
    "changement": "changement d'organisme (signatures antérieures valides)",
}


class AuthorityError(Exception):
    """An authority action refused; the message is French."""


def migrate(db: Database) -> None:
    """Tables of the authority (called from the national migrations, step 0003)."""
    db.executescript(
        """
        CREATE TABLE authority (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            certificate_pem TEXT NOT NULL,
            encrypted_key_pem BLOB NOT NULL,
            service_certificate_pem TEXT NOT NULL,
            service_encrypted_key_pem BLOB NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE TABLE issued_certificates (
            serial TEXT PRIMARY KEY,
            fingerprint TEXT NOT NULL UNIQUE,
            role TEXT NOT NULL,
            member_uuid TEXT,
            name TEXT NOT NULL,
            organisme TEXT NOT NULL,
            not_before TEXT NOT NULL,
            not_after TEXT NOT NULL,
            certificate_pem TEXT NOT NULL,
            issued_at TEXT NOT NULL
        );
        CREATE INDEX issued_certificates_member ON issued_certificates(member_uuid);
        CREATE TABLE revocations (
            serial TEXT PRIMARY KEY REFERENCES issued_certificates(serial),
            reason TEXT NOT NULL,
            revoked_at TEXT NOT NULL
        );
        CREATE TABLE crls (
            number INTEGER PRIMARY KEY,
            crl_pem TEXT NOT NULL,
            issued_at TEXT NOT NULL
        );
        CREATE TABLE published_referentiels (
            hash TEXT PRIMARY KEY,
            ref_id TEXT NOT NULL,
            version TEXT NOT NULL,
            published_at TEXT NOT NULL
        );
        """
    )
    for table in ("authority", "issued_certificates", "revocations", "crls", "published_referentiels"):
        db.execute(
            f"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, 'autorité : modification interdite'); END;"
        )
        db.execute(
            f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, 'autorité : suppression interdite'); END;"
        )


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _iso(moment: dt.datetime) -> str:
    return moment.isoformat(timespec="seconds")


def exists(db: Database) -> bool:
    return "authority" in db.table_names() and db["authority"].count > 0


def _row(db: Database) -> dict[str, Any]:
    rows = list(db.query("SELECT * FROM authority WHERE id = 1")) if "authority" in db.table_names() else []
    if not rows:
        raise AuthorityError(
            "aucune autorité de certification dans cette base Ucanss : créez-la d'abord (cqp-desktop authority init)."
        )
    return rows[0]


def root_certificate(db: Database) -> x509.Certificate:
    return keys.load_certificate(_row(db)["certificate_pem"].encode("ascii"))


def _extensions(builder: x509.CertificateBuilder, issuer_key: Any, subject_key: Any, *, ca: bool) -> x509.CertificateBuilder:
    builder = builder.add_extension(x509.BasicConstraints(ca=ca, path_length=0 if ca else None), critical=True)
    builder = builder.add_extension(keys.key_usage(ca=ca), critical=True)
    builder = builder.add_extension(x509.SubjectKeyIdentifier.from_public_key(subject_key), critical=False)
    if not ca:
        builder = builder.add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key), critical=False)
    return builder


def init(db: Database, passphrase: str, *, now: Callable[[], dt.datetime] = _now, name: str = ROOT_NAME) -> x509.Certificate:
    """Create the root (and the acknowledgment service key); refused when one exists already."""
    if exists(db):
        raise AuthorityError("cette base Ucanss a déjà son autorité de certification : elle ne se recrée pas.")
    moment = now()
    root_key = ec.generate_private_key(ec.SECP384R1())
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, name),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Ucanss"),
            x509.NameAttribute(NameOID.COUNTRY_NAME, "FR"),
        ]
    )
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(root_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(moment - dt.timedelta(minutes=5))
        .not_valid_after(moment + dt.timedelta(days=365 * ROOT_YEARS))
    )
    root = _extensions(builder, root_key.public_key(), root_key.public_key(), ca=True).sign(root_key, hashes.SHA384())
    service_key = ec.generate_private_key(ec.SECP256R1())
    info = keys.SignerInfo("Ucanss", "Service", "ucanss", "Ucanss")
    service = _issue(root, root_key, keys.subject_for(info, None), service_key.public_key(), "ucanss", moment, SERVICE_DAYS)
    with db.atomic():
        db.execute(
            "INSERT INTO authority (id, certificate_pem, encrypted_key_pem, service_certificate_pem, "
            "service_encrypted_key_pem, created_at) VALUES (1, ?, ?, ?, ?, ?)",
            [
                trust.pem(root).decode("ascii"),
                keys.encrypt_key(root_key, passphrase),
                trust.pem(service).decode("ascii"),
                keys.encrypt_key(service_key, passphrase),
                _iso(moment),
            ],
        )
        _record(db, service, moment)
        _issue_crl(db, root_key, moment)
    return root


def _issue(
    root: x509.Certificate,
    root_key: Any,
    subject: x509.Name,
    public_key: Any,
    role: str,
    moment: dt.datetime,
    days: int,
) -> x509.Certificate:
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(root.subject)
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(moment - dt.timedelta(minutes=5))
        .not_valid_after(min(moment + dt.timedelta(days=days), root.not_valid_after_utc))
        .add_extension(x509.CertificatePolicies([x509.PolicyInformation(trust.ROLE_OIDS[role], None)]), critical=False)
    )
    return _extensions(builder, root_key.public_key(), public_key, ca=False).sign(root_key, hashes.SHA384())


def _record(db: Database, certificate: x509.Certificate, moment: dt.datetime) -> None:
    who = trust.describe_certificate(certificate)
    db.execute(
        "INSERT INTO issued_certificates (serial, fingerprint, role, member_uuid, name, organisme, not_before, not_after, "
        "certificate_pem, issued_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
        [
            f"{certificate.serial_number:x}",
            who.fingerprint,
            who.role,
            who.member_uuid,
            keys.subject_name(certificate),
            who.organisme,
            _iso(certificate.not_valid_before_utc),
            _iso(certificate.not_valid_after_utc),
            trust.pem(certificate).decode("ascii"),
            _iso(moment),
        ],
    )


def _root_key(db: Database, passphrase: str) -> Any:
    try:
        return keys.load_private_key(_row(db)["encrypted_key_pem"], passphrase)
    except keys.KeyProblem:
        raise AuthorityError("phrase secrète de l'autorité incorrecte : rien n'a été signé.") from None


def service_identity(db: Database, passphrase: str) -> tuple[Any, x509.Certificate]:
    """The acknowledgment key and its certificate (role "ucanss")."""
    row = _row(db)
    try:
        key = keys.load_private_key(row["service_encrypted_key_pem"], passphrase)
    except keys.KeyProblem:
        raise AuthorityError("phrase secrète de la clé de service Ucanss incorrecte : accusés non signés.") from None
    return key, keys.load_certificate(row["service_certificate_pem"].encode("ascii"))


@dataclass(frozen=True)
class Issued:
    certificate: x509.Certificate
    signer: trust.CertifiedSigner

    @property
    def pem(self) -> bytes:
        return trust.pem(self.certificate)


def certify(
    db: Database,
    request_pem: bytes,
    passphrase: str,
    *,
    role: str | None = None,
    days: int = MEMBER_DAYS,
    now: Callable[[], dt.datetime] = _now,
) -> Issued:
    """Certify a jury member's request for a role (the request's title unless `role` says otherwise).

    The request must name the member (surname, given name, organisme) and carry their stable identifier.
    """
    try:
        request = keys.load_request(request_pem)
    except keys.KeyProblem as exc:
        raise AuthorityError(str(exc)) from None
    subject = request.subject
    titles = {v: k for k, v in {"president": "Président du jury", "expert": "Expert métier"}.items()}
    asked = titles.get(_first(subject, NameOID.TITLE))
    role = role or asked
    if role not in ("president", "expert"):
        raise AuthorityError("rôle à certifier inconnu : indiquez --role president ou --role expert.")
    missing = [
        label
        for oid, label in (
            (NameOID.SURNAME, "nom"),
            (NameOID.GIVEN_NAME, "prénom"),
            (NameOID.ORGANIZATION_NAME, "organisme"),
            (NameOID.USER_ID, "identifiant du membre du jury"),
        )
        if not _first(subject, oid)
    ]
    if missing:
        raise AuthorityError(f"demande incomplète : {', '.join(missing)} absent(s) : refusée.")
    if not 1 <= days <= 5 * 365:
        raise AuthorityError("durée de validité hors limites (1 à 1825 jours).")
    root = root_certificate(db)
    root_key = _root_key(db, passphrase)
    info = keys.SignerInfo(
        _first(subject, NameOID.SURNAME),
        _first(subject, NameOID.GIVEN_NAME),
        role,
        _first(subject, NameOID.ORGANIZATION_NAME),
        _first(subject, NameOID.ORGANIZATIONAL_UNIT_NAME).removeprefix("Branche ") or None,
    )
    moment = now()
    certificate = _issue(
        root, root_key, keys.subject_for(info, _first(subject, NameOID.USER_ID)), request.public_key(), role, moment, days
    )
    with db.atomic():
        _record(db, certificate, moment)
    return Issued(certificate, trust.describe_certificate(certificate))


def _first(name: x509.Name, oid: x509.ObjectIdentifier) -> str:
    values = name.get_attributes_for_oid(oid)
    return str(values[0].value) if values else ""


def revoke(
    db: Database, what: str | bytes, reason: str, passphrase: str, *, now: Callable[[], dt.datetime] = _now
) -> trust.CertifiedSigner:
    """Revoke a certificate given as PEM bytes or its serial number (hex); a new signed CRL is in force."""
    if reason not in REVOCATION_REASONS:
        raise AuthorityError(f"motif de révocation inconnu « {reason} » : {', '.join(REVOCATION_REASONS)}.")
    if isinstance(what, bytes):
        try:
            serial = f"{keys.load_certificate(what).serial_number:x}"
        except keys.KeyProblem as exc:
            raise AuthorityError(str(exc)) from None
    else:
        serial = what.lower().removeprefix("0x")
    row = db.execute("SELECT certificate_pem FROM issued_certificates WHERE serial = ?", [serial]).fetchone()
    if row is None:
        raise AuthorityError(f"certificat n° {serial} inconnu de cette autorité.")
    certificate = keys.load_certificate(row[0].encode("ascii"))
    if db.execute("SELECT 1 FROM revocations WHERE serial = ?", [serial]).fetchone() is None:
        root_key = _root_key(db, passphrase)
        moment = now()
        with db.atomic():
            db.execute("INSERT INTO revocations (serial, reason, revoked_at) VALUES (?,?,?)", [serial, reason, _iso(moment)])
            _issue_crl(db, root_key, moment)
    return trust.describe_certificate(certificate)


def _issue_crl(db: Database, root_key: Any, moment: dt.datetime) -> x509.CertificateRevocationList:
    """Sign the revocation list as the base holds it now, and keep it (the newest is the one in force)."""
    root = root_certificate(db)
    number = (db.execute("SELECT max(number) FROM crls").fetchone()[0] or 0) + 1
    builder = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(root.subject)
        .last_update(moment - dt.timedelta(minutes=5))
        .next_update(moment + dt.timedelta(days=30))
        .add_extension(x509.CRLNumber(number), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(root_key.public_key()), critical=False)
    )
    for serial, reason, revoked_at in db.execute("SELECT serial, reason, revoked_at FROM revocations ORDER BY serial"):
        builder = builder.add_revoked_certificate(
            x509.RevokedCertificateBuilder()
            .serial_number(int(serial, 16))
            .revocation_date(dt.datetime.fromisoformat(revoked_at))
            .add_extension(x509.CRLReason(REVOCATION_REASONS[reason]), critical=False)
            .build()
        )
    signed = builder.sign(root_key, hashes.SHA384())
    db.execute(
        "INSERT INTO crls (number, crl_pem, issued_at) VALUES (?,?,?)",
        [number, signed.public_bytes(serialization.Encoding.PEM).decode("ascii"), _iso(moment)],
    )
    return signed


def current_crl(db: Database) -> x509.CertificateRevocationList:
    row = db.execute("SELECT crl_pem FROM crls ORDER BY number DESC LIMIT 1").fetchone()
    if row is None:
        raise AuthorityError("liste de révocation absente de la base Ucanss.")
    return x509.load_pem_x509_crl(row[0].encode("ascii"))


def publish_referentiel(db: Database, content: dict[str, Any], *, now: Callable[[], dt.datetime] = _now) -> dict[str, str]:
    """Declare a référentiel (by content hash) as one the Ucanss published: packages may use it."""
    from cqp_desktop.core.model.referentiel import content_hash
    from cqp_desktop.core.model.referentiel_check import check_data

    report = check_data(content, "référentiel publié")  # a departure from the letter must be declared
    if not report.ok:
        raise AuthorityError(report.error().report())
    referentiel = report.referentiel
    entry = {"hash": content_hash(content), "id": referentiel.id, "version": referentiel.version}
    _row(db)
    with db.atomic():
        db.execute(
            "INSERT OR IGNORE INTO published_referentiels (hash, ref_id, version, published_at) VALUES (?,?,?,?)",
            [entry["hash"], entry["id"], entry["version"], _iso(now())],
        )
    return entry


def published_referentiels(db: Database) -> list[dict[str, str]]:
    if "published_referentiels" not in db.table_names():
        return []
    return [
        {"hash": r[0], "id": r[1], "version": r[2]}
        for r in db.execute("SELECT hash, ref_id, version FROM published_referentiels ORDER BY hash")
    ]


def bundle(db: Database, passphrase: str, *, now: Callable[[], dt.datetime] = _now) -> bytes:
    """The trust file for the sites: root, current CRL, published référentiels, signed by the root."""
    root = root_certificate(db)
    root_key = _root_key(db, passphrase)
    moment = now()
    with db.atomic():
        revocation_list = _issue_crl(db, root_key, moment)
    body = trust.bundle_body(root, revocation_list, published_referentiels(db), _iso(moment))
    return trust.bundle_file(body, keys.sign(root_key, trust.canonical(body)))


def anchors(db: Database) -> trust.TrustAnchors:
    """What the Ucanss side trusts: its own root, its latest revocation list, its published référentiels."""
    if not exists(db):
        return trust.TrustAnchors()
    return trust.TrustAnchors(
        roots=[root_certificate(db)],
        crls=[current_crl(db)],
        referentiels={r["hash"]: {"id": r["id"], "version": r["version"]} for r in published_referentiels(db)},
    )


def listing(db: Database) -> list[dict[str, Any]]:
    """Every certificate issued, with its revocation if any (for `authority list`)."""
    return [
        dict(r)
        for r in db.query(
            "SELECT i.serial, i.role, i.name, i.organisme, i.member_uuid, i.not_after, r.reason, r.revoked_at "
            "FROM issued_certificates i LEFT JOIN revocations r ON r.serial = i.serial ORDER BY i.issued_at, i.serial"
        )
    ]


