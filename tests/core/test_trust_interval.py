"""The trust check's good interval (TrustAnchors._probe_end, a speed-up for `national import`): once a
certificate validated, the far end of its possible good period is validated too, so later signatures
need no new validation — and a moment past that end (revocation, expiry, stale revocation list) is
still refused, by the same object that extended its interval."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

import pytest

from cqp_desktop.core.endtoend.enrolment import LocalAuthority
from cqp_desktop.core.exchange import keys, trust
from cqp_desktop.core.ucanss import authority

PASS = "autorité de test de l'intervalle"
T0 = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)


def member(auth: LocalAuthority, days: int, at: dt.datetime) -> bytes:
    request = keys.make_request(keys.SignerInfo("Delorme", "Anne", "president", "Ucanss"), str(uuid.uuid4()), "phrase du membre")
    return authority.certify(auth.db, request.request_pem, PASS, role="president", days=days, now=lambda: at).pem


@pytest.fixture
def auth(tmp_path: Path):  # type: ignore[no-untyped-def]
    a = LocalAuthority.in_folder(tmp_path / "ucanss", PASS)
    yield a
    a.db.close()


def test_a_revocation_after_a_good_check_still_refuses_later_signatures(auth: LocalAuthority) -> None:
    pem = member(auth, 365, T0 - dt.timedelta(days=1))
    authority.revoke(auth.db, pem, "depart", PASS, now=lambda: T0 + dt.timedelta(days=5))
    anchors = authority.anchors(auth.db)
    certificate = keys.load_certificate(pem)
    assert anchors.check(certificate, T0, "president").role == "president"
    assert anchors.check(certificate, T0 + dt.timedelta(days=4), "president")  # inside the probed interval
    with pytest.raises(trust.TrustProblem, match="révoqué par l'Ucanss avant la signature"):
        anchors.check(certificate, T0 + dt.timedelta(days=5, hours=1), "president")


def test_an_expired_certificate_or_a_stale_revocation_list_is_refused_after_a_good_check(auth: LocalAuthority) -> None:
    short = keys.load_certificate(member(auth, 10, T0 - dt.timedelta(days=1)))
    anchors = authority.anchors(auth.db)
    crl_end = anchors.crls[0].next_update_utc
    assert anchors.check(short, T0, "president")
    with pytest.raises(trust.TrustProblem, match="expiré"):
        anchors.check(short, T0 + dt.timedelta(days=12), "president")
    long = keys.load_certificate(member(auth, 365, T0 - dt.timedelta(days=1)))
    anchors = authority.anchors(auth.db)
    assert anchors.check(long, T0, "president")
    assert anchors.check(long, crl_end - dt.timedelta(minutes=1), "president")
    with pytest.raises(trust.TrustProblem):
        anchors.check(long, crl_end + dt.timedelta(days=1), "president")
    with pytest.raises(trust.TrustProblem, match="ne peut pas signer comme"):
        anchors.check(long, T0, "expert")  # the role is part of the interval's key
