"""Sending mail through the operator's SMTP server (setting KPI_SMTP_URL).

`smtp://user:pass@host:587` connects in plain text and upgrades with STARTTLS when
the server offers it; `smtps://host:465` connects over TLS from the start. The
user name and password are optional.
"""

from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from urllib.parse import unquote, urlsplit

from kpi.messages import Explained, say

DEFAULT_PORTS = {"smtp": 25, "smtps": 465}


class MailError(Explained, RuntimeError):
    """The mail server cannot be used (no setting, bad URL, refused)."""


@dataclass(frozen=True)
class SmtpTarget:
    host: str
    port: int
    tls: bool  # TLS from the start (smtps)
    user: str | None = None
    password: str | None = None


def parse_smtp_url(url: str) -> SmtpTarget:
    if not url.strip():
        raise MailError(say("svc.mail.unset"))
    parts = urlsplit(url.strip())
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        raise MailError(say("svc.mail.bad_url"))
    return SmtpTarget(
        host=parts.hostname,
        port=parts.port or DEFAULT_PORTS[parts.scheme],
        tls=parts.scheme == "smtps",
        user=unquote(parts.username) if parts.username else None,
        password=unquote(parts.password) if parts.password else None,
    )


def build_message(sender: str, recipient: str, subject: str, text: str, page: str) -> EmailMessage:
    """Plain text with an HTML alternative, UTF-8."""
    message = EmailMessage()
    message["From"] = sender
    message["To"] = recipient
    message["Subject"] = subject
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] or "kpi.local")
    message.set_content(text)
    message.add_alternative(page, subtype="html")
    return message


class Mailer:
    """One connection for a run of messages: `with Mailer(url) as m: m.send(msg)`."""

    def __init__(self, url: str, timeout: float = 30.0) -> None:
        self.target = parse_smtp_url(url)
        self.timeout = timeout
        self._smtp: smtplib.SMTP | None = None

    def __enter__(self) -> Mailer:
        target = self.target
        try:
            if target.tls:
                smtp: smtplib.SMTP = smtplib.SMTP_SSL(
                    target.host,
                    target.port,
                    timeout=self.timeout,
                    context=ssl.create_default_context(),
                )
            else:
                smtp = smtplib.SMTP(target.host, target.port, timeout=self.timeout)
            smtp.ehlo()
            if not target.tls and smtp.has_extn("starttls"):
                smtp.starttls(context=ssl.create_default_context())
                smtp.ehlo()
            if target.user:
                smtp.login(target.user, target.password or "")
        except (OSError, smtplib.SMTPException) as exc:
            raise MailError(
                say("svc.mail.no_connection", host=target.host, port=target.port, why=exc)
            ) from exc
        self._smtp = smtp
        return self

    def send(self, message: EmailMessage) -> None:
        assert self._smtp is not None, "use Mailer as a context manager"
        try:
            self._smtp.send_message(message)
        except smtplib.SMTPException as exc:
            raise MailError(say("svc.mail.refused", to=message["To"], why=exc)) from exc

    def __exit__(self, *_exc: object) -> None:
        if self._smtp is not None:
            try:
                self._smtp.quit()
            except (OSError, smtplib.SMTPException):
                self._smtp.close()
            self._smtp = None
