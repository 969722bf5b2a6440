"""What the build itself says to editors (the site folder, the build date, mistakes in pages): Dutch by default,
English with I2PCC_MESSAGES=en. Every text is here, so that a language is added in one place."""

from __future__ import annotations

import os

MESSAGES_ENV = "I2PCC_MESSAGES"

_MESSAGES = {
    "nl": {
        "site_holds_sources":
            "De site is niet gebouwd: de map {folder}, waar de site zou komen, bevat de bronnen van het project "
            "({sources}), en de build vervangt die map helemaal. Kies een andere map met --site-dir (of site_dir in mkdocs.yml), "
            "bijvoorbeeld site.",
        "site_inside_sources":
            "De site is niet gebouwd: de map {folder}, waar de site zou komen, ligt in {inside}, een map van het project die de build "
            "niet mag aanraken. Kies een map buiten de bronnen met --site-dir (of site_dir in mkdocs.yml), "
            "bijvoorbeeld site.",
        "site_not_a_build":
            "De site is niet gebouwd: {folder} bestaat al en is geen eerder gebouwde site (het bestand {marker} "
            "ontbreekt), en de build vervangt de hele map. Kies een nieuwe of lege map met --site-dir (of site_dir "
            "in mkdocs.yml), of verwijder deze map zelf als ze weg mag.",
        "work_folder_taken":
            "De site is niet gebouwd: de build werkt in {folder}, naast de map van de site, maar daar staat iets dat niet "
            "van een build komt. Verplaats het, of kies een andere map voor de site met --site-dir.",
        "waiting":
            "Er loopt al een build naar {folder}: deze wacht tot die klaar is.",
        "serve_kept":
            "De site is niet opnieuw gebouwd: mkdocs serve toont de laatste goede versie tot de fout verbeterd is.",
        "serve_ready":
            "De site staat klaar op {url} en wordt opnieuw gebouwd bij elke wijziging die je bewaart. Stoppen: Ctrl+C.",
        "serve_rebuilt":
            "Opnieuw gebouwd in {seconds} s — bekijk {url}",
        "serve_port_busy":
            "mkdocs serve kan niet starten: het adres {address} is al in gebruik, waarschijnlijk door een andere "
            "mkdocs serve die nog loopt. Stop die eerst (Ctrl+C in haar venster), of kies een ander adres, "
            "bijvoorbeeld: mkdocs serve -a {other}",
        "serve_error_title":
            "Fout in de site",
        "serve_error_heading":
            "De site kon niet opnieuw gebouwd worden",
        "serve_error_intro":
            "Er staat een fout in een bestand dat je bewaard hebt. Dezelfde melding staat in het venster waarin "
            "mkdocs serve loopt:",
        "serve_error_reload":
            "Verbeter de fout en bewaar het bestand: deze pagina laadt dan vanzelf opnieuw.",
        "interrupted":
            "Build onderbroken: er is niets gepubliceerd, de vorige site staat er nog zoals ze was.",
        "build_date":
            "De site is niet gebouwd: SOURCE_DATE_EPOCH={value!r} is geen geldig bouwmoment. Het moet een geheel "
            "aantal seconden sinds 1 januari 1970 (UTC) zijn, bijvoorbeeld 1767225600 (of $(date +%s)). Verbeter de "
            "variabele, of laat ze weg om de huidige tijd te gebruiken.",
        "front_matter":
            "{where}: de kop van de pagina (tussen de twee regels ---) is niet te lezen: {problem}. Kijk op "
            "die regel of erboven naar een aanhalingsteken dat niet gesloten is, of een tekst met een dubbele punt "
            "die tussen aanhalingstekens moet staan.",
        "front_matter_fields":
            "{where}: de kop van de pagina (tussen de twee regels ---) moet uit regels 'veld: waarde' "
            "bestaan, bijvoorbeeld description: \"Korte beschrijving\".",
        "jinja_syntax":
            "{where}: deze macro-aanroep ({{{{ … }}}} of {{% … %}}) is niet volledig: {problem}. Kijk op die "
            "regel of elk haakje, aanhalingsteken en elke accolade gesloten is.",
        "undefined":
            "{where}: {name} bestaat niet: er is geen macro of variabele met die naam. Kijk de schrijfwijze na; "
            "de macro's staan in macros/__init__.py.",
        "macro_arguments":
            "{where}: een macro kreeg niet de juiste argumenten ({problem}). Vergelijk de aanroep met dezelfde "
            "pagina in een andere taal.",
        "unknown_id":
            "{where}: de macro-aanroep vraagt iets wat niet bestaat: {problem}. Kijk de id na.",
        "macro_failed":
            "{where}: de macro-aanroep op deze regel mislukte ({problem}).",
    },
    "en": {
        "site_holds_sources":
            "The site was not built: the site folder {folder} holds the project's sources ({sources}), and the "
            "build replaces the site folder entirely. Choose another folder with --site-dir (or site_dir in "
            "mkdocs.yml), for example site.",
        "site_inside_sources":
            "The site was not built: the site folder {folder} is inside {inside}, a folder of the project the build "
            "must not touch. Choose a folder outside the sources with --site-dir (or site_dir in mkdocs.yml), for "
            "example site.",
        "site_not_a_build":
            "The site was not built: {folder} exists and is not a previously built site (the file {marker} is "
            "missing), and the build replaces the whole folder. Choose a new or empty folder with --site-dir (or "
            "site_dir in mkdocs.yml), or delete this folder yourself if it may go.",
        "work_folder_taken":
            "The site was not built: the build works in {folder}, beside the site folder, but something there does "
            "not come from a build. Move it away, or choose another site folder with --site-dir.",
        "waiting":
            "Another build into {folder} is running: this one waits until it has finished.",
        "serve_kept":
            "The site was not rebuilt: mkdocs serve shows the last good version until the mistake is fixed.",
        "serve_ready":
            "The site is ready at {url} and is rebuilt on every change you save. To stop: Ctrl+C.",
        "serve_rebuilt":
            "Rebuilt in {seconds} s — see {url}",
        "serve_port_busy":
            "mkdocs serve cannot start: the address {address} is already in use, probably by another mkdocs serve "
            "that is still running. Stop that one first (Ctrl+C in its window), or choose another address, for "
            "example: mkdocs serve -a {other}",
        "serve_error_title":
            "Mistake in the site",
        "serve_error_heading":
            "The site could not be rebuilt",
        "serve_error_intro":
            "A file you saved contains a mistake. The same message is in the window where mkdocs serve runs:",
        "serve_error_reload":
            "Fix the mistake and save the file: this page then reloads by itself.",
        "interrupted":
            "Build interrupted: nothing was published, the previous site is as it was.",
        "build_date":
            "The site was not built: SOURCE_DATE_EPOCH={value!r} is not a valid build time. It must be a whole "
            "number of seconds since 1 January 1970 (UTC), for example 1767225600 (or $(date +%s)). Correct the "
            "variable, or leave it out to use the current time.",
        "front_matter":
            "{where}: the page's header (between the two --- lines) cannot be read: {problem}. Look on that "
            "line or above it for a quote that is not closed, or a text with a colon that must be put in quotes.",
        "front_matter_fields":
            "{where}: the page's header (between the two --- lines) must be 'field: value' lines, for example "
            "description: \"A short description\".",
        "jinja_syntax":
            "{where}: this macro call ({{{{ … }}}} or {{% … %}}) is incomplete: {problem}. Check on that line "
            "that every bracket, quote and brace is closed.",
        "undefined":
            "{where}: {name} does not exist: there is no macro or variable of that name. Check the spelling; "
            "the macros are in macros/__init__.py.",
        "macro_arguments":
            "{where}: a macro was given the wrong arguments ({problem}). Compare the call with the same page "
            "in another language.",
        "unknown_id":
            "{where}: the macro call asks for something that does not exist: {problem}. Check the id.",
        "macro_failed":
            "{where}: the macro call on this line failed ({problem}).",
    },
}


def message(message_id: str, **fields) -> str:
    texts = _MESSAGES.get(os.environ.get(MESSAGES_ENV, "nl"), _MESSAGES["nl"])
    return texts[message_id].format(**fields)


def message_language() -> str:
    """The language the messages are in, for the lang attribute of a page that shows them."""
    lang = os.environ.get(MESSAGES_ENV, "nl")
    return lang if lang in _MESSAGES else "nl"
