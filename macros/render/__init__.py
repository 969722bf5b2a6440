"""Pure rendering: data, strings and a language in, Markdown and HTML out. Nothing here knows the site generator."""
