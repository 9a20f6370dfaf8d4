"""The wording cues a reader uses to tell site chrome, captions, comment threads and article
metadata from an article's own words. Each cue returns a short reason, kept with the label.

English first, with the common equivalents in Russian, French, German and Spanish. Cues are
deliberately anchored (whole line, start of line or end of line): a body sentence that merely
mentions a photo, a comment or a donation must not match.
"""

from __future__ import annotations

import re

from ..config import Settings
from ..models import BlockKind
from .dates import find_date


def _rx(*alternatives: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{a})" for a in alternatives), re.IGNORECASE)


WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*$")
SEPARATOR = re.compile(r"^(?:[\s\-=*_~#•·.+<>|—–]{3,}|\s*[—–]{1,2}\s*)$")
MENU_SPLIT = re.compile(r"\s+[|•·»›>/]\s+|\s+>\s+|(?<=\S) {2,}(?=\S)|\t+")

# Whole-line site chrome: navigation, account, share and print widgets.
NAV_LINE = _rx(
    r"skip to (?:main )?(?:content|navigation)", r"(?:main )?menu", r"search", r"home",
    r"sign ?in|sign ?up|log ?in|log ?out|register|subscribe|my account", r"back to top",
    r"close|toggle navigation|main navigation|open navigation", r"(?:show|hide) (?:menu|more)",
    r"share(?: this)?(?: (?:article|story|post|page))?:?", r"tweet|email|e-mail|print|copy link",
    r"facebook|twitter|x|whatsapp|telegram|linkedin|reddit|pinterest|vk|bluesky|mastodon",
    r"advertisement|advertising|sponsored(?: content)?|ad", r"load more(?: stories)?",
    r"next(?: story| article)?|previous(?: story| article)?|more stories|latest news",
    r"dark mode|light mode|settings|edition:?.*|listen(?: to this article)?", r"accept|reject all",
    r"главная|поиск|меню|войти|поделиться:?|подписаться|реклама|наверх|отправить|распечатать|"
    r"копировать ссылку",
    r"accueil|rechercher|partager:?|se connecter|publicité|s'abonner|envoyer par e-?mail|"
    r"copier le lien|imprimer",
    r"startseite|suche|teilen:?|anmelden|werbung|abonnieren|anzeige|auf facebook teilen|"
    r"twittern|per e-?mail (?:versenden|teilen)|drucken|link kopieren",
    r"inicio|portada|buscar|compartir:?|iniciar sesión|publicidad|suscríbete|"
    r"enviar por (?:correo|e-?mail)|copiar enlace|imprimir",
    r"that's (?:all|it) for (?:this week|today|now)|end of (?:file|transmission|digest)\.?",
)
# Start-of-line chrome: the rest of the line is links, handles or small print.
CHROME_START = _rx(
    r"share (?:on|via|to|with|this)\b", r"follow (?:me|us)\b", r"(?:tags?|topics?|filed under|"
    r"categories|category|keywords|labels?|posted in)\s*:", r"related(?: (?:stories|articles|"
    r"coverage|reading|content|posts?|links?))?\s*:?$|related(?: stories| articles| coverage)\b",
    r"read (?:more|also|next)\b", r"see also\b", r"more (?:from|on|in|about)\b",
    r"most (?:read|popular|viewed|shared)\b",
    r"recommended(?: for you)?\b", r"related\s*:",
    r"this (?:article|story|piece|post|report) (?:is part of|was (?:first|originally) "
    r"published|first appeared|was produced|is published)\b",
    r"you (?:may|might) also (?:like|be interested)", r"also read\b",
    r"continue reading\b", r"(?:story|article) continues below\b", r"further reading\b",
    r"more on this (?:story|topic|subject)\b", r"in (?:depth|context)\s*:?$", r"explore more\b",
    r"read (?:the )?full (?:story|article|report|text)\b",
    r"click here\b", r"load more\b", r"see all\b", r"view all\b", r"show all\b",
    r"(?:for )?subscribers only\b", r"not for (?:re)?distribution\b", r"view (?:this|in) "
    r"(?:e-?mail|browser)\b", r"(?:unsubscribe|update (?:your )?preferences|manage "
    r"(?:your )?(?:preferences|subscription))\b", r"forward (?:this|to a friend)\b",
    r"(?:open|get|download) (?:in|the) app\b", r"blog at\b", r"(?:previous|next|older|newer) "
    r"(?:post|entry|article)\b",
    r"sign up\b", r"subscribe (?:to|now|for|today)\b",
    r"get (?:our|the) (?:newsletter|daily|weekly)",
    r"(?:join|support|donate to|become a (?:member|supporter|patron|subscriber) of)\b.{0,60}$",
    r"donate\b", r"(?:become|be) a (?:member|supporter|patron|subscriber)\b",
    r"rss\b|subscribe via rss|atom feed", r"this (?:website|site) uses cookies|we use cookies",
    r"cookie(?:s| settings| policy| preferences)\b", r"privacy policy\b|terms of (?:use|service)\b",
    r"powered by\b", r"all rights reserved", r"©", r"\(c\)\s*(?:\d{4}|[A-Z])", r"copyright\b",
    r"saved (?:page|from)\b", r"captured\b", r"loading\b", r"trending\b", r"breaking\b:?$",
    r"читайте (?:также|еще|ещё)\b", r"смотрите также\b", r"подписывайтесь\b", r"поделиться\b",
    r"по теме\b", r"теги\s*:", r"lire (?:aussi|également|la suite)\b", r"à lire aussi\b",
    r"voir aussi\b", r"mots-clés\s*:", r"partager (?:sur|par)\b", r"suivez-nous\b",
    r"lesen sie (?:auch|mehr)\b", r"mehr zum thema\b", r"auch interessant\b", r"schlagwörter\s*:",
    r"teilen (?:auf|per)\b", r"folgen sie uns\b", r"lee (?:también|más)\b", r"te puede interesar\b",
    r"etiquetas\s*:", r"compartir en\b", r"síguenos\b", r"todos los derechos reservados",
    r"tous droits réservés", r"alle rechte vorbehalten", r"все права защищены",
)
# Anywhere in a short line: cookie notices, "chip in" boxes.
CHROME_ANYWHERE = _rx(
    r"©|\(c\)\s*(?:19|20)\d\d|\ball rights reserved\b|\bcopyright (?:©\s*)?(?:19|20)\d\d",
    r"\bcookies?\b.{0,80}\b(?:accept|agree|continue|manage|settings|policy|consent|use)\b",
    r"\b(?:accept|agree|continue|manage|settings|policy|consent|use)\b.{0,80}\bcookies?\b",
)
CAPTURE_NOTE = _rx(r"^(?:page |web page |site )?(?:captured|saved|archived|retrieved|accessed|"
                   r"snapshot)\b(?: (?:on|from|at|page))?")
EMAIL_HEADER = _rx(r"^(?:from|to|cc|bcc|subject|reply-to|sent)\s*:\s*\S")

# Appeals for money, subscriptions or purchases, anywhere in a paragraph.
PROMO = _rx(
    r"\bdonat(?:e|ion|ions|ing)\b",
    r"\bsupport (?:us|our|independent|this|the work|them|me|my|the (?:site|blog|newsletter))\b",
    r"\bindependent (?:journalism|reporting|media)\b", r"\bsubscri(?:be|ption|ber)s?\b",
    r"\bnewsletter\b", r"\bsign up\b", r"\bmembers?(?:hip)?\b", r"\bpatreon\b",
    r"\bpaperback\b|\be-?book\b|\bhardcover\b|\bpre-?order\b|\bbookshop\b|\bsigned copies\b",
    r"\bmy (?:new )?book\b", r"\bavailable now\b", r"\border (?:it|now|your copy|today)\b",
    r"\b(?:only|just) takes? a minute\b", r"\bevery (?:contribution|donation)\b",
    r"\bcontribut(?:e|ion)\b", r"\bfunded by (?:its|our) readers\b", r"\bad-?free\b",
    r"\binbox\b", r"\bpaywall\b", r"\bgift\b", r"\bthank you for reading\b",
    r"\bchip(?:ping)? in\b", r"\btip jar\b", r"\bbuy me a coffee\b", r"\bko-fi\b",
    r"\bfree and always will be\b", r"\breader-supported\b", r"\bjoin (?:today|now|us)\b",
    r"\bfunded by (?:its |our )?(?:readers|members|subscribers)\b", r"\bnon-?profit\b",
    r"\btax-deductible\b", r"\bdepends? on (?:its |our )?readers\b", r"\bsend (?:us )?tips\b",
    r"\bпожертвова", r"\bподдержите\b", r"\bподписк", r"\bfaire un don\b", r"\bsoutenez\b",
    r"\bspenden?\b", r"\bunterstützen sie\b", r"\bdona(?:r|ción)\b", r"\bapóyanos\b",
)
SECOND_PERSON = re.compile(r"\b(?:you|your|yours|вы|вас|ваш|vous|votre|sie|ihr|usted|tu)\b",
                           re.IGNORECASE)
SELF_REFERENCE = re.compile(r"\b(?:we|us|our|ours|мы|нас|наш|nous|notre|wir|uns|unser|"
                            r"nosotros|nuestro)\b", re.IGNORECASE)

CAPTION = _rx(
    r"^(?:photo(?:graph)?s?|image|picture|illustration|video|caption|pictured|credit|"
    r"фото|иллюстрация|bild|imagen|foto)\s*(?::|by\b|credit\b|courtesy\b|—|–|-\s)",
    r"^image (?:caption|copyright|source)\b", r"^(?:above|below|top|left|right|main image)\s*:",
    r"(?:photo(?:graph)?|image|picture|credit|foto|фото)\s*(?::|by|credit:?|courtesy of)\s+"
    r"[^.!?]{1,80}\.?\)?$",
    r"(?:getty images|afp|ap photo|associated press|reuters|epa(?:-efe)?|shutterstock|alamy|"
    r"sipa|anadolu|tass|ria novosti|dpa|picture alliance|afp via getty images)"
    r"(?:/[^()]{0,40})?\)?\.?$",
    r"^\((?:ap|afp|reuters|epa|dpa)(?: photo)?/[^)]*\)$",
    r"\((?:[^()/]{1,40}/[^()/]{1,40})\)\.?$", r"^media caption\b", r"^!\[",
    # at the start of a sentence: "Picture taken by …", not "compared satellite images taken
    # before and after the raid" (a methodology note, extraction document 110)
    r"(?:^|[.!?]\s+|\()(?:photo(?:graph)?|image|picture|pic)s?\s*(?:supplied|provided|"
    r"courtesy|taken|by)\b[^.!?]{0,80}\.?\)?$", r"\bphoto\s*/\s*[^.!?]{1,60}$",
)

COMMENT_HEADER = _rx(
    r"^\d+\s+(?:responses?|comments?|replies|thoughts? on|reactions?|opinions?)\b",
    r"^(?:one|two|three|four|five|six|seven|eight|nine|ten) "
    r"(?:responses?|comments?|replies|thoughts? on)\b",
    r"^(?:reader |user )?comments?\s*(?:\(\d+\)|\d+)?\s*:?$", r"^(?:show|view|load|read) "
    r"(?:all )?(?:\d+ )?comments?\b", r"^join the (?:discussion|conversation)\b",
    r"^(?:what|here's what) (?:our )?readers (?:say|think)\b", r"^discussion\s*(?:\(\d+\))?:?$",
    r"^sort by (?:newest|oldest|best|top)\b", r"\(\d+ (?:replies|comments|responses|posts)\)\s*$",
    r"^(?:top|reader|readers'|latest) comments\b", r"^responses?\s*(?:\(\d+\))?\s*:?$",
    r"^\d+\s+(?:комментари\w*|ответ\w*)$", r"^комментари\w*\s*(?:\(\d+\))?:?$",
    r"^\d+\s+(?:commentaires?|réponses?)\b", r"^commentaires?\s*(?:\(\d+\))?:?$",
    r"^\d+\s+(?:kommentare?|antworten)\b", r"^kommentare?\s*(?:\(\d+\))?:?$",
    r"^\d+\s+(?:comentarios?|respuestas?)\b", r"^comentarios?\s*(?:\(\d+\))?:?$",
)
# "6 thoughts on “<the whole headline>”": a thread header as long as the headline it quotes.
LONG_COMMENT_HEADER = _rx(r"^\d+\s+(?:responses?|thoughts?|comments?|replies)\s+(?:on|to)\b")
FOOTER_WORDS = re.compile(r"\b(?:about(?: us)?|contact|privacy|terms|advertise|careers|help|"
                          r"imprint|impressum|jobs|cookies|sitemap)\b", re.IGNORECASE)


def is_footer_menu(text: str) -> bool:
    """A menu line of the site footer: "About · Contact · Privacy"."""
    return is_menu(text) and len(FOOTER_WORDS.findall(text)) >= 2


# A commenter's heading line: "Anna K. says:", "1.1. Jules says:", "Posted by Mark at 10:02".
COMMENTER = _rx(
    r"^(?:\d+(?:\.\d+)*\.?\s+)?@?[\w.'’ -]{1,40}\s+(?:says|said|wrote|writes|replied|"
    r"пишет|написал[а]?|écrit|a écrit|schreibt|schrieb|dice|escribió)\s*:?$",
    r"^(?:\d+(?:\.\d+)*\.?\s+)?@?[\w.'’-]+(?: [\w.'’-]+){0,3}\s*[•·|]\s*(?:\d+|an?|one)\s+"
    r"(?:second|minute|hour|day|week|month|year)s?\s+ago\b",
    r"^(?:posted|comment(?:ed)?|reply) by\b.{1,60}(?:\bat\b|\bon\b|\d)",
    r"^(?:\d+(?:\.\d+)*\.?\s+)?@?[\w.'’-]+(?: [\w.'’-]+){0,3}\s+(?:on|at|—|-|–|·)\s+"
    r"(?=.{0,40}(?:\d{1,2}:\d\d|\b(?:19|20)\d\d\b)).{0,40}$",
)
COMMENT_FURNITURE = _rx(
    r"^(?:reply|replies|reply ↓|report|like|likes|flag|share ›|upvote|downvote|"
    r"\d+ likes?|log in to reply|permalink|edit|↑|↓|ответить|répondre|antworten|responder)$",
    r"^reply\s*[•·|]\s*share\s*›?$", r"^(?:\d+\s*)?(?:reply|like)\s*[•·|].*$",
    r"^(?=.{0,50}$)[^.!?]*\b(?:reply|replies|répondre|responder|antworten|ответить)\b[^.!?]*$",
    r"^[\W\d_]*$", r"^#\d+$", r"^(?:joined|posts|location|member since)\s*:", r"^quote\b",
    r"^like \(\d+\)$|^\d+ likes?$|^write a comment\b|^what are your thoughts\b",
    r"^(?:load|show) more (?:comments|replies)$",
)
# The comment form belongs to the thread (it is where readers write); these lines close it.
THREAD_END = _rx(
    r"©", r"^\(c\)\s*\d{4}", r"^copyright\b", r"all rights reserved", r"\bpowered by\b",
    r"^blog at\b", r"\blicen[cs]ed? (?:under )?(?:cc|creative commons)\b", r"^cc by\b",
    r"^back to top$", r"^(?:about|contact|privacy)\b.*[|•·]",
    r"^(?:previous|next|older|newer) (?:post|entry|article)\b", r"^more (?:from|by|in|on)\b",
    r"^see all (?:from|by)\b", r"^recommended\b", r"^related (?:posts|stories|articles)\b",
    r"^(?:you (?:may|might) also like|read next|most read|popular posts)\b",
    r"^privacy (?:&|and) cookies\b", r"^(?:help|status|about|careers|privacy|terms)$",
    r"^search(?: for)?\s*:?$", r"^recent (?:posts|comments)$", r"^archives?$", r"^categories$",
    r"^follow$", r"\b(?:funciona con|propulsé par|betrieben (?:mit|von)|работает на) wordpress",
    r"^subscribe to this blog", r"^create a free (?:website|blog)\b",
)
TIMESTAMP = _rx(
    r"^(?:on\s+)?[\w ,.]{0,30}\d{1,2}:\d\d\s*(?:am|pm)?\s*(?:\w{2,4})?$",
    r"^\d+\s+(?:second|minute|hour|day|week|month|year)s?\s+ago$",
    r"^(?:on\s+)?\w+\s+\d{1,2},?\s+\d{4}(?:\s+at\s+\d{1,2}:\d\d\s*(?:am|pm)?)?$",
)

# Article metadata: date lines, bylines, header keys.
DATE_LINE = _rx(
    r"^(?:published|posted|updated|last updated|first published|date|dated|released|"
    r"issued|filed|опубликовано|обновлено|дата|publié le|publié|mis à jour|veröffentlicht|"
    r"aktualisiert|stand|publicado|actualizado)\b",
)
# Words that end a news outlet's name ("The Caspian Herald", "Highland Tribune", "Radio Kessel"
# starts with one): a byline's "By Lena Sorlie, The Harbour Herald" names the outlet, and an
# organisation named so is an outlet (extract/entities.py). Ambiguous words (Network, Monitor,
# Watch) are left out: rights groups use them too.
MEDIA_WORDS = frozenset({
    "Gazeta", "Gazette", "Times", "Post", "News", "Press", "Herald", "Tribune", "Journal",
    "Wire", "Review", "Radio", "TV", "Television", "Broadcasting", "Media", "Chronicle",
    "Observer", "Dispatch", "Ledger", "Bulletin", "Daily", "Weekly", "Magazine", "Telegraph",
    "Express", "Mirror", "Courier", "Inquirer", "Echo", "Sentinel", "Standard",
    "Guardian", "Register", "Examiner", "Reporter", "Digest", "Newsroom", "Newswire", "Record",
    "Courant", "Clarion", "Globe", "Mail",
})
BYLINE = _rx(
    r"^(?:by|from|von|par|por|автор:?)\s+[A-ZА-ЯÀ-Ý][\w.'’-]+(?:\s+[\w.'’-]+){0,6}"
    r"(?:\s*(?:,|and|&|\||·|•|—|-)\s*.{0,60})?$",
    r"^\d+\s+min(?:ute)?s?\s+read$", r"^(?:reading time|lesezeit)\b",
    r"^via\s+[A-ZÀ-Ý][\w.'’-]+(?:\s+[\w.'’&-]+){0,5}$",
    r"^(?:posted|published|written) (?:on|by)\b",
)
HEADER_KEY = re.compile(
    r"^(?:source|speaker|author|authors|by|dateline|location|place|note|url|link|outlet|site|"
    r"publication|publisher|section|language|lang|title|headline|summary|reporter|"
    r"correspondent|editor|contact|ref|reference|embargo|for immediate release)\s*:\s*\S",
    re.IGNORECASE)
FOR_RELEASE = _rx(r"^for immediate release$", r"^-?\s*ends\s*-?$", r"^###$", r"^-- ?ends ?--$")
AUTHOR_BIO = _rx(
    r"^(?:[A-ZÀ-Ý][\w.'’-]+\s+){1,4}(?:is|was|has been|works as)\s+"
    r"(?:an?|the|our|(?:[A-Z][\w.-]+\s+){0,3}[\w.-]+['’]s)\s+"
    r"(?:[\w-]+\s+){0,5}(?:correspondent|journalist|reporter|writer|editor|researcher|"
    r"columnist|freelancer|author|photographer|contributor|blogger|analyst|producer|"
    r"campaigner|activist|lawyer)\b",
    # a name that "covers" a beat, its words capitalised even though the cues ignore case (not
    # a review's "The last chapter covers the wave of early 2019")
    r"^about the (?:author|writer)\b", r"^(?-i:(?:[A-ZÀ-Ý][\w.'’-]+\s+){1,4})covers\s+",
)
NEXT_ARTICLE = _rx(
    r"^(?:next|other|more|further) (?:stories|articles|story|article|news)\b.{0,40}$",
    r"^(?:also|elsewhere) (?:today|in (?:the )?news)\b.{0,40}$")


def words(text: str) -> int:
    return len(WORD.findall(text))


# Chrome that introduces a list of links (related stories, most read): the short lines under it
# are links too.
LIST_HEADER = _rx(
    r"^(?:related|further reading|more (?:from|on|in|about|stories)|most (?:read|popular|viewed|"
    r"shared)|recommended|you (?:may|might) also|read (?:more|also|next)|see also|also read|"
    r"trending|popular|latest|other stories|in (?:depth|context)|explore|recent posts|"
    r"читайте также|по теме|lire aussi|à lire aussi|mehr zum thema|lesen sie auch|"
    r"lee también|te puede interesar)\b")


def is_separator(text: str) -> bool:
    return bool(SEPARATOR.match(text)) and not any(c.isalnum() for c in text)


def is_menu(text: str) -> bool:
    """A line of three or more short items separated by |, •, ·, », > or /: nav, breadcrumbs."""
    items = [item for item in MENU_SPLIT.split(text) if item.strip()]
    return len(items) >= 3 and all(words(item) <= 5 for item in items)


def is_byline(text: str) -> bool:
    """ "By Rustam Eldarov, The Caspian Herald": a byline line, cut from the lines around it
    even where it is as wide as a wrapped paragraph's line (a title above it, a date below).
    Case-sensitive "By " and no final full stop, so that a wrapped sentence's line starting
    "by the police, who…" is not one."""
    return text.startswith("By ") and not text.endswith(".") and bool(BYLINE.match(text))


# Words of a site's section headings, never an outlet's name on their own with a media word
# ("World News", "Latest News", "Daily Digest").
SECTION_WORDS = frozenset({
    "Latest", "Top", "World", "Breaking", "Local", "More", "Business", "Sports", "Sport",
    "Home", "Politics", "Opinion", "Culture", "Live", "Today", "Our", "Your", "Morning",
    "Evening", "Weekend", "National", "International", "Regional", "Tech", "Science", "Health",
    "Video", "Podcast", "Podcasts", "Photo", "Photos", "Related", "Featured", "Popular",
    "Recent", "Other", "All", "Special", "Economy", "Europe", "Africa", "Asia", "Americas",
    "Release", "Releases", "Freedom", "Kit", "Room", "Centre", "Center",
})
NAME_JOINERS = ("of", "the", "and", "&", "on", "for")
NAME_WORD = re.compile(r"[^\W\d_][\w'’.&-]*")
# What follows an author's name in a byline when it is not an outlet ("By Rustam Eldarov,
# Moscow correspondent").
BYLINE_ROLES = frozenset({
    "correspondent", "editor", "reporter", "staff", "writer", "contributor", "bureau",
    "columnist", "producer", "journalist", "chief", "desk", "special", "senior", "associate",
})


def name_words(name: str, most: int = 6) -> list[str] | None:
    """The words of a proper name of at most `most` words, each capitalised (or a joiner)."""
    words = name.split()
    if not words or len(words) > most or not words[0][:1].isupper() or not all(
            (w[:1].isupper() and NAME_WORD.fullmatch(w)) or w in NAME_JOINERS for w in words):
        return None
    return words


def media_name(name: str, alone: bool = True) -> str | None:
    """`name` if it is an outlet's name by its words: "The Harbour Herald", "Frontera Journal",
    "THE HORN TRIBUNE" (→ "The Horn Tribune"); on a line of its own (`alone`), not a section
    heading ("World News", which a byline's "By X, Morning Ledger" cannot be)."""
    name = name.strip()
    if is_byline(name):
        return None
    if name.isupper() and len(name) > 4:
        name = name.title()
    words = name_words(name)
    if words is None or not (words[-1] in MEDIA_WORDS or words[0] in MEDIA_WORDS or (
            len(words) > 1 and words[1] in MEDIA_WORDS and words[0] == "The")):
        return None
    own = [w for w in words if w not in MEDIA_WORDS and w not in NAME_JOINERS
           and w != "The"]
    return name if own and not (alone and all(w in SECTION_WORDS for w in own)) else None


def byline_tail(text: str) -> str | None:
    """What a byline names after its author's comma: "By Yusuf Karam, Open Door" → "Open
    Door" (a capitalised name, not a role: "Moscow correspondent")."""
    if not BYLINE.match(text) or "," not in text:
        return None
    name = text.rsplit(",", 1)[1].strip()
    words = name_words(name, 5)
    if words is None or any(w.casefold() in BYLINE_ROLES for w in words):
        return None
    return name


def byline_outlet(text: str) -> str | None:
    """The outlet a byline names after the author: "By Lena Sorlie, The Harbour Herald" →
    "The Harbour Herald" (only a name ending in, or starting with, an outlet word)."""
    tail = byline_tail(text)
    return media_name(tail, alone=False) if tail else None


def is_commenter(text: str) -> bool:
    return len(text) <= 80 and bool(COMMENTER.match(text))


DECORATION = " \t-—–=*~_·•|#>»›<«‹:"


def chrome_reason(text: str) -> str | None:
    line = text.strip(DECORATION)
    if CAPTURE_NOTE.match(line):
        return "note of when the page was saved"
    if NAV_LINE.fullmatch(line) or NEXT_ARTICLE.match(line):
        return "site navigation or widget"
    if is_menu(text):
        return "menu or breadcrumb line"
    if CHROME_START.match(line) or (CHROME_ANYWHERE.search(line) and words(line) <= 40):
        return "site chrome: links, sharing, tags, copyright or small print"
    if EMAIL_HEADER.match(line):
        return "e-mail header"
    if FOR_RELEASE.match(text):
        return "press-release furniture"
    return None


def promo_reason(text: str, *, max_words: int) -> str | None:
    """An appeal for money, subscriptions or a purchase: promotional wording aimed at the
    reader ("you") on behalf of the site ("we", "our"), or several promotional cues."""
    hits = len(PROMO.findall(text))
    if not hits or words(text) > max_words:
        return None
    you = SECOND_PERSON.search(text)
    we = SELF_REFERENCE.search(text)
    if hits >= 3 or (hits >= 1 and you and we) or (hits >= 2 and (you or we)):
        return "donation, subscription or promotional appeal"
    if hits >= 1 and words(text) <= 8 and not SENTENCE_END.search(text):
        return "donation, subscription or promotional appeal"
    return None


def caption_reason(text: str, *, max_chars: int) -> str | None:
    if len(text) <= max_chars and CAPTION.search(text):
        return "photo caption or credit"
    return None


def metadata_reason(text: str, *, max_chars: int) -> str | None:
    if len(text) > max_chars:
        return None
    found = find_date(text)
    if DATE_LINE.match(text) and found:
        return "date line"
    if HEADER_KEY.match(text):
        return "header line"
    if BYLINE.match(text):
        return "byline"
    if found and date_share(text, found[1]) >= 0.5:
        return "date line"
    return None


def date_share(text: str, date: re.Match[str]) -> float:
    """How much of a short line is its date (and time): "Saturday 15 July 2017 11:40 GMT"."""
    rest = text[: date.start()] + " " + text[date.end():]
    rest = re.sub(r"\d{1,2}[:.]\d\d(?:\s*(?:am|pm|gmt|utc|cet|msk|bst|est|edt|[+-]\d{2}:?\d{2}))*"
                  r"|\b(?:mon|tues|wed|wednes|thurs|fri|satur|sun)(?:day)?\b|\bat\b|\bupdated\b"
                  r"|\bpublished\b|\bposted\b|\bby\b|\bon\b|\d+\s*min(?:ute)?s?\s*read\b"
                  r"|\d+\s*comments?\b|\bleave a comment\b|\bvia\b.*$|[,|·•:/\-–—*]", " ", rest,
                  flags=re.IGNORECASE)
    return 1.0 - words(rest) / max(1, words(text))


def line_label(text: str, settings: Settings) -> tuple[BlockKind, str] | None:
    """The label a line's own wording gives it, if any (used to cut paragraphs, too)."""
    if CAPTURE_NOTE.match(text.strip(DECORATION)):
        return (BlockKind.BOILERPLATE, "note of when the page was saved")
    if EMAIL_HEADER.match(text):
        return (BlockKind.BOILERPLATE, "e-mail header")
    if reason := metadata_reason(text, max_chars=settings.metadata_max_chars):
        return (BlockKind.METADATA, reason)
    if reason := caption_reason(text, max_chars=settings.caption_max_chars):
        return (BlockKind.CAPTION, reason)
    if reason := chrome_reason(text):
        return (BlockKind.BOILERPLATE, reason)
    return None


def stands_alone(text: str, settings: Settings) -> bool:
    """A line that is never part of a wrapped paragraph: a date line, byline, caption, chrome,
    or a comment thread's header, name, timestamp or Reply line."""
    return (line_label(text, settings) is not None or is_commenter(text)
            or bool(COMMENT_HEADER.search(text) or TIMESTAMP.match(text)
                    or COMMENT_FURNITURE.match(text)))
