"""mailto: URLs (RFC 6068) with the recipients, subject and body percent-encoded."""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import quote


def mailto_url(addresses: Iterable[str], subject: str, body: str | None = None) -> str:
    recipients = ",".join(quote(address, safe="@") for address in addresses)
    fields = [f"subject={quote(subject, safe='')}"]
    if body:
        # RFC 6068: line breaks in a body are CRLF, encoded as %0D%0A.
        fields.append(f"body={quote(body.replace(chr(13), '').replace(chr(10), chr(13) + chr(10)), safe='')}")
    return f"mailto:{recipients}?{'&'.join(fields)}"
