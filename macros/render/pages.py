"""Pure rendering: validated data + language (+ the page being built) in, Markdown out.

Nothing here knows about mkdocs-macros, so these functions can be tested alone and reused by another generator.
Every value that reaches the output is escaped for Markdown and HTML unless it is Markup built here on purpose.
"""

from __future__ import annotations

import dataclasses
import html
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from markupsafe import Markup

from macros.content import page_paths
from macros.content.calendar_groups import calendar_groups
from macros.content.models import Text
from macros.content.site_data import SiteData
from macros.content.strings import Strings
from macros.languages import language
from macros.pictures import maps, timeline
from macros.render import event_dates, formatting
from macros.render.environment import template_environment
from macros.render.event_view import EventView

# Characters Python-Markdown (with the tables extension) gives a meaning to and accepts a backslash escape for.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")
_WHITESPACE = re.compile(r"\s+")


def escape_markdown(value) -> Markup:
    """Data text as inert Markdown: no markup, links, HTML or line structure can come out of it."""
    if isinstance(value, Markup):
        return value
    # Runs of white space (new lines too) become one space: a new line would end a table row or start a block.
    text = _WHITESPACE.sub(" ", str(value))
    return Markup(html.escape(_MARKDOWN_SPECIAL.sub(r"\\\1", text), quote=False))


def escape_html(value) -> Markup:
    """For values inside raw HTML blocks, where Markdown is not processed."""
    if isinstance(value, Markup):
        return value
    return Markup(html.escape(_WHITESPACE.sub(" ", str(value)), quote=True))


_ENVIRONMENT = template_environment(Path(__file__).parent / "templates", autoescape=False, finalize=escape_markdown,
                                    keep_trailing_newline=True)
_ENVIRONMENT.filters["h"] = escape_html


@dataclass(frozen=True)
class PageContext:
    """What a template may use: the data, the interface strings, the language and the page it renders into."""

    data: SiteData
    strings: Strings
    lang: str
    here: str
    # The build date, where what a page says depends on it (an undated event is still to be announced, or was
    # never given a date); None in the tests of pages that do not depend on it.
    today: date | None = None

    def t(self, key: str, **values) -> str:
        return self.strings.get(self.lang, key, **values)

    def tr(self, text: Text) -> str:
        return text[self.lang]

    @property
    def space(self) -> Markup:
        """The space after a sentence ("Wil je meedoen? Vertel ons…"); none after a Chinese full-width mark."""
        return Markup(language(self.lang).space)

    def link(self, text, target: str) -> Markup:
        label = escape_markdown(self.tr(text) if isinstance(text, Text) else text)
        return Markup(f"[{label}]({page_paths.markdown_link_target(self.here, target)})")

    def href(self, target: str) -> Markup:
        return Markup(page_paths.html_href(self.here, target))

    def challenge_links(self, challenge_ids) -> Markup:
        links = (self.link(self.data.challenge(c).name, page_paths.challenge_page(c)) for c in challenge_ids)
        return Markup(escape_markdown(self.t("list.separator")).join(links))

    def population(self, value) -> str:
        return formatting.population(value, self.lang, self.strings)

    def area(self, km2: int) -> str:
        return formatting.area(km2, self.lang, self.strings)

    def year(self, value: int) -> str:
        return formatting.year(value, self.lang, self.strings)

    @property
    def counts(self) -> dict[str, str]:
        """How many regions, provinces and challenge areas there are, in words: texts take them from the data, so
        that a sixth region changes every sentence that counts them."""
        data = self.data
        return {f"{kind}_count": self.strings.count(self.lang, len(items))
                for kind, items in (("region", data.regions), ("province", data.provinces),
                                    ("challenge", data.challenges))}

    def province_names(self) -> str:
        return self.strings.join(self.lang, [self.tr(province.short_name or province.name) for province in self.data.provinces])

    def count_label(self, prefix: str, count: int, **values) -> str:
        """A count in words; locales/ has `<prefix>_zero`, `<prefix>_one` and `<prefix>` for the rest."""
        suffix = {0: "_zero", 1: "_one"}.get(count, "")
        return self.t(prefix + suffix, count=count, **values)


def _render(template: str, ctx: PageContext, **values) -> str:
    return _ENVIRONMENT.get_template(template).render(
        ctx=ctx, t=ctx.t, tr=ctx.tr, link=ctx.link, href=ctx.href, data=ctx.data, paths=page_paths,
        view=EventView(ctx), **values
    )


def region_page(ctx: PageContext, region_id: str) -> str:
    region = ctx.data.region(region_id)
    return _render("region_page.md.j2", ctx, region=region, locator=maps.regions_map(ctx, region_id),
                   sister=ctx.data.organisation(region.sister_province),
                   events=ctx.data.events_for_region(region_id))


def challenge_page(ctx: PageContext, challenge_id: str) -> str:
    challenge = ctx.data.challenge(challenge_id)
    return _render("challenge_page.md.j2", ctx, challenge=challenge,
                   regions=ctx.data.regions_for_challenge(challenge_id),
                   events=ctx.data.events_for_challenge(challenge_id))


def region_overview(ctx: PageContext) -> str:
    return _render("region_overview.md.j2", ctx, regions_map=maps.regions_map(ctx))


def challenge_overview(ctx: PageContext) -> str:
    return _render("challenge_overview.md.j2", ctx)


def challenge_matrix(ctx: PageContext) -> str:
    return _render("challenge_matrix.md.j2", ctx, counts=matrix_counts(ctx.data))


def matrix_counts(data: SiteData) -> dict[tuple[str, str], int]:
    """(challenge id, region id) -> how many of the region's opportunities belong to the challenge area."""
    return {
        (challenge.id, region.id): sum(challenge.id in o.challenges for o in region.opportunities)
        for challenge in data.challenges
        for region in data.regions
    }


def challenge_list(ctx: PageContext) -> str:
    return _render("challenge_list.md.j2", ctx)


def partner_list(ctx: PageContext) -> str:
    return _render("partner_list.md.j2", ctx)


def region_list(ctx: PageContext) -> str:
    return _render("region_list.md.j2", ctx)


def calendar_page(ctx: PageContext, today: date) -> str:
    """The mission calendar; `today` (the build date) decides which events are upcoming and which are past."""
    ctx = dataclasses.replace(ctx, today=today)
    return _render("calendar_page.md.j2", ctx, groups=calendar_groups(ctx.data.events, today),
                   timeline=timeline.timeline(ctx, ctx.data.events, today, lambda event: f"#{event.id}"),
                   month_name=lambda month: event_dates.month_name(month, ctx.lang))
