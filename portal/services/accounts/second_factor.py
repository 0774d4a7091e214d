"""Second factors of staff accounts: passkeys (WebAuthn), one-time codes (TOTP, RFC 6238) and
recovery codes.

Passkeys come first because a phishing page cannot replay them: the browser signs for this site's
name only. TOTP is the fallback for people without a passkey; its secret is kept encrypted under a
key derived from SECRET_KEY, so a copy of the database alone yields no codes. A TOTP code is
accepted once: the code's time step is remembered for two minutes in the rate-limit store (memory,
or Redis when processes share it), not in the database, so no row records when someone logged in.
Ten recovery codes are made when the first factor is set up; only their argon2id hashes are
kept, and a used code is deleted.

The caller passes what comes from the request (relying party id, origin, challenge); this module
never reads it.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pyotp
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app
from flask_babel import lazy_gettext as _l

from portal.extensions import db, limiter
from portal.models.user import Passkey, RecoveryCode, User
from portal.services import DomainError
from portal.services.audit import record

if TYPE_CHECKING:
    from cryptography.fernet import Fernet
    from webauthn.helpers.structs import PublicKeyCredentialDescriptor

RECOVERY_CODE_COUNT = 10
RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i: read aloud or copied by hand
RECOVERY_LENGTH = 12  # 31^12: about 59 bits each
# Recovery codes are long and random, so OWASP's minimum argon2id parameters are plenty.
_recovery_hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)
TOTP_ISSUER = "Safety together"
TOTP_REMEMBER_SECONDS = 120  # longer than the three 30-second steps a code is valid in

BAD_CODE = _l("This code is not right, or it was used already. Wait for the next code and try again.")
KEEP_ONE = _l("Your role needs a second factor: add another one before you remove this one.")


class SecondFactorError(DomainError):
    pass


# --- TOTP ----------------------------------------------------------------------------------------

# cryptography (6 MiB), segno and the passkey library are imported where they are first used: only
# staff setting up or using a second factor need them, and every worker serving residents would
# otherwise carry them.

def _fernet() -> Fernet:
    from cryptography.fernet import Fernet

    secret = current_app.config["SECRET_KEY"]
    secret = secret.encode() if isinstance(secret, str) else secret
    key = hashlib.sha256(b"portal.totp-secret\x00" + secret).digest()
    return Fernet(base64.urlsafe_b64encode(key))


def _seal(secret: str) -> str:
    return _fernet().encrypt(secret.encode()).decode()


def _unseal(token: str | None) -> str | None:
    from cryptography.fernet import InvalidToken

    if not token:
        return None
    try:
        return _fernet().decrypt(token.encode()).decode()
    except InvalidToken:  # SECRET_KEY changed: the factor no longer works and must be set up again
        return None


def new_totp_secret() -> str:
    return pyotp.random_base32(length=32)


def totp_uri(secret: str, email: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=email, issuer_name=TOTP_ISSUER)


def qr_svg(data: str) -> str:
    """The QR code as an inline SVG made here on the server: no script, nothing loaded from elsewhere."""
    import segno

    out = segno.make_qr(data, error="m").svg_inline(scale=4, border=4, dark="#000000", light="#ffffff",
                                                     svgclass="qr", lineclass=None, title=_l("QR code to scan"))
    return out


def _first_use(key: str) -> bool:
    """True the first time `key` is seen within TOTP_REMEMBER_SECONDS, in every process sharing the
    limiter's store."""
    name = "portal-once:" + hashlib.sha256(key.encode()).hexdigest()
    return limiter.storage.incr(name, TOTP_REMEMBER_SECONDS) == 1


def _matching_step(secret: str, code: str, now: float | None = None) -> int | None:
    digits = "".join(ch for ch in code if not ch.isspace())
    if len(digits) != 6 or not digits.isascii() or not digits.isdigit():
        return None
    totp = pyotp.TOTP(secret)
    now = time.time() if now is None else now
    step = totp.timecode(now)
    for candidate in (step, step - 1, step + 1):
        if hmac.compare_digest(totp.generate_otp(candidate), digits):
            return candidate
    return None


def _accept_totp(user_key: str, secret: str, code: str) -> bool:
    step = _matching_step(secret, code)
    return step is not None and _first_use(f"totp:{user_key}:{step}")


def enable_totp(user: User, secret: str, code: str) -> list[str]:
    """Keep `secret` as the account's TOTP secret once a code made from it checks out. Returns new
    recovery codes when this is the account's first second factor."""
    if not _accept_totp(user.session_token + ":enrol", secret, code) or not secret:
        raise SecondFactorError(BAD_CODE, "code")
    first = not user.has_second_factor
    user.totp_secret = _seal(secret)
    record(user, "user.totp_enable", user, user.email)
    return new_recovery_codes(user) if first else []


def check_totp(user: User, code: str) -> bool:
    secret = _unseal(user.totp_secret)
    return bool(secret) and _accept_totp(str(user.id), secret, code)


def has_totp(user: User) -> bool:
    return _unseal(user.totp_secret) is not None


def disable_totp(user: User) -> None:
    if user.needs_second_factor and not user.passkeys:
        raise SecondFactorError(KEEP_ONE)
    user.totp_secret = None
    record(user, "user.totp_disable", user, user.email)
    _forget_recovery_codes_if_last(user)


# --- recovery codes ------------------------------------------------------------------------------

def _normalise_recovery(code: str) -> str:
    return "".join(ch for ch in code.lower() if ch.isalnum())


def new_recovery_codes(user: User) -> list[str]:
    """Ten new codes (the old ones stop working), shown once; only their hashes are kept."""
    user.recovery_codes.clear()
    codes = ["".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_LENGTH)) for _ in range(RECOVERY_CODE_COUNT)]
    for code in codes:
        user.recovery_codes.append(RecoveryCode(code_hash=_recovery_hasher.hash(code)))
    db.session.flush()
    record(user, "user.recovery_codes", user, user.email)
    return [f"{c[0:4]}-{c[4:8]}-{c[8:12]}" for c in codes]


def use_recovery_code(user: User, code: str) -> bool:
    typed = _normalise_recovery(code)
    if len(typed) != RECOVERY_LENGTH:
        return False
    for row in list(user.recovery_codes):
        try:
            _recovery_hasher.verify(row.code_hash, typed)
        except (VerificationError, InvalidHashError):
            continue
        user.recovery_codes.remove(row)
        db.session.flush()
        return True
    return False


def recovery_codes_left(user: User) -> int:
    return len(user.recovery_codes)


def _forget_recovery_codes_if_last(user: User) -> None:
    if not user.has_second_factor:
        user.recovery_codes.clear()


# --- passkeys ------------------------------------------------------------------------------------

@dataclass
class Ceremony:
    """What the browser needs (`options`, JSON) and what the server keeps until the answer (`challenge`)."""

    options: str
    challenge: bytes


def _handle(user: User) -> bytes:
    if not user.webauthn_handle:
        user.webauthn_handle = secrets.token_hex(32)
    return bytes.fromhex(user.webauthn_handle)


def _passkeys():
    """The passkey library (14 MiB), imported when a passkey is first used."""
    import webauthn
    from webauthn.helpers import exceptions, structs

    return webauthn, structs, exceptions.WebAuthnException


def _descriptors(user: User) -> list[PublicKeyCredentialDescriptor]:
    _webauthn, structs, _error = _passkeys()
    out = []
    for key in user.passkeys:
        transports = []
        for name in filter(None, key.transports.split(",")):
            try:
                transports.append(structs.AuthenticatorTransport(name))
            except ValueError:
                continue
        out.append(structs.PublicKeyCredentialDescriptor(id=key.credential_id, transports=transports or None))
    return out


def registration_ceremony(user: User, *, rp_id: str, rp_name: str) -> Ceremony:
    webauthn, structs, _error = _passkeys()
    options = webauthn.generate_registration_options(
        rp_id=rp_id, rp_name=rp_name, user_id=_handle(user), user_name=user.email, user_display_name=user.email,
        exclude_credentials=_descriptors(user),
        authenticator_selection=structs.AuthenticatorSelectionCriteria(
            resident_key=structs.ResidentKeyRequirement.PREFERRED,
            user_verification=structs.UserVerificationRequirement.PREFERRED),
    )
    return Ceremony(webauthn.options_to_json(options), options.challenge)


def _transports_of(answer: str) -> str:
    try:
        names = json.loads(answer).get("response", {}).get("transports") or []
    except (ValueError, AttributeError):
        return ""
    known = {t.value for t in _passkeys()[1].AuthenticatorTransport}
    return ",".join(n for n in names if isinstance(n, str) and n in known)[:120]


def add_passkey(user: User, answer: str, *, challenge: bytes, rp_id: str, origin: str, name: str = "") -> tuple[Passkey, list[str]]:
    """Check the browser's answer to the registration ceremony and keep the new passkey. Returns it
    and, when it is the account's first second factor, new recovery codes."""
    webauthn, _structs, webauthn_error = _passkeys()
    try:
        verified = webauthn.verify_registration_response(credential=answer, expected_challenge=challenge,
                                                         expected_rp_id=rp_id, expected_origin=origin)
    except (webauthn_error, ValueError, KeyError, TypeError) as error:
        raise SecondFactorError(_l("The passkey could not be checked. Please try again.")) from error
    exists = db.session.scalar(db.select(Passkey.id).filter_by(credential_id=verified.credential_id))
    if exists is not None:
        raise SecondFactorError(_l("This passkey is registered already."))
    first = not user.has_second_factor
    key = Passkey(credential_id=verified.credential_id, public_key=verified.credential_public_key,
                  sign_count=verified.sign_count, name=name.strip()[:80] or str(_l("Passkey")),
                  transports=_transports_of(answer))
    user.passkeys.append(key)
    db.session.flush()
    record(user, "user.passkey_add", user, f"{user.email}: {key.name}")
    return key, (new_recovery_codes(user) if first else [])


def authentication_ceremony(user: User, *, rp_id: str) -> Ceremony:
    webauthn, structs, _error = _passkeys()
    options = webauthn.generate_authentication_options(rp_id=rp_id, allow_credentials=_descriptors(user),
                                                       user_verification=structs.UserVerificationRequirement.PREFERRED)
    return Ceremony(webauthn.options_to_json(options), options.challenge)


def _credential_id(answer: str) -> bytes | None:
    try:
        raw = json.loads(answer).get("rawId") or ""
        return base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4))
    except (ValueError, AttributeError, TypeError):
        return None


def check_passkey(user: User, answer: str, *, challenge: bytes, rp_id: str, origin: str) -> bool:
    """True when the browser's answer is a valid signature by one of this account's passkeys."""
    credential_id = _credential_id(answer)
    key = next((k for k in user.passkeys if k.credential_id == credential_id), None)
    if key is None:
        return False
    webauthn, _structs, webauthn_error = _passkeys()
    try:
        verified = webauthn.verify_authentication_response(
            credential=answer, expected_challenge=challenge, expected_rp_id=rp_id, expected_origin=origin,
            credential_public_key=key.public_key, credential_current_sign_count=key.sign_count)
    except (webauthn_error, ValueError, KeyError, TypeError):
        return False
    if verified.new_sign_count > key.sign_count:  # synced passkeys always say 0: nothing to write
        key.sign_count = verified.new_sign_count
    return True


def remove_passkey(user: User, passkey_id: int) -> None:
    key = next((k for k in user.passkeys if k.id == passkey_id), None)
    if key is None:
        raise SecondFactorError(_l("This passkey does not exist."))
    if user.needs_second_factor and len(user.passkeys) == 1 and not user.totp_secret:
        raise SecondFactorError(KEEP_ONE)
    user.passkeys.remove(key)
    db.session.flush()
    record(user, "user.passkey_remove", user, f"{user.email}: {key.name}")
    _forget_recovery_codes_if_last(user)


# --- an administrator's reset --------------------------------------------------------------------

def reset_second_factor(user: User, actor: User | None) -> None:
    """Remove every second factor of `user` (a lost phone or security key) and end their sessions.
    Accounts whose role requires a second factor set up a new one at their next login."""
    user.totp_secret = None
    user.passkeys.clear()
    user.recovery_codes.clear()
    user.session_token = secrets.token_hex(32)
    db.session.flush()
    record(actor, "user.second_factor_reset", user, user.email)
