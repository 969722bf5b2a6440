"""Issue 15: the home page, the province pages and the texts that follow the calendar."""

from __future__ import annotations

from datetime import date

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import LANGUAGES, ROOT, article, html_pages, page_dir, page_file, soup

from macros.content.site_data import load_site_data
from macros.content.strings import load_strings
from macros.render import activities, home
from macros.render.pages import PageContext

ACTIONS = {"regions": "regions/", "challenges": "challenges/", "interest": "interest/"}


def _strings(lang: str) -> dict:
    return yaml.safe_load((ROOT / "locales" / f"{lang}.yml").read_text(encoding="utf-8"))


def _context(lang: str, here: str = "index.md") -> PageContext:
    return PageContext(load_site_data(ROOT / "data"), load_strings(ROOT / "locales"), lang, here)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_home_page_has_the_three_calls_to_action(site, lang):
    page = article(page_file(site, lang, ""))
    links = page.select(".i2-home-actions a")
    assert [a["data-action"] for a in links] == list(ACTIONS)
    strings = _strings(lang)
    for link, (action, target) in zip(links, ACTIONS.items()):
        assert link["href"] == target
        assert link.get_text(strip=True) == strings[f"home.cta_{action}"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_home_page_shows_the_regions_and_challenge_areas_as_cards(site, data, lang):
    page = article(page_file(site, lang, ""))
    cards = page.select(".i2-card--region")
    assert [c["data-region"] for c in cards] == [r["id"] for r in data["regions"]] and len(cards) == 5
    provinces = {o["id"]: o for o in data["organisations"]}
    for card, region in zip(cards, data["regions"]):
        assert card.h3.a.get_text(strip=True) == region["name"][lang]
        assert card.h3.a["href"] == f"regions/{region['id']}/"
        sister = card.select_one(f'a[href="provinces/{region["sister_province"]}/"]')
        assert sister.get_text(strip=True) == provinces[region["sister_province"]]["name"][lang]
        assert len(card.select("dl.i2-card__facts > div")) >= 3  # the partner province and key figures
        locator = card.select_one("figure.i2-map svg")
        assert locator["aria-hidden"] == "true" and not locator.select("a")
        assert locator.select_one(f'.i2-map__area--current[data-area="{region["id"]}"]') is not None
    challenges = page.select(".i2-card--challenge")
    assert [c["data-challenge"] for c in challenges] == [c["id"] for c in data["challenges"]] and len(challenges) == 11
    icons = set()
    for card, challenge in zip(challenges, data["challenges"]):
        svg = card.select_one("svg.i2-card__icon")
        assert svg is not None and svg["aria-hidden"] == "true"
        icons.add(str(svg))
        assert card.h3.a.get_text(strip=True) == challenge["name"][lang]
    assert len(icons) == 11, "each challenge area has an icon of its own"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_what_is_next_shows_the_past_activities_as_past_on_the_pinned_build_date(site, lang):
    """The build date of the tests is 2026-11-23: every dated event of 2019 is past, and the closing seminar, planned
    after the mission without a date, stands among them promising none."""
    strings = _strings(lang)
    block = article(page_file(site, lang, "")).select_one(".i2-next")
    assert block.find_previous("h2").get_text(strip=True) == strings["home.past_heading"]
    assert block.select(".i2-next__item--upcoming") == [] and block.select(".i2-next__item--undated") == []
    assert strings["calendar.no_upcoming"] in block.get_text(" ", strip=True)
    past = block.select(".i2-next__item--past")
    assert [item.a["href"].split("#")[1] for item in past] == [
        "closing-seminar", "b2b-cleantech-mission-2019", "incoming-missions-2019", "exploratory-mission-2019"]
    # The undated seminar gets no "past" badge: nothing says it took place.
    assert past[0].select_one(".i2-next__badge") is None
    for item in past[1:]:
        assert item.select_one(".i2-next__badge").get_text(strip=True) == strings["activity.past_badge"]
    seminar, mission, visits, exploratory = (item.select_one(".i2-next__when").get_text(strip=True) for item in past)
    assert "i2-next__item--unscheduled" in past[0]["class"]
    assert seminar == strings["activity.unscheduled"]
    # The sources announced the mission and the visits; only the exploratory mission is told as having happened.
    assert mission.startswith(strings["activity.past_planned"].split("{")[0])
    assert visits.startswith(strings["activity.past_planned"].split("{")[0])
    assert exploratory.startswith(strings["activity.past"].split("{")[0])
    assert block.select_one('a[href="interest/"]') is not None


def _next_block(today: date, lang: str = "en") -> BeautifulSoup:
    return BeautifulSoup(home.home_page(_context(lang), today), "html.parser").select_one(".i2-next")


def _next_heading(today: date, lang: str = "en") -> str:
    """The Markdown heading (## …) of the block, as the page's source has it."""
    markdown = home.home_page(_context(lang), today)
    return markdown[:markdown.index('<div class="i2-next">')].rstrip().rsplit("\n", 1)[1].removeprefix("## ")


def test_before_the_mission_it_is_upcoming_and_the_seminar_still_gets_a_date():
    block = _next_block(date(2019, 10, 1))
    assert _next_heading(date(2019, 10, 1)) == "What's next?"
    upcoming = block.select(".i2-next__item--upcoming")
    assert [item.a["href"] for item in upcoming] == ["calendar/#b2b-cleantech-mission-2019"]
    assert "Planned: 16–22 November 2019." in upcoming[0].get_text(" ", strip=True)
    assert block.select(".i2-next__item--past") == []
    (seminar,) = block.select(".i2-next__item--undated")
    assert "The date will be announced." in seminar.get_text(" ", strip=True)


def test_after_every_event_nothing_is_planned_and_the_seminar_promises_no_date():
    block = _next_block(date(2030, 1, 1))
    text = block.get_text(" ", strip=True)
    assert _next_heading(date(2030, 1, 1)) == "Project activities"
    assert "No activities are planned at the moment." in text
    assert block.select(".i2-next__item--upcoming") == [] and block.select(".i2-next__item--undated") == []
    (seminar,) = block.select(".i2-next__item--unscheduled")
    assert "i2-next__item--past" in seminar["class"] and "No date was announced." in seminar.get_text(" ")
    assert "Scheduled for 16–22 November 2019." in text and "Held in February–March 2019." in text


def test_undated_events_stand_by_their_neighbours_among_the_past_ones():
    from macros.content.calendar_groups import calendar_groups, outlook
    from macros.content.events import Event

    def event(event_id, start=None, end=None):
        text = {"nl": event_id, "en": event_id, "zh": event_id}
        return Event.model_validate({"id": event_id, "kind": "seminar", "title": text, "description": text,
                                     **({"start": start} if start else {}), **({"end": end} if end else {})})

    events = [event("u0"), event("a", "2019-02"), event("u1"), event("b", "2019-11-16", "2019-11-22"), event("u2"),
              event("u3")]
    later = calendar_groups(events, date(2026, 1, 1))
    assert later.upcoming == [] and later.undated == []
    # Newest first: an undated event is newer than the dated one before it in the data, and than the undated ones
    # before it.
    assert [e.id for e in later.past] == ["u3", "u2", "b", "u1", "a", "u0"]
    assert [[e.id for e in group] for _, group in later.past_by_month] == [["u3", "u2"], ["b"], ["u1"], ["a"], ["u0"]]
    assert [month for month, _ in later.past_by_month] == [None, date(2019, 11, 1), None, date(2019, 2, 1), None]
    between = calendar_groups(events, date(2019, 10, 1))
    assert [e.id for e in between.upcoming] == ["b"] and [e.id for e in between.undated] == ["u1", "u2", "u3"]
    assert [e.id for e in between.past] == ["a", "u0"]
    # The home page's recent activities: three dated ones, with the undated ones between them.
    assert [e.id for e in outlook(events, date(2026, 1, 1), recent=1).recent] == ["u3", "u2", "b"]


def test_the_invitation_follows_a_chinese_question_mark_without_a_space():
    for lang, gap in (("en", "? "), ("zh", "？<a")):
        invite = _next_block(date(2030, 1, 1), lang).select_one(".i2-next__invite")
        assert gap in str(invite)


def test_the_about_page_text_follows_the_calendar():
    ctx = _context("nl", "about.md")
    # Markdown with its backslash escapes taken out: the text as the page shows it.
    before = activities.take_part(ctx, date(2019, 10, 1)).replace("\\", "")
    assert "I²PCC B2B-cleantechmissie naar China (16–22 november 2019)" in before
    assert "april" not in before  # the visits ended in September
    assert activities.take_part(ctx, date(2020, 1, 1)).startswith("Er zijn op dit moment geen activiteiten gepland")
    listed = activities.activities(ctx, date(2019, 10, 1)).replace("\\", "")
    assert "Stond gepland voor april–september 2019." in listed and "Gepland: 16–22 november 2019." in listed
    assert "Vond plaats in februari–maart 2019." in listed
    assert "De datum wordt nog bekendgemaakt." in listed
    after = activities.activities(ctx, date(2026, 11, 23)).replace("\\", "")
    assert "Er is geen datum bekendgemaakt." in after
    assert "De datum wordt nog bekendgemaakt." not in after


# The sentences the about pages used to hold, which announced 2019 activities whatever the date.
HARD_CODED = {
    "nl": ["tussen april en september 2019", "van 16 tot 22 november 2019"],
    "en": ["between April and September 2019", "of 16–22 November 2019"],
    "zh": ["例如在2019年4月至9月", "2019年11月16日至22日的I²PCC"],
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_about_page_no_longer_announces_dated_activities(site, lang):
    page = article(page_file(site, lang, "about"))
    text = page.get_text(" ", strip=True)
    for sentence in HARD_CODED[lang]:
        assert sentence not in text
    assert _strings(lang)["activity.take_part_none"] in text
    for source in ("about.md", "index.md"):
        written = (ROOT / "docs" / lang / source).read_text(encoding="utf-8")
        assert not any(sentence in written for sentence in HARD_CODED[lang]), source


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_province_has_a_page_with_its_partner_regions_contacts_and_activities(site, data, lang):
    strings = _strings(lang)
    contacts = yaml.safe_load((ROOT / "data" / "contacts.yml").read_text(encoding="utf-8"))["contacts"]
    general = [c["email"] for c in contacts if c.get("general") and c.get("email")]
    provinces = [o for o in data["organisations"] if o["kind"] == "province"]
    assert len(provinces) == 4
    for province in provinces:
        page = article(page_file(site, lang, f"provinces/{province['id']}"))
        assert page.h1.get_text(strip=True) == province["name"][lang]
        regions = [r for r in data["regions"] if r["sister_province"] == province["id"]]
        assert [c["data-region"] for c in page.select(".i2-card--region")] == [r["id"] for r in regions]
        addresses = [a.get_text(strip=True) for a in page.select(".i2-province-contacts a")]
        own = [c["email"] for c in contacts if province["id"] in c.get("provinces", []) and c.get("email")]
        if own:
            assert addresses == own and page.select_one(".i2-province-no-contact") is None
        else:
            no_contact = strings["province.no_contact"].format(province=(province.get("short_name") or province["name"])[lang])
            assert page.select_one(".i2-province-no-contact").get_text(strip=True) == no_contact
            assert addresses == general
        for region in regions:
            assert page.select_one(f'a[href="../../regions/{region["id"]}/"]') is not None
        assert page.select('a[href^="../../calendar/#"]'), "the events of its partner regions"


def test_partners_and_region_pages_link_to_the_province_pages(site, data):
    for lang in LANGUAGES:
        partners = article(page_file(site, lang, "partners"))
        for organisation in data["organisations"]:
            if organisation["kind"] == "province":
                assert partners.select_one(f'a[href="../provinces/{organisation["id"]}/"]') is not None
        for region in data["regions"]:
            page = article(page_file(site, lang, f"regions/{region['id']}"))
            assert page.select_one(f'dl.i2-facts a[href="../../provinces/{region["sister_province"]}/"]')


@pytest.mark.parametrize("lang", ["nl", "zh"])
def test_on_a_phone_the_calls_to_action_are_on_the_first_screen_and_nothing_scrolls_sideways(
        served_site, browser, lang):
    context = browser.new_context(viewport={"width": 360, "height": 640}, locale={"nl": "nl-BE", "zh": "zh-CN"}[lang])
    page = context.new_page()
    page.goto(served_site + page_dir(lang))
    bottoms = page.eval_on_selector_all(".i2-home-actions a", "links => links.map(a => a.getBoundingClientRect().bottom)")
    assert len(bottoms) == 3
    assert max(bottoms) <= page.evaluate("innerHeight")
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    context.close()


def test_no_script_file_holds_back_the_first_paint(site):
    """Material's bundle and our own scripts are deferred (overrides/main.html, mkdocs.yml): the browser paints a page
    without first fetching and running them, which Lighthouse counted against the home pages' first paint."""
    for path in html_pages(site):
        scripts = soup(path).select("script[src]")
        assert any("/javascripts/bundle." in s["src"] for s in scripts), path
        assert [s["src"] for s in scripts if not s.has_attr("defer")] == [], path
