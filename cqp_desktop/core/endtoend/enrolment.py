"""The whole enrolment round trip when the Ucanss authority and the site sit on one machine. Qt-free.

In real use the request travels from the site to the Ucanss and the certificate back (files on a
USB stick or by mail). The demo (`cqp-desktop demo`, `--demo`) and the tests play both sides at once
with a freshly created authority — never a key shipped in the repository.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from cqp_desktop.core.site import site_trust
from cqp_desktop.core.storage.store import Store
from cqp_desktop.core.ucanss import authority

if TYPE_CHECKING:
    from sqlite_utils import Database


class LocalAuthority:
    """An authority in `db` (created if absent) that can enrol members of a site store directly."""

    def __init__(self, db: Database, passphrase: str) -> None:
        self.db = db
        self.passphrase = passphrase
        if not authority.exists(db):
            authority.init(db, passphrase)
        self._bundle: bytes | None = None

    @classmethod
    def in_folder(cls, folder: Path, passphrase: str) -> LocalAuthority:
        from cqp_desktop.core.ucanss.national import DB_FILENAME, open_national

        folder.mkdir(parents=True, exist_ok=True)
        return cls(open_national(folder / DB_FILENAME), passphrase)

    def root(self) -> Any:
        return authority.root_certificate(self.db)

    def publish_referentiel(self, content: dict) -> None:  # type: ignore[type-arg]
        authority.publish_referentiel(self.db, content)
        self._bundle = None

    def bundle(self) -> bytes:
        if self._bundle is None:
            self._bundle = authority.bundle(self.db, self.passphrase)
        return self._bundle

    def revoke(self, certificate_pem: bytes, reason: str) -> None:
        authority.revoke(self.db, certificate_pem, reason, self.passphrase)
        self._bundle = None

    def trust(self, store: Store) -> None:
        """Install (or refresh) this authority's trust file on the site."""
        site_trust.install_bundle(store, self.bundle(), "autorité locale")

    def enrol(self, store: Store, member_id: int, member_passphrase: str, *, role: str | None = None, days: int | None = None) -> bytes:
        """Request, certify and install the member's certificate; return it (PEM)."""
        request = site_trust.request_certificate(store, member_id, member_passphrase)
        if days is not None:
            issued = authority.certify(self.db, request, self.passphrase, role=role, days=days)
        else:
            issued = authority.certify(self.db, request, self.passphrase, role=role)
        site_trust.install_certificate(store, issued.pem, "autorité locale")
        return issued.pem
