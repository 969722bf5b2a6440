"""One vCard 4.0 (RFC 6350) per contact, built with vobject; texts that differ per language carry LANGUAGE/ALTID."""

from __future__ import annotations

import re

import vobject
from vobject.vcard import Name

from macros.content.models import Contact, Text
from macros.content.site_data import SiteData
from macros.languages import LANGUAGES


def person_name(contact: Contact, lang: str | None = None) -> str | None:
    """Given name first; a Chinese name (family_first) family name first on the Chinese pages."""
    if not contact.person:
        return None
    if lang == "zh" and contact.person.family_first:
        return f"{contact.person.family} {contact.person.given}"
    return f"{contact.person.given} {contact.person.family}"


def tel_uri(phone: str) -> str:
    """RFC 3966 global number: the digits after +, without the visual separators of the source."""
    return "tel:+" + re.sub(r"\D", "", phone)


def vcard(contact: Contact, data: SiteData) -> str:
    organisation = data.organisation(contact.organisation)
    card = vobject.vCard()
    # vobject writes 3.0 unless VERSION is given; every property used below exists in 4.0.
    card.add("version").value = "4.0"
    if contact.person:
        card.add("kind").value = "individual"
        _add_text(card, "fn", {lang: person_name(contact, lang) for lang in LANGUAGES})
        card.add("n").value = Name(family=contact.person.family, given=contact.person.given)
    else:
        # Only an address is known: the card is the organisation's, never a name made up from the address.
        card.add("kind").value = "org"
        _add_text(card, "fn", organisation.name)
    _add_text(card, "org", organisation.name, structured=True)
    _add_text(card, "role", contact.role)
    if contact.project:
        _add_text(card, "note", contact.project)
    if contact.email:
        email = card.add("email")
        email.value = contact.email
        email.params["TYPE"] = ["work"]
    if contact.phone:
        tel = card.add("tel")
        tel.value = tel_uri(contact.phone)
        tel.params["VALUE"] = ["uri"]
        tel.params["TYPE"] = ["work", "voice"]
    if organisation.website:
        card.add("url").value = str(organisation.website)
    for preference, lang in enumerate(contact.languages, start=1):
        line = card.add("lang")
        line.value = lang
        line.params["PREF"] = [str(preference)]
    return _fold_by_octets(card.serialize())


def _fold_by_octets(text: str, limit: int = 75) -> str:
    """Fold every line longer than 75 octets (RFC 6350 3.2). vobject folds only lines of 75 characters or more, so
    a line of fewer characters but more octets (Chinese text is 3 octets a character) would stay too long."""
    out = []
    for line in text.split("\r\n"):
        chunk, size = "", 0
        for char in line:
            width = len(char.encode("utf-8"))
            if size + width > limit:
                out.append(chunk)
                chunk, size = " ", 1
            chunk += char
            size += width
        out.append(chunk)
    return "\r\n".join(out)


def _add_text(card, name: str, text: Text, structured: bool = False) -> None:
    """One line when all languages agree; else one line per language, tied together by ALTID (RFC 6350 5.4)."""
    values = {lang: text[lang] for lang in LANGUAGES}
    if len(set(values.values())) == 1:
        lines = [(None, values[LANGUAGES[0]])]
    else:
        lines = list(values.items())
    for lang, value in lines:
        line = card.add(name)
        line.value = [value] if structured else value
        if lang:
            line.params["ALTID"] = ["1"]
            line.params["LANGUAGE"] = [lang]
