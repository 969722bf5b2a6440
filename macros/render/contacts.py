"""Pure rendering of the contact, interest and partner pages and of the EU funding statement (see render.py)."""

from __future__ import annotations

from babel.numbers import format_decimal
from markupsafe import Markup

from macros.content import page_paths
from macros.content.models import Contact
from macros.content.site_data import SiteData
from macros.content.strings import Strings
from macros.files.vcards import person_name, tel_uri
from macros.languages import DEFAULT_LANGUAGE
from macros.pictures import eu_emblem, maps
from macros.render.mailto import mailto_url
from macros.render.pages import _ENVIRONMENT, PageContext, _render
from macros.render.structured_data import contact_json_ld

# The fields of the composed e-mail, in order: (locale key of the label in the e-mail, whether it is a long text).
MAIL_FIELDS = (
    ("interest.mail_regions", False),
    ("interest.mail_challenges", False),
    ("interest.mail_mode", False),
    ("interest.mail_company", False),
    ("interest.mail_needs", True),
    ("interest.mail_technology", True),
    ("interest.mail_questions", True),
)


class ContactContext(PageContext):
    """PageContext with the contact helpers the templates of this module use."""

    def mailto(self, contacts: list[Contact], subject_key: str = "contact.mail_subject", **values) -> str:
        return mailto_url([c.email for c in contacts], self.t(subject_key, **values))

    def vcard_href(self, contact: Contact) -> str:
        return page_paths.site_root_href(self.here, self.lang, DEFAULT_LANGUAGE, page_paths.vcard_file(contact.id))

    def display_name(self, contact: Contact) -> str:
        return person_name(contact, self.lang) or self.tr(self.data.organisation(contact.organisation).name)

    def joined(self, items) -> str:
        return self.t("list.separator").join(items)

    def interest_mailto(self, contacts: list[Contact], region_names: list[str]) -> str:
        """A mailto: for writing without the form: subject with the region, body with the headings to fill in."""
        if region_names:
            subject = self.t("interest.mail_subject_regions", regions=self.joined(region_names))
        else:
            subject = self.t("interest.mail_subject")
        lines = [self.t("interest.mail_greeting"), ""]
        for key, long_text in MAIL_FIELDS:
            value = self.joined(region_names) if key == "interest.mail_regions" else ""
            if long_text:
                lines += ["", self.t(key) + self.t("punct.colon").rstrip(), ""]
            else:
                lines.append(self.t(key) + self.t("punct.colon") + value)
        return mailto_url([c.email for c in contacts], subject, "\n".join(lines).rstrip() + "\n")


def _context(ctx: PageContext) -> ContactContext:
    return ContactContext(data=ctx.data, strings=ctx.strings, lang=ctx.lang, here=ctx.here, today=ctx.today)


def _fallback(data: SiteData):
    """The provinces without a contact of their own, and their partner regions."""
    provinces = [p for p in data.provinces if not data.province_contacts(p.id)]
    regions = [r for r in data.regions if data.region_contacts(r.id)[1]]
    return provinces, regions


def contact_page(ctx: PageContext) -> str:
    ctx = _context(ctx)
    return _render("contact_page.md.j2", ctx, c=ctx, tel_uri=tel_uri,
                   related=[c for c in ctx.data.contacts if c.project],
                   json_ld=Markup(contact_json_ld(ctx.data, ctx.lang)))


def interest_page(ctx: PageContext) -> str:
    ctx = _context(ctx)
    provinces, regions = _fallback(ctx.data)
    # Names in running text: the short ones ("Limburg", not "Provincie Limburg"), joined as the language joins a
    # list ("a, b en c").
    note = ctx.t("interest.fallback_note",
                 provinces=ctx.strings.join(ctx.lang, [ctx.tr(p.short_name or p.name) for p in provinces]),
                 regions=ctx.strings.join(ctx.lang, [ctx.tr(r.short_name) for r in regions]),
                 contacts=ctx.joined(c.email for c in ctx.data.general_contacts)) if provinces else None
    return _render("interest_page.md.j2", ctx, c=ctx, fallback_note=note)


def partners_page(ctx: PageContext) -> str:
    return _render("partners_page.md.j2", _context(ctx), c=_context(ctx), provinces_map=maps.provinces_map(ctx),
                   ties_map=maps.ties_map(ctx))


def eu_funding(data: SiteData, strings: Strings, lang: str) -> Markup:
    """The EU emblem with the funding statements, as HTML for the theme (every page, every language)."""
    amount = format_decimal(data.funding.amount_eur, format="#,##0.00", locale=lang)
    html = _ENVIRONMENT.get_template("eu_funding.html.j2").render(
        t=lambda key, **values: strings.get(lang, key, **values), amount=amount, stars=eu_emblem.stars(),
        emblem=eu_emblem)
    return Markup(html)
