"""Jury members' signing identities: an EC P-256 key made on this machine, or an imported PKCS#12.

The private key never rests in clear: it is stored encrypted with the member's passphrase (scrypt + AES-GCM, `_encrypt`).
The certificate is self-signed unless imported; it names the member, role, organisme and branche so
that a package verified months later still says who signed. EC P-256 signs ~4× faster than RSA-2048
with pyHanko here, and verifies everywhere (openssl, poppler, pyHanko).
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import os
from dataclasses import dataclass

from cryptography import x509
from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from cqp_desktop.core.common.formats import person_name
from cqp_desktop.core.model.kinds import Role

PrivateKey = ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey

MIN_PASSPHRASE = 12

# Private keys at rest (see `_encrypt`): scrypt (memory-hard, 128 MiB at N = 2**17) then AES-256-GCM.
# The parameters travel with each key, so a key keeps opening if they are raised later.
SCRYPT_N = 2**17
SCRYPT_R = 8
SCRYPT_P = 1
_PEM_LABEL = b"CQP-DESKTOP SCRYPT AES-GCM PRIVATE KEY"


class KeyProblem(Exception):
    """A key problem the user can fix (wrong passphrase, unreadable file); the message is French."""


@dataclass(frozen=True)
class SignerInfo:
    """What a certificate says about its holder."""

    last_name: str
    first_name: str
    role: str  # "president" | "expert"
    organisme: str
    branche: str | None = None

    @property
    def common_name(self) -> str:
        return person_name(self.first_name, self.last_name)


@dataclass(frozen=True)
class KeyMaterial:
    encrypted_key_pem: bytes  # PKCS#8, encrypted with the passphrase
    certificate_pem: bytes


def generate(info: SignerInfo, passphrase: str, *, valid_days: int = 5 * 365, now: dt.datetime | None = None) -> KeyMaterial:
    """Make a new P-256 key and a self-signed certificate naming the member."""
    _check_passphrase(passphrase)
    key = ec.generate_private_key(ec.SECP256R1())
    now = now or dt.datetime.now(dt.UTC)
    attributes = [
        x509.NameAttribute(NameOID.COMMON_NAME, info.common_name),
        x509.NameAttribute(NameOID.SURNAME, info.last_name),
        x509.NameAttribute(NameOID.GIVEN_NAME, info.first_name),
        x509.NameAttribute(NameOID.TITLE, "Président du jury" if info.role == Role.PRESIDENT else "Expert métier"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, info.organisme),
        x509.NameAttribute(NameOID.COUNTRY_NAME, "FR"),
    ]
    if info.branche:
        attributes.append(x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, f"Branche {info.branche}"))
    name = x509.Name(attributes)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=valid_days))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(key_usage(ca=False), critical=True)
        .sign(key, hashes.SHA256())
    )
    return KeyMaterial(
        encrypted_key_pem=_encrypt(key, passphrase),
        certificate_pem=certificate.public_bytes(serialization.Encoding.PEM),
    )


def key_usage(*, ca: bool) -> x509.KeyUsage:
    """What a certificate's key may do: a signer's signs documents and commits to them (non-repudiation);
    an authority's signs certificates and revocation lists. Nothing else, ever (no encryption)."""
    return x509.KeyUsage(
        digital_signature=not ca,
        content_commitment=not ca,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=ca,
        crl_sign=ca,
        encipher_only=False,
        decipher_only=False,
    )


def import_pkcs12(data: bytes, passphrase: str, new_passphrase: str | None = None) -> KeyMaterial:
    """Take an existing certificate (.p12/.pfx) and re-store its key under the member's passphrase."""
    try:
        key, certificate, _chain = pkcs12.load_key_and_certificates(data, passphrase.encode("utf-8") or None)
    except ValueError:
        raise KeyProblem("Certificat PKCS#12 illisible : mot de passe incorrect ou fichier endommagé.") from None
    if key is None or certificate is None:
        raise KeyProblem("Le fichier PKCS#12 ne contient pas de clé privée et de certificat.")
    if not isinstance(key, (ec.EllipticCurvePrivateKey, rsa.RSAPrivateKey)):
        raise KeyProblem("Type de clé non pris en charge (clés EC ou RSA uniquement).")
    target = new_passphrase if new_passphrase is not None else passphrase
    _check_passphrase(target)
    return KeyMaterial(_encrypt(key, target), certificate.public_bytes(serialization.Encoding.PEM))


def load_private_key(encrypted_key_pem: bytes, passphrase: str) -> PrivateKey:
    """Open a stored key: scrypt + AES-GCM (this version), or PKCS#8 as earlier versions stored it."""
    try:
        if encrypted_key_pem.lstrip().startswith(b"-----BEGIN " + _PEM_LABEL):
            key = serialization.load_der_private_key(_scrypt_open(encrypted_key_pem, passphrase), None)
        else:
            key = serialization.load_pem_private_key(encrypted_key_pem, passphrase.encode("utf-8"))
    except (ValueError, TypeError, KeyError, InvalidTag):
        raise KeyProblem("Phrase secrète incorrecte : la clé de signature n'a pas pu être ouverte.") from None
    if not isinstance(key, (ec.EllipticCurvePrivateKey, rsa.RSAPrivateKey)):
        raise KeyProblem("Type de clé non pris en charge (clés EC ou RSA uniquement).")
    return key


def load_certificate(pem_or_der: bytes) -> x509.Certificate:
    try:
        if pem_or_der.lstrip().startswith(b"-----BEGIN"):
            return x509.load_pem_x509_certificate(pem_or_der)
        return x509.load_der_x509_certificate(pem_or_der)
    except ValueError:
        raise KeyProblem("Certificat illisible.") from None


def sign(key: PrivateKey, data: bytes) -> bytes:
    """A detached signature (ECDSA-SHA256 DER, or RSA PKCS#1 v1.5 SHA-256)."""
    if isinstance(key, ec.EllipticCurvePrivateKey):
        return key.sign(data, ec.ECDSA(hashes.SHA256()))
    return key.sign(data, padding.PKCS1v15(), hashes.SHA256())


def verify(certificate: x509.Certificate, data: bytes, signature: bytes) -> bool:
    public = certificate.public_key()
    try:
        if isinstance(public, ec.EllipticCurvePublicKey):
            public.verify(signature, data, ec.ECDSA(hashes.SHA256()))
        elif isinstance(public, rsa.RSAPublicKey):
            public.verify(signature, data, padding.PKCS1v15(), hashes.SHA256())
        else:
            return False
    except InvalidSignature:
        return False
    return True


def issued_by(certificate: x509.Certificate, issuer: x509.Certificate) -> bool:
    """True when `issuer`'s key signed `certificate` (names and signature; no trust decision)."""
    try:
        certificate.verify_directly_issued_by(issuer)
    except (ValueError, TypeError, InvalidSignature):
        return False
    return True


@dataclass(frozen=True)
class CertificateRequest:
    """A key made on this machine waiting for the Ucanss's certificate: the key stays here, encrypted."""

    encrypted_key_pem: bytes
    request_pem: bytes


def subject_for(info: SignerInfo, member_uuid: str | None) -> x509.Name:
    """The subject a jury member's certificate carries: names, role title, organisme, stable identifier."""
    titles = {"president": "Président du jury", "expert": "Expert métier"}
    attributes = [
        x509.NameAttribute(NameOID.COMMON_NAME, info.common_name),
        x509.NameAttribute(NameOID.SURNAME, info.last_name),
        x509.NameAttribute(NameOID.GIVEN_NAME, info.first_name),
        x509.NameAttribute(NameOID.TITLE, titles.get(info.role, info.role)),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, info.organisme),
        x509.NameAttribute(NameOID.COUNTRY_NAME, "FR"),
    ]
    if info.branche:
        attributes.append(x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, f"Branche {info.branche}"))
    if member_uuid:
        attributes.append(x509.NameAttribute(NameOID.USER_ID, member_uuid))
    return x509.Name(attributes)


def make_request(info: SignerInfo, member_uuid: str, passphrase: str) -> CertificateRequest:
    """A new P-256 key and a PKCS#10 request naming the member, to send to the Ucanss for certification."""
    _check_passphrase(passphrase)
    key = ec.generate_private_key(ec.SECP256R1())
    request = (
        x509.CertificateSigningRequestBuilder()
        .subject_name(subject_for(info, member_uuid))
        .sign(key, hashes.SHA256())
    )
    return CertificateRequest(_encrypt(key, passphrase), request.public_bytes(serialization.Encoding.PEM))


def load_request(pem_or_der: bytes) -> x509.CertificateSigningRequest:
    try:
        if pem_or_der.lstrip().startswith(b"-----BEGIN"):
            request = x509.load_pem_x509_csr(pem_or_der)
        else:
            request = x509.load_der_x509_csr(pem_or_der)
    except ValueError:
        raise KeyProblem("Demande de certificat illisible.") from None
    if not request.is_signature_valid:
        raise KeyProblem("Demande de certificat invalide : sa signature ne correspond pas à sa clé.")
    return request


def same_public_key(a: x509.Certificate | x509.CertificateSigningRequest, b: x509.Certificate | x509.CertificateSigningRequest) -> bool:
    def raw(item: x509.Certificate | x509.CertificateSigningRequest) -> bytes:
        return item.public_key().public_bytes(
            serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
        )

    return raw(a) == raw(b)


_FINGERPRINTS: dict[int, tuple[x509.Certificate, str]] = {}


def fingerprint(certificate: x509.Certificate) -> str:
    """SHA-256 of the DER certificate, hex: how packages and the database name a signer's certificate.

    Remembered per certificate object (a package's few certificates are named dozens of times by the trust
    checks); the entry holds the object, so its id cannot be reused while remembered."""
    known = _FINGERPRINTS.get(id(certificate))
    if known is not None and known[0] is certificate:
        return known[1]
    if len(_FINGERPRINTS) > 256:
        _FINGERPRINTS.clear()
    value = certificate.fingerprint(hashes.SHA256()).hex()
    _FINGERPRINTS[id(certificate)] = (certificate, value)
    return value


def subject_name(certificate: x509.Certificate) -> str:
    names = certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    return str(names[0].value) if names else certificate.subject.rfc4514_string()


def encrypt_key(key: PrivateKey, passphrase: str) -> bytes:
    """The key as it rests on disk: encrypted with the passphrase (checked for length first)."""
    _check_passphrase(passphrase)
    return _encrypt(key, passphrase)


def _encrypt(key: PrivateKey, passphrase: str) -> bytes:
    """The key at rest: PKCS#8 DER sealed with AES-256-GCM under a scrypt key (PKCS#8's own PBKDF2 here
    ran 2,048 iterations: a copied backup was cheap to attack)."""
    salt, nonce = os.urandom(16), os.urandom(12)
    secret = _scrypt(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    plain = key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    header = {"kdf": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P, "salt": salt.hex(), "nonce": nonce.hex()}
    aad = json.dumps(header, sort_keys=True).encode()
    body = json.dumps({**header, "ct": base64.b64encode(AESGCM(secret).encrypt(nonce, plain, aad)).decode()},
                      sort_keys=True).encode()
    text = base64.encodebytes(body).replace(b"\n", b"")
    lines = b"\n".join(text[i : i + 64] for i in range(0, len(text), 64))
    return b"-----BEGIN " + _PEM_LABEL + b"-----\n" + lines + b"\n-----END " + _PEM_LABEL + b"-----\n"


def _scrypt_open(pem: bytes, passphrase: str) -> bytes:
    inner = b"".join(line.strip() for line in pem.strip().splitlines()[1:-1])
    body = json.loads(base64.b64decode(inner, validate=True))
    header = {k: body[k] for k in ("kdf", "n", "r", "p", "salt", "nonce")}
    if header["kdf"] != "scrypt" or not (2**10 <= int(header["n"]) <= 2**22) or int(header["r"]) > 32 or int(header["p"]) > 16:
        raise ValueError("unsupported key parameters")
    secret = _scrypt(passphrase, bytes.fromhex(header["salt"]), int(header["n"]), int(header["r"]), int(header["p"]))
    aad = json.dumps(header, sort_keys=True).encode()
    return AESGCM(secret).decrypt(bytes.fromhex(header["nonce"]), base64.b64decode(body["ct"]), aad)


def _scrypt(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))


def reencrypt(key: PrivateKey, passphrase: str) -> bytes:
    """The key stored again with this version's encryption (see `needs_reencryption`)."""
    return _encrypt(key, passphrase)


def needs_reencryption(encrypted_key_pem: bytes) -> bool:
    """A key stored by an earlier version (PKCS#8, 2,048 PBKDF2 iterations) or with a lower scrypt cost:
    re-encrypt it at its next unlock, while the passphrase is at hand."""
    if not encrypted_key_pem.lstrip().startswith(b"-----BEGIN " + _PEM_LABEL):
        return True
    try:
        inner = b"".join(line.strip() for line in encrypted_key_pem.strip().splitlines()[1:-1])
        return int(json.loads(base64.b64decode(inner))["n"]) < SCRYPT_N
    except (ValueError, KeyError, TypeError):
        return False


def _check_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise KeyProblem(
            f"Phrase secrète trop courte : au moins {MIN_PASSPHRASE} caractères (par exemple trois ou quatre mots)."
        )
