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
    # A contact the sources give no address or number for gets no card: a card with a name alone says nothing.
    assert not (site / "contacts" / "ec-link-key-expert.vcf").exists()
    assert sorted(p.stem for p in (site / "contacts").glob("*.vcf")) == sorted(
        c.id for c in SITE_DATA.contacts if c.email or c.phone)
    for contact in (c for c in SITE_DATA.contacts if c.email or c.phone):
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
    # The Chinese page writes its e-mails for recipients who read Dutch and English: in English, with the Chinese.
    subject = {"nl": "Vraag over {}", "en": "Question about {}", "zh": "Enquiry about {}"}[lang]
    # A contact of a related project is asked about that project (by its name in the e-mail's language), not about
    # I²PCC.
    projects = {c.email: c.project["nl" if lang == "nl" else "en"] for c in SITE_DATA.contacts if c.project and c.email}
    i2pcc = {"nl": "I²PCC", "en": "I²PCC", "zh": "I²PCC / I²PCC项目咨询"}[lang]
    for link in page.select('a[href^="mailto:"]'):
        recipients, fields = _parse_mailto(link["href"])
        address = link.get_text(strip=True)
        assert recipients == [address] and fields == {"subject": subject.format(projects.get(address, i2pcc))}
    for contact in SITE_DATA.contacts:
        card = page.select_one(f'[data-contact="{contact.id}"]')
        assert card is not None, contact.id
        vcard = card.select_one('a[href$=".vcf"]')
        if contact.email or contact.phone:
            assert (path.parent / vcard["href"]).resolve() == (site / "contacts" / f"{contact.id}.vcf").resolve()
        else:
            # Only what the sources give: no card to download, no row saying there is no address.
            assert vcard is None and card.select('a[href^="mailto:"]') == []
            assert len(card.select("dl > div")) == 4  # organisation, role, project, appointed by
    graph = json.loads(page.select_one('script[type="application/ld+json"]').string)["@graph"]
    assert {node["name"] for node in graph} == {SITE_DATA.organisation(c.organisation).name[lang]
                                                for c in SITE_DATA.contacts}
    points = {p.get("email"): p for node in graph for p in node["contactPoint"]}
    assert points["alice.cooman@provincieantwerpen.be"]["availableLanguage"] == ["nl"]
    assert points["Johan.gemoets@vito.be"]["telephone"] == "+32-477.41.21.09"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_contact_page_says_once_whom_to_write_to(site, lang):
    """Review H/J: every region and province is served by the same two addresses, so the page gives them once, with
    one sentence saying what they are for, and lists no region or province apart."""
    page = article(page_file(site, lang, "contact"))
    text = page.get_text(" ", strip=True)
    for contact in SITE_DATA.general_contacts:
        assert text.count(contact.email) == 1, contact.email
        assert len(page.select(f'a[href^="mailto:{contact.email}?"]')) == 1
    assert page.select("table") == [] and len(page.find_all("h2")) == 1  # the related projects only
    for region in SITE_DATA.regions:
        assert region.name[lang] not in text
    strings = _locale(lang)
    assert page.select_one("h1 + p").get_text(strip=True) == strings["contact.intro"]
    for wrong in ("Geen e-mailadres", "No e-mail address", "暂无电子邮箱"):
        assert wrong not in text
    # No "Contact: Provincie Antwerpen: alice…": one colon at most in a sentence, a list item or a cell.
    for block in page.find_all(["p", "li", "td", "dd"]):
        words = block.get_text(" ", strip=True)
        assert words.count(": ") + words.count("：") <= 1, words
    if lang == "zh":
        assert "英文" in strings["contact.intro"] and "身份" in text and "职务" not in text


def _locale(lang: str) -> dict:
    import yaml

    return yaml.safe_load((ROOT / "locales" / f"{lang}.yml").read_text(encoding="utf-8"))


def _with_limburg_contact():
    """The data with a contact of its own for the Province of Limburg (and so for Guangdong)."""
    extra = SITE_DATA.contacts[0].model_copy(update={"id": "limburg-desk", "organisation": "limburg",
                                                    "provinces": ["limburg"], "general": False,
                                                    "email": "china@limburg.example"})
    return dataclasses.replace(SITE_DATA, contacts=SITE_DATA.contacts + (extra,))


def test_a_region_with_a_contact_of_its_own_gets_a_line_of_its_own():
    from bs4 import BeautifulSoup

    from macros.content.strings import load_strings
    from macros.render import contacts as contact_render
    from macros.render.pages import PageContext

    data = _with_limburg_contact()
    assert [r.id for r in data.regions_with_own_contacts] == ["guangdong"]
    assert [p.id for p in data.provinces_with_own_contacts] == ["limburg"]
    strings = load_strings(ROOT / "locales")
    page = contact_render.contact_page(PageContext(data, strings, "en", "contact.md"))
    html = BeautifulSoup(page, "html.parser")
    assert [row["data-region"] for row in html.select("tbody tr")] == ["guangdong"]
    assert "china@limburg.example" in html.select_one("tbody tr").get_text()
    assert "## By province\n\n### Province of Limburg\n" in page
    assert page.startswith("# Contact\n\n" + strings.get("en", "contact.intro_others"))
    interest = contact_render.interest_page(PageContext(data, strings, "nl", "interest.md")).replace("\\", "")
    table = BeautifulSoup(interest, "html.parser").select("table.i2-write-to tbody tr")
    assert [row["data-region"] for row in table] == ["guangdong", ""]
    # The regions the general contacts answer for, and their provinces, in the same order.
    assert ("Voor Hebei, Shaanxi, Chengdu en Chongqing, de partnerregio's van Oost-Vlaanderen, Antwerpen en "
            "Vlaams-Brabant, gaat je e-mail naar alice.cooman@provincieantwerpen.be en "
            "sara.landuydt@pomantwerpen.be") in interest


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_interest_page_says_in_which_language_its_e_mail_is_written(site, lang):
    page = article(page_file(site, lang, "interest"))
    text = page.get_text(" ", strip=True)
    assert {"nl": "Nederlandstalige e-mail", "en": "e-mail in English", "zh": "收件人使用荷兰语和英语"}[lang] in text
    form = page.select_one("form#i2-interest")
    # The Chinese page's e-mail is read in Dutch and English: English labels and names first, English punctuation.
    assert (form["data-colon"], form["data-separator"]) == (": ", ", ")
    for region in SITE_DATA.regions:
        box = form.select_one(f"#i2-region-{region.id}")
        name = region.short_name
        assert box["data-name"] == (f"{name['en']} / {name['zh']}" if lang == "zh" else name[lang])
        label = form.select_one(f'label[for="i2-region-{region.id}"]').get_text()
        assert label.startswith(name[lang]) and not re.search(r"[)）]\s*[(（]", label), label
    if lang == "zh":
        for field in form.select("[data-mail-label]"):
            assert re.match(r"[A-Z][A-Za-z ]+ / ", field["data-mail-label"]), field["data-mail-label"]
        assert "企业名称" not in text and "推广" not in text  # the Chinese reader is the partner, not a Flemish firm
        # Addresses in Chinese running text are set apart by 、: 和 would run into their Latin letters.
        assert "和sara" not in text and "provincieantwerpen.be、sara.landuydt" in text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_region_pages_say_whom_to_write_to_in_the_readers_terms(site, lang):
    strings = _locale(lang)
    for region in SITE_DATA.regions:
        page = article(page_file(site, lang, f"regions/{region.id}"))
        sister = SITE_DATA.organisation(region.sister_province)
        line = page.select_one("p.i2-region-contact").get_text(strip=True)
        key = "contact.region_intro_general" if SITE_DATA.region_contacts(region.id)[1] else "contact.region_intro"
        assert line == strings[key].format(region=region.short_name[lang],
                                                              province=(sister.short_name or sister.name)[lang])
        addresses = [a.get_text(strip=True) for a in page.select(".i2-region-contact__list a")]
        assert addresses == _region_recipients(region.id)
    # A Chinese reader is the partner: the line speaks to Chinese bodies and asks them to write in English.
    for key in ("contact.region_intro", "contact.region_intro_general"):
        assert "政府部门、企业和机构" in _locale("zh")[key] and "英文" in _locale("zh")[key]


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
    general = [c.email for c in SITE_DATA.general_contacts]
    assert all(_region_recipients(r.id) == general for r in SITE_DATA.regions)
    for lang in LANGUAGES:
        page = article(page_file(site, lang, "interest"))
        assert page.select_one("form#i2-interest").has_attr("hidden")
        # Every region goes to the same addresses: one link to write to, not a table repeating them.
        assert page.select("table.i2-write-to") == []
        (link,) = page.select('#i2-write-to a[href^="mailto:"]')
        recipients, fields = _parse_mailto(link["href"])
        assert recipients == general
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
    # The recipients read Dutch and English: the Chinese page writes the e-mail in English, with the Chinese beside.
    region_name = SITE_DATA.region(region).short_name
    challenge_name = SITE_DATA.challenge(challenge).name
    if lang == "zh":
        short = f"{region_name['en']} / {region_name['zh']}"
        challenge_text = f"{challenge_name['en']} / {challenge_name['zh']}"
    else:
        challenge_text = challenge_name[lang]
    assert fields["subject"] == {"en": f"Interest in I²PCC: {short}",
                                 "zh": f"Interest in I²PCC / I²PCC合作意向: {short}"}[lang]
    body = fields["body"]
    expected_lines = {
        "en": ["Dear I²PCC team,", f"Partner regions: {short}", f"Challenge areas: {challenge_text}",
               "Taking part: Together with other companies, as an ecosystem", "My needs:"],
        "zh": ["Dear I²PCC team,", f"Partner regions / 合作地区: {short}", f"Challenge areas / 重点领域: {challenge_text}",
               "Cooperation sought / 合作方式: Several Flemish companies as an ecosystem / 对接多家佛兰德企业组成的企业生态圈",
               "Our needs / 我方需求:"],
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
    assert page.locator("#i2-write-to a[href^=\"mailto:\"]").is_visible()
    context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_region_and_its_province_take_one_pair_of_brackets(site, lang):
    """Review H: "Chengdu (provincie Sichuan) (zusterprovincie: …)" on the about and interest pages."""
    for page in ("about", "interest"):
        for item in article(page_file(site, lang, page)).select("li, label"):
            assert not re.search(r"[)）]\s*[(（]", item.get_text()), (page, item.get_text())
