"""The site in other languages: the language of a request and its links, translation catalogs, what is still
in English on a translated page, translations through moderation, and the scripts' catalog."""
