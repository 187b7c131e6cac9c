"""One Ucanss authority per test process, made fresh (never a key from the repository).

Fixtures enrol their jury members with it, as a real site would through the Ucanss, so that every
signature in the tests is a certified one; forgery tests make their own keys and authorities.
"""

from __future__ import annotations

import tempfile
from functools import cache
from pathlib import Path

from cqp_desktop.core.endtoend.enrolment import LocalAuthority
from cqp_desktop.core.exchange import trust
from cqp_desktop.core.storage.store import Store

AUTHORITY_PASSPHRASE = "autorité de test Ucanss"


@cache
def shared_authority() -> LocalAuthority:
    import os

    from cqp_desktop.core.model.referentiel import canonical_data, default_referentiel_path

    # Benchmarks that build packages in several processes share one authority through this variable.
    shared = os.environ.get("CQP_TEST_AUTHORITY_DIR")
    folder = Path(shared) if shared else Path(tempfile.mkdtemp(prefix="cqp-test-authority-"))
    auth = LocalAuthority.in_folder(folder, AUTHORITY_PASSPHRASE)
    auth.publish_referentiel(canonical_data(default_referentiel_path()))
    return auth


def anchors() -> trust.TrustAnchors:
    """What the test Ucanss trusts (fresh object: no cached validations between tests)."""
    from cqp_desktop.core.ucanss import authority

    return authority.anchors(shared_authority().db)


def certify(store: Store, member_id: int, passphrase: str, **kwargs: object) -> bytes:
    """Enrol a member of `store` with the test authority (installing its trust file first)."""
    auth = shared_authority()
    auth.trust(store)
    return auth.enrol(store, member_id, passphrase, **kwargs)  # type: ignore[arg-type]


def ucanss_folder(folder: Path) -> Path:
    """A Ucanss data folder of its own holding a copy of the test authority (national base included)."""
    import shutil

    from cqp_desktop.core.ucanss.national import DB_FILENAME

    db = shared_authority().db
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    folder.mkdir(parents=True, exist_ok=True)
    source = Path(db.execute("PRAGMA database_list").fetchone()[2])
    shutil.copy(source, folder / DB_FILENAME)
    return folder
