"""The home page, the overview cards of regions and challenge areas, and the province pages (see pages.py)."""

from __future__ import annotations

import dataclasses
from datetime import date

from macros.pictures import maps
from macros.render.activities import Timing
from macros.render.pages import PageContext, _render


def home_page(ctx: PageContext, today: date) -> str:
    """The promise, the three calls to action, the regions and challenge areas as cards, and what is next by the
    build date (`today`)."""
    ctx = dataclasses.replace(ctx, today=today)
    return _render("home_page.md.j2", ctx, timing=Timing(ctx), region_shapes=maps.region_shapes(ctx),
                   maps={r.id: maps.regions_map(ctx, r.id, decorative=True) for r in ctx.data.regions})


def province_page(ctx: PageContext, province_id: str, today: date) -> str:
    ctx = dataclasses.replace(ctx, today=today)
    province = ctx.data.organisation(province_id)
    return _render("province_page.md.j2", ctx, province=province, timing=Timing(ctx),
                   regions=ctx.data.regions_of_province(province_id),
                   together_with=ctx.data.organisations_with_province(province_id),
                   contacts=ctx.data.province_contacts(province_id),
                   events=ctx.data.events_for_province(province_id))
