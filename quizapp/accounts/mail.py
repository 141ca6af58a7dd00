"""Outgoing mail: SMTP when ``MAIL_SERVER`` is set, else the log, as development servers do.

Mail goes out through the job queue, so a request never waits on an SMTP server and a "forgot
password" answer takes as long for an address with an account as for one without. With
``QUEUE_IMMEDIATE`` the job runs inside the request; a failure is logged, never shown.
"""

from __future__ import annotations

import logging
import smtplib
import ssl
from collections.abc import Mapping
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from ..jobs.queue import huey

log = logging.getLogger("quizapp.mail")


def build_message(config: Mapping, to: str, subject: str, body: str) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = config.get("MAIL_FROM") or "quizapp <no-reply@localhost>"
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = formatdate(localtime=False, usegmt=True)
    msg["Message-ID"] = make_msgid()
    msg.set_content(body)
    return msg


def deliver(config: Mapping, msg: EmailMessage) -> None:
    """Send ``msg`` now: over SMTP, or into the log when no server is configured."""
    server = config.get("MAIL_SERVER")
    if not server:
        log.info("mail (no MAIL_SERVER set; not sent)\nTo: %s\nSubject: %s\n\n%s",
                 msg["To"], msg["Subject"], msg.get_content())
        return
    port, timeout = int(config.get("MAIL_PORT") or 587), int(config.get("MAIL_TIMEOUT") or 20)
    context = ssl.create_default_context()
    if config.get("MAIL_USE_SSL"):
        smtp: smtplib.SMTP = smtplib.SMTP_SSL(server, port, timeout=timeout, context=context)
    else:
        smtp = smtplib.SMTP(server, port, timeout=timeout)
    with smtp:
        if not config.get("MAIL_USE_SSL") and config.get("MAIL_USE_TLS"):
            smtp.starttls(context=context)
        if config.get("MAIL_USERNAME"):
            smtp.login(config["MAIL_USERNAME"], config.get("MAIL_PASSWORD") or "")
        smtp.send_message(msg)
    log.info("mail sent to %s: %s", msg["To"], msg["Subject"])  # never the body: it may hold a link


@huey.task(retries=3, retry_delay=60)
def send_mail_job(to: str, subject: str, body: str) -> None:
    from ..jobs.tasks import _app

    config = _app().config
    deliver(config, build_message(config, to, subject, body))


def send_mail(to: str, subject: str, body: str) -> None:
    """Queue one plain-text mail (sent at once in immediate mode). Call after the commit."""
    send_mail_job(to, subject, body)
