"""Measure package export, verification and national import on this machine (run by hand).

    PYTHONPATH=. .venv/bin/python scripts/bench_packages.py [--packages 200]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from cqp_desktop.core.exchange import package_verify
from cqp_desktop.core.model.referentiel import canonical_data
from cqp_desktop.core.site import package_export as package
from cqp_desktop.core.storage.store import Store
from cqp_desktop.core.ucanss import national
from cqp_desktop.resources import default_referentiel_path
from tests.conftest import FakeWallClock
from tests.core.package_fixtures import PASSPHRASE, make_site, signed_session


def timed(function, *args, **kwargs):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--packages", type=int, default=200)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="cqp-bench-"))
    store = Store.open(folder / "site.sqlite3", wall_clock=FakeWallClock())
    referentiel = store.register_referentiel(canonical_data(default_referentiel_path()), activate=True)
    site = make_site(store)
    session = signed_session(store, referentiel, candidates=12, site=site)
    first, t_first = timed(package.export_package, store, session.session_id, session.president_id, PASSPHRASE, folder / "s12.cqpkg")
    again = [timed(package.export_package, store, session.session_id, session.president_id, PASSPHRASE, folder / "s12b.cqpkg")[1] for _ in range(5)]
    print(f"12 candidats, {first.epreuves} épreuves, {first.size} octets")
    print(f"  export 1re fois (PDF construits et signés PAdES) : {t_first * 1000:.0f} ms")
    print(f"  export suivant (PDF signés réutilisés)          : {statistics.median(again) * 1000:.0f} ms (médiane de 5)")
    raw = first.path.read_bytes()
    verifies = [timed(package_verify.verify_bytes, raw)[1] for _ in range(5)]
    print(f"  vérification complète (avec PDF)               : {statistics.median(verifies) * 1000:.0f} ms (médiane de 5)")
    no_pdf = package.export_package(store, session.session_id, session.president_id, PASSPHRASE, folder / "s12n.cqpkg", with_pdfs=False)
    verifies = [timed(package_verify.verify_bytes, no_pdf.path.read_bytes())[1] for _ in range(5)]
    print(f"  vérification sans PDF                          : {statistics.median(verifies) * 1000:.0f} ms")

    packages = []
    for n in range(args.packages):
        s = signed_session(store, referentiel, candidates=3, site=site, month=f"20{27 + n // 12:02d}-{n % 12 + 1:02d}", timer=True)
        packages.append(package.build_package(store, s.session_id, site.president_id, PASSPHRASE, pdfs={})[0])
    db = national.open_national(folder / "national.sqlite3")
    _, elapsed = timed(lambda: [national.import_package(db, p, source=f"p{i}") for i, p in enumerate(packages)])
    print(f"import national : {len(packages)} paquets (3 candidats, 4 épreuves chacun, sans PDF) en {elapsed:.2f} s "
          f"= {len(packages) / elapsed:.0f} paquets/s")
    _, again_elapsed = timed(lambda: [national.import_package(db, p) for p in packages])
    print(f"  ré-import des mêmes (idempotent)               : {len(packages) / again_elapsed:.0f} paquets/s")
    with_pdf = [first.path.read_bytes()]
    db2 = national.open_national(folder / "national2.sqlite3")
    _, t = timed(national.import_package, db2, with_pdf[0])
    print(f"  import du paquet 12 candidats avec PDF         : {t * 1000:.0f} ms")
    _, t = timed(national.export_csv, db)
    _, t2 = timed(national.export_pdf, db)
    print(f"  export CSV {t * 1000:.0f} ms, PDF {t2 * 1000:.0f} ms ({len(national.consolidated(db))} candidats)")


if __name__ == "__main__":
    main()
