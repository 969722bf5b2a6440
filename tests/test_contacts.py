"""Issue 4: contacts, vCards, JSON-LD, the expression-of-interest page, the partners page and the EU statement."""

from __future__ import annotations

import dataclasses
import json
import math
import re
import shutil
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
import vobject
from conftest import LANGUAGES, ROOT, article, html_pages, page_file, soup

from macros.content.problems import DataError
from macros.content.site_data import load_site_data
from macros.pictures import eu_emblem
from macros.render.mailto import mailto_url
from macros.render.structured_data import contact_json_ld

SITE_DATA = load_site_data(ROOT / "data")
COFUNDED = {"nl": "Medegefinancierd door de Europese Unie", "en": "Co-funded by the European Union",
            "zh": "由欧盟共同资助"}
AMOUNT = {"nl": "193.198,00 euro", "en": "EUR 193,198.00", "zh": "193,198.00欧元"}
EMBLEM_ALT = {"nl": "Vlag van de Europese Unie", "en": "Flag of the European Union", "zh": "欧盟旗帜"}


def _parse_mailto(url: str) -> tuple[list[str], dict[str, str]]:
    parts = urlsplit(url)
    assert parts.scheme == "mailto"
    fields = {key: values[0] for key, values in parse_qs(parts.query, keep_blank_values=True).items()}
    return [unquote(address) for address in parts.path.split(",")], fields


def _region_recipients(region_id: str) -> list[str]:
    return [c.email for c in SITE_DATA.region_contacts(region_id)[0]]


# --- data and routing -------------------------------------------------------------------------------------------

def test_every_region_resolves_to_contacts_through_its_sister_province_or_the_general_contact():
    general = SITE_DATA.general_contacts
    assert [c.email for c in general] == ["alice.cooman@provincieantwerpen.be", "sara.landuydt@pomantwerpen.be"]
    for region in SITE_DATA.regions:
        contacts, via_general = SITE_DATA.region_contacts(region.id)
        assert contacts and all(c.email for c in contacts)
        own = [c for c in SITE_DATA.contacts if region.sister_province in c.provinces and c.email]
        assert (contacts, via_general) == ((own, False) if own else (general, True))
    assert not SITE_DATA.region_contacts("shaanxi")[1] and SITE_DATA.region_contacts("hebei")[1]


def test_a_province_contact_takes_over_its_regions_from_the_general_contact():
    extra = SITE_DATA.contacts[0].model_copy(update={"id": "x", "organisation": "limburg", "provinces": ["limburg"],
                                                    "general": False, "email": "x@example.org"})
    data = dataclasses.replace(SITE_DATA, contacts=SITE_DATA.contacts + (extra,))
    assert data.region_contacts("guangdong") == ([extra], False)
    assert data.region_contacts("hebei")[1]


def test_no_address_is_turned_into_a_person():
    for contact in SITE_DATA.contacts:
        if contact.id in ("provincie-antwerpen", "pom-antwerpen"):
            assert contact.person is None


@pytest.mark.parametrize("mistake, expected", [
    (("organisation: antwerpen", "organisation: antwerp"),
     "bij 'provincie-antwerpen', veld 'organisation': 'antwerp' is geen organisatie"),
    (("provinces: [antwerpen]", "provinces: [vito]"), "veld 'provinces': 'vito' is geen provincie"),
    (("email: alice.cooman@provincieantwerpen.be", "email: alice.cooman"), "veld 'email'"),
])
def test_contact_mistakes_name_file_entry_and_field(tmp_path, mistake, expected):
    data_dir = tmp_path / "data"
    shutil.copytree(ROOT / "data", data_dir)
    contacts = data_dir / "contacts.yml"
    contacts.write_text(contacts.read_text(encoding="utf-8").replace(*mistake, 1), encoding="utf-8")
    with pytest.raises(DataError) as error:
        load_site_data(data_dir)
    assert "data/contacts.yml:" in str(error.value)
    assert expected in str(error.value)


def test_without_a_general_contact_the_data_is_refused(tmp_path):
    data_dir = tmp_path / "data"
    shutil.copytree(ROOT / "data", data_dir)
    contacts = data_dir / "contacts.yml"
    contacts.write_text(contacts.read_text(encoding="utf-8").replace("general: true", "general: false"),
                        encoding="utf-8")
    with pytest.raises(DataError, match="general: true"):
        load_site_data(data_dir)


# --- pure pieces --------------------------------------------------------------------------------------------------

def test_mailto_urls_encode_subject_and_body():
    url = mailto_url(["a@example.org", "b@example.org"], "Vraag & antwoord: I²PCC", "Regel 1\nRegel 2 ?=&")
    assert url == ("mailto:a@example.org,b@example.org?subject=Vraag%20%26%20antwoord%3A%20I%C2%B2PCC"
                   "&body=Regel%201%0D%0ARegel%202%20%3F%3D%26")


def test_json_ld_cannot_break_out_of_its_script_element():
    evil = SITE_DATA.contacts[0].role.model_copy(update={"en": "</script><script>alert(1)</script> & co"})
    contact = SITE_DATA.contacts[0].model_copy(update={"role": evil})
    data = dataclasses.replace(SITE_DATA, contacts=(contact,) + SITE_DATA.contacts[1:])
    text = contact_json_ld(data, "en")
    assert "<" not in text and ">" not in text and "&" not in text
    points = [p for node in json.loads(text)["@graph"] for p in node["contactPoint"]]
    assert points[0]["contactType"] == "</script><script>alert(1)</script> & co"


def test_the_emblem_follows_the_eu_graphic_specification():
    assert eu_emblem.WIDTH * 2 == eu_emblem.HEIGHT * 3
    stars = eu_emblem.stars()
    assert len(stars) == 12
    centre = (eu_emblem.WIDTH / 2, eu_emblem.HEIGHT / 2)
    for index, star in enumerate(stars):
        points = [tuple(map(float, p.split(","))) for p in star.split()]
        assert len(points) == 10
        cx = sum(x for x, _ in points) / 10
        cy = sum(y for _, y in points) / 10
        assert math.dist((cx, cy), centre) == pytest.approx(eu_emblem.HEIGHT / 3, abs=0.05)
        outer = points[0::2]
        for point in outer:
            assert math.dist(point, (cx, cy)) == pytest.approx(eu_emblem.HEIGHT / 18, abs=0.05)
        # Upright: the first point is straight above the star's centre, whatever the star's place on the circle.
        assert outer[0][0] == pytest.approx(cx, abs=0.01) and outer[0][1] < cy
        if index == 0:
            assert cx == pytest.approx(centre[0], abs=0.01) and cy < centre[1]


# --- the built site -----------------------------------------------------------------------------------------------

def _allowed_files(contact) -> set[str]:
    pages = {"contact"}
    if contact.general or any(contact in SITE_DATA.region_contacts(r.id)[0] for r in SITE_DATA.regions):
        pages.add("interest")
    # A region's page (and its printed sheet) names whom to write to about that region.
    pages |= {f"regions/{r.id}" for r in SITE_DATA.regions if contact in SITE_DATA.region_contacts(r.id)[0]}
    # A province's page names its own contacts, or the general ones when it has none.
    pages |= {f"provinces/{p.id}" for p in SITE_DATA.provinces
              if contact in SITE_DATA.province_contacts(p.id)
              or (contact.general and not SITE_DATA.province_contacts(p.id))}
    if contact.general:  # the address for feedback on the accessibility statement and privacy pages (issue 6)
        pages |= {"accessibility", "privacy"}
    allowed = {f"contacts/{contact.id}.vcf"}
    events = [e for e in SITE_DATA.events if contact.id in e.contacts]
    if events:
        pages.add("calendar")
    for lang in LANGUAGES:
        prefix = "" if lang == "nl" else f"{lang}/"
        allowed |= {f"{prefix}{page}/index.html" for page in pages}
        allowed |= {f"{prefix}calendar/{e.id}.ics" for e in events if e.in_feed}
        if any(e.in_feed for e in events):
            allowed.add(f"{prefix}calendar/i2pcc.ics")
    return allowed


def test_every_email_address_appears_only_where_the_data_puts_it(site):
    # iCalendar folds long lines (RFC 5545 3.1), which can split an address; unfold before looking.
    files = {path.relative_to(site).as_posix(): path.read_bytes().replace(b"\r\n ", b"")
             for path in site.rglob("*") if path.is_file()}
    # One search index per language, its locations relative to the language's folder.
    docs = [{**doc, "location": prefix + doc["location"]}
            for prefix in ("", "en/", "zh/")
            for doc in json.loads(files.pop(f"{prefix}search/search_index.json"))["docs"]]
    for contact in SITE_DATA.contacts:
        if not contact.email:
            continue
        address = contact.email.lower().encode()
        found = {name for name, content in files.items() if address in content.lower()}
        assert found == _allowed_files(contact), contact.id
        in_index = {doc["location"].split("#")[0] for doc in docs
                    if contact.email.lower() in (doc["text"] + doc["title"]).lower()}
        assert in_index and all(re.fullmatch(
            r"((en|zh)/)?(contact|interest|calendar|accessibility|privacy|(regions|provinces)/[a-z0-9-]+)/", loc)
            for loc in in_index), in_index


def test_each_contact_has_a_vcard_4_that_parses_and_carries_the_right_fields(site):
    for contact in SITE_DATA.contacts:
        raw = (site / "contacts" / f"{contact.id}.vcf").read_bytes()
        assert b"\r\n" in raw and all(len(line) <= 75 for line in raw.split(b"\r\n"))
        card = vobject.readOne(raw.decode("utf-8"))
        organisation = SITE_DATA.organisation(contact.organisation)
        assert card.version.value == "4.0"
        assert {o.value[0] for o in card.contents["org"]} == {organisation.name[lang] for lang in LANGUAGES}
        if contact.person:
            assert card.kind.value == "individual"
            assert card.fn.value == f"{contact.person.given} {contact.person.family}"
            assert (card.n.value.family, card.n.value.given) == (contact.person.family, contact.person.given)
        else:
            assert card.kind.value == "org" and "n" not in card.contents
            assert {fn.value for fn in card.contents["fn"]} == {organisation.name[lang] for lang in LANGUAGES}
        assert [e.value for e in card.contents.get("email", [])] == ([contact.email] if contact.email else [])
        if contact.phone:
            assert card.tel.value == "tel:+32477412109" and card.tel.params["VALUE"] == ["uri"]
        else:
            assert "tel" not in card.contents
    vito = vobject.readOne((site / "contacts" / "vito-industrial-symbiosis.vcf").read_text(encoding="utf-8"))
    assert vito.url.value == "http://www.vito.be/"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_contact_page_links_mail_vcards_and_describes_itself_in_json_ld(site, lang):
    path = page_file(site, lang, "contact")
    page = article(path)
    subject = {"nl": "Vraag over {}", "en": "Question about {}", "zh": "关于{}的咨询"}[lang]
    # A contact of a related project is asked about that project, not about I²PCC.
    projects = {c.email: c.project[lang] for c in SITE_DATA.contacts if c.project and c.email}
    for link in page.select('a[href^="mailto:"]'):
        recipients, fields = _parse_mailto(link["href"])
        address = link.get_text(strip=True)
        assert recipients == [address] and fields == {"subject": subject.format(projects.get(address, "I²PCC"))}
    for contact in SITE_DATA.contacts:
        card = page.select_one(f'[data-contact="{contact.id}"]')
        assert card is not None, contact.id
        vcard = card.select_one('a[href$=".vcf"]')
        assert (path.parent / vcard["href"]).resolve() == (site / "contacts" / f"{contact.id}.vcf").resolve()
    text = page.get_text(" ", strip=True)
    for province in SITE_DATA.provinces:
        assert province.name[lang] in text
    graph = json.loads(page.select_one('script[type="application/ld+json"]').string)["@graph"]
    assert {node["name"] for node in graph} == {SITE_DATA.organisation(c.organisation).name[lang]
                                                for c in SITE_DATA.contacts}
    points = {p.get("email"): p for node in graph for p in node["contactPoint"]}
    assert points["alice.cooman@provincieantwerpen.be"]["availableLanguage"] == ["nl"]
    assert points["Johan.gemoets@vito.be"]["telephone"] == "+32-477.41.21.09"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_shows_the_eu_emblem_and_statements(site, lang):
    paths = [p for p in html_pages(site) if (p.relative_to(site).parts[0] == lang if lang != "nl"
                                              else p.relative_to(site).parts[0] not in ("en", "zh"))]
    assert len(paths) == len(list((ROOT / "docs" / lang).rglob("*.md")))
    for path in paths:
        page = soup(path)
        banner = page.select_one("aside.i2-eu-funding")
        assert banner is not None, path
        # Above the navigation and the content, so visible without scrolling.
        assert banner.find_next("main") is not None
        svg = banner.select_one('svg[role="img"]')
        assert svg.title.get_text() == EMBLEM_ALT[lang]
        assert svg["aria-labelledby"] == svg.title["id"]
        assert svg.rect["fill"] == "#003399"
        assert [p["fill"] for p in svg.select("polygon")] == ["#FFCC00"] * 12
        text = banner.get_text(" ", strip=True)
        assert COFUNDED[lang] in text and AMOUNT[lang] in text, path
        assert "EFRO" in text if lang == "nl" else "ERDF" in text


def test_the_interest_page_works_without_javascript(site):
    for lang in LANGUAGES:
        page = article(page_file(site, lang, "interest"))
        assert page.select_one("form#i2-interest").has_attr("hidden")
        rows = page.select("table.i2-write-to tbody tr")
        assert [row["data-region"] for row in rows] == [r.id for r in SITE_DATA.regions] + [""]
        for row in rows:
            recipients, fields = _parse_mailto(row.select_one('a[href^="mailto:"]')["href"])
            region_id = row["data-region"]
            expected = _region_recipients(region_id) if region_id else [c.email for c in SITE_DATA.general_contacts]
            assert recipients == expected
            if region_id:
                assert SITE_DATA.region(region_id).short_name[lang] in fields["subject"]
            assert "\r\n" in fields["body"]
        assert len(page.select("h3 + p + ul li")) == 6
        assert page.select_one(".i2-privacy") is not None


def test_the_interest_form_is_accessible_and_its_script_local(site):
    html = page_file(site, "en", "interest").read_text(encoding="utf-8")
    page = soup(page_file(site, "en", "interest"))
    form = page.select_one("form#i2-interest")
    assert len(form.select("fieldset > legend")) == 3
    for field in form.select("input, textarea"):
        assert form.select_one(f'label[for="{field["id"]}"]') is not None, field["id"]
    assert not re.search(r"\son[a-z]+=", html)
    scripts = [s["src"] for s in page.select("script[src]")]
    assert any(src.endswith("assets/interest.js") for src in scripts)
    assert all(not src.startswith(("http:", "https:", "//")) for src in scripts)
    # The script holds no address: recipients come from the page, where the data puts them.
    assert not re.search(r"[\w.]+@[\w.]+", (site / "assets" / "interest.js").read_text(encoding="utf-8"))


def test_the_partners_page_lists_partners_and_regions_but_no_other_organisation(site):
    for lang in LANGUAGES:
        text = article(page_file(site, lang, "partners")).get_text(" ", strip=True)
        for organisation in SITE_DATA.organisations:
            assert (organisation.name[lang] in text) == organisation.partner, organisation.id
            if organisation.partner:
                assert organisation.role[lang] in text
        for region in SITE_DATA.regions:
            assert region.name[lang] in text


# --- in a real browser --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang, region, challenge", [("en", "hebei", "hydrogen"), ("zh", "shaanxi", "sludge")])
def test_the_interest_form_composes_the_right_mailto_url(served_site, browser, lang, region, challenge):
    page = browser.new_page()
    page.goto(served_site + ("" if lang == "nl" else f"{lang}/") + "interest/")
    assert page.locator("form#i2-interest").is_visible()
    # Keyboard: focus the region's checkbox and tick it with the space bar.
    page.focus(f"#i2-region-{region}")
    page.keyboard.press("Space")
    page.check(f"#i2-challenge-{challenge}")
    page.check("#i2-mode-consortium")
    page.fill("#i2-needs", "Line one & more\nline two?")
    page.click("form#i2-interest button[type=submit]")
    assert page.locator("#i2-interest-result").is_visible()
    assert page.evaluate("document.activeElement.id") == "i2-result-heading"
    href = page.locator("#i2-mail-link").get_attribute("href")
    recipients, fields = _parse_mailto(href)
    assert recipients == _region_recipients(region)
    short = SITE_DATA.region(region).short_name[lang]
    assert fields["subject"] == {"en": f"Interest in I²PCC: {short}", "zh": f"I²PCC合作意向：{short}"}[lang]
    body = fields["body"]
    challenge_name = SITE_DATA.challenge(challenge).name[lang]
    expected_lines = {
        "en": [f"Partner regions: {short}", f"Challenge areas: {challenge_name}",
               "Taking part: Together with other companies, as an ecosystem", "My needs:"],
        "zh": [f"合作地区：{short}", f"重点领域：{challenge_name}", "参与方式：以企业生态圈形式参与", "我的需求："],
    }[lang]
    for line in expected_lines:
        assert line + "\r\n" in body
    assert "Line one & more\r\nline two?" in body
    assert page.locator("#i2-result-body").input_value() == body.replace("\r\n", "\n")
    page.close()


def test_without_javascript_the_form_stays_hidden_and_the_list_shows(served_site, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served_site + "interest/")
    assert not page.locator("form#i2-interest").is_visible()
    assert page.locator("table.i2-write-to").is_visible()
    context.close()
