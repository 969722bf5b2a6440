"""Issue 3: the mission calendar pages, their JSON-LD, the iCalendar files, and the checks on data/events.yml."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from datetime import date, datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
import vobject
import yaml
from conftest import LANGUAGES, ROOT, article, build_site, copy_checked_sources, copy_project, page_dir, page_file, soup

from macros import check

EVENTS = yaml.safe_load((ROOT / "data" / "events.yml").read_text(encoding="utf-8"))["events"]
STRINGS = {lang: yaml.safe_load((ROOT / "locales" / f"{lang}.yml").read_text(encoding="utf-8")) for lang in LANGUAGES}
B2B = "b2b-cleantech-mission-2019"


def _section_of(page, event_id: str) -> str:
    """The text of the h2 an event's heading stands under (upcoming, undated or past)."""
    return page.find(id=event_id).find_previous("h2").get_text(strip=True)


def test_the_calendar_page_writes_dates_the_way_each_language_does(site):
    expected = {
        "nl": ["16–22 november 2019", "februari–maart 2019", "april–september 2019", "november 2019"],
        "en": ["16–22 November 2019", "February–March 2019", "April–September 2019",
               "November 2019"],
        "zh": ["2019年11月16日至22日", "2019年2月至3月", "2019年4月至9月", "2019年11月"],
    }
    for lang in LANGUAGES:
        page = article(page_file(site, lang, "calendar"))
        strings = STRINGS[lang]
        assert page.h1.get_text(strip=True) == strings["calendar.title"]
        text = page.get_text(" ", strip=True)
        for snippet in expected[lang]:
            assert snippet in text, (lang, snippet)
        for event in EVENTS:
            heading = page.find(id=event["id"])
            assert heading.get_text(strip=True) == event["title"][lang]
        # The real events all lie in the past (the build is dated 2026). The undated seminar, planned after the
        # mission of November 2019, never got a date: it stands among the past events, promising none.
        assert _section_of(page, B2B) == strings["calendar.past"]
        assert _section_of(page, "closing-seminar") == strings["calendar.past"]
        assert page.find(id="closing-seminar").find_previous("h3").get_text(strip=True) == strings[
            "calendar.past_undated"]
        seminar_date = page.find(id="closing-seminar").find_next("dl").div.dd.get_text(strip=True)
        assert seminar_date == strings["event.date_not_announced"]
        assert strings["calendar.undated"] not in [h.get_text(strip=True) for h in page.find_all("h2")]
        assert strings["event.date_tba"] not in text
        assert strings["calendar.no_upcoming"] in text
        # Past events are grouped by month, newest first; the seminar, after the mission, comes first.
        event_ids = {e["id"] for e in EVENTS}
        months = [h.get_text(strip=True) for h in page.find_all("h3") if h["id"] not in event_ids]
        assert months == [strings["calendar.past_undated"]] + expected[lang][3:] + [
            {"nl": "april 2019", "en": "April 2019", "zh": "2019年4月"}[lang],
            {"nl": "februari 2019", "en": "February 2019", "zh": "2019年2月"}[lang]]


def test_the_calendar_is_in_the_navigation_after_about(site):
    for lang in LANGUAGES:
        nav = soup(page_file(site, lang, "")).select_one("nav.md-nav--primary").get_text("|", strip=True).split("|")
        about = {"nl": "Over het project", "en": "About the project", "zh": "项目介绍"}[lang]
        calendar = {"nl": "Kalender", "en": "Calendar", "zh": "活动日历"}[lang]
        assert nav.index(calendar) == nav.index(about) + 1


def test_each_event_has_schema_org_json_ld_at_the_precision_known(site):
    for lang in LANGUAGES:
        page = soup(page_file(site, lang, "calendar"))
        scripts = page.select('article script[type="application/ld+json"]')
        assert len(scripts) == len(EVENTS)
        items = {item["name"]: item for item in (json.loads(script.string) for script in scripts)}
        for event in EVENTS:
            item = items[event["title"][lang]]
            assert item["@type"] == "Event" and item["@context"] == "https://schema.org"
            assert item["description"] == event["description"][lang]
            assert item.get("startDate") == (str(event["start"]) if "start" in event else None)
            assert item.get("endDate") == (str(event["end"]) if "end" in event else None)
    assert items[EVENTS[0]["title"]["zh"]]["startDate"] == "2019-02"


def test_json_ld_cannot_break_out_of_its_script_element():
    from macros.content import page_paths
    from macros.content.events import Event
    from macros.content.site_data import load_site_data
    from macros.content.strings import load_strings
    from macros.render.event_view import EventView
    from macros.render.pages import PageContext

    hostile = "</script><script>alert(1)</script> & <!--"
    text = {"nl": hostile, "en": hostile, "zh": hostile}
    event = Event.model_validate({"id": "x", "kind": "seminar", "title": text, "description": text})
    ctx = PageContext(load_site_data(ROOT / "data"), load_strings(ROOT / "locales"), "en", page_paths.CALENDAR)
    output = str(EventView(ctx).jsonld(event))
    assert "<" not in output and ">" not in output and "&" not in output
    assert json.loads(output)["name"] == hostile


def test_region_and_challenge_pages_list_the_events_that_concern_them(site):
    for lang in LANGUAGES:
        for kind, field in (("regions", "regions"), ("challenges", "challenges")):
            ids = {i for e in EVENTS for i in e.get(field, [])}
            for item_id in ids:
                page = article(page_file(site, lang, f"{kind}/{item_id}"))
                links = {a["href"].rsplit("#", 1)[1]: a.get_text(strip=True)
                         for a in page.select('a[href*="calendar/#"]')}
                expected = {e["id"]: e["title"][lang] for e in EVENTS if item_id in e.get(field, [])}
                assert links == expected, (lang, kind, item_id)


def _ics_files(site):
    return sorted(site.rglob("*.ics"))


def test_every_ics_file_parses_with_two_independent_parsers(site):
    files = _ics_files(site)
    # Per language: the B2B mission (the only event with known days) and the whole-calendar feed.
    assert len(files) == 2 * len(LANGUAGES)
    for path in files:
        raw = path.read_bytes()
        lang = path.relative_to(site).parts[0] if path.relative_to(site).parts[0] in ("en", "zh") else "nl"
        parsed = icalendar.Calendar.from_ical(raw)
        assert parsed["VERSION"] == "2.0" and parsed["PRODID"]
        events = parsed.walk("VEVENT")
        assert [str(e["UID"]) for e in events] == [f"{B2B}@i2pcc"]
        mission = events[0]
        assert str(mission["SUMMARY"]) == next(e for e in EVENTS if e["id"] == B2B)["title"][lang]
        # All-day dates, DTEND exclusive: 16 up to and including 22 November.
        assert mission.decoded("DTSTART") == date(2019, 11, 16)
        assert mission.decoded("DTEND") == date(2019, 11, 23)
        assert mission["URL"].endswith(f"{page_dir(lang)}calendar/#{B2B}")

        card = vobject.readOne(raw.decode("utf-8"))
        vevents = card.contents["vevent"]
        assert len(vevents) == 1
        assert vevents[0].uid.value == f"{B2B}@i2pcc"
        assert vevents[0].summary.value == str(mission["SUMMARY"])
        assert vevents[0].dtstart.value == date(2019, 11, 16)
        assert vevents[0].dtend.value == date(2019, 11, 23)


def test_calendar_links_lead_to_existing_files(site):
    for lang in LANGUAGES:
        page_path = page_file(site, lang, "calendar")
        page = article(page_path)
        hrefs = [a["href"] for a in page.select('a[type="text/calendar"]')]
        # The feed and the B2B mission; month ranges and undated events get no calendar file and no link.
        assert sorted(hrefs) == sorted(["i2pcc.ics", f"{B2B}.ics"])
        for href in hrefs:
            assert (page_path.parent / href).is_file(), (lang, href)


_ICS_DIGEST = """
import hashlib, sys
from macros import ROOT
from macros.content.build_clock import build_instant
from macros.content.site_data import load_site_data
from macros.content.strings import load_strings
from macros.files.calendar_feed import calendar_files
files = calendar_files(load_site_data(ROOT / "data"), load_strings(ROOT / "locales"), "en", build_instant(),
                       "https://example.test/en/calendar/")
for name in sorted(files):
    print(name, hashlib.sha256(files[name]).hexdigest())
"""


def test_ics_files_are_reproducible_for_a_pinned_build_date():
    """Two processes (other hash seeds, other moments) write the same bytes for the same SOURCE_DATE_EPOCH."""
    from macros.content.build_clock import build_instant
    from macros.content.site_data import load_site_data
    from macros.content.strings import load_strings
    from macros.files.calendar_feed import calendar_files

    digests = []
    for seed in ("1", "2"):
        env = {**os.environ, "SOURCE_DATE_EPOCH": "1893456000", "PYTHONHASHSEED": seed}
        result = subprocess.run([sys.executable, "-c", _ICS_DIGEST], cwd=ROOT, env=env, capture_output=True,
                                text=True, check=True)
        digests.append(result.stdout)
        if seed == "1":
            time.sleep(1.1)  # a DTSTAMP taken from the clock would differ
    assert digests[0] == digests[1] and "calendar/i2pcc.ics" in digests[0]
    stamp = build_instant({"SOURCE_DATE_EPOCH": "1893456000"})
    assert stamp == datetime(2030, 1, 1, tzinfo=timezone.utc)
    files = calendar_files(load_site_data(ROOT / "data"), load_strings(ROOT / "locales"), "en", stamp,
                           "https://example.test/en/calendar/")
    feed = icalendar.Calendar.from_ical(files["calendar/i2pcc.ics"])
    assert feed.walk("VEVENT")[0].decoded("DTSTAMP") == stamp


# A fixture calendar, for the tests only: a timed event, a day, and a month range, all in the future.
FIXTURE_EVENTS = """
events:
  - id: fixture-seminar
    kind: seminar
    start: 2031-05-06 09:00
    end: 2031-05-06 17:30
    timezone: Europe/Brussels
    place: {nl: Testplaats, en: Test place, zh: 测试地点}
    regions: [hebei]
    challenges: [hydrogen]
    title: {nl: Testseminarie, en: Test seminar, zh: 测试研讨会}
    description: {nl: Alleen voor de tests., en: For the tests only., zh: 仅供测试。}
    registration: https://example.test/register
  - id: fixture-delegation
    kind: incoming-delegation
    start: 2031-06-10
    title: {nl: Testdelegatie, en: Test delegation, zh: 测试代表团}
    description: {nl: Alleen voor de tests., en: For the tests only., zh: 仅供测试。}
  - id: fixture-months
    kind: outgoing-mission
    start: 2031-09
    end: 2031-10
    title: {nl: Testmissie, en: Test mission, zh: 测试代表团访华}
    description: {nl: Alleen voor de tests., en: For the tests only., zh: 仅供测试。}
"""

# The real calendar with the fixture's events added, built on a day before the B2B mission of November 2019 (and so
# before the fixture's events) and on a day after all of them.
BEFORE = int(datetime(2019, 10, 1, tzinfo=timezone.utc).timestamp())
AFTER = int(datetime(2032, 1, 1, tzinfo=timezone.utc).timestamp())


@pytest.fixture(scope="module")
def fixture_sites(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("calendar") / "project")
    events = project / "data" / "events.yml"
    with open(events, "a", encoding="utf-8") as out:
        out.write(FIXTURE_EVENTS.split("events:\n", 1)[1])
    ids = [event["id"] for event in yaml.safe_load(events.read_text(encoding="utf-8"))["events"]]
    assert ids[-3:] == ["fixture-seminar", "fixture-delegation", "fixture-months"] and B2B in ids
    sites = {}
    for name, epoch in (("before", BEFORE), ("after", AFTER)):
        site_dir = project.parent / f"site-{name}"
        result = build_site(project, site_dir, {"SOURCE_DATE_EPOCH": str(epoch)})
        assert result.returncode == 0, result.stdout[-3000:]  # strict: a warning fails the build
        sites[name] = site_dir
    return sites


def test_before_the_mission_the_seminar_is_still_to_be_announced(fixture_sites, site):
    """Issue 15: an undated event is 'to be announced' only while a dated neighbour is still to come."""
    site_before_the_mission = fixture_sites["before"]
    for lang in LANGUAGES:
        strings = STRINGS[lang]
        before = article(page_file(site_before_the_mission, lang, "calendar"))
        assert _section_of(before, B2B) == strings["calendar.upcoming"]
        assert _section_of(before, "closing-seminar") == strings["calendar.undated"]
        assert before.find(id="closing-seminar").find_next("dl").div.dd.get_text(strip=True) == strings[
            "event.date_tba"]
        assert strings["calendar.past_undated"] not in before.get_text()
        # On the home page: under "what's next", as undated; in 2026 among the past activities instead.
        home_before = article(page_file(site_before_the_mission, lang, "")).select_one(".i2-next")
        assert home_before.find_previous("h2").get_text(strip=True) == strings["home.next_heading"]
        (item,) = home_before.select(".i2-next__item--undated")
        assert item.a["href"] == "calendar/#closing-seminar"
        assert strings["activity.undated"] in item.get_text(" ", strip=True)
        home_after = article(page_file(site, lang, "")).select_one(".i2-next")
        assert home_after.find_previous("h2").get_text(strip=True) == strings["home.past_heading"]
        assert home_after.select(".i2-next__item--undated") == []
        assert "closing-seminar" in home_after.select_one(".i2-next__item--past.i2-next__item--unscheduled a")["href"]
        # The about page lists every activity with where it stands.
        about_before = article(page_file(site_before_the_mission, lang, "about")).get_text(" ", strip=True)
        about_after = article(page_file(site, lang, "about")).get_text(" ", strip=True)
        assert strings["activity.undated"] in about_before and strings["activity.unscheduled"] not in about_before
        assert strings["activity.unscheduled"] in about_after and strings["activity.undated"] not in about_after


def test_upcoming_and_past_follow_the_pinned_build_date(fixture_sites):
    for lang in LANGUAGES:
        before = article(page_file(fixture_sites["before"], lang, "calendar"))
        after = article(page_file(fixture_sites["after"], lang, "calendar"))
        for event_id in ("fixture-seminar", "fixture-delegation", "fixture-months"):
            assert _section_of(before, event_id) == STRINGS[lang]["calendar.upcoming"], (lang, event_id)
            assert _section_of(after, event_id) == STRINGS[lang]["calendar.past"], (lang, event_id)
        # Upcoming soonest first.
        ids = [h["id"] for h in before.select("h3[id]")]
        assert ids.index(B2B) < ids.index("fixture-seminar") < ids.index("fixture-delegation") < ids.index(
            "fixture-months")
        assert STRINGS[lang]["calendar.no_upcoming"] in after.get_text()


def test_times_are_shown_in_brussels_and_china_time(fixture_sites):
    # 6 May 2031 is summer time in Brussels (UTC+2); China is UTC+8 all year.
    expected = {"nl": ("6 mei 2031, 09:00–17:30", "6 mei 2031, 15:00–23:30"),
                "en": ("6 May 2031, 09:00–17:30", "6 May 2031, 15:00–23:30"),
                "zh": ("2031年5月6日 09:00–17:30", "2031年5月6日 15:00–23:30")}
    for lang in LANGUAGES:
        facts = article(page_file(fixture_sites["before"], lang, "calendar")).find(id="fixture-seminar").find_next("dl")
        rows = {div.dt.get_text(strip=True): div.dd.get_text(strip=True) for div in facts.find_all("div")}
        assert rows[STRINGS[lang]["event.time_brussels"]] == expected[lang][0]
        assert rows[STRINGS[lang]["event.time_china"]] == expected[lang][1]
        assert facts.find("time")["datetime"] == "2031-05-06T09:00:00+02:00"


def test_timed_events_carry_their_time_zone_in_the_ics(fixture_sites):
    site = fixture_sites["before"]
    feed_raw = (site / "zh" / "calendar" / "i2pcc.ics").read_bytes()
    feed = icalendar.Calendar.from_ical(feed_raw)
    assert sorted(str(e["UID"]) for e in feed.walk("VEVENT") if str(e["UID"]).startswith("fixture-")) == [
        "fixture-delegation@i2pcc", "fixture-seminar@i2pcc"]
    tzids = {str(e["DTSTART"].params["TZID"]) for e in feed.walk("VEVENT") if "TZID" in e["DTSTART"].params}
    assert tzids == {"Europe/Brussels"}
    assert {str(tz["TZID"]) for tz in feed.walk("VTIMEZONE")} == tzids
    seminar = next(e for e in feed.walk("VEVENT") if str(e["UID"]) == "fixture-seminar@i2pcc")
    brussels = ZoneInfo("Europe/Brussels")
    assert seminar.decoded("DTSTART") == datetime(2031, 5, 6, 9, 0, tzinfo=brussels)
    assert seminar.decoded("DTSTAMP") == datetime.fromtimestamp(BEFORE, timezone.utc)
    assert "https://example.test/register" in str(seminar["DESCRIPTION"])
    one_day = next(e for e in feed.walk("VEVENT") if str(e["UID"]) == "fixture-delegation@i2pcc")
    assert (one_day.decoded("DTSTART"), one_day.decoded("DTEND")) == (date(2031, 6, 10), date(2031, 6, 11))

    # The event's own file, which its "add to calendar" link offers. (vobject 0.9.9 reads the feed's time zone wrong
    # here: the feed spans 2019 to 2031 and its VTIMEZONE lists thirteen years of changes, which icalendar and
    # dateutil read right.)
    card = vobject.readOne((site / "zh" / "calendar" / "fixture-seminar.ics").read_text(encoding="utf-8"))
    vseminar = next(e for e in card.contents["vevent"] if e.uid.value == "fixture-seminar@i2pcc")
    assert vseminar.dtstart.value == datetime(2031, 5, 6, 7, 0, tzinfo=timezone.utc)
    assert vseminar.dtend.value == datetime(2031, 5, 6, 15, 30, tzinfo=timezone.utc)
    assert not (site / "zh" / "calendar" / "fixture-months.ics").exists()


BAD_INPUT = {
    "end before start": (B2B, "end", "start: 2019-11-16\n    end: 2019-11-22", "start: 2019-11-16\n    end: 2019-11-10",
                         "het einde (2019-11-10) ligt voor het begin (2019-11-16)"),
    "unknown region": ("exploratory-mission-2019", "regions",
                       "regions: [hebei, shaanxi, chengdu, chongqing, guangdong]\n    # Seed 000: \"bezochten",
                       "regions: [hebei, atlantis]\n    # Seed 000: \"bezochten",
                       "'atlantis' is geen regio"),
    "unknown challenge": (B2B, "challenges", "battery-recycling]\n    title:\n      nl: I²PCC",
                          "teleportation]\n    title:\n      nl: I²PCC", "'teleportation' is geen uitdaging"),
    "unknown time zone": (B2B, "timezone", "start: 2019-11-16\n    end: 2019-11-22",
                          "start: 2019-11-16 09:00\n    end: 2019-11-22 17:00\n    timezone: Mars/Olympus",
                          "'Mars/Olympus' is geen bekende tijdzone"),
    "missing translation": ("closing-seminar", "title.zh", "      zh: 项目总结研讨会\n", "",
                            "de Chinese tekst (zh) ontbreekt"),
}


def _break_events(project: Path, case: str) -> str:
    """The project's data/events.yml with the case's mistake; the original text."""
    _, _, old, new, _ = BAD_INPUT[case]
    events = project / "data" / "events.yml"
    text = events.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    events.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text


def _assert_names_event_and_field(output: str, case: str):
    event_id, field, _, _, message = BAD_INPUT[case]
    line = next(line for line in output.splitlines() if "data/events.yml:" in line)
    assert f"bij '{event_id}', veld '{field}'" in line, line
    assert message in line, line
    assert "Traceback" not in output


@pytest.fixture(scope="module")
def sources(tmp_path_factory) -> Path:
    """What the checks read, copied once; each case breaks data/events.yml and restores it."""
    return copy_checked_sources(tmp_path_factory.mktemp("bad-events") / "project")


@pytest.mark.parametrize("case", BAD_INPUT)
def test_bad_event_data_is_reported_naming_file_event_and_field(case, sources, capsys):
    """In-process, through the checks every build runs first (`python -m macros.check` runs the same)."""
    original = _break_events(sources, case)
    try:
        code = check.main(sources)
    finally:
        (sources / "data" / "events.yml").write_text(original, encoding="utf-8")
    assert code == 1
    _assert_names_event_and_field(capsys.readouterr().out, case)


def test_bad_event_data_stops_the_build(project_copy, tmp_path):
    _break_events(project_copy, "end before start")
    result = build_site(project_copy, tmp_path / "site")
    assert result.returncode != 0
    _assert_names_event_and_field(result.stdout, "end before start")
    assert not (tmp_path / "site").exists()
