"""schema.org JSON-LD for the contact page, safe to place inside a <script> element."""

from __future__ import annotations

import json

from macros.content.site_data import SiteData
from macros.files.vcards import person_name
from macros.languages import language

# BCP 47 tags, as schema.org's availableLanguage expects; Chinese on this site is Simplified Chinese.


def contact_json_ld(data: SiteData, lang: str) -> str:
    """Each organisation with contacts, and its contact points; the wording of the page's language."""
    graph = []
    for organisation in data.organisations:
        contacts = [c for c in data.contacts if c.organisation == organisation.id]
        if not contacts:
            continue
        node = {"@type": "Organization", "name": organisation.name[lang]}
        if organisation.website:
            node["url"] = str(organisation.website)
        node["contactPoint"] = [_contact_point(contact, data, lang) for contact in contacts]
        graph.append(node)
    text = json.dumps({"@context": "https://schema.org", "@graph": graph}, ensure_ascii=False)
    # No "</script>" or HTML markup can come out of a data value: <, > and & are written as JSON escapes.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _contact_point(contact, data: SiteData, lang: str) -> dict:
    point = {"@type": "ContactPoint", "contactType": contact.role[lang]}
    if contact.person:
        point["name"] = person_name(contact, lang)
    if contact.email:
        point["email"] = contact.email
    if contact.phone:
        point["telephone"] = contact.phone
    if contact.languages:
        point["availableLanguage"] = [language(code).tag for code in contact.languages]
    served = [r.name[lang] for r in data.regions if contact in data.region_contacts(r.id)[0]]
    if served:
        point["areaServed"] = served
    return point
