"""One Settings object, built once at the edge (CLI, tests, benchmarks) and passed down.

Every limit and tuned threshold lives here, with why it has the value it has.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields

from .errors import SettingsError

# Every setting can be overridden as DOSSIER_<NAME>, e.g. DOSSIER_MAX_FILE_BYTES.
ENV_PREFIX = "DOSSIER_"

MB = 1024 * 1024

# Ingest limits. Chosen for the material researchers collect: a saved news page is 50 KB-5 MB,
# an NGO report PDF rarely passes 30 MB; anything larger is refused rather than stored, so a
# stray video in a folder does not bloat the case file.
MAX_FILE_BYTES = 50 * MB
# Archive limits guard against zip bombs (42.zip, overlapping-entry bombs): total bytes expanded
# from one top-level archive (nested ones included), members, nesting depth and per-member
# compression ratio. Text compresses 3-10:1, HTML up to ~20:1; 100:1 only happens with
# padding or bombs. The ratio is checked only above RATIO_MIN_BYTES, where it matters.
MAX_ARCHIVE_TOTAL_BYTES = 1024 * MB
MAX_ARCHIVE_MEMBERS = 20_000
MAX_ARCHIVE_DEPTH = 3
MAX_COMPRESSION_RATIO = 100.0
RATIO_MIN_BYTES = 1 * MB

# Text detection. A "text" file with more than this share of NUL or other C0 control bytes
# (tab, newline, carriage return and form feed excepted) is binary junk; measured on the demo
# corpus and on the 181 benchmark pages, real text has 0.0, a JPEG renamed .txt has > 0.1.
MAX_CONTROL_SHARE = 0.01
# ...and more than this many of them, so a stray NUL or bell in a short note is repaired
# (removed from the text, kept in the original) rather than the note rejected.
MIN_CONTROL_BYTES = 8
# Above this share of ASCII bytes, a non-UTF-8 text is taken to be in a single-byte encoding
# (see clean/text.py); set from the test texts in tests/test_bad_input.py.
MOSTLY_ASCII_SHARE = 0.8

# Plain-text cleaning (clean/pieces.py, labels.py, segments.py), tuned on the labelled set in
# tests/data/cleaning/dev and checked on tests/data/cleaning/holdout (figures in
# docs/performance.md). A stack of lines is one hard-wrapped paragraph when its widest line has at
# least WRAP_MIN_WIDTH characters and every line but the last fills WRAP_FILL_SHARE of it;
# otherwise each line is its own piece (chrome, a comment's name, timestamp and "Reply").
WRAP_MIN_WIDTH = 50
WRAP_FILL_SHARE = 0.6
# Prose: at least PROSE_MIN_WORDS words ending in sentence punctuation, or PROSE_UNPUNCTUATED_WORDS
# words without it. "Donate now", "Back to top" and headlines are not prose; "He was freed." is.
PROSE_MIN_WORDS = 5
PROSE_UNPUNCTUATED_WORDS = 40
# A headline has at most this many words (the longest headline in the demo corpus has 15), and
# is the fullest title-like line among the TITLE_WINDOW unlabelled pieces above an article's
# first paragraph (chrome, date lines and captions between them are skipped): headline,
# standfirst and a bare byline fit in 3.
TITLE_MAX_WORDS = 25
TITLE_WINDOW = 3
# A line of at most this many words between the headline and the first paragraph, without
# sentence punctuation, is a byline or dateline ("Anna Lindqvist, Moscow").
BYLINE_MAX_WORDS = 6
# Captions and credits are short: the longest in the labelled set is about 220 characters.
CAPTION_MAX_CHARS = 300
# Date lines and bylines are short; a longer line that mentions a date is prose.
METADATA_MAX_CHARS = 120
# An appeal (donate, subscribe, buy my book) is a paragraph, not a whole article: longer
# paragraphs with promotional words are body.
PROMO_MAX_WORDS = 120
# After a run of chrome at the end of an article, a paragraph counts as body again only with at
# least this many words, so a site's one-line self-description under the footer is not body.
TAIL_BODY_MIN_WORDS = 25
# A compilation's article must have at least this many words of prose before the next headline
# can start a new one.
SEGMENT_MIN_WORDS = 40
# Language: py3langid on the first LANGUAGE_SAMPLE_CHARS of the body; none when the body has
# fewer than LANGUAGE_MIN_WORDS words or the normalised probability is below the minimum.
LANGUAGE_SAMPLE_CHARS = 3000
LANGUAGE_MIN_WORDS = 5
LANGUAGE_MIN_PROBABILITY = 0.5

# PDFs: more pages than this are refused (the longest NGO report we know of has ~700 pages).
MAX_PDF_PAGES = 2000
# A PDF whose text layer averages fewer words than this per page is a scan without text.
PDF_MIN_WORDS_PER_PAGE = 3

# Parsing limits (clean/guard.py, docs/hostile-input.md). HTML and PDF are parsed in a worker
# process that is stopped after PARSE_TIMEOUT_SECONDS on one file: the slowest of the 181
# benchmark pages takes well under a second and a 50 MB page (MAX_FILE_BYTES) a few seconds,
# while crafted pages (200,000 attributes on one tag) run for many minutes; 0 parses in the
# build's own process, with no limits. The worker may use PARSE_MEMORY_BYTES of address space
# beyond what it holds when forked: lxml and trafilatura need about 10-20 times a page's size,
# so a 50 MB page fits, and a laptop is not driven into swap by one file.
PARSE_TIMEOUT_SECONDS = 60.0
PARSE_MEMORY_BYTES = 2048 * MB
# A file whose cleaned blocks hold more characters than this is refused: as large as the largest
# file accepted (MAX_FILE_BYTES), so text and HTML never reach it; only expansion does (a PDF
# whose compressed streams unpack to gigabytes of text).
MAX_PARSED_CHARS = 50_000_000

# Copies (copies/), calibrated on the synthetic syndication corpus of benchmarks/syndication.py
# (re-run `make bench` after any change; figures in docs/performance.md). Texts are compared as
# sets of SHINGLE_WORDS-word shingles of their normalised body: 5 words is long enough that two
# articles on the same event share few shingles beyond their common quotes, short enough that a
# changed word breaks only 5 of them.
SHINGLE_WORDS = 5
# MinHash signatures of MINHASH_PERMUTATIONS values, cut into LSH_BANDS bands of
# MINHASH_PERMUTATIONS / LSH_BANDS rows. Two rows per band make a pair with Jaccard 0.2 a candidate
# with probability 0.93 and one with 0.3 with 0.998, so excerpts (which have a low Jaccard
# similarity with their source: an excerpt of a quarter of an article has 0.25) are found; pairs
# of different articles that share a quote (Jaccard about 0.03) become candidates 4% of the time
# and are then rejected by the exact comparison.
MINHASH_PERMUTATIONS = 128
LSH_BANDS = 64
# A candidate pair is compared exactly. Near-duplicates: Jaccard similarity of the shingle sets
# at least COPY_JACCARD is a copy, made automatically; from POSSIBLE_JACCARD up it is a possible
# copy, kept for review, that does not merge groups. A re-post with other boilerplate and light
# rewording keeps 0.6-0.95; two articles on one event sharing quotes stay under 0.1.
COPY_JACCARD = 0.5
POSSIBLE_JACCARD = 0.3
# Containment: the share of the shorter text's shingles found in the longer one. From
# COPY_CONTAINMENT up the shorter text is inside the longer (an excerpt, a truncated copy, an
# article most of which a blog quotes); from POSSIBLE_CONTAINMENT up it is a possible copy.
# A lightly reworded excerpt keeps 0.9 and more, a blog quoting 70% of an article 0.7; articles
# sharing a quote stay under 0.15.
COPY_CONTAINMENT = 0.7
POSSIBLE_CONTAINMENT = 0.4
# A shorter text inside a longer one is a quoted source, not a copy, when it is older and fills
# less than this share of the longer text: an article quoting a press statement in full is
# mostly its own words, while a blog re-posting most of an article is mostly the article.
QUOTED_MAX_COVERAGE = 0.5
# A text inside a longer one is judged as contained (excerpt, or quoted source) rather than as a
# near-duplicate when it fills less than this share of the longer text, whatever their Jaccard
# similarity; re-posts with a few added lines fill more than 0.9.
NEAR_MIN_COVERAGE = 0.8
# Texts shorter than this many words are matched only as exact copies: a line or two is shared
# by chance or by quotation, not by copying.
CONTAINMENT_MIN_WORDS = 40
# An LSH bucket holding more documents than this (a boilerplate text repeated everywhere) is
# compared only with its first members, so one common text cannot make the work quadratic.
LSH_BUCKET_LIMIT = 100
# A new document is compared exactly with at most this many candidates, those sharing the most
# LSH bands first. Beyond a handful of copies of the same story more links add nothing to the
# groups, and a wire story re-posted by thousands of sites would otherwise cost a comparison
# with each of them.
CANDIDATE_LIMIT = 50
# Documents indexed in memory before their index rows are written, in one sorted insert. Written
# a 500-document batch at a time the LSH rows cost 3x more per document at 200,000 documents
# than at 20,000 (every row dirties its own B-tree page); written every 20,000 the write cost
# per document stayed flat (profiled to 300,000; benchmarks/copy_detection.py and
# docs/performance.md). Memory: a few KB per held document (band keys and the fingerprints
# remembered). A killed build indexes the held documents again.
COPY_WRITE_DOCUMENTS = 20_000

# Stage 4 (extraction) reads documents in this many worker processes (0: one per CPU). Each
# worker reads a share of a batch; the spaCy pipeline and gazetteers are loaded before the
# workers fork, so a worker costs no start-up. 2 workers on the 2-core CI machine nearly
# double the stage's throughput (benchmarks/extraction.py, docs/performance.md).
EXTRACT_WORKERS = 0
# Below this many documents in a batch, extraction stays in the build's own process: forking
# costs more than it saves for a handful of new documents (adding one document to a case).
EXTRACT_PARALLEL_MIN = 200

# Corroboration (corroborate/matching.py). Two statements assert the same fact when their
# event types are of one family, their counts and explicit dates are compatible, and their
# content (content-word lemmas, case entities, victims) overlaps by at least CLAIM_SIMILARITY
# (Jaccard weighted by how rare each feature is in the case). Counts within
# CLAIM_QUANTITY_RATIO of each other are one fact with conflicting figures (100 vs 40
# detained); further apart they are different facts (1,500 vs 100). Explicit dates more than
# CLAIM_DATE_WINDOW_DAYS apart are different facts (a 2013 claim is not a 2017 one). A
# statement is compared with at most CLAIM_COMPARED members of a candidate claim.
# Calibrated on the labelled set in tests/data/corroboration (figures in
# docs/corroboration.md).
CLAIM_SIMILARITY = 0.35
CLAIM_SIMILARITY_UNTYPED = 0.4  # when either side has no event type: only wording can tell
# Added to the similarity for each structural agreement: the same event type, counts within
# CLAIM_QUANTITY_RATIO, explicit dates within CLAIM_DATE_WINDOW_DAYS.
# A second pass merges two claims whose statements have at least CLAIM_MERGE average
# similarity (with the bonuses).
CLAIM_MERGE = 0.25
# The bonuses count only between statements sharing at least CLAIM_BONUS_FLOOR of their
# content: "about 40 detained" in Chechnya and "45 arrested for looting" elsewhere agree on
# event and count and nothing else.
CLAIM_BONUS_FLOOR = 0.08
CLAIM_EVENT_BONUS = 0.1
CLAIM_COUNT_BONUS = 0.1
CLAIM_DATE_BONUS = 0.05
CLAIM_QUANTITY_RATIO = 4.0
CLAIM_DATE_WINDOW_DAYS = 400
# A source that gives another count of the same thing in a report published more than
# CLAIM_RUNNING_TOTAL_DAYS after (or before) its first is giving a running total, a different
# fact ("helped about 30 people leave" in April, "43" in May, "64" in July); within that time it
# is one fact with conflicting figures (a correction, or two outlets rounding). 7: the labelled
# set's running totals are three weeks or more apart, its restated totals the same day.
CLAIM_RUNNING_TOTAL_DAYS = 7
CLAIM_COMPARED = 12
# Adding documents to a case re-reads only the claims around them: the claims sharing the most
# blocking keys with the new statements, at most CLAIM_NEIGHBOURS, through keys held by at most
# CLAIM_KEY_LIMIT claims (a key as common as the country of the case tells nothing). Chosen so
# that adding one document to a 100,000-document case stays under a second
# (benchmarks/corroboration_scale.py).
CLAIM_NEIGHBOURS = 50
CLAIM_KEY_LIMIT = 200
# Denials (corroborate/claims.py). A denial answers its story's core claim: the claim of the
# act it names (or an abuse) most stories reported in the DENIAL_STORY_DAYS up to it. A denial
# naming an act answers instead the claim holding at least DENIAL_SIMILARITY of what it says
# beyond the core's first reports, when that share weighs at least DENIAL_SPECIFIC_WEIGHT (two
# rare words: a feature weighs log(1 + N / df), 4-6 for a rare word in the labelled set), and
# a second claim holding DENIAL_SECOND_SHARE of what the first leaves; at most
# DENIAL_MAX_LINKS. Calibrated with `benchmarks/corroboration.py --sweep` on the labelled set
# (2026-11-21, denial-link F1 0.626 at these values): DENIAL_SIMILARITY 0.4-0.5 and
# DENIAL_SPECIFIC_WEIGHT 12-16 are one plateau (0.626), 0.6 or 8 fall to 0.595-0.611, 0.3 with
# 8-12 to 0.45-0.50; DENIAL_STORY_DAYS 90 and 180 give the same, 365 0.611; DENIAL_SECOND_SHARE
# 0.2 and 0.4 the same. Neighbours in docs/corroboration.md.
DENIAL_SIMILARITY = 0.5
DENIAL_MAX_LINKS = 2
DENIAL_STORY_DAYS = 180
DENIAL_SECOND_SHARE = 0.2
DENIAL_SPECIFIC_WEIGHT = 12.0
# A dismissal of a report as a whole denies each abuse claim its document states before it, at
# most DENIAL_REPORT_LINKS of them (the gold's blanket dismissals deny two or three).
DENIAL_REPORT_LINKS = 4

# How many originals are written per transaction. A SIGKILL loses at most one batch, which the
# next run redoes; 500 keeps the 10,000-file ingest benchmark within 5% of a single
# transaction while bounding the work lost.
BATCH_SIZE = 500

# Show a progress bar when a build is handed more than this many files.
PROGRESS_MIN_FILES = 5

# How long a second build waits for the one holding the case before giving up.
LOCK_WAIT_SECONDS = 10.0

# Signing in to a shared case (web/access.py). OWASP ASVS 4.0 level 2 (3.3.2, 3.3.1): a
# session ends after SESSION_IDLE_MINUTES without a request and SESSION_HOURS after sign-in,
# whatever happens; its last use is written at most every SESSION_TOUCH_SECONDS (so a page
# view is a read, not a write). After LOGIN_LOCKOUT_FAILURES failed sign-ins within
# LOGIN_LOCKOUT_MINUTES a user is refused, even with the right password, until the oldest of
# them is that old (NIST SP 800-63B 5.2.2 allows up to 100; 5 stops guessing without locking
# out a user who mistypes twice). One address may try LOGIN_ATTEMPTS_PER_MINUTE sign-ins a
# minute, whichever names it tries. An API token lasts API_TOKEN_DAYS unless made for less.
SESSION_IDLE_MINUTES = 30
SESSION_HOURS = 12
SESSION_TOUCH_SECONDS = 60
LOGIN_LOCKOUT_FAILURES = 5
LOGIN_LOCKOUT_MINUTES = 15
LOGIN_ATTEMPTS_PER_MINUTE = 10
API_TOKEN_DAYS = 90


@dataclass(frozen=True)
class Settings:
    """Limits and thresholds for one run; defaults are the named constants above."""

    max_file_bytes: int = MAX_FILE_BYTES
    max_archive_total_bytes: int = MAX_ARCHIVE_TOTAL_BYTES
    max_archive_members: int = MAX_ARCHIVE_MEMBERS
    max_archive_depth: int = MAX_ARCHIVE_DEPTH
    max_compression_ratio: float = MAX_COMPRESSION_RATIO
    ratio_min_bytes: int = RATIO_MIN_BYTES
    max_control_share: float = MAX_CONTROL_SHARE
    min_control_bytes: int = MIN_CONTROL_BYTES
    mostly_ascii_share: float = MOSTLY_ASCII_SHARE
    wrap_min_width: int = WRAP_MIN_WIDTH
    wrap_fill_share: float = WRAP_FILL_SHARE
    prose_min_words: int = PROSE_MIN_WORDS
    prose_unpunctuated_words: int = PROSE_UNPUNCTUATED_WORDS
    title_max_words: int = TITLE_MAX_WORDS
    title_window: int = TITLE_WINDOW
    byline_max_words: int = BYLINE_MAX_WORDS
    caption_max_chars: int = CAPTION_MAX_CHARS
    metadata_max_chars: int = METADATA_MAX_CHARS
    promo_max_words: int = PROMO_MAX_WORDS
    tail_body_min_words: int = TAIL_BODY_MIN_WORDS
    segment_min_words: int = SEGMENT_MIN_WORDS
    language_sample_chars: int = LANGUAGE_SAMPLE_CHARS
    language_min_words: int = LANGUAGE_MIN_WORDS
    language_min_probability: float = LANGUAGE_MIN_PROBABILITY
    max_pdf_pages: int = MAX_PDF_PAGES
    pdf_min_words_per_page: int = PDF_MIN_WORDS_PER_PAGE
    parse_timeout_seconds: float = PARSE_TIMEOUT_SECONDS
    parse_memory_bytes: int = PARSE_MEMORY_BYTES
    max_parsed_chars: int = MAX_PARSED_CHARS
    shingle_words: int = SHINGLE_WORDS
    minhash_permutations: int = MINHASH_PERMUTATIONS
    lsh_bands: int = LSH_BANDS
    copy_jaccard: float = COPY_JACCARD
    possible_jaccard: float = POSSIBLE_JACCARD
    copy_containment: float = COPY_CONTAINMENT
    possible_containment: float = POSSIBLE_CONTAINMENT
    quoted_max_coverage: float = QUOTED_MAX_COVERAGE
    near_min_coverage: float = NEAR_MIN_COVERAGE
    containment_min_words: int = CONTAINMENT_MIN_WORDS
    lsh_bucket_limit: int = LSH_BUCKET_LIMIT
    candidate_limit: int = CANDIDATE_LIMIT
    copy_write_documents: int = COPY_WRITE_DOCUMENTS
    extract_workers: int = EXTRACT_WORKERS
    extract_parallel_min: int = EXTRACT_PARALLEL_MIN
    claim_similarity: float = CLAIM_SIMILARITY
    claim_similarity_untyped: float = CLAIM_SIMILARITY_UNTYPED
    claim_merge: float = CLAIM_MERGE
    claim_bonus_floor: float = CLAIM_BONUS_FLOOR
    claim_event_bonus: float = CLAIM_EVENT_BONUS
    claim_count_bonus: float = CLAIM_COUNT_BONUS
    claim_date_bonus: float = CLAIM_DATE_BONUS
    claim_quantity_ratio: float = CLAIM_QUANTITY_RATIO
    claim_date_window_days: int = CLAIM_DATE_WINDOW_DAYS
    claim_running_total_days: int = CLAIM_RUNNING_TOTAL_DAYS
    claim_compared: int = CLAIM_COMPARED
    claim_neighbours: int = CLAIM_NEIGHBOURS
    claim_key_limit: int = CLAIM_KEY_LIMIT
    denial_similarity: float = DENIAL_SIMILARITY
    denial_max_links: int = DENIAL_MAX_LINKS
    denial_story_days: int = DENIAL_STORY_DAYS
    denial_second_share: float = DENIAL_SECOND_SHARE
    denial_specific_weight: float = DENIAL_SPECIFIC_WEIGHT
    denial_report_links: int = DENIAL_REPORT_LINKS
    batch_size: int = BATCH_SIZE
    progress_min_files: int = PROGRESS_MIN_FILES
    lock_wait_seconds: float = LOCK_WAIT_SECONDS
    session_idle_minutes: float = SESSION_IDLE_MINUTES
    session_hours: float = SESSION_HOURS
    session_touch_seconds: float = SESSION_TOUCH_SECONDS
    login_lockout_failures: int = LOGIN_LOCKOUT_FAILURES
    login_lockout_minutes: float = LOGIN_LOCKOUT_MINUTES
    login_attempts_per_minute: int = LOGIN_ATTEMPTS_PER_MINUTE
    api_token_days: int = API_TOKEN_DAYS

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] = os.environ) -> Settings:
        """Defaults, overridden by DOSSIER_<NAME> variables (documented in docs/settings.md)."""
        values: dict[str, int | float] = {}
        for field in fields(cls):
            name = ENV_PREFIX + field.name.upper()
            raw = environ.get(name)
            if raw is None:
                continue
            kind = int if field.type in ("int", int) else float
            try:
                value = kind(raw.replace("_", ""))
            except ValueError:
                raise SettingsError(f"{name} must be a {'whole ' if kind is int else ''}number, "
                                    f"not {raw!r}") from None
            if value < 0:
                raise SettingsError(f"{name} must not be negative, not {raw!r}")
            values[field.name] = value
        return cls(**values)  # type: ignore[arg-type]  # names and types come from fields()
