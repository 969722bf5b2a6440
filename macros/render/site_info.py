"""Rendering for the pages about the website itself (accessibility statement, privacy): the project's general
contacts, from data/contacts.yml, as the address for feedback and questions."""

from __future__ import annotations

from macros.render.contacts import contact_context
from macros.render.pages import PageContext, _render


def general_contact_list(ctx: PageContext) -> str:
    contact_ctx = contact_context(ctx)
    return _render("general_contact_list.md.j2", contact_ctx, c=contact_ctx)
