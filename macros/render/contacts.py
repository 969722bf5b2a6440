"""Pure rendering of the contact, interest and partner pages and of the EU funding statement (see render.py)."""

from __future__ import annotations

from babel.numbers import format_decimal
from markupsafe import Markup

from macros.content import page_paths
from macros.content.models import Contact, Text
from macros.content.site_data import SiteData
from macros.content.strings import Strings
from macros.files.vcards import person_name, tel_uri
from macros.languages import DEFAULT_LANGUAGE, language
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

# The languages of the e-mails a page composes, the recipients' first. The recipients read Dutch and English: the
# Chinese pages write their e-mails in English, with the Chinese beside each name for the sender (locales/zh.yml
# writes the labels and subjects the same way, English / Chinese), in English punctuation.
MAIL_LANGUAGES = {"nl": ("nl",), "en": ("en",), "zh": ("en", "zh")}


class ContactContext(PageContext):
    """PageContext with the contact helpers the templates of this module use."""

    @property
    def mail_lang(self) -> str:
        """The language the recipients read the page's e-mails in."""
        return MAIL_LANGUAGES[self.lang][0]

    def mail_text(self, text: Text) -> str:
        """A text of the data as an e-mail's subject has it: in the recipients' language."""
        return text[self.mail_lang]

    def mail_name(self, text: Text) -> str:
        """A name of the data as an e-mail's body has it: in each language of the page's e-mails (Shaanxi / 陕西)."""
        return " / ".join(dict.fromkeys(text[lang] for lang in MAIL_LANGUAGES[self.lang]))

    def mail_t(self, key: str) -> str:
        """Punctuation inside an e-mail: that of the recipients' language."""
        return self.strings.get(self.mail_lang, key)

    def mailto(self, contacts: list[Contact], subject_key: str = "contact.mail_subject", **values) -> str:
        return mailto_url([c.email for c in contacts], self.t(subject_key, **values))

    def contact_mailto(self, contact: Contact) -> str:
        """A contact of a related project is asked about that project, not about I²PCC."""
        if contact.project:
            return self.mailto([contact], "contact.mail_subject_project", project=self.mail_text(contact.project))
        return self.mailto([contact])

    def vcard_href(self, contact: Contact) -> str:
        return page_paths.site_root_href(self.here, self.lang, DEFAULT_LANGUAGE, page_paths.vcard_file(contact.id))

    def display_name(self, contact: Contact) -> str:
        return person_name(contact, self.lang) or self.tr(self.data.organisation(contact.organisation).name)

    def joined(self, items) -> str:
        return self.t("list.separator").join(items)

    def addresses(self, contacts: list[Contact]) -> str:
        """E-mail addresses in running text: "a en b", "a and b"; in Chinese "a、b", where 和 would run into the
        Latin letters of the addresses without a space."""
        emails = [c.email for c in contacts]
        if not language(self.lang).space:
            return self.t("list.separator").join(emails)
        return self.strings.join(self.lang, emails)

    def interest_mailto(self, contacts: list[Contact], region_names: list[str]) -> str:
        """A mailto: for writing without the form: subject with the region, body with the headings to fill in."""
        separator, colon = self.mail_t("list.separator"), self.mail_t("punct.colon")
        if region_names:
            subject = self.t("interest.mail_subject_regions", regions=separator.join(region_names))
        else:
            subject = self.t("interest.mail_subject")
        lines = [self.t("interest.mail_greeting"), ""]
        for key, long_text in MAIL_FIELDS:
            value = separator.join(region_names) if key == "interest.mail_regions" else ""
            if long_text:
                lines += ["", self.t(key) + colon.rstrip(), ""]
            else:
                lines.append(self.t(key) + colon + value)
        return mailto_url([c.email for c in contacts], subject, "\n".join(lines).rstrip() + "\n")


def contact_context(ctx: PageContext) -> ContactContext:
    return ContactContext(data=ctx.data, strings=ctx.strings, lang=ctx.lang, here=ctx.here, today=ctx.today)


def contact_page(ctx: PageContext) -> str:
    ctx = contact_context(ctx)
    return _render("contact_page.md.j2", ctx, c=ctx, tel_uri=tel_uri,
                   own_regions=ctx.data.regions_with_own_contacts,
                   own_provinces=ctx.data.provinces_with_own_contacts,
                   related=[c for c in ctx.data.contacts if c.project],
                   json_ld=Markup(contact_json_ld(ctx.data, ctx.lang)))


def interest_page(ctx: PageContext) -> str:
    ctx = contact_context(ctx)
    data = ctx.data
    own_regions = data.regions_with_own_contacts
    note = None
    if own_regions:
        # The regions whose e-mail goes to the general addresses (all but those listed apart), and their provinces
        # in the same order; names in running text are the short ones ("Limburg", not "Provincie Limburg"), joined
        # as the language joins a list.
        regions = [r for r in data.regions if r not in own_regions]
        if regions:
            provinces = [data.organisation(p) for p in dict.fromkeys(r.sister_province for r in regions)]
            note = ctx.t("interest.fallback_note",
                         regions=ctx.strings.join(ctx.lang, [ctx.tr(r.short_name) for r in regions]),
                         provinces=ctx.strings.join(ctx.lang, [ctx.tr(p.short_name or p.name) for p in provinces]),
                         contacts=ctx.addresses(data.general_contacts))
    else:
        note = ctx.t("interest.recipients", contacts=ctx.addresses(data.general_contacts))
    return _render("interest_page.md.j2", ctx, c=ctx, recipients_note=note, own_regions=own_regions)


def partners_page(ctx: PageContext) -> str:
    contacts = contact_context(ctx)
    return _render("partners_page.md.j2", contacts, c=contacts, provinces_map=maps.provinces_map(ctx),
                   ties_map=maps.ties_map(ctx))


def eu_funding(data: SiteData, strings: Strings, lang: str) -> Markup:
    """The EU emblem with the funding statements, as HTML for the theme (every page, every language)."""
    amount = format_decimal(data.funding.amount_eur, format="#,##0.00", locale=lang)
    html = _ENVIRONMENT.get_template("eu_funding.html.j2").render(
        t=lambda key, **values: strings.get(lang, key, **values), amount=amount, stars=eu_emblem.stars(),
        emblem=eu_emblem)
    return Markup(html)
