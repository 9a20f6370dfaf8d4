"""Synthetic syndication corpora with known truth, for the copy-detection benchmark.

Every word is ours. Sentences come from a small grammar of human-rights reporting (detentions,
police, courts, refugees, protests, ministries, rights groups: 201 sentence patterns, expanded
into 34,580 skeletons with word-level variation) whose slots are filled, sentence by sentence,
from a synthetic vocabulary: 21,550 made-up words (first names, surnames, towns, regions,
countries, others) combined into about 70,000 people, 2,000 streets, 1,500 organisations,
1,500 facilities and 300 outlets, plus short English lists (groups, charges, abuses,
professions, official bodies, dates, numbers), drawn with a Zipf-like skew (the value at
index floor(size * u ** k) of a list, u uniform in [0, 1), k >= 1). Nothing comes from real
articles. The patterns put a choice or a high-entropy slot every few words: two unrelated
originals share 0.34% of their 5-word shingles on average (median 0, 90th percentile 1.0%,
99th 2.3%).

Structure. Documents come in *events* (a detention, a trial, a camp cleared...). An event has
its own date, town, region, country, ministry, rights group, victim, official, lawyer,
facility, court and charge, a *cast* (a few nearby towns, people, organisations, streets and
facilities that fill about half of its texts' slots of those kinds) and 3-9 outlets, and:

* 1-3 shared quotes (one sentence of 15-40 words each: an official denial, a relative, a
  lawyer, a researcher), each cited inside quotation marks by about 65% of its articles;
* in 1 event in 5, a press *statement* (60-200 words, 1-3 paragraphs, edit "statement", its
  own origin) that 2-6 of the event's articles quote in full after a lead-in line such as
  "The statement read in full:"; it is dated on or before them. A third of the statements are
  also reposted (an `exact` or `boilerplate` copy whose origin is the statement);
* 1-8 *originals* (edit "original"; 3.3 on average), written independently: 250-900 words
  (median 440), 4-12 paragraphs separated by a blank line, sometimes a dateline;
* for each original, 0-30 *copies* (none for 60% of originals, a heavy tail for the others),
  each made with one or more edits, joined by "+" in `edit` in this order:
  `exact` (the same text, sometimes with other whitespace or lines wrapped at 60-80
  characters), `reworded` (1-4% of the words replaced by synonyms in some paragraphs, 1-3
  small sentence changes), `reordered` (two or three paragraphs swapped), `truncated` (the
  first 40-90% of the paragraphs), `excerpt` (a run of paragraphs holding 25-60% of the words,
  from the start or the middle, maybe after a line such as "Excerpt:"), `quoting_blog` (at
  least 70% of the original's words inside 1-4 paragraphs of a blogger's own, longer than the
  original) and `boilerplate` (residual lines of the copying outlet at the end, sometimes the
  start:
  "This article first appeared in X.", "Read more at x.com", a subscription appeal, a share
  line... the same style for every copy by one outlet). Shares among copies: exact 22%,
  boilerplate 20%, truncated 9%, excerpt 9%, quoting_blog 6%, reworded 8%, reordered 4%, and
  combinations (reworded+boilerplate 6%, truncated+boilerplate 5%, excerpt+boilerplate 3%,
  reordered+boilerplate 2%, reworded+truncated 2%, reworded+reordered 1.5%,
  reworded+truncated+boilerplate 1.5%). Copies are published 0-5 days after their original
  (43% the same day); 20% have no date and 20% no outlet, originals 2% each.

Truth: `origin` is the id of the document a copy derives from, the document's own id for
originals and statements. Articles of one event that cite the same quotes or quote the same
statement in full are *not* copies of each other nor of the statement; they are the hard
negatives. Containment of 5-word shingles: the statement in an article quoting it 1.0; two
articles quoting one statement 0.36 (median; 90th percentile 0.50); two other originals of an
event 0.05 (0.11). `true_pairs` gives the pairs of documents with the same origin.

Order: events follow each other; inside an event, documents come by day, the statement first,
each original before its copies, except 5% of copies put just before their original (met
first by a crawler). The last event of a stream of n documents is cut without such early
copies, so the origin of every yielded document is yielded too. Ids ("syn-000000123") follow
the yielded order. A stream is deterministic for (n, seed) and the same as the start of a
longer one but for its last event. Events are planned and filled in blocks of 32 (one
vectorised draw of all their slots); memory stays flat (about 70 MB, most of it the
vocabulary and skeletons, built once per process in about 1.3 s).

Composition of 1,000,000 documents (seed 0): 49.3% originals, 3.1% statements, 47.6% copies
(exact 10.9%, boilerplate 9.9%, truncated 4.2%, excerpt 4.2%, reworded 3.7%, quoting_blog
2.8%, reordered 1.9%, combinations 9.9%); 524,000 origins, 2.1 million true pairs; 418 words
on average.

Speed: 20,800 documents/s over those 1,000,000 documents (python benchmarks/syndication.py
1000000, one core of a shared AMD EPYC server, Python 3.11; time inside the iterator only).
The machine is noisy: another run of 1,000,000 gave 18,100/s, and its chunks of 100,000
16,300-20,800/s.

    .venv/bin/python benchmarks/syndication.py [N [SEED]]
"""

from __future__ import annotations

import bisect
import itertools
import math
import operator
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from operator import itemgetter
from typing import Any, TypeVar

import numpy as np
import numpy.typing as npt

F64 = npt.NDArray[np.float64]
I64 = npt.NDArray[np.int64]
_T = TypeVar("_T")

_VOCABULARY_SEED = 20240611  # the vocabulary and grammar are the same for every stream seed
_FIRST_DAY = date(2012, 1, 1).toordinal()
_LAST_DAY = date(2024, 12, 31).toordinal()
_OUTLETS = 300
_EARLY_COPY = 0.05  # share of copies crawled just before their original


@dataclass(frozen=True, slots=True)
class SyntheticDocument:
    id: str  # "syn-000000123", unique, zero-padded
    text: str  # the body text
    published: str | None  # ISO date "YYYY-MM-DD"
    outlet: str | None
    origin: str  # id of the origin document (== id for originals and statements)
    edit: str  # "original" | "statement" | one or more edit names joined by "+"


# --- Vocabulary ---------------------------------------------------------------------------------

_ONSETS = ("b", "br", "d", "dr", "g", "gr", "k", "kr", "kh", "l", "m", "n", "p", "pr", "r", "s",
           "sh", "st", "t", "tr", "v", "vr", "z", "zh", "ts", "ch", "f", "h", "j", "y", "sk", "sv",
           "dz", "", "", "")
_VOWELS = ("a", "e", "i", "o", "u", "a", "e", "o", "a", "ai", "ei", "ia", "ou", "y", "io")
_CODAS = ("", "", "", "", "n", "r", "l", "s", "k", "m", "v", "sh", "t", "nd", "rk", "st", "z",
          "ng", "ld")
_FIRST_ENDINGS = ("", "", "a", "o", "an", "ik", "el", "ina", "ir", "es", "ija", "ul")
_SURNAME_ENDINGS = ("", "ov", "ova", "enko", "ani", "escu", "ian", "ski", "ez", "oglu", "ic",
                    "is", "as", "eva", "dze", "yan", "ek", "in", "ari", "sson", "ou", "aj")
_TOWN_ENDINGS = ("", "", "grad", "ovo", "abad", "pur", "ino", "sk", "burg", "ka", "evo", "ara",
                 "ton", "dar", "kent", "polje", "ia", "an", "ec", "ville")
_COUNTRY_ENDINGS = ("ia", "stan", "ora", "esh", "and", "ova", "uria", "iya", "onia")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

_GROUPS = (
    "protesters", "students", "journalists", "activists", "demonstrators", "villagers",
    "teachers", "factory workers", "trade unionists", "bloggers", "farmers",
    "opposition supporters", "human rights defenders", "lawyers", "residents", "miners",
    "refugees", "asylum seekers", "migrants", "university lecturers", "football supporters",
    "environmental campaigners", "taxi drivers", "market traders", "nurses", "doctors",
    "pensioners", "young men", "women", "schoolchildren", "musicians", "artists", "poets",
    "clerics", "worshippers", "railway workers", "dock workers", "bus drivers", "fishermen",
    "shepherds", "construction workers", "election observers", "local councillors",
    "party members", "volunteers", "aid workers", "medics", "photographers", "cameramen",
    "independent candidates", "union leaders", "community leaders", "veterans",
    "street vendors", "seasonal workers", "mothers of detainees", "relatives of prisoners",
    "members of a youth movement", "members of a religious minority", "miners' wives",
    "former prisoners", "graduate students", "cyclists", "tenants", "truck drivers",
)
_ALLEGATIONS = (
    "torture", "ill-treatment", "beatings", "enforced disappearance", "arbitrary detention",
    "incommunicado detention", "sexual violence", "forced confessions", "excessive force",
    "denial of medical care", "sleep deprivation", "threats against relatives",
    "prolonged solitary confinement", "unlawful searches", "extortion", "mock executions",
    "electric shocks", "forced labour", "collective punishment", "degrading treatment",
    "unlawful killings", "harassment", "intimidation", "severe overcrowding",
    "humiliating strip searches", "denial of family visits", "denial of legal counsel",
    "unlawful deportation", "pushbacks at the border", "secret detention", "beatings with batons",
    "hooding and stress positions", "withholding of food", "cold cells without bedding",
)
_CHARGES = (
    "hooliganism", "extremism", "terrorism", "treason", "espionage", "inciting hatred",
    "spreading false information", "organising mass riots", "taking part in mass riots",
    "illegal border crossing", "insulting the head of state", "insulting a public official",
    "tax evasion", "membership of a banned group", "calling for separatism",
    "disrupting public order", "violence against a police officer",
    "illegal possession of weapons", "drug possession", "fraud", "financing terrorism",
    "discrediting the armed forces", "desecrating state symbols", "holding an unauthorised rally",
    "subversion", "sabotage", "defamation", "insulting religious feelings",
    "resisting arrest", "undermining national unity", "illegal entry", "forgery of documents",
)
_PROFESSIONS = (
    "teacher", "blogger", "lawyer", "journalist", "student", "farmer", "road engineer", "nurse",
    "doctor", "taxi driver", "shop owner", "poet", "musician", "priest", "mechanic",
    "bookkeeper", "baker", "bus driver", "lecturer", "photographer", "translator", "programmer",
    "miner", "lineman", "builder", "social worker", "librarian", "pharmacist", "preacher",
    "volunteer", "film-maker", "cook", "carpenter", "fisherman", "shepherd", "vet",
)
_BODIES = (
    "the Interior Ministry", "the Justice Ministry", "the Chief Prosecutor",
    "the State Security Service", "the Defence Ministry", "the Migration Service",
    "the Supreme Court", "the Constitutional Court", "the Ombudsman", "the Rights Commission",
    "the Foreign Ministry", "the Border Guard", "the Prison Service", "the Information Ministry",
    "the Investigative Committee", "the National Police", "the Health Ministry",
    "the presidential administration", "the regional governor", "the Labour Ministry",
    "the Prime Minister", "the parliamentary rights committee", "the Electoral Commission",
    "the city administration", "the Education Ministry", "the Anti-Corruption Bureau",
    "the Religious Affairs Directorate", "the Counter-Terrorism Centre", "the Social Ministry",
    "the Customs Service",
)
_EVENT_BODIES = (*_BODIES[:6], "the Border Guard", "the Prison Service",
                 "the Investigative Committee", "the National Police")
_EVENT_FACILITIES = (
    "the {town} Central Prison", "the {town} police headquarters", "the {town} detention centre",
    "the {town} reception centre", "the holding cells in {town}", "the {town} women's prison",
    "the {region} penal colony", "the camp outside {town}",
)
_EVENT_COURTS = ("the {town} District Court", "the {town} City Court",
                 "the {region} Regional Court", "the military court in {town}")

_ORGANISATION_PATTERNS = (
    "the {Town} Human Rights Centre", "the {Surname} Foundation",
    "the {Region} Justice Committee", "{Word} Watch", "the {Region} Legal Aid Network",
    "the {Town} Families Association", "the {Town} Bar Association",
    "the {Country} Refugee Council", "the {Town} Civil Liberties Centre",
    "the {Surname} Memorial Society", "{Word} Defenders", "the {Town} Press Freedom Initiative",
    "Lawyers for {Word}", "the {Region} Prisoners' Observatory", "{Word} Against Torture",
    "the {Word} Institute", "the {Country} Union of Journalists", "{Word} Legal Clinic",
    "the {Town} Migrant Aid Project", "the {Region} Monitoring Mission", "the Mothers of {Town}",
    "the {Word} Network", "{Word} Rights", "the {Surname} Centre", "{Word} Solidarity",
)
_FACILITY_PATTERNS = (
    "the {Town} Central Prison", "detention centre No. {number} in {Town}",
    "the {Surname} Street police station", "the {Town} migrant reception centre",
    "the {Word} penal colony", "the {Town} holding facility", "the {Region} police headquarters",
    "the {Word} camp", "the {Town} barracks", "the {Town} women's prison",
)
_OUTLET_PATTERNS = (
    "The {Town} Herald", "{Town} Daily", "{Country} Today", "The {Region} Observer",
    "{Word} News", "The {Word} Post", "Radio {Town}", "The {Town} Times", "{Country} News Agency",
    "Free {Town}", "{Word} Monitor", "The {Word} Dispatch", "{Region} Voice", "{Word} Online",
    "The {Town} Tribune", "{Word} Media", "{Country} Press Service", "The {Region} Chronicle",
    "{Word} Journal", "{Town} Courier", "{Word} Wire", "{Region} Rights Bulletin",
)
_DOMAINS = (".com", ".org", ".net", ".info", ".news", ".media")


def _syllables(r: random.Random, count: int) -> str:
    return "".join(r.choice(_ONSETS) + r.choice(_VOWELS) + r.choice(_CODAS) for _ in range(count))


def _words(r: random.Random, count: int, make: Callable[[random.Random], str],
           taken: set[str]) -> list[str]:
    """`count` new distinct capitalised words (3-13 letters) made by `make`."""
    out: list[str] = []
    while len(out) < count:
        word = make(r).capitalize()
        if 3 <= len(word) <= 13 and word not in taken:
            taken.add(word)
            out.append(word)
    return out


def _patterns(r: random.Random, count: int, patterns: Sequence[str],
              parts: dict[str, list[str]]) -> list[str]:
    """`count` distinct names from `patterns`, their {Fields} filled from `parts`."""
    out: list[str] = []
    seen: set[str] = set()
    choices = {key: values[:1500] for key, values in parts.items()}
    choices["number"] = [str(n) for n in range(1, 40)]
    while len(out) < count:
        name = re.sub(r"\{(\w+)\}", lambda m: r.choice(choices[m.group(1)]),
                      r.choice(patterns))
        if name not in seen:
            seen.add(name)
            out.append(name)
    return out


# --- Grammar ------------------------------------------------------------------------------------
# "name: alternative | alternative": `$name` is another rule, `[a|b|]` an inline choice (the
# empty one drops it), `<X>` a slot filled for every sentence from the vocabulary (P person,
# T town, R region, C country, O organisation, M official body, U outlet, S street, X facility,
# G group, H profession, A abuse, Q charge, D date, W weekday, Y year, n/N numbers), `{field}`
# an entity of the event. Lines starting with a space continue the rule. The rules expanded
# into sentences (families: lead, body, statements, commentary, quotes) put a choice or a
# high-entropy slot every few words, so that unrelated texts share few 5-word sequences.

_GRAMMAR = """
force: police | riot police | the <R> police | security forces | officers from <T>
    | plainclothes officers | masked men in uniform | officers of <M> | special forces
    | border guards | soldiers from the <T> garrison | municipal guards in <T>
    | counter-extremism officers | officers of the <T> precinct | men in civilian clothes
    | traffic police in <T>
detain: detained | arrested | rounded up | took away | picked up | seized | briefly held
    | dragged away
detained: detained | arrested | held | taken away | rounded up | picked up | seized
numq: <N> | at least <N> | more than <N> | some <N> | around <N> | nearly <N> | up to <N>
    | about <N> | a group of <N>
when: on <W> | late on <W> | on <D> | on the night of <D> | early on <D> | on <W>, <D>,
    | before dawn on <D> | on <D> <Y> | at dawn on <W> | on <W> evening | on <W> afternoon
lwhen: on {date} | on {weekday} | late on {weekday} | early on {date} | on the night of {date}
    | on {weekday} evening | before dawn on {weekday} | on {weekday}, {date},
place: in {town} | in <T> | near <T> | on <S> | on <S> in {town} | in the <R> region
    | at {facility} | outside <X> | in the <T> district of {town} | on the road to <T>
    | at a checkpoint near <T> | in the village of <T> | at the <T> market
    | outside the <M> office in <T> | in central {town}
src: according to <O> | <O> said | <P> said | <P>, $role, said | witnesses in <T> said
    | residents of <T> told <U> | <U> reported | a lawyer for <P> said | relatives told <U>
    | <O> said on <W> | according to <P> | <P> told <U> | <O> reported on <D>
    | according to <U> | according to lawyers for <P> | people in <T> said
    | <P> wrote on social media | officials in <T> confirmed | according to <O>'s count
    | an official in <T> told <U> | <P> of <O> said | <U> said, citing <O> | <O> told <U>
role: a <H> from <T> | a lawyer in <T> | who heads <O> | a researcher at <O> | a member of <O>
    | a councillor in <T> | a former <H> in <T> | a spokesperson for <O>
    | a <H> who lives in <T> | an activist from <T> | a relative of <P> | the head of <O>
    | a journalist with <U> | the director of <O> | a volunteer with <O> | a doctor in <T>
    | a former detainee from <T> | who coordinates <O>
group: <G> | <G> and <G> | <G> from <T> | young <G> | <G> and their relatives | <G> from <R>
    | <G> from the <T> area
trigger: a protest against $topic | clashes with police in <T> | a peaceful march in <T>
    | a vigil for <P> | a strike at a plant in <T> | posts criticising <M>
    | a rally for {victim} | a gathering on <S> | a sit-in outside <X> | the funeral of <P>
    | a football match in <T> | a hunger strike at {facility} | a report by <O> | a raid on <S>
    | the arrest of <P> in <T>
topic: fuel prices in <T> | the arrest of {victim} | a new law on foreign funding
    | the demolition of homes in <T> | fraud in the <Y> election | the closure of <U>
    | police violence in <T> | the conviction of <P> | a dam near <T> | deportations to <C>
    | the dismissal of judges in <R> | pension cuts in <R> | the jailing of <P>
    | restrictions on worship in <T> | the detention of <G> | the death of <P> in custody
    | evictions in <T> | the curfew in <R>
means: tear gas | batons | water cannon | rubber bullets | stun grenades | pepper spray
    | live ammunition | dogs | armoured vehicles
refugees: refugees | asylum seekers | migrants | families fleeing <C> | people from <C>
    | displaced people | refugees from <C> | <G> from <C>
border: at the border with <C> | near the <T> crossing | in a forest near <T>
    | on a riverbank near <T> | in a camp near <T> | in a closed zone near <T>
    | at a factory outside <T>
border_event: guards refused to let them through | <M> closed the crossing | a pushback by <M>
    | police cleared the camp at <T> | the centre in <T> was shut | <M> suspended asylum claims
abused: beaten | kicked | threatened with rape | deprived of sleep | held in a stress position
    | denied medication | given electric shocks | forced to sign a confession
    | hooded and threatened | doused with cold water | beaten with bottles
    | made to stand for hours
interrogation: questioning at <X> | interrogation in <T> | the first <n> hours in custody
    | a transfer to <T> | a night in <X> | a search of his flat on <S>
    | his transfer to {facility} | <n> days at <X>
docsrc: a medical report | a complaint by <P> | his family in <T> | testimony collected by <O>
    | <O> | a forensic report | court records seen by <U> | a letter from {facility}
    | <P>, a former cellmate
claim: the officers had acted lawfully | the detainees were suspected of <Q>
    | no one had been mistreated | the gathering on <S> was illegal
    | an inquiry had been opened | the reports from <T> were false
    | the situation in <T> was calm | <n> officers had been injured
    | the detainees had been released | foreign agents had organised the protest
    | the camp near <T> was a health risk | all detainees had lawyers
    | the allegations of <A> would be examined | the raid targeted suspects in a case of <Q>
charges_were: politically motivated | fabricated | absurd | meant to silence <G> | baseless
    | a message to <G> in <T> | revenge for his work with <O> | designed to frighten <G>
    | based on one anonymous witness | copied from the case against <P>
laws: anti-extremism laws | terrorism charges | the foreign agents law | public order rules
    | tax inspections | defamation suits | emergency powers | charges of <Q>
    | the <Y> law on rallies | migration rules
silence: silence | intimidate | punish | harass | jail | discredit
critics: critics | journalists | opposition figures | lawyers | activists in <R>
    | religious minorities | <G> | trade unions
restriction: a travel ban | house arrest | police supervision | a curfew order | a gag order
    | an internet ban
relative: son | daughter | brother | husband | wife | father | sister | nephew | mother | cousin
family_did: written to <M> <n> times | heard nothing | been told to stop asking
    | complained to <M> | hired a lawyer from <T> | searched hospitals in <T>
    | gone to {facility} every day | asked <O> for help
injuries: bruises on his back | two broken ribs | signs of <A> | injuries from beatings
    | a broken wrist | burns on both hands | an untreated head wound | marks from handcuffs
action: firing tear gas on <S> | chasing people into courtyards | breaking into flats on <S>
    | taking phones from <G> | checking papers on <S> | beating people who fell
    | dragging <G> into vans | firing into the air near <T> | blocking the road to <T>
    | filming <G>
aid_problem: drinking water had run out at <T> | children were sleeping outside in <T>
    | <N> people needed medical care | roads to <T> were blocked
    | no food had arrived for <n> days | <n> people had fallen ill in <T>
    | the clinic in <T> had no insulin | families burned plastic to keep warm
items: computers | phones and hard drives | case files | the archive | leaflets | cameras
    | bank records | membership lists | <Q> leaflets
law_content: groups funded from abroad must register as foreign agents
    | police may hold suspects for <n> days without charge
    | unauthorised rallies carry up to <n> years in prison
    | journalists need accreditation from <M> | <Q> carries up to <n> years
    | deportation orders cannot be appealed in <R> | websites can be blocked without a court order
mission: delegation from <C> | fact-finding mission from <O> | group of lawyers from <T>
    | team from <O> | group of monitors from <C>
mission_found: spoke to <n> former detainees | was refused entry to {facility}
    | met families from <T> | counted <N> damaged homes | found <N> people in <n> cells
    | met the governor of <R>
official_role: a spokesperson for <M> | the deputy minister | the police chief in <T>
    | the governor of <R> | a spokesperson for {ministry} | the prosecutor of <T>
    | an official at <M>

lead: $force $detain $numq $group $place $lwhen, $src.
  | $numq $group were $detained $place $lwhen after $trigger, $src.
  | A court in {town} [sentenced|jailed] {victim}, $role, [to <n> years|for <n> years] [for|on
      charges of|over] {charge} $lwhen, $src.
  | {victim}, $role, has been held without a lawyer since $force $detain him $lwhen, $src.
  | $force used $means against $numq $group in {town} $lwhen during a protest against $topic, $src.
  | {ministry} [has denied|denied|rejected] reports that detainees at {facility} faced <A>, $src.
  | $numq $refugees were stranded $border $lwhen after $border_event, $src.
  | $numq $group have gone missing in {region} since <D>, $src.
  | Prosecutors in {town} [have charged|charged] $numq $group with {charge} after $trigger $lwhen.
  | {rightsgroup} [has called|called] for an inquiry into the death of <P>, $role, at {facility}
      $lwhen.
  | {ministry} [said|confirmed] $lwhen that $numq people had been $detained in {town} after
      $trigger.
  | The trial of {victim} and <n> other $group on charges of {charge} opened at {court} $lwhen.
  | $numq $refugees, among them <N> children, were [moved|bused|taken] from <T> to {facility}
      $lwhen, $src.
  | {victim}, $role, was $detained at [his home in|a restaurant in|work in|a bus stop in] {town}
      $lwhen, $src.

held: the detainees | those held | the prisoners | the <G> | those arrested | the men held
    | people held in <T> | the <n> detainees | those detained in {town}
some: several | <n> | some | a few | two | three | at least <n> | most | many
saidv: said | told <U> | wrote | said on <W> | claimed | insisted | told reporters | said in <T>
body: The arrests in {town} came <n> days after $trigger, $src.
  | <O> [said it had|has|says it has] [recorded|counted|logged] <N> cases of <A> [in <R>|across
      {country}|near <T>] since <D>.
  | [Lawyers for <P>|<P>'s lawyers|A lawyer for <P>] [said|complained] [access had been
      denied|visits were refused|no meeting was allowed] for <n> days, $src.
  | {ministry} [did not respond to|did not answer|ignored|has yet to answer] [questions|requests
      for comment|calls|emails] [from <U>|sent by <U>|on <W>|about {town}].
  | Relatives [gathered|waited|queued] outside {facility} $when, [demanding news of|asking
      about|trying to reach] [<P>|the <n> detainees].
  | According to $docsrc, <P> was $abused during $interrogation.
  | [The judge|A judge in <T>|The <T> court] [adjourned|postponed|put off] the
      [hearing|trial|case] until <D>, $src.
  | <P>, $role, $saidv the charges were $charges_were.
  | $numq people have [fled|left] <T> since <D>, according to <O>.
  | <M> [said in a statement|stated|said in a written reply|told <U>] [on <W>|on <D>|late on <W>]
      that $claim.
  | [Footage|A video|Videos] [posted by <U>|shared by <P>|filmed on <S>] [appeared to show|showed]
      $force [beating|kicking|dragging] [a man|a woman|an old man|a teenager|<G>] near <S>.
  | <O> has [long|repeatedly] accused [officials in {country}|{ministry}|the authorities in <R>]
      of using $laws to $silence $critics.
  | <P> was [released on bail|freed|let go|bailed] [on <W>|after <n> days|by a judge in <T>] but
      [remains|is still|was placed] under $restriction.
  | $numq of those [held|detained] in <T> were [released|freed] [without charge|after paying
      fines|on <W>], $src.
  | [The others|<n> others|Those still held|The rest] [face up to|risk|could get] <n> years
      [behind bars|in prison|in a labour colony|in jail] [if convicted of|for|over alleged]
      {charge}.
  | [The family of {victim}|Relatives of {victim}|{victim}'s relatives|{victim}'s wife] [said|told
      <U>|complained] [nobody had told them|they still did not know|they had no word on|officials
      would not say] [where he was held|what the charges were|when visits would be allowed|which
      court had the case].
  | Since <D>, $numq <G> have been $detained in <R>, [according to figures from <O>|<O> said|by
      <O>'s count].
  | [The case|The trial of <P>|The verdict] [has drawn criticism from|was condemned by|angered]
      [diplomats in {town}|<O>|the government of <C>|lawyers in <C>|<U>|<P>, $role].
  | A doctor [who examined|who saw|at {facility} who treated] <P> [found|reported|noted] $injuries.
  | Witnesses [in <T>|on <S>|near <X>] described $force $action $when.
  | The [camp|reception centre|shelter|tent settlement] near <T> [now holds|houses]
      [about|some|more than] <N> people, [twice|three times|four times] its capacity, $src.
  | Aid workers [in <T>|from <O>|with <O>] said $aid_problem.
  | <P>, whose $relative was $detained [in <T>|on <S>] $when, said the family had $family_did.
  | [The next hearing|A new hearing|The next session] [in the case|for {victim}|for the <n>
      defendants|at {court}] [is scheduled|has been set|is expected|will take place] [for <D>|on
      <D>|in <n> days], $src.
  | {victim} [pleaded not guilty|denied the charges|refused to testify|told the judge he had been
      forced to confess|rejected the accusations] [at a hearing|in court|before a judge] [at
      {court}|in {town}] on <W>.
  | [Prosecutors|The prosecution|A prosecutor from <T>] [asked for|is seeking|demanded|wants] <n>
      years [in prison|in a penal colony|behind bars|of hard labour|in a prison camp] for
      [{victim}|each defendant|<P>|the <n> defendants].
  | [Journalists|Diplomats from <C>|Relatives|Observers from <O>|Reporters from <U>] were [barred
      from|kept out of|not allowed into|turned away from] [the courtroom|the hearing|{court}] [on
      <W>|$when|for the verdict].
  | <O> [has recognised|recognised|considers|lists] [{victim} as a political prisoner|<P> as a
      prisoner of conscience|<n> of the detainees as political prisoners|the <n> defendants as
      prisoners of conscience].
  | In <Y>, a court in <T> [sentenced|jailed] <P> [to <n> years|for <n> years] [on similar
      charges|for {charge}|for <Q>], $src.
  | $force searched the [offices|premises|homes of staff] of <O> [in <T>|on <S>] $when and
      [seized|took away] $items.
  | Under a <Y> law, $law_content.
  | <O> [estimates|believes|says] $numq people are [held|being held|detained|locked up] [at
      {facility}|in <T>|in cells at <X>], which [was built|has room|was designed] for <N>.
  | A $mission [visited|travelled to|reached] <T> on <D> and $mission_found.
  | Residents [of <T> said|told <U>|said] $force had [set up a checkpoint near|taken
      over|surrounded|sealed off] the [school|hospital|market|town hall|bus station] [on <S>|in
      <T>] [on <D>|since <D>|$when].
  | [Many|Most|Some] of those [held|detained] in <T> [were|have been] charged with [petty
      hooliganism|disobeying police|joining an unauthorised rally|<Q>|breaking the curfew], $src.
  | [<n> of the detainees|<n> people|<n> of those held|Several <G>|<n> protesters] [were
      taken|were rushed|had to be taken|went] to [hospital in <T>|the <T> clinic|a hospital on
      <S>|doctors in <T>] [with head injuries|with broken bones|after beatings|with breathing
      problems|after the raid], $src.
  | <P>, $role, said [the arrests were part of a crackdown in <R>|families in <T> were afraid to
      speak|the orders had come from <T>|it was the biggest wave of arrests since <Y>|the
      authorities wanted to frighten <G>].
  | Asked about the [allegations|reports|arrests] [at a briefing|on television|in parliament|by
      <U>] on <W>, <P>, $official_role, said $claim.
  | <R> prosecutors [are examining|said they were checking|have opened a file on|promised to
      review] [complaints of <A>|<n> complaints|the reports from <T>].
  | A report [published by|released by|from] <O> on <D> listed <N> cases of <A> [in <Y>|since
      <Y>|in <R>].
  | Access to [{town}|<T>|the area around <T>] has been [restricted|limited|blocked] since <D>,
      [and <U> could not verify the reports|making checks difficult|<O> said].
  | <U> [could not|was unable to] [independently verify|confirm|check] the
      [accounts|figures|claims] of [witnesses in <T>|<P>|<O>|police in <T>].
  | $numq journalists [covering|filming|reporting on] the [protests|trial|evictions|raids] in <T>
      were also $detained, $src.
  | [The police|Officials in <T>|The <R> police chief|<M>] later said $claim.
  | [Mobile internet|Phone lines|Electricity|Internet access] in <T> [was cut|was shut off|went
      down] $when, $src.
  | On <D> <Y>, a similar [protest|march|strike] in <T> ended with $numq arrests, $src.
  | [The detainees|Those arrested|The <G>|<n> of them] [spent|were held for|were kept for] <n>
      hours in [a gym|a sports hall|a former school|police buses|a cellar] [in <T>|on <S>] without
      [food|water|toilets], $src.
  | <P>, a <H> from <T>, was among those $detained, [according to <O>|<P> said|<U> reported].
  | [Officials at <M>|<M>|A spokesperson for <M>|The <T> police] [have not commented|declined to
      comment|would not comment|gave no comment] [on the case|on the allegations|on the arrests in
      <T>|when asked by <U>] [since <D>|so far|].
  | [An international|A regional|A foreign] human rights [expert|rapporteur|body] for <C>
      [expressed concern|called for restraint|asked for information] [about|over|regarding]
      [events in {town}|the detention of {victim}|raids in <T>].
  | [Families of <n> missing men|Relatives of <n> detainees|<n> families from <T>] [have
      complained to|filed complaints with|wrote to] [{ministry}|<M>|prosecutors in <T>], $src.
  | [Last year|In <Y>] {country} [expelled|deported|returned] $numq $refugees to <C>, $src.
  | [Several|<n>|Some] of $held [are refusing food|have gone on hunger strike|began a hunger
      strike|stopped eating] [at {facility}|in <T>|since <D>], $src.
  | {official}, $official_role, [said|insisted|told <U>] $claim.
  | {lawyer}, who represents {victim}, said [the case file held no evidence|he had not been
      allowed to see his client|the hearing had been closed|the confession was extracted under
      pressure] $when.
  | <P>, $role, [was summoned|was called in|went] [to <M>|to the <T> police|for questioning in
      <T>] on <W> and [has not been seen since|has not been heard from|is still missing|has not
      returned home|never came back].
  | The [ruling|verdict|sentence] [can be appealed|may be challenged|can be contested] [within <n>
      days|before <D>|at {court}], [said <P>|<O> said|according to <P>].
  | In a [letter|message|note|phone call] [passed to|smuggled to|sent to|made to] [his family|his
      wife|<P>|a friend in <T>], {victim} $letter_content.
  | <O> [urged|called on] [{ministry}|<M>|officials in <T>] to [let independent doctors into
      {facility}|publish the names of those held|suspend the officers involved|release <P>].
  | Before his arrest, {victim} had [written about|reported on|campaigned against] <A> in <R> for
      <U>.
  | The [mayor|governor|deputy governor] of <T>, <P>, [blamed|accused] [outside
      agitators|foreign-funded groups|<O>] [for the unrest|of stirring up <G>].
  | <n> [police officers|soldiers|prison guards|officials] [have been|were]
      [suspended|dismissed|questioned|moved] [over|after|following] the
      [events|beatings|raid|deaths] in <T>, $src.
  | [None of the|No] officers [involved|in <T>|from <T>] have been charged, $src.
  | <P> [spent|was held for] <n> [days|weeks|months] in [solitary confinement|a punishment cell|a
      cell with <N> others] at <X>, $src.
  | [About|Nearly|More than] <N> [people|supporters|residents of <T>] [signed a petition|wrote to
      <M>|marched on <S>] [calling for|demanding|asking for] [the release of {victim}|<P>'s
      release|the freeing of the detainees|an end to the trial].
  | The <T> [bar association|lawyers' council] [condemned|criticised|protested against] the
      [treatment|arrest|disbarment] of [{lawyer}|<P>], $src.
  | [Border guards|Police|Soldiers] [near|outside|at] <T> [pushed back|turned away|stopped] $numq
      $refugees $when, $src.
  | <P>, [a <H> from <C>|who fled <C> in <Y>|a father of <n>], [said he had|described how he
      had|told <U> he had] [waited|been stuck|slept rough|camped] [at <T>|near <T>|on <S>] for <n>
      [days|weeks] [without food|without shelter|with his children].
  | [Officials|A spokesperson|The mayor] in <T> said the [camp|shelter|centre] [would be|will
      be|is to be] [closed|cleared|moved] [by <D>|within <n> days|before <D>].
  | <O> [counted|recorded|documented] <N> [pushbacks|expulsions|deaths] [at the border with
      <C>|near <T>|in <R>] [in <Y>|since <D>|last year].
  | <P> [died|was found dead] [in custody|in his cell|in hospital] at <X> on <D>, $src.
  | [An autopsy|A post-mortem|A medical examination] [ordered by|requested by] [the
      family|<O>|<P>] [found|showed|revealed] $injuries.
  | The [officers|guards|interrogators] [accused|named] in the [complaint|case|report] [remain on
      duty|have not been questioned|were promoted in <Y>], $src.
  | [Protesters|Students|Residents] in <T> [chanted slogans against <M>|carried portraits of
      {victim}|blocked <S>|marched to <X>] [on <W>|$when|].
  | [Shops|Schools|Offices] in <T> [stayed|remained] closed [on <W>|for <n> days|after <D>] [in
      protest|as a strike spread|after the raids], $src.
  | <M> [announced|said] [on <W>|on <D>] that <N> [people|suspects|<G>] had been
      [charged|questioned|fined|convicted] [over|after|for their role in] the
      [unrest|protests|events|clashes] in <T>.
  | [A judge in <T>|A court in <T>|The <T> court] fined <P> for <Q> [on <W>|on <D>|after a short
      hearing], $src.
  | [Several|<n>|Two] [websites|news sites|channels], [including|among them] <U>, have been
      [blocked|taken offline|shut down] in {country} since <D>.
  | <M> [fined|raided|warned] <U> [over its coverage of|for reporting on|after a report on]
      [events in <T>|the case of <P>|protests in <R>].
  | The [family|relatives|lawyers] of <P> [say|said] he was [taken|seized|detained] [from his home
      in <T>|on <S>|at work in <T>] by [men in plain clothes|plainclothes officers|officers of
      <M>|masked police|unidentified men] $when.
  | <n> [years|months] after [his arrest|the raid|the verdict], [{victim}|<P>] [remains|is still]
      [in custody|in prison|under house arrest] at <X>.
  | [Rights groups|Lawyers|Monitors] [in <T>|from <O>|at <O>] [say|said] [at least|more than|some]
      <N> people [remain|are still] [unaccounted for|missing|in detention] [in <R>|after the
      raids|since <D>].
  | [Earlier|On <D>|Last month], <O> [published|released|posted] [a list|the names] of <N> people
      [it says are|it believes are|who are] [held|being held|locked up] [at <X>|in <R>|without
      charge].
  | <P>, who [was released|spent <n> days in custody|was held at <X>] [in <Y>|last year|on <D>],
      $saidv $former_said.
  | The authorities in {country} [deny|have denied|reject] [holding political prisoners|using
      torture|any wrongdoing in <T>], $src.
  | <C> [summoned|called in] the [ambassador|envoy|consul] of {country} over the
      [treatment|detention|arrest|trial] of [<P>|its citizens in <T>|<n> of its nationals].
  | [Police|Officers|Security forces] [fired|used] $means [at|against] [the crowd|<G>|marchers]
      [on <S>|near <T>|outside <X>] [$when|], $src.
  | <P>, $role, [wrote|posted|said] on social media [on <W>|$when|] that [$followed].
  | [In <T>|In {town}|Across <R>], [posters of|graffiti supporting|leaflets about] {victim}
      [appeared|were seen|spread] [on <S>|overnight|after the verdict].
  | Prosecutors [say|allege|claim] <P> [organised|funded|took part in] [the protest on <S>|a
      banned group in <T>|the riots of <D>].
  | <P> and <P>, [both from <T>|two <G> from <T>|students at <T> university|neighbours in <T>],
      were [detained|taken|picked up] [on <S>|at a checkpoint near <T>|in a raid on <W>], $src.
  | [A week|Two days|<n> days] [later|after the raid|after the arrests], <O> [filed|lodged|sent] a
      [complaint|petition|appeal] [with <M>|to the <R> court|in <T>].
  | <P> [told <U>|said|recalled] [guards|officers|interrogators] [at <X>|in <T>|on <S>] had
      [threatened|warned|told] him [that his family would suffer|to stop talking to <U>|he would
      never leave].
  | [The funeral|A memorial|A vigil] for <P> [in <T>|on <S>|at <T> cemetery] [drew|was attended
      by] [hundreds|<N> people|crowds of <G>] [on <W>|$when], $src.
  | [Students|Teachers|Workers] at <T> [university|school|factory] [were told|were warned|received
      letters saying] [not to join protests|they could lose their places|they faced
      expulsion|their contracts would end] [on <W>|after <D>|$when], $src.
  | <M> [has accused|accused|blamed] <O> of [spreading|publishing|inventing] [false
      claims|lies|rumours] about [{facility}|events in <T>|the <R> camps].
  | A [spokesperson|representative|lawyer] for <O>, <P>, [described|called] the
      [raid|verdict|ruling|arrests] [as|] [an outrage|a warning to <G>|a step backwards|illegal].
  | [Video calls|Letters|Parcels] to [prisoners at <X>|detainees in <T>|inmates at {facility}]
      have been [banned|restricted|suspended] since <D>, [relatives say|<O> said|<U> learned].
  | <N> [people|<G>|families] [from <T>|in <R>|near <T>] have [applied for asylum|crossed into
      <C>|sought shelter in <T>] [since <D>|this year|in <Y>], $src.
  | [Officers|Inspectors|Agents] [from <M>|of the <T> police|in plain clothes]
      [visited|questioned|followed] [relatives of {victim}|the family of <P>|<P>'s neighbours] [on
      <W>|$when|twice last week].
  | [Shortly|Hours|<n> days] [before|after] [the hearing|his arrest|the raid], <P> [had
      told|told|warned] <U> that $foresaw.
  | <T> [residents|shopkeepers|farmers] [say|said] [they|their sons] [were forced to|had to] [pay
      bribes at checkpoints|sign statements|hand over phones] [near <T>|on <S>|to <M> officers].
  | [Human rights groups|Monitors|Lawyers] [have long|repeatedly|often] [said|warned|argued] that
      $warned_that.
  | <P>, $role, [was sentenced|got|received] <n> [years|months] [in absentia|on appeal|at a
      retrial] [in <Y>|on <D>|last year] [after|following] [a closed trial|a one-day hearing|a
      trial in <T>].
  | [Doctors|Nurses|Medics] at [the <T> hospital|a clinic in <T>|<X>] [were ordered|were told|were
      pressured] [not to record|to hide|to play down] [injuries|the cause of death|the number of
      wounded], $src.
  | [A bus|A van|A truck] [carrying|with] <N> $refugees [was stopped|overturned|was turned back]
      [near <T>|on the road to <T>|at <T>] $when, $src.
letter_content: wrote that guards had [moved him between cells|kept him alone|refused him
      visits|taken his glasses|kept the lights on] for <n> [days|weeks|nights]
    | said he had spent <n> [days|nights] [alone|without visits|in a cold cell] at <X>
    | asked [his children|<P>|friends in <T>] not to worry
    | described [the cell|the food|the interrogations] at <X> as [unbearable|inhuman|degrading]
former_said: [the methods had not changed|nothing had changed|the same officers were still there]
      since <Y> | he was beaten [every night|for <n> days|by <n> men] at <X>
    | [no one|nobody|not one official] ever explained the charges [to him|to his family|in <n>
      months] | he still [has nightmares|cannot sleep|fears the police] [about <X>|since <Y>|in
      <T>]
followed: he had been followed [in <T>|since <D>|for <n> days]
    | [his phone|his email|his flat on <S>] had been [tapped|hacked|searched]
    | officers had [visited|searched|watched] his home in <T>
    | [he|his wife|his son] had been [threatened|summoned|questioned] by <M>
foresaw: [he expected to be arrested|he feared a long sentence|he knew what was coming|he was
      ready for prison] | [police|officers from <M>|men from <T>] had been
      [watching|following|calling] him [for weeks|since <D>|every day]
warned_that: [courts in {country}|judges in <R>|prosecutors in <T>] [rarely|almost never|seldom]
      [acquit|question the police|throw out confessions]
    | <A> is [widespread|routine|common] [in <R>|at <X>|in {country}'s prisons]
    | [detainees|prisoners|migrants] at <X> [lack|are denied|rarely get] [medical
      care|lawyers|family visits]

statement_official: {ministry} has [taken note of|studied|reviewed] [reports|claims|articles]
      [published on <D>|by <U>|from <O>] [about|on|concerning] [events in {town}|the operation of
      {date}|the situation at {facility}].
  | The officers [involved|deployed on {date}|from <T>] [acted lawfully|followed their
      instructions|used only necessary force] and [will be supported|are being questioned|were
      commended|remain on duty].
  | [Claims|Allegations|Suggestions] that [detainees|prisoners|persons held] at {facility}
      [faced|suffered|were subjected to] <A> are [untrue|unfounded|false|baseless] [and come from
      <O>|and were spread by <U>|].
  | An internal review [opened on <D>|led by <P>|of the events in <T>] will [be made public|go to
      the prosecutor|report] [by <D>|within <n> days|in due course].
  | [All|The] <N> [persons|people|citizens] detained [on {date}|in {town}|on <S>] were [informed
      of their rights|treated in accordance with the law|registered] and [given lawyers|allowed to
      call their families|seen by a doctor].
  | {ministry} [urges|calls on|asks] [the media|<U>|foreign journalists|the public] to rely on
      official [sources|information|statements] [about {town}|from <M>|only].
  | Any [officer|official|employee] [who broke|found to have broken|who violated] the law [in
      <T>|on {date}|at {facility}] will be held [accountable|responsible] [under article <n>|by
      the courts|].
  | The [gathering|rally|march] [on <S>|in {town}|near <X>] was not [authorised|permitted|agreed],
      and [participants|organisers|those present] were warned <n> times to [disperse|leave|go
      home].
  | <n> [officers|police officers|guards] were [injured|hurt|wounded] [in {town}|on <S>|during the
      events] and [received treatment|remain in hospital in <T>|are recovering].
  | {ministry} [remains committed to|will continue to uphold|fully respects] [human rights|the
      rule of law|public order] [in {region}|across {country}|at {facility}] [and will cooperate
      with <O>|in line with article <n>|].
  | Of the <N> [people|persons|suspects] detained [in {town}|on {date}|since <D>], <n> remain in
      custody [on suspicion of|over alleged|for] {charge}.
  | [Foreign organisations|Foreign media|Funds from <C>|Groups such as <O>] [must not
      interfere|have no role|should not meddle] in the [internal affairs|investigation|courts] of
      {country}.
  | [Complaints|Appeals|Requests] [may be|can be|should be] [submitted|sent|addressed] to the
      {region} prosecutor's office [in writing|by <D>|at <S>].
  | The [situation|city|region] [in {town}|around <T>|] is [calm|stable|quiet] and [under the
      control of|controlled by|in the hands of] [the authorities|<M>|the police in <T>].

statement_ngo: {rightsgroup} is [deeply concerned by|alarmed by|appalled by] the
      [detention|arrest|disappearance|conviction] of {victim} [in {town}|at {facility}|by <M>] on
      {date}.
  | We call on [the authorities|{ministry}|officials in {town}] [to release {victim}|to free all
      those detained|to drop the case against {victim}] [immediately and unconditionally|without
      delay|before <D>].
  | We have received [credible reports|testimony from <n> former detainees|accounts from families
      in <T>] that [detainees|prisoners|people held] at {facility} [faced|suffered|endured] <A>.
  | The charges of {charge} [are baseless and must be dropped|are a pretext|have no basis in
      law|serve only to silence <G>].
  | [The authorities|{ministry}|Officials in <T>] must [grant|give|allow] [independent
      monitors|lawyers|families|doctors] access to {facility} [without delay|at once|].
  | We urge the government of {country} to [end the use of <A>|investigate every report of
      <A>|stop prosecuting <G>|free <P>].
  | Families [in <T>|in {town}|of <P>] [have not been told|do not know|were never told] where
      their [relatives|children|sons] are being held.
  | [Since <D>|Since <Y>|This year] we have [documented|recorded|verified] <N> cases of <A> in
      {region}.
  | The [detention|trial|case] of {victim} [follows|is part of|fits] a pattern of [reprisals
      against <G>|pressure on <G>|arrests in <R>].
  | [Those|Officers|Officials] responsible for <A> [at {facility}|in <T>|] must be [brought to
      justice|identified and prosecuted|held to account].
  | We [stand with|support] the families [in {town}|of the detained|of <P>] and will
      [document|monitor|follow] the [situation|trial] [closely|with <O>|].

commentary: I have been following [the situation|events|the trials] in {town} for <n> years, and
      [this is the worst I have seen|nothing surprises me now|it keeps getting worse].
  | [This is not the first time|It is hardly the first time|Once more] $force in {country} have
      [beaten|detained|silenced] <G>.
  | [What strikes me most|What worries me|What stands out] is [the silence of <M>|how little
      attention this gets|the courage of the families|how fast the story disappeared].
  | Readers of this [blog|site|newsletter] will remember [our post of <D>|the case of <P>|what
      happened in <T> in <Y>].
  | [Once again|As usual|Predictably], the [authorities|officials in {town}|police] [deny
      everything|blame foreign agents|promise an inquiry].
  | We will keep [publishing updates|posting|writing] [as we learn more about|on|about]
      [{victim}|the detainees|the families in <T>].
  | If you [know anything|have news|have documents] about [the detainees|{facility}|the events in
      {town}], please [contact us|write to us|get in touch].
  | [My|Our] thanks to <P> for [sending us this|the translation|pointing us to this report].
  | [It is worth reading|Read] the [whole piece|full report|report below] [carefully|twice|].
  | [Nobody|No one] [should be surprised|can claim to be surprised] [by this|at this|by what
      happened in <T>].
  | The [people|families] of {town} deserve [answers|justice|better than this].
  | I [spoke to|wrote to|called] <P>, a <H> in <T>, who [confirmed the account|was too afraid to
      talk|sent photographs].
  | [Back in <Y>|In <Y>|Years ago], I [visited|reported from|lived in] <T>, and [people were
      already afraid|the prison was already full|nobody spoke openly].
  | [Compare this with|Remember] [the case of <P>|the raids in <T>|what <M> said on <D>].
  | [Please|Do] [share this|read this] [before|and then] [writing to <M>|signing the petition by
      <O>|calling your representative].

q_official: we [categorically|firmly|completely] [reject|deny] the [allegations|claims|reports] of
      <A> at {facility}
  | all [those|the people|<N> people] detained [in {town}|on {date}|on <S>] were [given access to
      lawyers|seen by doctors|treated lawfully] and their families were [informed|told|notified]
  | the officers [acted strictly within the law|followed the rules|did their duty] and [used force
      only|only used force|only intervened] when [they were attacked|stones were thrown|the crowd
      turned violent]
  | no one in {country} is [detained|prosecuted|punished] for [their political views|their
      opinions|what they write]
  | the [gathering|march|rally] [on <S>|in {town}|near <X>] was not authorised and the organisers
      were warned [in advance|several times|<n> times]
  | these [reports|stories|claims by <O>] are part of a campaign to [discredit the police|smear
      {country}|destabilise {region}]
  | [an internal review|an inquiry|a check by <M>] is [under way|running|in progress] [and we will
      not comment|so we cannot comment|and there will be no comment] [before it is completed|until
      <D>|on rumours]
  | the situation in {town} is [calm|stable|normal] and [fully|firmly|entirely] [under the control
      of|controlled by|in the hands of] [the authorities|the police|<M>]
  | <n> of our officers were [injured|hurt|wounded] by people throwing [stones|bottles|fireworks]
      [on <S>|in {town}|on {date}]
  | the camp near {town} was [a health risk|unsafe|illegal] and [the residents|the families|those
      living there] were offered [places in shelters|buses to <T>|other housing]
  | [those who|anyone who|everyone who] broke the law [on {date}|in {town}|on <S>] will [answer
      for it in court|be punished|face justice]
  | we have no [information|record|knowledge] [about|of] anyone called {victim} being held at
      {facility}
  | [the people|the <N> people|everyone] still in custody [face|are suspected of|are charged with]
      {charge} and [nothing else|will get a fair trial|have lawyers]
q_relative: my $relative was taken [from our home|from work|from the street] [at <n> in the
      morning|on {date}|on <S>] and we have not heard from him since
  | [they|the guards|the officers] beat him so [badly|hard] that [I|we|his mother] did not
      recognise him [in court|at the hearing|at {facility}|on <W>]
  | we went to {facility} [every day|every morning|again and again] for <n> days and [nobody would
      tell us anything|the guards sent us away|no one answered]
  | [the police|an officer|a man from <M>] told us to stop asking [questions|about him|at
      {facility}] [if we wanted to see him again|or we would be next|and go home]
  | he is [not a criminal|innocent|no extremist], he is a <H> who [spoke about|wrote about|filmed]
      [what happened in {town}|the raids in <T>|the camp near <T>]
  | [we were told|the police said|an officer told us] that he had [signed a
      confession|confessed|admitted everything] but he [cannot even read|has never seen|does not
      understand] the [charges|papers|file]
  | [my children ask me|his daughter asks|our youngest asks] [every night|every day|each morning]
      when [he|their father|his father] [is coming home|will come back|can come home]
  | the lawyer we hired [in <T>|from <T>|] was not allowed [to see him|into the building|into
      {facility}]
  | [they|the officers|the guards] took [his phone|his passport|his medicine] and [gave us nothing
      back|laughed at us|sent us away]
  | [I|we|his wife] waited outside {facility} for <n> hours and [nobody came out|they closed the
      gate|a guard shouted at us]
  | he [called|wrote to] us [once|from <T>|on <W>] and said [he was cold|they were beating him|we
      should not worry]
q_lawyer: I was not [allowed|permitted|able] to see my client for <n> days [after the arrest|after
      his transfer|at {facility}] [in {town}|on {date}|]
  | the case file [contains no evidence|has nothing|shows nothing] [that|to show that] {victim}
      committed any crime
  | the confession was [signed|obtained|taken] under [pressure|threats|duress] and we will ask the
      court to [exclude it|throw it out|ignore it]
  | the hearing [at {court}|on <W>|in {town}] was [closed to the public|held behind closed
      doors|moved at the last minute] [without any legal reason|with no explanation|on the judge's
      orders]
  | my client has [lost weight|been denied medicine|not seen a doctor] and his health is getting
      worse [every week|at {facility}|since <D>]
  | we will take this case to [every court in {country}|the highest court|international bodies]
      [and beyond|if we have to|whatever it takes]
  | [the prosecutor|the judge|the investigator] [refused|would not agree] to [hear our
      witnesses|give us the file|delay the hearing] [on <W>|at {court}|]
  | [nothing|not one document|no witness] in the case [links|connects|ties] my client to {charge}
  | we have [filed|lodged|sent] [an appeal|a complaint|a petition] [to <M>|with {court}|in <T>]
      and we expect [nothing|an answer by <D>|a fair hearing]
q_activist: what happened in {town} on {date} is part of a [pattern|practice|system] we have
      documented for [years|<n> years|a long time]
  | [the authorities|{ministry}|the government] must [release|free] {victim}
      [immediately|now|without conditions] and [investigate every report of|stop|punish] <A>
  | we have [spoken to|interviewed|met] <n> [people|former prisoners|men] who were held at
      {facility} and their accounts [are consistent|match|agree]
  | people in {region} are now afraid to [leave their homes after dark|speak to journalists|go to
      the police]
  | every family we spoke to [in <T>|in {town}|] described the same [methods|cells|threats] and
      the same [guards|questions|beatings]
  | this is not [an isolated case|a single incident|an exception], it is how [the system|the
      police|the courts] [works|operate] in {country}
  | [since <D>|this year|in <Y> alone] we have [counted|recorded|verified] <N> cases of <A> in
      {region}
  | [the police|the courts|<M>] [have ignored|have not answered|dismissed] every
      [complaint|letter|appeal] we [sent|filed|wrote] [since <D>|this year|]
"""

_FAMILIES = {"lead": 3000, "body": 36000, "statement_official": 1500, "statement_ngo": 1200,
             "commentary": 1500, "q_official": 600, "q_relative": 400, "q_lawyer": 300,
             "q_activist": 300}
_UNCAPITALISED = frozenset(name for name in _FAMILIES if name.startswith("q_"))
_VARIED = frozenset(("lead", "body", "commentary", "statement_official", "statement_ngo"))
_FIELD_WORDS = {"town": 1, "country": 1, "region": 1, "ministry": 3, "rightsgroup": 5,
                "victim": 2, "official": 2, "lawyer": 2, "facility": 4, "charge": 2, "court": 4,
                "date": 2, "weekday": 1}
_INLINE = re.compile(r"\[([^\[\]]*)\]")
_REFERENCE = re.compile(r"\$(\w+)")
_MARK = re.compile(r"<(\w+\^?)>|\{(\w+)\}")
_FIELDS = tuple(itertools.chain.from_iterable((f, f.capitalize()) for f in _FIELD_WORDS))
_CAST = (("T", 4), ("P", 8), ("O", 3), ("S", 3), ("X", 2))  # slot kind, values per event
_CAST_SHARE = 0.55  # share of those slots filled from the event's cast


def _parse_grammar(source: str) -> dict[str, tuple[str, ...]]:
    bodies: dict[str, str] = {}
    name = ""
    for line in source.splitlines():
        if not line.strip():
            continue
        if line[0].isspace():
            bodies[name] += " " + line.strip()
        else:
            name, _, body = line.partition(":")
            name = name.strip()
            bodies[name] = body.strip()
    rules: dict[str, tuple[str, ...]] = {}
    for name, body in bodies.items():
        alternatives, depth, start = [], 0, 0
        for i, char in enumerate(body):
            depth += (char == "[") - (char == "]")
            if char == "|" and depth == 0:
                alternatives.append(body[start:i].strip())
                start = i + 1
        alternatives.append(body[start:].strip())
        rules[name] = tuple(alternatives)
    return rules


def _expand(text: str, rules: dict[str, tuple[str, ...]], r: random.Random) -> str:
    text = _INLINE.sub(lambda m: r.choice(m.group(1).split("|")), text)
    return _REFERENCE.sub(lambda m: _expand(r.choice(rules[m.group(1)]), rules, r), text)


def _tidy(text: str) -> str:
    text = re.sub(r" {2,}", " ", text).strip()
    return text.replace(" ,", ",").replace(" .", ".").replace(",,", ",").replace(",.", ".")


# Word-level variation applied to each expanded skeleton (about one word in two that has
# variants): replacements that fit every place the grammar uses the word.
_VARIANTS = {
    "said": ("stated", "added", "noted"), "detainees": ("prisoners",),
    "people": ("persons", "individuals"), "officials": ("authorities",),
    "released": ("freed",), "arrested": ("detained", "taken in"),
    "charges": ("accusations",), "hearing": ("session",), "reports": ("accounts",),
    "more than": ("over",), "at least": ("no fewer than",), "nearly": ("almost",),
    "witnesses": ("onlookers", "eyewitnesses", "bystanders"), "residents": ("inhabitants",),
    "relatives": ("family members",), "journalists": ("reporters",),
    "lawyers": ("attorneys", "defence lawyers"), "lawyer": ("defence lawyer",),
    "beaten": ("assaulted", "attacked"), "injured": ("wounded", "hurt"),
    "inquiry": ("investigation", "probe"), "investigation": ("inquiry", "probe"),
    "allegations": ("claims", "accusations"), "protesters": ("demonstrators",),
    "refused": ("declined",), "blocked": ("closed", "cut off"), "announced": ("declared",),
    "documented": ("recorded",), "recorded": ("documented", "logged"),
    "examined": ("checked", "saw"), "urged": ("called on", "pressed"),
    "criticised": ("condemned",), "condemned": ("criticised", "denounced"),
    "verdict": ("ruling", "judgment"), "ruling": ("verdict", "decision"),
    "officers": ("agents",), "soldiers": ("troops",), "families": ("households",),
    "statement": ("communique",), "report": ("study",),
    "organised": ("staged",), "region": ("province",), "area": ("district",),
    "immediately": ("at once",), "complaints": ("grievances",), "demanding": ("calling for",),
    "later": ("subsequently",), "family": ("relatives",), "afraid": ("scared", "frightened"),
    "camp": ("settlement",), "prison": ("jail",), "jailed": ("imprisoned",),
    "questioning": ("interrogation",), "closed": ("shut",), "spoke": ("talked",),
    "fled": ("escaped",), "left": ("abandoned",), "confirmed": ("acknowledged",),
}
_VARY = re.compile(r"(?<![{<\w])(" + "|".join(sorted(_VARIANTS, key=len, reverse=True)) +
                   r")(?![}>\w])")


def _vary(text: str, r: random.Random) -> str:
    return _VARY.sub(lambda m: r.choice(_VARIANTS[m.group(1)]) if r.random() < 0.5
                     else m.group(1), text)


# --- The compiled bank of sentence skeletons ----------------------------------------------------

class _Bank:
    """The vocabulary, in one pool of strings, and the sentence skeletons: %-format strings
    whose every "%s" is a slot, described by the slot arrays (where its values start in the
    pool, how many, the Zipf-like exponent; whether it is an event field, whether the event's
    cast may fill it). Skeletons of a family are grouped by the pattern (grammar alternative)
    they expand."""

    def __init__(self) -> None:
        r = random.Random(_VOCABULARY_SEED)
        taken: set[str] = set()
        first = _words(r, 1500, lambda r: _syllables(r, r.choice((1, 2, 2))) +
                       r.choice(_FIRST_ENDINGS), taken)
        surnames = _words(r, 10000, lambda r: _syllables(r, r.choice((1, 2, 2, 3))) +
                          r.choice(_SURNAME_ENDINGS), taken)
        towns = _words(r, 7000, lambda r: _syllables(r, r.choice((1, 2, 2, 3))) +
                       r.choice(_TOWN_ENDINGS), taken)
        regions = _words(r, 400, lambda r: _syllables(r, 2), taken)
        countries = _words(r, 150, lambda r: _syllables(r, r.choice((1, 2))) +
                           r.choice(_COUNTRY_ENDINGS), taken)
        words = _words(r, 2500, lambda r: _syllables(r, 2), taken)
        parts = {"Town": towns, "Surname": surnames, "Region": regions, "Country": countries,
                 "Word": words}
        self.towns, self.regions, self.countries = towns, regions, countries
        self.organisations = _patterns(r, 1500, _ORGANISATION_PATTERNS, parts)
        self.facilities = _patterns(r, 1500, _FACILITY_PATTERNS, parts)
        self.outlets = _patterns(r, _OUTLETS, _OUTLET_PATTERNS, parts)
        self.domains = [re.sub(r"[^a-z]", "", o.lower().removeprefix("the ")) + r.choice(_DOMAINS)
                        for o in self.outlets]
        streets = [f"{w} {r.choice(('Street', 'Avenue', 'Square', 'Boulevard', 'Lane'))}"
                   for w in words[:1200] + surnames[-800:]]
        self.streets = streets
        days = [f"{d} {m}" for m in _MONTHS for d in range(1, 29)]
        people = {f"{first[int(len(first) * r.random() ** 1.6)]} "
                  f"{surnames[int(len(surnames) * r.random() ** 1.3)]}" for _ in range(70000)}
        self.persons = sorted(people)
        r.shuffle(self.persons)
        pools: dict[str, tuple[list[str], float]] = {
            "P": (self.persons, 1.2), "T": (towns, 1.5), "R": (regions, 1.3),
            "C": (countries, 1.3), "O": (self.organisations, 1.5), "M": (list(_BODIES), 1.3),
            "G": (list(_GROUPS), 1.2), "n": ([str(i) for i in range(2, 31)], 1.8),
            "N": ([str(i) for i in range(3, 400)], 2.0), "D": (days, 1.0),
            "W": (list(_WEEKDAYS), 1.0), "Y": ([str(y) for y in range(2005, 2025)], 1.0),
            "A": (list(_ALLEGATIONS), 1.2), "Q": (list(_CHARGES), 1.2), "S": (streets, 1.3),
            "U": (self.outlets, 1.6), "X": (self.facilities, 1.4),
            "H": (list(_PROFESSIONS), 1.2),
        }
        for name, (values, exponent) in list(pools.items()):  # capitalised twins, "<X^>"
            pools[name + "^"] = ([v[0].upper() + v[1:] for v in values], exponent)
        self.pool: list[str] = []
        offset: dict[str, tuple[int, int, float, float]] = {}
        for name, (values, exponent) in pools.items():
            average = sum(v.count(" ") + 1 for v in values) / len(values)
            offset[name] = (len(self.pool), len(values), exponent, average)
            self.pool.extend(values)

        # Each event's own values follow the static pool: its fields, then its cast (a few
        # towns, people, organisations, streets and facilities that its texts mention often).
        self.fields_at = len(self.pool)
        for i, name in enumerate(_FIELDS):
            offset[name] = (self.fields_at + i, 1, 1.0, _FIELD_WORDS[name.lower()])
        cast: dict[str, tuple[int, int]] = {}
        at = len(_FIELDS)
        for name, size in _CAST:
            for key in (name, name + "^"):
                cast[key] = (at, size)
                at += size
        self.local_size = at

        rules = _parse_grammar(_GRAMMAR)
        self.fmts: list[str] = []
        estimate: list[float] = []
        starts: list[int] = []
        counts: list[int] = []
        slot_offset: list[int] = []
        slot_size: list[int] = []
        slot_exponent: list[float] = []
        slot_field: list[bool] = []
        slot_cast_offset: list[int] = []
        slot_cast_size: list[int] = []
        self.patterns: dict[str, tuple[list[int], list[int]]] = {}  # family: (starts, sizes)
        for family, wanted in _FAMILIES.items():
            pattern_starts: list[int] = []
            pattern_sizes: list[int] = []
            per_pattern = max(1, wanted // len(rules[family]))
            for alternative in rules[family]:
                pattern_starts.append(len(self.fmts))
                seen: set[str] = set()
                for _ in range(per_pattern * 3):
                    if len(seen) >= per_pattern:
                        break
                    text = _tidy(_expand(alternative, rules, r))
                    if family in _VARIED:
                        text = _vary(text, r)
                    if family not in _UNCAPITALISED:
                        if text.startswith("<"):
                            text = text.replace(">", "^>", 1)
                        elif text.startswith("{"):
                            text = "{" + text[1].upper() + text[2:]
                        else:
                            text = text[0].upper() + text[1:]
                    if text in seen:
                        continue
                    seen.add(text)
                    assert "%" not in text and "$" not in text and "[" not in text, text
                    length = float(len(_MARK.sub("", text).split()))
                    starts.append(len(slot_offset))
                    for match in _MARK.finditer(text):
                        at, size, exponent, average = offset[match.group(1) or match.group(2)]
                        slot_field.append(match.group(2) is not None)
                        cast_at, cast_size = cast.get(match.group(1) or "", (0, 0))
                        slot_cast_offset.append(cast_at)
                        slot_cast_size.append(cast_size)
                        slot_offset.append(at)
                        slot_size.append(size)
                        slot_exponent.append(exponent)
                        length += average
                    counts.append(len(slot_offset) - starts[-1])
                    self.fmts.append(_MARK.sub("%s", text))
                    estimate.append(length)
                pattern_sizes.append(len(self.fmts) - pattern_starts[-1])
            self.patterns[family] = (pattern_starts, pattern_sizes)
        # Skeleton i + `plain` is skeleton i without the space that separates it from the next
        # sentence, for the last sentence of a paragraph; then the separators of paragraphs
        # and of units (texts), without slots.
        self.plain = len(self.fmts)
        self.paragraph = 2 * self.plain
        self.unit = self.paragraph + 1
        self.fmts = [f + " " for f in self.fmts] + self.fmts + ["\x01", "\x00"]
        starts = starts * 2 + [len(slot_offset)] * 2
        counts = counts * 2 + [0, 0]
        estimate = estimate * 2 + [0.0, 0.0]
        self.estimate: F64 = np.array(estimate, dtype=np.float64)
        self.slot_start: I64 = np.array(starts, dtype=np.int64)
        self.slot_count: I64 = np.array(counts, dtype=np.int64)
        self.slot_offset: I64 = np.array(slot_offset, dtype=np.int64)
        self.slot_size: F64 = np.array(slot_size, dtype=np.float64)
        self.slot_exponent: F64 = np.array(slot_exponent, dtype=np.float64)
        self.slot_field: I64 = np.array(slot_field, dtype=np.int64)
        self.slot_cast_offset: I64 = np.array(slot_cast_offset, dtype=np.int64)
        self.slot_cast_size: F64 = np.array(slot_cast_size, dtype=np.float64)
        self.vocabulary = (len(first) + len(surnames) + len(towns) + len(regions) +
                           len(countries) + len(words))
        # One boilerplate style per outlet: an optional first line, one or two last lines.
        self.styles = [_style(r) for _ in range(_OUTLETS)]


def _style(r: random.Random) -> tuple[str | None, tuple[str, ...]]:
    top = r.choice(_BOILERPLATE_TOP) if r.random() < 0.45 else None
    return top, tuple(r.sample(_BOILERPLATE_BOTTOM, r.choice((1, 1, 2))))


_BOILERPLATE_TOP = (
    "{outlet} | Human rights", "By {outlet} staff", "Listen to this article",
    "Advertisement", "Share on Facebook Share on X Share by email",
    "Home > News > {country}", "{outlet} \u2014 news from the regions",
    "Reading time: {minutes} min", "Updated {updated}",
)
_BOILERPLATE_BOTTOM = (
    "This article first appeared in {source}.",
    "This story was originally published by {source} and is republished with permission.",
    "Read more at {domain}", "Read the original article at {source_domain}",
    "Subscribe to the {outlet} newsletter for daily updates on human rights.",
    "Support independent journalism: become a member of {outlet} today.",
    "Share this article: Facebook | X | WhatsApp | Email",
    "\u00a9 {year} {outlet}. All rights reserved.",
    "Follow {outlet} on Telegram and X for the latest news.", "Comments are closed.",
    "Have a tip? Write to our newsroom at tips@{domain}",
    "Republished under a Creative Commons licence.", "Tags: human rights, detention, {country}",
    "Related: more reports from {town}", "Donate to keep {outlet} free to read.",
)
_STATEMENT_LEADS = (
    "The statement read in full:", "The full text of the statement by {issuer} follows:",
    "In a statement released on {day}, {issuer} said:", "{Issuer} said in a statement:",
    "Below is the statement issued by {issuer}:", "The statement, published online, reads:",
    "{Issuer} later issued the following statement:", "Full text of the statement:",
)
_ATTRIBUTIONS = (
    "\u201c{q},\u201d {name} said.", "\u201c{q},\u201d said {name}, {role}.",
    "{name}, {role}, told {out}: \u201c{q}.\u201d",
    "Speaking to reporters on {day}, {name} said: \u201c{q}.\u201d",
    "{name} said: \u201c{q}.\u201d", "\u201c{q},\u201d {name}, {role}, said in an interview.",
    "In comments to {out}, {name}, {role}, said: \u201c{q}.\u201d",
    "{name} put it bluntly: \u201c{q}.\u201d", "\u201c{q},\u201d {name} told {out}.",
)
_EXCERPT_INTROS = ("Excerpt:", "An excerpt:", "(Excerpt)", "From {source}:",
                   "The following is an excerpt from a report by {source}.")
_BLOG_LEADS = ("{source} reported on {day}:", "Here is the report from {source}:",
               "The report, which we reproduce below, reads:", "From {source}:",
               "This is what {source} wrote:")
_CONNECTORS = (" and ", ", and ", "; ", ", but ", " \u2014 ")

# Rewording: replacements keep the case of the first letter and trailing punctuation.
_SYNONYMS = {
    "said": ("stated", "added", "noted"), "detained": ("arrested", "held"),
    "arrested": ("detained",), "protesters": ("demonstrators",),
    "demonstrators": ("protesters",), "authorities": ("officials",),
    "officials": ("authorities",), "people": ("individuals",), "released": ("freed",),
    "reports": ("accounts",), "allegations": ("claims", "accusations"),
    "claims": ("allegations",), "lawyers": ("attorneys", "defence lawyers"),
    "custody": ("detention",), "relatives": ("family members",), "families": ("relatives",),
    "inquiry": ("investigation", "probe"), "charges": ("accusations",), "hearing": ("session",),
    "residents": ("locals", "inhabitants"), "witnesses": ("onlookers", "eyewitnesses"),
    "beaten": ("assaulted",), "beating": ("assaulting",), "injured": ("wounded", "hurt"),
    "journalists": ("reporters",), "reporters": ("journalists",), "confirmed": ("acknowledged",),
    "recorded": ("documented",), "documented": ("recorded",), "cases": ("instances", "incidents"),
    "immediately": ("at once",), "nearly": ("almost",), "later": ("subsequently",),
    "gathered": ("assembled",), "camp": ("settlement",), "statement": ("communique",),
    "complaints": ("grievances",), "criticism": ("condemnation",), "crackdown": ("clampdown",),
    "refused": ("declined",), "report": ("study",), "office": ("department",), "held": ("kept",),
    "trial": ("case",), "fled": ("left",), "blocked": ("closed",), "urged": ("called on",),
    "examined": ("checked",), "ruling": ("decision",), "verdict": ("decision",),
    "footage": ("video",), "gathering": ("meeting",), "organised": ("arranged",),
    "frighten": ("scare",), "questioning": ("interrogation",), "stated": ("said",),
    "added": ("said",), "prisoners": ("detainees",), "persons": ("people",),
    "individuals": ("people",), "freed": ("released",), "onlookers": ("witnesses",),
    "inhabitants": ("residents",), "attorneys": ("lawyers",), "assaulted": ("beaten",),
    "wounded": ("injured",), "probe": ("inquiry",), "accusations": ("charges", "allegations"),
    "troops": ("soldiers",), "agents": ("officers",),
}
_HEDGES = ("also", "reportedly", "allegedly", "later", "then", "now")
_HEDGED = frozenset(("said", "told", "confirmed", "reported", "wrote", "urged", "denied",
                     "described", "found", "accused"))
_DROPS = frozenset(("also", "later", "repeatedly", "briefly", "still", "now"))


def _alternation(words: Iterable[str]) -> str:
    """A regular expression matching any of `words`, as a trie (fast to search)."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        group = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return f"(?:{group})?"
        return group

    return emit(trie)


def _words_pattern(words: Iterable[str]) -> re.Pattern[str]:
    """Any of `words`, after a space and before the end of a word."""
    return re.compile(" (" + _alternation(words) + ")(?=[ ,.:;\n])")


_SYNONYM_WORDS = _words_pattern(_SYNONYMS)
_START = operator.methodcaller("start")
_HEDGE_WORDS = _words_pattern(_HEDGED)
_DROP_WORDS = _words_pattern(_DROPS)
_NUMBER = re.compile(r" (\d{1,3})(?=[ ,.])")


@cache
def _bank() -> _Bank:
    return _Bank()


# --- Generation ---------------------------------------------------------------------------------

@dataclass(slots=True)
class _Draft:
    """A document of an event, before it has its place in the stream and its id."""

    text: str
    paragraphs: list[str]
    day: int  # internal day, kept for ordering even when `published` is None
    published: int | None
    outlet: int | None
    origin: int  # index of the origin draft in the event
    edit: str
    key: tuple[int, float, float] = (0, 0.0, 0.0)
    id: str = ""


@dataclass(slots=True)
class _Quote:
    text: str  # without the final full stop
    name: str
    role: str


@dataclass(slots=True)
class _Plan:
    """What an event will be, decided before its texts are filled in."""

    day: int
    fields: dict[str, str]
    local: list[str]  # the event's own slot values: fields, then cast
    issuer: str
    outlets: list[int]
    speakers: list[tuple[str, str, str]]  # (quote family, name, role)
    has_statement: bool
    statement_target: int
    quoting: set[int]  # originals that quote the statement in full
    cited: list[list[int]]  # quotes cited by each original
    extras: list[float]  # words each original adds to its body (quotes, statement)
    inserted: list[int]  # paragraphs each original may add to its body
    copies: list[list[tuple[str, ...]]]  # the edits of each copy of each original
    repost: str | None  # the edit of a copy of the statement
    units: list[list[list[int]]]  # skeleton ids: quotes' clauses, statement, blogs' own
    # paragraphs (one unit per quoting_blog copy, in order), then the originals' bodies


@dataclass(slots=True)
class _Event:
    fields: dict[str, str]
    local: list[str]
    outlets: list[int]
    quotes: list[_Quote]
    issuer: str


_EDIT_ORDER = ("exact", "reworded", "reordered", "truncated", "excerpt", "quoting_blog",
               "boilerplate")
_EDITS: tuple[tuple[tuple[str, ...], float], ...] = (
    (("exact",), 0.22), (("boilerplate",), 0.20), (("reworded",), 0.08), (("reordered",), 0.04),
    (("truncated",), 0.09), (("excerpt",), 0.09), (("quoting_blog",), 0.06),
    (("reworded", "boilerplate"), 0.06), (("truncated", "boilerplate"), 0.05),
    (("excerpt", "boilerplate"), 0.03), (("reworded", "reordered"), 0.015),
    (("reworded", "truncated"), 0.02), (("reordered", "boilerplate"), 0.02),
    (("reworded", "truncated", "boilerplate"), 0.015),
)
_EDIT_KINDS = [kinds for kinds, _ in _EDITS]
assert all(list(kinds) == sorted(kinds, key=_EDIT_ORDER.index) for kinds in _EDIT_KINDS)
_EDIT_CUMULATIVE = list(itertools.accumulate(weight for _, weight in _EDITS))
_DELAYS = (0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 3, 3, 4, 5)
_ORIGINALS = (1, 2, 3, 4, 5, 6, 7, 8)
_ORIGINAL_CUMULATIVE = list(itertools.accumulate((0.16, 0.25, 0.22, 0.15, 0.10, 0.06, 0.04, 0.02)))
_QUOTE_COUNTS = list(itertools.accumulate((0.45, 0.35, 0.2)))  # 1, 2 or 3 shared quotes
_BLOCK = 32  # events planned and filled together
_QUOTE_KINDS = ("q_official", "q_relative", "q_lawyer", "q_activist")
_QUOTE_KIND_CUMULATIVE = list(itertools.accumulate((0.4, 0.2, 0.2, 0.2)))
_NO_COPIES = 0.6  # share of originals nobody copies
_COPIES_TAIL = 1.45  # Pareto shape of the number of copies of the others (capped at 30)


def _words_in(paragraphs: Iterable[str]) -> int:
    return sum(p.count(" ") + 1 for p in paragraphs)


def _choice(r: random.Random, options: Sequence[_T]) -> _T:
    """`r.choice`, faster."""
    return options[int(r.random() * len(options))]


def _weighted(r: random.Random, options: Sequence[_T], cumulative: list[float]) -> _T:
    """`r.choices(options, cum_weights=cumulative)[0]`, faster."""
    return options[min(len(options) - 1, bisect.bisect(cumulative, r.random() * cumulative[-1]))]


def _randint(r: random.Random, low: int, high: int) -> int:
    """`r.randint`, faster."""
    return low + int(r.random() * (high - low + 1))


class _Generator:
    def __init__(self, seed: int) -> None:
        self.bank = _bank()
        self.r = random.Random(seed)
        self.rng = np.random.default_rng(seed)
        self.buffer: F64 = self.rng.random(1 << 16)
        self.at = 0
        weights = 1.0 / np.arange(1, _OUTLETS + 1) ** 0.8  # a few outlets publish a lot
        self.outlet_cumulative = list(itertools.accumulate(weights.tolist()))
        self.outlet_draws: list[int] = []
        starts, sizes = self.bank.patterns["body"]
        self.body_starts: I64 = np.array(starts, dtype=np.int64)
        self.body_sizes: F64 = np.array(sizes, dtype=np.float64)
        starts, sizes = self.bank.patterns["lead"]
        self.lead_starts: I64 = np.array(starts, dtype=np.int64)
        self.lead_sizes: F64 = np.array(sizes, dtype=np.float64)
        self.pool = list(self.bank.pool)  # then the own values of the events being filled
        b = self.bank
        self.lists: dict[str, tuple[list[str], float]] = {
            "person": (b.persons, 1.2), "town": (b.towns, 1.5), "region": (b.regions, 1.0),
            "country": (b.countries, 1.0), "organisation": (b.organisations, 1.0),
            "street": (b.streets, 1.0), "facility": (b.facilities, 1.0)}
        self.draws: dict[str, list[str]] = {kind: [] for kind in self.lists}

    # -- randomness and filling

    def _uniform(self, count: int) -> F64:
        if self.at + count > self.buffer.size:
            self.buffer = self.rng.random(max(1 << 16, count))
            self.at = 0
        self.at += count
        return self.buffer[self.at - count:self.at]

    def _pick(self, family: str, count: int) -> list[int]:
        """`count` skeletons of `family`, each from a different pattern where possible."""
        r = self.r
        starts, sizes = self.bank.patterns[family]
        patterns = len(starts)
        if 2 * count > patterns:
            chosen = r.sample(range(patterns), min(count, patterns))
        else:  # cheaper: draw until there are `count` different patterns
            chosen = []
            while len(chosen) < count:
                pattern = int(r.random() * patterns)
                if pattern not in chosen:
                    chosen.append(pattern)
        return [starts[p] + int(r.random() * sizes[p]) for p in chosen]

    def _render(self, events: list[list[list[list[int]]]],
                locals_: list[list[str]]) -> list[list[list[str]]]:
        """Fill skeletons (for each event: units of paragraphs of skeleton ids) with one
        vectorised draw of all their slots; returns each event's units' paragraphs.
        `locals_` are each event's own values: its fields, then its cast."""
        bank = self.bank
        flat: list[int] = []
        lengths: list[int] = []  # skeletons per event, separators included
        plain, paragraph = bank.plain, bank.paragraph
        for units in events:
            before = len(flat)
            for unit in units:
                for ids in unit:
                    flat.extend(ids)
                    flat[-1] += plain
                    flat.append(paragraph)
                flat[-1] = bank.unit
            lengths.append(len(flat) - before)
        skeletons = np.array(flat, dtype=np.int64)
        counts = bank.slot_count[skeletons]
        value_ends = np.cumsum(counts)
        total = int(value_ends[-1])
        slots = np.arange(total) + np.repeat(bank.slot_start[skeletons] - (value_ends - counts),
                                             counts)
        picks = (bank.slot_offset[slots] + (self._uniform(total) ** bank.slot_exponent[slots] *
                                            bank.slot_size[slots]).astype(np.int64))
        # each event's own values follow the previous event's at the end of the pool
        owner = np.repeat(np.repeat(np.arange(len(events)) * bank.local_size, lengths), counts)
        picks += bank.slot_field[slots] * owner
        cast_size = bank.slot_cast_size[slots]
        cast = (self._uniform(total) < _CAST_SHARE) & (cast_size > 0)
        picks = np.where(cast, bank.fields_at + owner + bank.slot_cast_offset[slots] +
                         (self._uniform(total) * cast_size).astype(np.int64), picks)
        pool = self.pool
        del pool[bank.fields_at:]
        for local in locals_:
            pool.extend(local)
        values: tuple[str, ...] = itemgetter(*picks.tolist())(pool) if total > 1 else (
            tuple(pool[i] for i in picks.tolist()))
        texts = iter(("".join(itemgetter(*flat)(bank.fmts)) % values).split("\x00"))
        return [[text.split("\x01") for text in itertools.islice(texts, len(units))]
                for units in events]

    def _render_one(self, units: list[list[list[int]]], local: list[str]) -> list[list[str]]:
        return self._render([units], [local])[0]

    def _outlet(self) -> int:
        if not self.outlet_draws:
            self.outlet_draws = self.r.choices(range(_OUTLETS), cum_weights=self.outlet_cumulative,
                                               k=4096)
        return self.outlet_draws.pop()

    def _draws(self, kind: str, count: int) -> list[str]:
        """`count` values of a vocabulary list (Zipf-like), from a buffer drawn in bulk."""
        draws = self.draws[kind]
        if len(draws) < count:
            values, exponent = self.lists[kind]
            picks = (self._uniform(4096) ** exponent * len(values)).astype(np.int64)
            draws.extend(itemgetter(*picks.tolist())(values))
        drawn = draws[-count:]
        del draws[-count:]
        return drawn

    def _draw(self, kind: str) -> str:
        draws = self.draws[kind]
        return draws.pop() if draws else self._draws(kind, 1)[0]

    def _person(self) -> str:
        return self._draw("person")

    # -- an event

    def _fields(self, day: int) -> dict[str, str]:
        """The event's entities, each also capitalised (key and value) for sentence starts."""
        r = self.r
        town, region = self._draw("town"), self._draw("region")
        when = date.fromordinal(day)
        fields = {
            "town": town, "country": self._draw("country"), "region": region,
            "ministry": _choice(r, _EVENT_BODIES), "rightsgroup": self._draw("organisation"),
            "victim": self._person(), "official": self._person(), "lawyer": self._person(),
            "facility": _choice(r, _EVENT_FACILITIES).format(town=town, region=region),
            "charge": _choice(r, _CHARGES),
            "court": _choice(r, _EVENT_COURTS).format(town=town, region=region),
            "date": f"{when.day} {_MONTHS[when.month - 1]}", "weekday": _WEEKDAYS[when.weekday()],
        }
        fields.update({key.capitalize(): value[0].upper() + value[1:]
                       for key, value in fields.items()})
        return fields

    def _cast(self, fields: dict[str, str]) -> list[str]:
        """The event's cast, in the order of `_CAST`, each kind followed by its capitalised
        twin: nearby towns (the event's own first), people, organisations (the event's rights
        group first), streets and facilities."""
        towns = [fields["town"], *self._draws("town", 3)]
        people = self._draws("person", 8)
        groups = [fields["rightsgroup"], *self._draws("organisation", 2)]
        streets = self._draws("street", 3)
        places = [fields["facility"], self._draw("facility")]
        upper = [fields["Rightsgroup"], *(g[0].upper() + g[1:] for g in groups[1:])]
        upper_places = [fields["Facility"], places[1][0].upper() + places[1][1:]]
        return [*towns, *towns, *people, *people, *groups, *upper, *streets, *streets, *places,
                *upper_places]

    def events(self) -> Iterator[list[_Draft]]:
        """Events for ever, planned and filled in blocks (one vectorised draw per block)."""
        while True:
            plans = [self._plan() for _ in range(_BLOCK)]
            extras = [extra for plan in plans for extra in plan.extras]
            inserted = [count for plan in plans for count in plan.inserted]
            bodies = iter(self._original_plans(len(extras), extras, inserted))
            for plan in plans:
                plan.units.extend(itertools.islice(bodies, len(plan.extras)))
            rendered = self._render([plan.units for plan in plans],
                                    [plan.local for plan in plans])
            for plan, units in zip(plans, rendered, strict=True):
                yield self._event(plan, units)

    def _plan(self) -> _Plan:
        """An event's entities and shape, and the skeletons of its quotes and statement (the
        bodies of its originals are added by `events`)."""
        r = self.r
        day = _randint(r, _FIRST_DAY, _LAST_DAY)
        fields = self._fields(day)
        issuer = fields["ministry"] if r.random() < 0.6 else fields["rightsgroup"]
        outlets = list(dict.fromkeys(self._outlet() for _ in range(_randint(r, 3, 9))))
        speakers = [self._speaker(fields)
                    for _ in range(_weighted(r, (1, 2, 3), _QUOTE_COUNTS))]
        has_statement = r.random() < 0.2
        originals = _weighted(r, _ORIGINALS, _ORIGINAL_CUMULATIVE)
        if has_statement:
            originals = max(2, originals)
        quoting = (set(r.sample(range(originals), min(originals, _randint(r, 2, 6))))
                   if has_statement else set())
        statement_target = _randint(r, 70, 190)
        cited = [[q for q in range(len(speakers)) if r.random() < 0.65] for _ in range(originals)]
        extras = [30.0 * len(c) + (statement_target + 8.0 if k in quoting else 0.0)
                  for k, c in enumerate(cited)]
        # paragraphs the quotes and the statement may add to each body
        inserted = [len(c) + (4 if k in quoting else 0) for k, c in enumerate(cited)]
        copies = [[_weighted(r, _EDIT_KINDS, _EDIT_CUMULATIVE) for _ in range(self._copies())]
                  for _ in range(originals)]
        repost = _choice(r, ("exact", "boilerplate")) if has_statement and r.random() < 0.35 \
            else None
        units = [[[i] for i in self._pick(kind, 4)] for kind, _, _ in speakers]
        local = [fields[name] for name in _FIELDS] + self._cast(fields)
        if has_statement:
            units.append(self._statement_plan(issuer == fields["ministry"], statement_target))
        for edits in itertools.chain.from_iterable(copies):
            if "quoting_blog" in edits:
                units.append(self._commentary_plan())
        return _Plan(day, fields, local, issuer, outlets, speakers, has_statement,
                     statement_target, quoting, cited, extras, inserted, copies, repost, units)

    def _commentary_plan(self) -> list[list[int]]:
        """A blogger's own 1-4 paragraphs."""
        r = self.r
        own = _randint(r, 1, 4)
        ids = self._pick("commentary", own + _randint(r, 1, 5))
        cuts = sorted(r.sample(range(1, len(ids)), own - 1))
        return [ids[a:z] for a, z in itertools.pairwise([0, *cuts, len(ids)])]

    def _event(self, plan: _Plan, rendered: list[list[str]]) -> list[_Draft]:
        """The documents of a planned event, once its skeletons are filled."""
        r = self.r
        fields, speakers = plan.fields, plan.speakers
        quotes = [_Quote(self._quote_text(kind, clauses, plan.local), name, role)
                  for (kind, name, role), clauses in zip(speakers, rendered, strict=False)]
        event = _Event(fields, plan.local, plan.outlets, quotes, plan.issuer)
        statement: list[str] | None = None
        if plan.has_statement:
            statement = rendered[len(speakers)]
            official = plan.issuer == fields["ministry"]
            while not 60 <= _words_in(statement) <= 200:
                statement = self._render_one(
                    [self._statement_plan(official, plan.statement_target)], plan.local)[0]
        blogs = iter(rendered[len(speakers) + plan.has_statement:-len(plan.copies)])
        bodies = rendered[-len(plan.copies):]

        drafts: list[_Draft] = []
        if statement is not None:
            drafts.append(_Draft("\n\n".join(statement), statement, 0, None,
                                 _choice(r, plan.outlets), 0, "statement"))
        first_original = len(drafts)
        for k, body in enumerate(bodies):
            outlet = plan.outlets[k % len(plan.outlets)] if r.random() < 0.98 else None
            published_day = plan.day + _choice(r, (0, 0, 0, 1, 1, 2, 3))
            paragraphs = self._finish(event, body, [quotes[q] for q in plan.cited[k]],
                                      statement if k in plan.quoting else None, outlet)
            drafts.append(_Draft("\n\n".join(paragraphs), paragraphs, published_day,
                                 published_day if r.random() < 0.98 else None, outlet,
                                 len(drafts), "original"))
        if statement is not None:
            drafts[0].day = (min(drafts[first_original + k].day for k in plan.quoting) -
                             _choice(r, (0, 0, 1, 1, 2)))
            drafts[0].published = drafts[0].day if r.random() < 0.97 else None
            if plan.repost is not None:
                drafts.append(self._copy(event, drafts[0], 0, (plan.repost,), []))
        for k, copies in enumerate(plan.copies, first_original):
            for edits in copies:
                commentary = next(blogs) if "quoting_blog" in edits else []
                drafts.append(self._copy(event, drafts[k], k, edits, commentary))
        return drafts

    def _copies(self) -> int:
        r = self.r
        if r.random() < _NO_COPIES:
            return 0
        return min(30, int(r.paretovariate(_COPIES_TAIL)))

    def _speaker(self, fields: dict[str, str]) -> tuple[str, str, str]:
        r = self.r
        kind = _weighted(r, _QUOTE_KINDS, _QUOTE_KIND_CUMULATIVE)
        if kind == "q_official":
            name = fields["official"]
            role = _choice(r, ("a spokesperson for ", "the deputy head of ",
                               "a senior official at ")) + fields["ministry"]
        elif kind == "q_lawyer":
            name = fields["lawyer"]
            role = _choice(r, ("a lawyer for ", "who represents ")) + fields["victim"]
        elif kind == "q_relative":
            name = self._person()
            role = _choice(r, ("whose son is among the detainees", "a relative of one detainee",
                             f"whose brother is held at {fields['facility']}"))
        else:
            name = self._person()
            role = _choice(r, ("a researcher at ", "the director of ")) + fields["rightsgroup"]
        return kind, name, role

    def _quote_text(self, kind: str, clauses: list[str], local: list[str]) -> str:
        """One sentence of 15-40 words joining some of the clauses."""
        r = self.r
        while True:
            text, words = clauses[0], len(clauses[0].split())
            for clause in clauses[1:]:
                if words >= 15:
                    break
                more = len(clause.split())
                if words + more < 40:
                    text += _choice(r, _CONNECTORS) + clause
                    words += more + 1
            if 15 <= words <= 40:
                return text[0].upper() + text[1:]
            clauses = self._render_one([[[i] for i in self._pick(kind, 4)]], local)[0]

    def _statement_plan(self, official: bool, target: int) -> list[list[int]]:
        r = self.r
        ids = self._pick("statement_official" if official else "statement_ngo", 16)
        estimate = np.cumsum(self.bank.estimate[ids]).tolist()
        count = next((k + 1 for k, total in enumerate(estimate) if total >= target), len(ids))
        ids = ids[:count]
        paragraphs = min(count, _choice(r, (1, 2, 2, 3)))
        cuts = sorted(r.sample(range(1, count), paragraphs - 1))
        return [ids[a:z] for a, z in itertools.pairwise([0, *cuts, count])]

    def _original_plans(self, count: int, extras: list[float],
                        inserted: list[int]) -> list[list[list[int]]]:
        """Skeletons of `count` article bodies: a lead, then body sentences of distinct
        patterns until the body's share of a 250-900 word target, in 4-12 paragraphs."""
        b = self.bank
        patterns = self.body_starts.size
        width = min(patterns, 64)
        order = np.argsort(self._uniform(count * patterns).reshape(count, patterns),
                           axis=1)[:, :width]
        ids = self.body_starts[order] + (self._uniform(count * width).reshape(count, width) *
                                         self.body_sizes[order]).astype(np.int64)
        cumulative = np.cumsum(b.estimate[ids], axis=1)
        lead = (self._uniform(count) * self.lead_starts.size).astype(np.int64)
        leads = (self.lead_starts[lead] + (self._uniform(count) *
                                           self.lead_sizes[lead]).astype(np.int64)).tolist()
        targets = 250 + 650 * self.rng.beta(1.4, 2.7, size=count)  # words of the whole article
        wanted = np.maximum(150.0, targets - np.array(extras)) - b.estimate[leads]
        sentences = np.minimum((cumulative < wanted[:, None]).sum(axis=1) + 1, width)
        # paragraph breaks: 3-11 distinct random places among the sentences of each body
        most = np.maximum(3, 12 - np.array(inserted))
        paragraphs = np.minimum(sentences + 1, np.clip(np.rint(
            targets / (45 + 50 * self._uniform(count))), 4, most)).astype(np.int64)
        used = np.arange(width)[None, :] < sentences[:, None]
        keys = self._uniform(count * width).reshape(count, width).copy()
        keys[~used] = 2.0
        breaks = np.argsort(keys, axis=1)[:, :11] + 1
        flat = ids[used].tolist()  # each body's sentences, one body after the other
        start = 0
        units: list[list[list[int]]] = []
        for k, (size, parts, cuts) in enumerate(zip(sentences.tolist(), paragraphs.tolist(),
                                                    breaks.tolist(), strict=True)):
            chosen = [leads[k], *flat[start:start + size]]
            start += size
            bounds = [0, *sorted(cuts[:parts - 1]), size + 1]
            units.append([chosen[a:z] for a, z in itertools.pairwise(bounds)])
        return units

    def _finish(self, event: _Event, body: list[str], quotes: list[_Quote],
                statement: list[str] | None, outlet: int | None) -> list[str]:
        """An original: its body with a dateline, the quotes it cites and maybe a statement."""
        r, b = self.r, self.bank
        text = list(body)
        if r.random() < 0.3:
            source = f" ({b.outlets[outlet]})" if outlet is not None and r.random() < 0.5 else ""
            text[0] = f"{event.fields['town'].upper()}{source} \u2014 {text[0]}"
        for quote in quotes:
            sentence = _choice(r, _ATTRIBUTIONS).format(
                q=quote.text, name=quote.name, role=quote.role, day=_choice(r, _WEEKDAYS),
                out=b.outlets[self._outlet()] if r.random() < 0.7 else "reporters")
            at = _randint(r, 1, len(text))
            if at == len(text) or (r.random() < 0.5 and len(text) < 12):
                text.insert(at, sentence)
            else:
                text[at] = f"{text[at]} {sentence}"
        if statement is not None:
            lead = _choice(r, _STATEMENT_LEADS).format(
                issuer=event.issuer, Issuer=event.issuer[0].upper() + event.issuer[1:],
                day=_choice(r, _WEEKDAYS))
            at = _randint(r, 1, min(3, len(text)))
            text[at:at] = [lead, *statement]
        return text

    # -- copies

    def _copy(self, event: _Event, original: _Draft, origin: int, edits: tuple[str, ...],
              commentary: list[str]) -> _Draft:
        """A copy of `original` made with `edits` (`commentary`: a blog's own paragraphs)."""
        r = self.r
        outlet: int | None
        if r.random() < 0.2:
            outlet = None
        elif original.outlet is None or r.random() < 0.03:  # the same outlet, another address
            outlet = original.outlet if original.outlet is not None else self._outlet()
        else:
            others = [o for o in event.outlets if o != original.outlet]
            outlet = _choice(r, others) if others and r.random() < 0.7 else self._outlet()
        day = original.day + _choice(r, _DELAYS)
        paragraphs = original.paragraphs
        applied: list[str] = []
        for edit in edits:
            changed = self._apply(edit, paragraphs, original, event, outlet, day, commentary)
            if changed is not None:
                paragraphs = changed
                applied.append(edit)
        if not applied:  # no edit fitted this original: a plain re-post
            applied = ["exact"]
        if applied == ["exact"]:
            text = self._whitespace(paragraphs, original.text)
        else:
            text = "\n\n".join(paragraphs)
        edit = "+".join(applied)  # the edits are listed in _EDIT_ORDER
        return _Draft(text, paragraphs, day, day if r.random() >= 0.2 else None, outlet, origin,
                      edit)

    def _apply(self, edit: str, paragraphs: list[str], original: _Draft, event: _Event,
               outlet: int | None, day: int, commentary: list[str]) -> list[str] | None:
        r = self.r
        count = len(paragraphs)
        source = (self.bank.outlets[original.outlet] if original.outlet is not None
                  else "the original publisher")
        if edit == "exact":
            return paragraphs
        if edit == "boilerplate":
            return self._boilerplate(paragraphs, original, event, outlet, day)
        if edit == "reworded":
            return self._reword(paragraphs)
        if edit == "reordered":
            if count < 3:
                return None
            out = list(paragraphs)
            if count >= 4 and r.random() < 0.4:
                i, j, k = r.sample(range(count), 3)
                out[i], out[j], out[k] = paragraphs[j], paragraphs[k], paragraphs[i]
            else:
                i, j = r.sample(range(count), 2)
                out[i], out[j] = out[j], out[i]
            return out if out != paragraphs else None
        if edit == "truncated":
            if count < 3:
                return None
            keep = round(count * r.uniform(0.4, 0.9))
            return paragraphs[:max(math.ceil(0.4 * count), min(math.floor(0.9 * count), keep))]
        if edit == "excerpt":
            span = _excerpt_span([p.count(" ") + 1 for p in paragraphs], r)
            if span is None:
                return None
            out = paragraphs[span[0]:span[1]]
            if r.random() < 0.4:
                out.insert(0, _choice(r, _EXCERPT_INTROS).format(source=source))
            return out
        if edit == "quoting_blog":
            return self._blog(paragraphs, commentary, source)
        raise ValueError(edit)

    def _boilerplate(self, paragraphs: list[str], original: _Draft, event: _Event,
                     outlet: int | None, day: int) -> list[str]:
        r, b = self.r, self.bank
        top, bottom = b.styles[outlet] if outlet is not None else _style(r)
        site = outlet if outlet is not None else self._outlet()
        when = date.fromordinal(day)
        values = {
            "outlet": b.outlets[site], "domain": b.domains[site],
            "source": (b.outlets[original.outlet] if original.outlet is not None
                       else "another publication"),
            "source_domain": (b.domains[original.outlet] if original.outlet is not None
                              else "the source website"),
            "year": str(when.year), "country": event.fields["country"],
            "town": event.fields["town"], "minutes": str(_randint(r, 2, 9)),
            "updated": when.isoformat(),
        }
        out = list(paragraphs)
        if top is not None:
            out.insert(0, top.format_map(values))
        lines = [line.format_map(values) for line in bottom]
        if r.random() < 0.5:
            out.extend(lines)
        else:
            out.append("\n".join(lines))
        return out

    def _reword(self, paragraphs: list[str]) -> list[str]:
        """1-4% of the words replaced by synonyms (in a few paragraphs, as an editor would),
        then 1-3 small sentence changes: a hedge before a reporting verb, a dropped adverb, a
        corrected number."""
        r = self.r
        out = list(paragraphs)
        wanted = max(1, round(sum(map(len, out)) / 6.2 * r.uniform(0.01, 0.04)))  # 6.2 chars a word
        order = list(range(len(out)))
        r.shuffle(order)
        for i in order:
            if wanted <= 0:
                break
            text = out[i]
            found = list(_SYNONYM_WORDS.finditer(text))
            if not found:
                continue
            take = min(wanted, max(1, round(len(found) * r.uniform(0.3, 0.9))))
            wanted -= take
            pieces: list[str] = []
            last = 0
            for match in sorted(r.sample(found, take), key=_START):
                pieces += (text[last:match.start()], " ", _choice(r, _SYNONYMS[match.group(1)]))
                last = match.end()
            pieces.append(text[last:])
            out[i] = "".join(pieces)
        for _ in range(_randint(r, 1, 3)):
            i = int(r.random() * len(out))
            text = out[i]
            choice = r.random()
            pattern = _NUMBER if choice < 0.2 else _DROP_WORDS if choice < 0.4 else _HEDGE_WORDS
            hit = pattern.search(text, int(r.random() * len(text))) or pattern.search(text)
            if hit is None:
                continue
            word = hit.group(1)
            if pattern is _NUMBER:
                new = f" {max(2, int(word) + _choice(r, (-2, -1, 1, 2)))}"
            elif pattern is _DROP_WORDS:
                new = ""
            else:
                new = f" {_choice(r, _HEDGES)} {word}"
            out[i] = text[:hit.start()] + new + text[hit.end():]
        return out

    def _blog(self, paragraphs: list[str], commentary: list[str], source: str) -> list[str]:
        """A blog post quoting at least 70% of the original's words (all its paragraphs but
        at most two) around its own paragraphs (`commentary`), longer than the original."""
        r = self.r
        words = [p.count(" ") + 1 for p in paragraphs]
        total = sum(words)
        own = _words_in(commentary)
        quoted = list(range(len(paragraphs)))
        dropped = 0
        for _ in range(_choice(r, (0, 0, 1, 2))):  # leave out a paragraph or two
            if len(quoted) <= 2:
                break
            drop = _choice(r, quoted[1:])
            if dropped + words[drop] <= min(0.28 * total, own - 10):
                quoted.remove(drop)
                dropped += words[drop]
        lead = _choice(r, _BLOG_LEADS).format(source=source[0].upper() + source[1:],
                                              day=_choice(r, _WEEKDAYS))
        before = _randint(r, 1, len(commentary))
        out = commentary[:before]
        out[-1] = f"{out[-1]} {lead}"
        out.extend(paragraphs[i] for i in quoted)
        out.extend(commentary[before:])
        return out

    def _whitespace(self, paragraphs: list[str], text: str) -> str:
        """The same text, maybe with other whitespace: extra blank lines, two spaces after a
        full stop, or lines wrapped at 60-80 characters."""
        r = self.r
        choice = r.random()
        if choice < 0.45:
            return text
        if choice < 0.6:
            return "\n\n\n".join(paragraphs) + "\n"
        if choice < 0.85:
            return " \n\n".join(paragraphs).replace(". ", ".  ")
        return "\n\n".join(_wrap(p, _randint(r, 60, 80)) for p in paragraphs)


def _wrap(paragraph: str, width: int) -> str:
    lines: list[str] = []
    start, size = 0, len(paragraph)
    while size - start > width:
        cut = paragraph.rfind(" ", start, start + width + 1)
        if cut <= start:
            cut = paragraph.find(" ", start + width)
            if cut < 0:
                break
        lines.append(paragraph[start:cut])
        start = cut + 1
    lines.append(paragraph[start:])
    return "\n".join(lines)


def _excerpt_span(words: list[int], r: random.Random) -> tuple[int, int] | None:
    """A contiguous run of paragraphs with 25-60% of the words, from the start or the middle."""
    total = sum(words)
    low, high = 0.25 * total, 0.6 * total
    target = r.uniform(low, high)
    count = len(words)
    middle = list(range(1, count - 1))
    r.shuffle(middle)
    for start in [0, *middle] if r.random() < 0.5 else [*middle, 0]:
        run, end = 0, start
        for end in range(start, count):
            run += words[end]
            if run >= target:
                break
        if low <= run <= high:
            return start, end + 1
        if end > start and low <= run - words[end] <= high:
            return start, end
    return None


def _order(drafts: list[_Draft], r: random.Random, early: bool) -> list[_Draft]:
    """Crawl order: by day, the statement first, each original before its copies, except
    (when `early`) about 5% of copies put just before their original."""
    for i, draft in enumerate(drafts):
        if draft.edit == "statement":
            draft.key = (draft.day, 0.0, r.random())
        elif draft.origin == i:
            draft.key = (draft.day, 2.0, r.random())
        else:
            origin = drafts[draft.origin]
            if early and r.random() < _EARLY_COPY:
                draft.key = (origin.day, 1.0, r.random())
            else:
                draft.key = (max(draft.day, origin.day), 3.0, r.random())
    return sorted(drafts, key=lambda d: d.key)


def iter_documents(n: int, seed: int = 0) -> Iterator[SyntheticDocument]:
    """Exactly n documents, deterministic for a given (n, seed); memory use independent of n."""
    if n < 0:
        raise ValueError("n must not be negative")
    generator = _Generator(seed)
    outlets = generator.bank.outlets
    produced = 0
    iso: dict[int, str] = {}
    events = generator.events()
    while produced < n:
        drafts = next(events)
        ordered = _order(drafts, generator.r, early=True)
        if len(ordered) > n - produced:  # the last event: no early copies, origins first
            ordered = _order(drafts, generator.r, early=False)[:n - produced]
        for k, draft in enumerate(ordered, produced):
            draft.id = f"syn-{k:09d}"
        for draft in ordered:
            day = draft.published
            if day is not None and day not in iso:
                if len(iso) > 20000:
                    iso.clear()
                iso[day] = date.fromordinal(day).isoformat()
            yield SyntheticDocument(
                draft.id, draft.text, iso[day] if day is not None else None,
                outlets[draft.outlet] if draft.outlet is not None else None,
                drafts[draft.origin].id, draft.edit)
        produced += len(ordered)


def generate(n: int, seed: int = 0) -> list[SyntheticDocument]:
    """`iter_documents` as a list."""
    return list(iter_documents(n, seed))


def true_pairs(documents: Iterable[SyntheticDocument]) -> set[tuple[str, str]]:
    """Unordered pairs (a < b) of documents with the same origin."""
    groups: dict[str, list[str]] = {}
    for document in documents:
        groups.setdefault(document.origin, []).append(document.id)
    pairs: set[tuple[str, str]] = set()
    for members in groups.values():
        if len(members) > 1:
            members.sort()
            pairs.update(itertools.combinations(members, 2))
    return pairs


def main(argv: Sequence[str]) -> None:
    """Counts per edit kind, average words (measured on every 16th document) and the speed of
    generation alone (the time spent inside the iterator)."""
    n = int(argv[1]) if len(argv) > 1 else 100_000
    seed = int(argv[2]) if len(argv) > 2 else 0
    start = time.perf_counter()
    bank = _bank()
    setup = time.perf_counter() - start
    kinds: Counter[str] = Counter()
    words: Counter[str] = Counter()
    measured: Counter[str] = Counter()
    undated = no_outlet = 0
    group_sizes: Counter[str] = Counter()
    documents = iter_documents(n, seed)
    elapsed = 0.0
    while True:
        start = time.perf_counter()
        document = next(documents, None)
        elapsed += time.perf_counter() - start
        if document is None:
            break
        kinds[document.edit] += 1
        if not int(document.id[4:]) % 16:
            words[document.edit] += len(document.text.split())
            measured[document.edit] += 1
        undated += document.published is None
        no_outlet += document.outlet is None
        group_sizes[document.origin] += 1
    total = sum(kinds.values())
    copies = total - kinds["original"] - kinds["statement"]
    pairs = sum(size * (size - 1) // 2 for size in group_sizes.values())
    print(f"{total:,} documents (seed {seed}): {kinds['original']:,} originals, "
          f"{kinds['statement']:,} statements, {copies:,} copies ({copies / max(1, total):.1%}); "
          f"{len(group_sizes):,} origins, {pairs:,} true pairs")
    print(f"{'edit':<32}{'documents':>10}{'share':>8}{'avg words':>11}")
    for kind, count in kinds.most_common():
        average = f"{words[kind] / measured[kind]:.0f}" if measured[kind] else "-"
        print(f"{kind:<32}{count:>10,}{count / total:>8.1%}{average:>11}")
    print(f"average words {sum(words.values()) / max(1, sum(measured.values())):.0f}; "
          f"no date {undated / max(1, total):.1%}; no outlet {no_outlet / max(1, total):.1%}")
    print(f"generation: {total / max(elapsed, 1e-9):,.0f} documents/s ({elapsed:.1f} s), after "
          f"{setup:.2f} s building {bank.plain:,} skeletons and {bank.vocabulary:,} "
          f"synthetic words")


if __name__ == "__main__":
    main(sys.argv)
