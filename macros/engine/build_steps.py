"""The build steps MkDocs runs through mkdocs_hooks.py, in the order it runs them; each is kept in the module of its
job."""

from macros.engine.configure import on_config
from macros.engine.language_builds import place_pages, remember_order
from macros.engine.preview_build import leave_out_theme_pages, on_page_markdown
from macros.engine.preview_build import on_config as preview_config
from macros.engine.publishing import on_build_error, on_post_build, write_language_files
from macros.engine.serving import explain_busy_port, on_serve, on_startup
from macros.engine.terminal import explain_build_error, speak_to_editors
from macros.engine.theme_context import (
    on_env,
    on_page_content,
    on_page_context,
    on_post_page,
    on_post_template,
    on_template_context,
)

__all__ = ["speak_to_editors", "on_startup", "explain_busy_port", "on_config", "preview_config", "remember_order",
           "place_pages", "on_page_markdown", "leave_out_theme_pages", "on_env", "on_page_content", "on_page_context",
           "on_template_context", "on_post_page", "on_post_template", "write_language_files", "on_post_build",
           "on_build_error", "explain_build_error", "on_serve"]
