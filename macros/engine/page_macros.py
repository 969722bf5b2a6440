"""Macros of the I²PCC site: thin wrappers that hand data, language and page to the pure functions in render.py."""

from __future__ import annotations

from macros import ROOT
from macros.content.build_clock import build_day
from macros.content.site_data import load_site_data
from macros.content.strings import load_strings
from macros.render import activities as activities_render
from macros.render import contacts as contact_render
from macros.render import home as home_render
from macros.render import pages as render
from macros.render import site_info as site_info_render


def page_context(env) -> render.PageContext:
    # i18n sets theme.language to the language being built before any page renders; the page's own
    # locale would differ on a fallback page, and the reader's language is the one that counts.
    return render.PageContext(
        data=load_site_data(ROOT / "data"),
        strings=load_strings(ROOT / "locales"),
        lang=env.conf["theme"]["language"],
        here=env.page.file.src_uri.split("/", 1)[1],
        today=build_day(),
    )


def define_env(env):
    for name in ("region_overview", "challenge_overview", "challenge_matrix",
                 "challenge_list", "partner_list", "region_list"):
        env.macro(_page_macro(env, getattr(render, name)), name)
    for name in ("contact_page", "interest_page", "partners_page"):
        env.macro(_page_macro(env, getattr(contact_render, name)), name)
    env.macro(lambda region_id: render.region_page(page_context(env), region_id), "region_page")
    env.macro(lambda challenge_id: render.challenge_page(page_context(env), challenge_id), "challenge_page")
    env.macro(lambda: render.calendar_page(page_context(env), build_day()), "calendar_page")
    env.macro(_page_macro(env, site_info_render.general_contact_list), "general_contact_list")
    # What these say about activities depends on the build date (past, upcoming, not scheduled).
    env.macro(lambda: home_render.home_page(page_context(env), build_day()), "home_page")
    env.macro(lambda province_id: home_render.province_page(page_context(env), province_id, build_day()),
              "province_page")
    env.macro(lambda: activities_render.activities(page_context(env), build_day()), "activities")
    env.macro(lambda: activities_render.take_part(page_context(env), build_day()), "take_part")


def _page_macro(env, function):
    return lambda: function(page_context(env))
