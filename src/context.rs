/*!
Context heuristics: decisions that depend on a line's neighbours.

Every non-blank line gets a class when it arrives:

* **chrome**: a rule or a line heuristic dropped it (repeats are judged
  later, on the lines written, so they are no anchors; nor are separator
  lines of code punctuation, "}", "```", "|---|---|", which would claim the
  code or the table around them; nor is a time of day alone, "14:32",
  right above a prose line that ends like a statement: a live blog's post
  stamp, under which the key points above it lead into the post; nor a
  list item a `line` rule drops, "* Facebook", in a list a prose line
  ending with a colon introduces: with an item no rule drops in the list
  it stays, an item of it);
* **prose**: kept, and reads like running text: at least
  [`PROSE_WORDS`] words, or at least [`SENTENCE_WORDS`] words ending like a
  sentence (`.` `?` `…` `;` `:` or the CJK full stops, also inside closing
  quotes and brackets, `said.”`; a bare closing quote ends a quoted phrase
  as headlines do, an ellipsis after a space an excerpt cut short; not
  `!`: a short exclamation is more often a message of the page,
  "Something went wrong with the connection!", "Thanks for signing up!"),
  or long in characters for scripts written without spaces. A line of
  fewer than [`RUNNING_WORDS`] words without a sentence end reads like a
  headline ("* Drunk man terrorizes streets of small Polish town in
  Soviet tank while police watch"), and is prose only with the function
  words of running text ([`RUNNING_STOPWORD_PERCENT`]): the headlines of
  a teaser list after the article must not shield the footer around them.
  Nor is a list item right after a list item that is no prose (a date
  between them does not count; other chrome ends the list; a label before
  the first prose line, which goes as a header line, is none), below
  [`TEASER_DEK_WORDS`]
  words: a teaser list runs headlines and decks together, some ending
  like sentences;
* **short**: everything else (titles, subheadings, menus, list items,
  captions without a credit).

Chrome and prose lines are *anchors*. A short line is decided by the
nearest anchors on each side, as jusText decides its short blocks: when
both are chrome, or one is chrome and the other is the start or end of the
document, the short line is part of the chrome around it (a menu, a footer,
the headlines of a "related" box) and is dropped ([`Reason::Edge`],
[`Reason::BetweenChrome`]). A short line next to prose — a subheading, a
list inside the article — is kept. So is every short line of a document
that has no prose at all (a poem, a list, a table): without prose there is
nothing to tell chrome from content by.

A block label ("Related stories", "More from …": rules of kind `block`)
also claims the short lines after it when prose comes next, all but the
last, which may be a subheading unless it is a list item
([`Reason::Block`]); chrome right under
the label (a count, "(16 Videos)") does not end its claim. Under a block
label a line needs a sentence end (not `?` or an ellipsis) or
[`BLOCK_PROSE_WORDS`] words to be prose: headlines run long and ask
questions.

Label-like short lines before the first prose line go ([`Reason::Header`]),
and so does the section name or kicker right above the title ("Opinion",
"immunology": label-like, or one or two lowercase words, without digits),
as do lists there that follow chrome (right after it: not under a heading
such as "Key points", unless most items are labels, as in a table of
contents) or hold a nested list (`+ ` items under
`* ` ones: a site menu with its submenus, a table of contents), and so do
the labels of a run made mostly of labels with counts
([`Reason::Widget`]). A review's pros and cons ("Pros" / "* Fast" /
"Cons" / "* Dim screen", headings from a short list in eight languages)
are no labels, no menu and no footer menu.

After the first prose line, a headline in capitals of [`CAPS_WORDS`] or
more words without a sentence end is a teaser link placed between the
paragraphs, and chrome ([`Reason::CapsTeaser`]); so is a run of short
lines that alternates, [`KICKER_PAIRS`] times or more, a kicker in
capitals ("RANDY ANDY", "‘NAÏVE AND TRUSTING’") and a headline
([`Reason::KickerList`]); a chrome line inside it (an ad) does not split
the run: the lines before it wait when a chain may go on after it.

A gallery slide is a position ("Image 2 of 5"), a caption and a credit:
the lines after a position are held, up to [`SLIDE_LINES`] of them, and
dropped as the caption when the credit comes ([`Reason::GalleryCaption`]);
otherwise they are decided as if no position came before them. A bare
number of one to three digits right above a credit or a credited caption
is the gallery's photo count, and goes too.

The first line of four or more words (or [`TITLE_CHARS`] characters in a
script written without spaces) before the first prose line that does not
end in a period and is no list item is taken for the title and kept
([`Reason::Title`]); it gives way to the headline right above the first
prose line when [`MENU_LABELS`] or more label-like lines come between
them and the headline has [`MENU_HEADLINE_WORDS`] or more words, more
than the line taken: it was an item of the menu ("Le Goût du Monde" /
"Planète" / "Climat" / headline). So is the headline above the byline: the line that
could be a title when only bylines, dates, reading times, names (also
with the place written from, "Angela Giuffrida in Rome", under a title or
a deck), a share row, a button to subscribe, a count of views ("1250")
and the lead photo's caption, credit and count come
between it and the first prose line; when that line is a deck right under
its title (a sentence in sentence case, longer than the title, see
[`DECK_WORDS`]), the title above it; a headline of [`DECK_TITLE_WORDS`] or
more words right under a title taken that has fewer stays with it (a
section's name of four words above the headline, or a short title above
its deck) (a banner or the site's name may have
taken the title above the menus: the title waits for the first prose line,
and that banner then goes as a header line); not the line right under the
title, with only chrome between (the authors' line), nor the last card of
a teaser list. So is the line right above a wiki's tagline ("From
Wikipedia, the free encyclopedia", a rule of the `taglines` category), of
any length, when only chrome comes between it and the first prose line.

A separator line ("___", dropped by the line heuristic) right after a
prose line waits for the two lines after it: when a heading (a short line
or a question, no list item) and then prose follow, it is the break before
a new section of the article, and stays ([`Reason::SectionBreak`]); it is
still chrome to the lines around it.

A person's name right before or after a byline or a date at the top of
the document is the author's line, and goes ([`Reason::Author`]).

A byline opened by a label ("Autor: Hans Müller", dropped by the line
heuristic) waits for the next line: right before or after another "Label:
value" line left to context ("Editorial: Sudamericana", "Año: 1967"), it
is a field of a fact box, and it and those next to it are kept, as no
anchors.

Lines wait in a queue, in input order, until their anchors are known. The
queue is bounded ([`MAX_QUEUE_LINES`], [`MAX_QUEUE_BYTES`]); when it is full
the oldest waiting line is kept, the safe verdict.
*/

use std::collections::VecDeque;
use std::ops::Range;

use crate::cleaner::{Cleaner, Why};

/// The most lines that wait for context (a run of blank lines counts
/// once).
pub const MAX_QUEUE_LINES: usize = 1024;
/// The most bytes of text that wait for context.
pub const MAX_QUEUE_BYTES: usize = 1 << 20;
/// A kept line with at least this many words is prose.
pub const PROSE_WORDS: usize = 15;
/// A kept line with at least this many words that ends like a sentence is
/// prose.
pub const SENTENCE_WORDS: usize = 6;
/// A kept line with at least this many characters is prose, whatever its
/// word count (for scripts written without spaces).
pub const PROSE_CHARS: usize = 100;
/// With this many characters, a line ending like a sentence is prose.
pub const SENTENCE_CHARS: usize = 25;
/// A line without a sentence end needs this many words to be prose by
/// length alone; shorter, it needs [`RUNNING_STOPWORD_PERCENT`].
pub const RUNNING_WORDS: usize = 25;
/// The share of function words that makes a line of [`PROSE_WORDS`] to
/// [`RUNNING_WORDS`] words without a sentence end prose: running text has
/// 30–50 %, headlines drop articles and particles (jusText's threshold for
/// good paragraphs is 30–32 %).
pub const RUNNING_STOPWORD_PERCENT: usize = 30;
/// Under a block label ("Most Popular"), a line without a sentence end
/// needs this many words to be prose: headlines run long.
pub const BLOCK_PROSE_WORDS: usize = 25;
/// A list item right after a list item that is no prose (a headline)
/// needs this many words to be prose, sentence end or not: in a list of
/// teaser links, the headline and its dek often run together into one
/// item ("- Pats place Olszewski on IR New England's roster is
/// re-shuffling", "- NFL odds … simulated every game 10,000 times with
/// surprising results."), and such an item must not shield the list around
/// it. The first item of a list is judged as any line: a list of
/// sentences (key points under a headline) stays prose.
pub const TEASER_DEK_WORDS: usize = 25;

/// The fewest words of a title.
pub const TITLE_WORDS: usize = 4;
/// The fewest label-like lines between a line taken for the title and a
/// headline right above the first prose line that make the first a menu's
/// item (see [`Reason::Title`]).
pub const MENU_LABELS: usize = 2;
/// The fewest words of the headline that takes the title from a menu's
/// item (see [`MENU_LABELS`]).
pub const MENU_HEADLINE_WORDS: usize = 8;
/// The fewest words of a deck, the sentence under the title that sums the
/// story up (see [`Reason::Title`]).
pub const DECK_WORDS: usize = 10;
/// The fewest words of the title above a deck (see [`DECK_WORDS`]).
pub const DECK_TITLE_WORDS: usize = 6;
/// The most words of the value of a field in a fact box above the article
/// (see [`Reason::Header`]).
pub const BOX_VALUE_WORDS: usize = 3;
/// The most lines, from the first prose line back, that are searched for
/// the headline above the byline.
pub const HEADLINE_LINES: usize = 6;
/// The lines after the first prose line (a standfirst) in which a name
/// next to a byline or a date is still the author's ([`Reason::Author`]).
pub const AUTHOR_LINES: usize = 3;
/// The fewest characters of a title in a script written without spaces
/// ("安倍首相、桜を見る会の中止を発表" is one "word").
pub const TITLE_CHARS: usize = 10;

/// The verdict of the title ([`Reason::Title`]).
const TITLE: Verdict = Verdict::Keep(Why::Context(Reason::Title));
/// The verdict of the author's name ([`Reason::Author`]).
const AUTHOR: Verdict = Verdict::Drop(Why::Context(Reason::Author));

/// A line's verdict as far as it is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Kept for this reason.
    Keep(Why),
    /// Dropped for this reason.
    Drop(Why),
    /// Nothing called it chrome; context decides.
    Undecided,
}

impl Verdict {
    /// A decided verdict as [`Cleaner::emit`] takes it.
    fn into_result(self) -> Result<Why, Why> {
        match self {
            Verdict::Keep(w) => Ok(w),
            Verdict::Drop(w) => Err(w),
            Verdict::Undecided => unreachable!("an undecided line is held"),
        }
    }
}

/// The context heuristics, as named in `--explain` and `--stats`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Reason {
    /// Kept: taken for the title (the first line that reads like one before
    /// the first prose line, the headline above the byline, or the line
    /// above a wiki's tagline, "From Wikipedia, the free encyclopedia").
    Title,
    /// Dropped: a short line between chrome and the start or end of the
    /// document.
    Edge,
    /// Dropped: a short line between two chrome lines.
    BetweenChrome,
    /// Dropped: a short line after a block label, before prose.
    Block,
    /// Dropped: a label-like short line (see [`is_label`]) before the first
    /// prose line of the document, other than the title and the line that
    /// leads into the prose and the one right after the title (a menu or
    /// breadcrumbs above the article); and the section name right above the
    /// title, even when it leads into it: label-like, or one or two
    /// lowercase words, without digits ("Opinion", "immunology"; not
    /// "Chapter 1"). Not applied after the last prose line: articles end
    /// with short labelled facts (dates, prices, a meal plan) too often;
    /// nor to a box of facts above the article ("Prep time: 15 minutes" /
    /// "Cook time: 1 hour", values of at most [`BOX_VALUE_WORDS`] words)
    /// and its name right above it, nor to a chapter heading ("Chapter 1")
    /// and the title of the work right above it.
    Header,
    /// Dropped: in a run of short lines of which at least
    /// [`WIDGET_COUNTS`], and at least half, are labels with a count
    /// ("Politics (12)", "Junho (126)"), the labels: a category or archive
    /// widget.
    Widget,
    /// Dropped: the label-like list items ("* Contact Us") of the short
    /// lines between the last prose line and the end of the document
    /// (chrome lines between them not counted), when they are at least
    /// [`FOOTER_ITEMS`], none of those short lines is the text of a teaser
    /// (an item that reads like prose under a headline item) and the
    /// prose line does not end with a colon: a footer menu. (Label lines
    /// without a list marker stay: articles end with labelled facts; so
    /// does a list the last paragraph introduces.)
    FooterList,
    /// Dropped: after the first prose line, a headline in capitals of at
    /// least [`CAPS_WORDS`] words without a sentence end (see
    /// [`is_caps_headline`]): the teaser links some sites put between
    /// the paragraphs of an article.
    CapsTeaser,
    /// Dropped: after the first prose line, a run of short lines that
    /// alternates at least [`KICKER_PAIRS`] times a kicker in capitals of
    /// two to six words (or in quotes) and a headline of
    /// [`KICKER_HEADLINE_WORDS`] words that starts with a capital and ends
    /// without a sentence end ("TIME TRAVELLER", "Conspiracy theorists say
    /// they've spotted Greta Thunberg in 120-year-old pic"): the teaser
    /// links of a tabloid, placed between the paragraphs without a label.
    /// A tag of one or two words may sit between two pairs ("Warning"),
    /// and chrome anywhere in the list ("Advertisement") does not split
    /// it: the run before it waits for the run after it.
    /// Sections in capitals of an article hold more than one line, or a
    /// sentence; a one-word heading ("MONDAY", "METHOD") is no kicker.
    KickerList,
    /// Dropped: the lines of a gallery slide between its position
    /// ("Image 3 of 12", "Foto 2 von 8") and its credit ("Photo: Jane Roe,
    /// AP", "(Image credit: NASA)"), at most [`SLIDE_LINES`] of them: its
    /// caption, repeated or not. Also a bare number of one to three digits
    /// right above a photo credit or a credited caption: the photo count
    /// of a gallery ("6").
    GalleryCaption,
    /// Dropped: the bio of the article's author ("Phil Helsel is a
    /// reporter for NBC News.", see [`crate::heuristics::is_author_bio`])
    /// when no prose follows it before the end of the document, and the
    /// name above it that the bio starts with (an author box). In the body
    /// the same sentence is the story, and stays.
    AuthorBio,
    /// Kept: a separator line ("___", "* * *") right after a prose line
    /// and right before a short line that leads into prose: the break
    /// before a new section of the article and its heading ("___" /
    /// "HOW WILL OBAMA PLAY?" / paragraph; "___" / "4:14 p.m." /
    /// paragraph). Any other separator goes, as the line heuristic says:
    /// the one before an editor's note or the end matter ("___" /
    /// "Corrected from earlier …"), or before chrome.
    SectionBreak,
    /// Dropped: a person's name (two or three words, each a capital and
    /// then lowercase letters, or an initial) right before or after a byline or a date at the top of
    /// the document (before the first prose line, or in the
    /// [`AUTHOR_LINES`] lines after it): the author's
    /// line, "Emiliano Bellini" / "November 20, 2019". Not the first line
    /// of the document (a short title), nor a name right after the byline
    /// that a list item follows (a heading: "Key Points").
    Author,
}

/// A line of a run of short lines, as [`Reason::KickerList`] sees it.
#[derive(Clone, Copy, Debug, PartialEq)]
enum KickerPart {
    Kicker,
    Headline,
    Tag,
    Other,
}

/// The most lines between a gallery position and its credit taken for the
/// slide's caption. With more, or without the credit, they are decided
/// as if there were no position before them.
pub const SLIDE_LINES: usize = 3;

/// The fewest words of a headline in capitals dropped as a teaser.
/// Subheadings in capitals are shorter ("HOW TO USE A WATER BATH CANNER",
/// "WHAT YOU NEED TO MAKE JAM").
pub const CAPS_WORDS: usize = 8;

/// The fewest kicker and headline pairs of a [`Reason::KickerList`].
pub const KICKER_PAIRS: usize = 3;
/// The words of a headline of a [`Reason::KickerList`].
pub const KICKER_HEADLINE_WORDS: std::ops::RangeInclusive<usize> = 6..=20;

/// The fewest label-like list items that make a footer menu.
pub const FOOTER_ITEMS: usize = 3;
/// The fewest list items that make a list above the article chrome.
pub const HEADER_ITEMS: usize = 3;
/// The fewest second-level list items that make a list above the article
/// a menu even at the very top of the document.
pub const NESTED_ITEMS: usize = 3;

/// Returns true if and only if `text` starts with a list marker or a
/// number and a period or bracket ("3. ", "12) "). Asterisks right before a
/// word are Markdown emphasis, no marker ("**Get the latest news by
/// email**").
pub fn is_list_item(text: &[u8]) -> bool {
    if crate::rules::lead_end(text) > 0 {
        let stars = text.iter().take_while(|&&b| b == b'*').count();
        return stars == 0 || text.get(stars).is_none_or(|&b| b == b' ');
    }
    let digits = text.iter().take_while(|b| b.is_ascii_digit()).count();
    (1..=3).contains(&digits)
        && matches!(&text[digits..], [b'.' | b')', b' ', ..])
}

/// The fewest labels with counts that make a run of short lines a widget.
pub const WIDGET_COUNTS: usize = 3;

impl Reason {
    /// Every reason, in a fixed order (the order of the stats counters).
    pub const ALL: [Reason; 13] = [
        Reason::Title,
        Reason::Edge,
        Reason::BetweenChrome,
        Reason::Block,
        Reason::Header,
        Reason::Widget,
        Reason::FooterList,
        Reason::CapsTeaser,
        Reason::KickerList,
        Reason::GalleryCaption,
        Reason::AuthorBio,
        Reason::SectionBreak,
        Reason::Author,
    ];

    /// The name shown in `--explain` and `--stats`.
    pub fn name(self) -> &'static str {
        match self {
            Reason::Title => "title",
            Reason::Edge => "edge",
            Reason::BetweenChrome => "between-chrome",
            Reason::Block => "block",
            Reason::Header => "header",
            Reason::Widget => "widget",
            Reason::FooterList => "footer-list",
            Reason::CapsTeaser => "caps-teaser",
            Reason::KickerList => "kicker-list",
            Reason::GalleryCaption => "gallery-caption",
            Reason::AuthorBio => "author-bio",
            Reason::SectionBreak => "section-break",
            Reason::Author => "author",
        }
    }
}

/// What bounds a run of short lines on one side.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Anchor {
    /// The start or the end of the document.
    Edge,
    /// A chrome line.
    Chrome,
    /// A block label ("Related stories"): chrome that also claims the
    /// short lines after it.
    Block,
    /// A prose line.
    Prose,
}

impl Anchor {
    fn is_bad(self) -> bool {
        matches!(self, Anchor::Edge | Anchor::Chrome | Anchor::Block)
    }
}

#[derive(Clone, Debug)]
struct Entry {
    lineno: u64,
    /// The text in [`Context::arena`]; `None` for a blank line.
    text: Option<Range<usize>>,
    /// For a blank line: how many blank lines follow it in the same run
    /// (their numbers are `lineno + 1 ..`). A run of blank lines takes
    /// one place in the queue, as it gives one blank line of output: a
    /// second run sees the same lines waiting.
    more_blanks: u64,
    verdict: Verdict,
    /// For an undecided line: the anchor before its run.
    prev: Anchor,
    /// For an undecided line: the anchor after its run, once seen.
    next: Option<Anchor>,
    /// The last line of its run.
    last: bool,
    /// Label-like (see [`is_label`]).
    label: bool,
    /// Pushed before any prose line of the document.
    before_prose: bool,
    /// A label with a count: "Politics (12)" (see [`is_count_label`]).
    counted: bool,
    /// Part of a widget run (see [`Reason::Widget`]).
    widget: bool,
    /// A label-like list item ("* Contact Us").
    item: bool,
    /// Part of a footer list (see [`Reason::FooterList`]).
    footer: bool,
    /// A label-like list item after the last prose line so far, with only
    /// chrome after its run yet: part of a footer list if the document
    /// ends before the next prose line (a second run, without that chrome,
    /// sees the list end the document).
    footer_pending: bool,
    /// A list item: a list marker or a number ("3. ") first.
    listed: bool,
    /// A second-level list item: `+ ` first (the marker text renderings
    /// of HTML give a list nested in another, under `* `).
    nested: bool,
    /// Part of a list above the article (see [`Reason::Header`]).
    header_list: bool,
    /// Only a web address (see [`is_bare_url`]).
    url: bool,
    /// A label right above the title: a section name or kicker.
    kicker: bool,
    /// An author bio after the article, or the name above it: dropped if
    /// the document ends before the next prose line (see
    /// [`Reason::AuthorBio`]).
    bio: bool,
    /// Part of a [`Reason::KickerList`].
    kicker_list: bool,
    /// Part of a run that ended at a chrome line where a kicker and
    /// headline chain may go on: it waits for the run after the chrome,
    /// with which the chain is looked for (a second run, without the
    /// chrome, sees one run).
    kicker_wait: bool,
    /// A copy the `repeat` heuristic will drop when it is written: no part
    /// of a [`Reason::KickerList`] chain (a second run does not see it).
    repeat: bool,
    /// The first non-blank line after the title that is no chrome.
    under_title: bool,
    /// A separator held until the two lines after it show whether it
    /// opens a section ([`Reason::SectionBreak`]); nothing after it is
    /// written before it is decided.
    held: bool,
    /// A field of a fact box above the article: kept (see
    /// [`Context::box_step`]).
    boxed: bool,
    /// Label-like, but no label as the first undecided line after the
    /// title (its subtitle): a label again if that title is given up.
    subtitle: bool,
    /// The heading of a review's pros or cons ("Pros", "Nachteile"): no
    /// label, and the list under it no menu ([`is_pros_cons_heading`]).
    pros_cons: bool,
    /// A list item that reads like prose and not like a label, no prose
    /// only as the short text under a headline item (see
    /// [`TEASER_DEK_WORDS`]): its run is a list of teasers, no footer
    /// menu.
    dek: bool,
    /// A list item in a list a prose line introduces that a `line` rule
    /// drops ("* Facebook"): its verdict, if every list item of its run is
    /// such an item (a share row after "Follow us for more recipes:");
    /// otherwise it is an item of the list ("* YouTube" / "* Facebook"),
    /// and no anchor (a second run sees the same list).
    rule_item: Option<Verdict>,
    /// Every list item of its run is a [`Entry::rule_item`]: it goes.
    rule_row: bool,
}

/// The queue of lines waiting for context. See the module docs.
#[derive(Debug)]
pub struct Context {
    enabled: bool,
    queue: VecDeque<Entry>,
    /// Text of the queued lines; `base` is the arena offset of byte 0.
    arena: Vec<u8>,
    /// The last anchor seen.
    anchor: Anchor,
    /// Whether a prose line has been seen in this document (a headline
    /// under a block label counts: see [`Context::push_line`]).
    seen_prose: bool,
    /// Whether a prose anchor has been seen in this document. A line is
    /// "before the prose" ([`Reason::Header`]) until then: a headline under
    /// a block label that marked the document as having prose may itself
    /// be dropped, and a second run, without it, must see the lines after
    /// it the same way.
    seen_anchor_prose: bool,
    /// Whether the title has been chosen.
    title_done: bool,
    /// Whether the last line pushed was the title.
    after_title: bool,
    /// Whether the last non-blank line, dates aside, was a list item that
    /// is no prose and no chrome (a headline, a label): see
    /// [`TEASER_DEK_WORDS`].
    after_headline_item: bool,
    /// Whether queued lines have `footer_pending` set.
    footer_pending: bool,
    /// The line above a wiki's tagline, before the first prose line: the
    /// title if it is still the last non-chrome line when that prose line
    /// comes (see [`Context::take_tagline_title`]).
    tagline_title: Option<u64>,
    /// After a prose line that does not end with a colon, as long as only
    /// chrome lines and short lines follow it: the label-like list items
    /// of those short lines so far. A footer menu split by chrome lines
    /// ("* About" / "© 2019" / "* Contact" / "* Privacy") counts as one
    /// list: a second run, without the chrome, sees one.
    footer_chain: Option<usize>,
    /// After a gallery position: the lines since, held until the slide's
    /// credit or the end of the slide (see [`Reason::GalleryCaption`]).
    slide: Option<Vec<Held>>,
    /// A byline opened by a label ("Autor: Hans Müller"), held until the
    /// next line shows whether it is a field of a fact box.
    label_byline: Option<Box<LabelByline>>,
    /// Whether the last non-blank line pushed was a field of a fact box
    /// ([`crate::heuristics::is_field_line`]) left to context (kept as a
    /// field since, or not).
    last_field: bool,
    /// A time of day alone came last (see [`is_clock_time`]): whether it
    /// is an anchor depends on the next line.
    clock_pending: bool,
    /// Before the first prose line: how many fields of a fact box in a row
    /// the last lines pushed were, chrome between them not counted (see
    /// [`Reason::Header`]).
    box_fields: usize,
    /// Whether the last non-blank line pushed was prose.
    last_prose: bool,
    /// Whether the lines since the last prose line are the items of a list
    /// it introduces (it ends with a colon).
    colon_list: bool,
    /// How far a held separator is in its section break.
    section: SectionBreak,
    /// Whether the title, once taken, is written before the first prose
    /// line: it waits for it (the headline above the byline may show it
    /// was a banner), unless the queue filled up first.
    release_title: bool,
    /// Whether the last non-blank line pushed was a byline, a date or a
    /// reading time (see [`Reason::Author`]).
    last_byline: bool,
    /// The line number of the last non-blank line pushed if it may be the
    /// author's name (see [`Reason::Author`]), and whether a byline or a
    /// date came right before it.
    last_name: Option<(u64, bool)>,
    /// The non-blank lines pushed in this document so far.
    lines_seen: usize,
    /// The first prose line's place among them (counting from 1).
    first_prose: usize,
}

/// The state of a separator held after prose (see
/// [`Reason::SectionBreak`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SectionBreak {
    /// No separator is held.
    Idle,
    /// The separator waits for the next non-blank line.
    AfterSeparator,
    /// A short line came after the separator; both wait for the next
    /// non-blank line, prose or not.
    AfterHeading,
}

/// A byline opened by a label, held: chrome ("Autor: Hans Müller" under
/// an article), unless a field of a fact box comes right before or after
/// it ("Titel: …", "Autor: …", "Verlag: …"), where it is a field too and
/// stays, and so do its neighbouring fields.
#[derive(Clone, Debug)]
struct LabelByline {
    lineno: u64,
    text: Vec<u8>,
    words: usize,
    verdict: Verdict,
    /// The line before it is a field.
    after_field: bool,
    /// The blank lines after it, held with it: the first one's number
    /// and how many (they run on, up to the next line).
    blanks: (u64, u64),
}

/// A line held after a gallery position, with what was known of it.
#[derive(Clone, Debug)]
enum Held {
    /// A run of blank lines: the first one's number and how many more
    /// follow it (a run takes one place, as it gives one blank line of
    /// output: a second run holds the same lines).
    Blank(u64, u64),
    Line {
        lineno: u64,
        text: Vec<u8>,
        words: usize,
        verdict: Verdict,
        is_prose_hint: Option<bool>,
    },
}

impl Default for Context {
    fn default() -> Context {
        Context::new(true)
    }
}

impl Context {
    /// An empty queue; with `enabled` false no context heuristic applies
    /// and every line is decided at once.
    pub fn new(enabled: bool) -> Context {
        Context {
            enabled,
            queue: VecDeque::new(),
            arena: Vec::new(),
            anchor: Anchor::Edge,
            seen_prose: false,
            seen_anchor_prose: false,
            title_done: false,
            after_title: false,
            after_headline_item: false,
            footer_pending: false,
            footer_chain: None,
            tagline_title: None,
            slide: None,
            label_byline: None,
            last_field: false,
            box_fields: 0,
            clock_pending: false,
            last_prose: false,
            colon_list: false,
            section: SectionBreak::Idle,
            release_title: false,
            last_byline: false,
            last_name: None,
            lines_seen: 0,
            first_prose: 0,
        }
    }

    /// Adds a blank line.
    pub fn push_blank(&mut self, lineno: u64, c: &mut Cleaner<'_>) {
        if let Some(held) = &mut self.label_byline {
            if held.blanks.1 == 0 {
                held.blanks.0 = lineno;
            }
            held.blanks.1 += 1;
            return;
        }
        if let Some(held) = &mut self.slide {
            if let Some(Held::Blank(first, more)) = held.last_mut()
                && *first + *more + 1 == lineno
            {
                *more += 1;
                return;
            }
            if held.len() < 4 * SLIDE_LINES {
                held.push(Held::Blank(lineno, 0));
                return;
            }
            self.end_slide(false, c);
        }
        self.push_blank_now(lineno, c);
    }

    fn push_blank_now(&mut self, lineno: u64, c: &mut Cleaner<'_>) {
        if let Some(back) = self.queue.back_mut()
            && back.text.is_none()
            && !back.held
            && back.lineno + back.more_blanks + 1 == lineno
        {
            // Nothing else changed: nothing more can be written.
            back.more_blanks += 1;
            return;
        }
        self.push(
            Entry {
                lineno,
                text: None,
                more_blanks: 0,
                verdict: Verdict::Keep(Why::Content),
                prev: Anchor::Edge,
                next: None,
                last: false,
                label: false,
                before_prose: false,
                counted: false,
                widget: false,
                item: false,
                footer: false,
                footer_pending: false,
                listed: false,
                header_list: false,
                url: false,
                nested: false,
                kicker: false,
                bio: false,
                kicker_list: false,
                kicker_wait: false,
                repeat: false,
                under_title: false,
                held: false,
                boxed: false,
                subtitle: false,
                dek: false,
                rule_item: None,
                rule_row: false,
                pros_cons: false,
            },
            c,
        );
    }

    /// Adds a non-blank line with what is known of its verdict. Returns
    /// the words of the lines decided as prose by this call (the line, or
    /// lines held before it). `is_prose_hint`, if given, is [`is_prose`]
    /// of the line, worked out ahead.
    pub fn push_line(
        &mut self,
        lineno: u64,
        text: &[u8],
        words: usize,
        verdict: Verdict,
        is_prose_hint: Option<bool>,
        c: &mut Cleaner<'_>,
    ) -> usize {
        let mut prose_words = 0;
        let mut field_box = false;
        if self.label_byline.is_some() {
            let field = verdict == Verdict::Undecided
                && crate::heuristics::is_field_line(text, words);
            let (next_kept, words) = self.release_label_byline(field, c);
            field_box = next_kept;
            prose_words += words;
        }
        if self.enabled {
            let credit = is_slide_credit(verdict, c);
            let position = is_slide_position(text, verdict, c);
            if credit
                || verdict
                    == Verdict::Drop(Why::Heuristic(
                        crate::heuristics::Heuristic::Caption,
                    ))
            {
                self.mark_photo_count();
            }
            if let Some(held) = &mut self.slide {
                let lines = held
                    .iter()
                    .filter(|h| matches!(h, Held::Line { .. }))
                    .count();
                if credit && lines > 0 {
                    self.end_slide(true, c);
                } else if !credit && !position && lines < SLIDE_LINES {
                    held.push(Held::Line {
                        lineno,
                        text: text.to_vec(),
                        words,
                        verdict,
                        is_prose_hint,
                    });
                    return 0;
                } else {
                    prose_words += self.end_slide(false, c);
                }
            }
            if position {
                self.slide = Some(Vec::new());
            }
            if verdict
                == Verdict::Drop(Why::Heuristic(
                    crate::heuristics::Heuristic::Byline,
                ))
                && crate::heuristics::is_label_byline(text)
            {
                self.label_byline = Some(Box::new(LabelByline {
                    lineno,
                    text: text.to_vec(),
                    words,
                    verdict,
                    after_field: self.last_field,
                    blanks: (0, 0),
                }));
                return prose_words;
            }
        }
        if self.push_now(lineno, text, words, verdict, is_prose_hint, c) {
            prose_words += words;
        }
        if field_box {
            self.keep_last_undecided();
        }
        prose_words
    }

    /// Decides the held byline opened by a label, if any: a field of a
    /// fact box when the line before it or the next one (`next_field`) is
    /// one, and then kept with them; otherwise chrome. Returns whether
    /// the next line is to be kept as a field of the box, and the words of
    /// the byline if it is prose (a long list of names).
    fn release_label_byline(
        &mut self,
        next_field: bool,
        c: &mut Cleaner<'_>,
    ) -> (bool, usize) {
        let Some(held) = self.label_byline.take() else { return (false, 0) };
        let field_box = held.after_field || next_field;
        if held.after_field {
            self.keep_last_undecided();
        }
        // In a box it is left to context, and then kept (chrome is never
        // prose).
        let verdict =
            if field_box { Verdict::Undecided } else { held.verdict };
        let prose = self.push_now(
            held.lineno,
            &held.text,
            held.words,
            verdict,
            None,
            c,
        );
        if field_box {
            self.keep_last_undecided();
        }
        let prose_words = if prose { held.words } else { 0 };
        let (first, count) = held.blanks;
        for lineno in first..first + count {
            self.push_blank_now(lineno, c);
        }
        (field_box && next_field, prose_words)
    }

    /// Keeps the last non-blank line waiting if it is undecided: a field
    /// of a fact box next to a byline opened by a label. It is no anchor:
    /// the lines around it are decided as before.
    fn keep_last_undecided(&mut self) {
        if let Some(e) = self.queue.iter_mut().rev().find(|e| e.text.is_some())
            && e.verdict == Verdict::Undecided
        {
            e.verdict = Verdict::Keep(Why::Content);
        }
    }

    /// Decides the held lines of a slide: as its caption, or as if no
    /// position came before them. Returns the words of those that are
    /// prose.
    fn end_slide(&mut self, caption: bool, c: &mut Cleaner<'_>) -> usize {
        let mut prose_words = 0;
        for h in self.slide.take().unwrap_or_default() {
            match h {
                Held::Blank(first, more) => {
                    for lineno in first..=first + more {
                        self.push_blank_now(lineno, c);
                    }
                }
                Held::Line { lineno, text, words, verdict, is_prose_hint } => {
                    let verdict = if caption {
                        Verdict::Drop(Why::Context(Reason::GalleryCaption))
                    } else {
                        verdict
                    };
                    if self.push_now(
                        lineno,
                        &text,
                        words,
                        verdict,
                        is_prose_hint,
                        c,
                    ) {
                        prose_words += words;
                    }
                }
            }
        }
        prose_words
    }

    /// Adds a non-blank line; returns true if and only if it is prose.
    fn push_now(
        &mut self,
        lineno: u64,
        text: &[u8],
        words: usize,
        verdict: Verdict,
        is_prose_hint: Option<bool>,
        c: &mut Cleaner<'_>,
    ) -> bool {
        // (A post is written in sentences; a teaser headline under a
        // video's length may run long, but ends like no statement.)
        if std::mem::take(&mut self.clock_pending)
            && !(verdict == Verdict::Undecided
                && ends_like_statement(text)
                && is_prose_hint.unwrap_or_else(|| is_prose(text, words)))
        {
            self.anchor_seen(Anchor::Chrome);
        }
        let item = is_list_item(text);
        let mut verdict = verdict;
        let mut prose = false;
        let mut headline_prose = false;
        let mut bio = false;
        let mut dek = false;
        let mut rule_item = None;
        if self.enabled {
            verdict =
                self.author_step(lineno, text, words, verdict, c.rules());
            if !self.seen_anchor_prose && is_tagline(verdict, c.rules()) {
                self.mark_title_above_tagline();
            }
            // A list item that is only a button's or a network's name
            // ("* Facebook", "* Email") in a list a sentence introduces
            // ("The platforms teens use every day were:") waits for the
            // list: with an item no rule drops ("* YouTube"), it is an item
            // of that list (see [`Entry::rule_item`]).
            if item
                && self.colon_list
                && matches!(verdict, Verdict::Drop(Why::Rule(id))
                    if c.rules().rules()[id as usize].kind
                        == crate::rules::Kind::Line)
            {
                rule_item = Some(verdict);
                verdict = Verdict::Undecided;
            }
        }
        match verdict {
            Verdict::Drop(Why::Rule(id))
                if c.rules().rules()[id as usize].kind.is_block() =>
            {
                self.anchor_seen(Anchor::Block)
            }
            // Chrome right under a block label ("(16 Videos)" under "More
            // Videos") leaves the label's claim on the lines after it.
            Verdict::Drop(_)
                if self.anchor == Anchor::Block && !self.run_open() => {}
            // A line of code punctuation ("}", "```", "|---|---|") is no
            // anchor: it would claim the code or the table around it.
            Verdict::Drop(Why::Heuristic(
                crate::heuristics::Heuristic::Separator,
            )) if is_code_punctuation(text) => {}
            // A time of day alone ("14:32", "14:32 GMT") waits: right
            // above a prose line that ends like a statement it is the
            // stamp of a live blog's post, no anchor (the lines above it,
            // the key points, lead into the post); above anything else it
            // is chrome (a video's length).
            Verdict::Drop(Why::Heuristic(
                crate::heuristics::Heuristic::Date,
            )) if is_clock_time(text) => self.clock_pending = true,
            Verdict::Drop(_) => self.anchor_seen(Anchor::Chrome),
            Verdict::Keep(_) => {
                prose = true;
                self.prose_seen(c.rules());
            }
            Verdict::Undecided if !self.enabled => {
                verdict = Verdict::Keep(Why::Content);
            }
            Verdict::Undecided => {
                let prose_alone =
                    is_prose_hint.unwrap_or_else(|| is_prose(text, words));
                dek = prose_alone
                    && item
                    && self.after_headline_item
                    && words < TEASER_DEK_WORDS;
                let own = prose_alone && !dek;
                let headline = self.anchor == Anchor::Block
                    && words < BLOCK_PROSE_WORDS
                    && !ends_like_statement(text);
                if self.seen_prose && is_caps_headline(text, words) {
                    // Even when it passes for prose: a closing quote ends
                    // it like a sentence.
                    verdict = Verdict::Drop(Why::Context(Reason::CapsTeaser));
                    self.anchor_seen(Anchor::Chrome);
                } else if own
                    && !headline
                    // (A headline under a block label with the words of
                    // prose counts: a second run, without the label, sees
                    // prose there.)
                    && self.seen_prose
                    && crate::heuristics::is_author_bio(text, words)
                {
                    // No anchor: it waits for the next prose line or the
                    // end, as does the name above it.
                    bio = true;
                    self.mark_bio_name(text);
                    self.footer_pending = true;
                } else if own && !headline {
                    prose = true;
                    verdict = Verdict::Keep(Why::Content);
                    self.prose_seen(c.rules());
                } else {
                    if !self.seen_prose
                        && !self.title_done
                        && (words >= TITLE_WORDS || is_long_spaceless(text))
                        && !text.ends_with(b".")
                        // A list item is no title, nor is the trail of
                        // section names above it.
                        && !item
                        && !is_breadcrumb(text)
                    {
                        self.title_done = true;
                        verdict = TITLE;
                        self.mark_kicker();
                    }
                    // A headline under a block label is no anchor, but
                    // the document has prose: once the label is removed,
                    // a second run sees prose there.
                    headline_prose = own;
                }
            }
        }
        if self.section != SectionBreak::Idle {
            self.section_break_step(text, words, verdict, prose);
        }
        // A separator right after prose waits: it may open a section.
        let held = self.enabled
            && self.last_prose
            && verdict
                == Verdict::Drop(Why::Heuristic(
                    crate::heuristics::Heuristic::Separator,
                ))
            && !is_code_punctuation(text);
        if held {
            self.section = SectionBreak::AfterSeparator;
        }
        self.last_prose = prose;
        self.colon_list =
            if prose { text.ends_with(b":") } else { self.colon_list && item };
        if prose && self.colon_list {
            // It introduces the list after it: no footer menu.
            self.footer_chain = None;
        }
        match verdict {
            // The date of a teaser item leaves the item before it the last
            // one: a second run, without the date, sees the two items
            // together.
            Verdict::Drop(Why::Heuristic(
                crate::heuristics::Heuristic::Date,
            )) => {}
            // Nor does an item of the list that is chrome ("* ", "* Terms
            // of Use"): a second run does not see it.
            Verdict::Drop(_) if item => {}
            // Other chrome ends the list: a second run does not see a
            // headline item before it either when it was dropped with it.
            Verdict::Drop(_) => self.after_headline_item = false,
            // Nor does a label before the first prose line count, which
            // goes as a header line ("- ISSN: 1234-5678").
            _ => {
                self.after_headline_item = !prose
                    && item
                    && (self.seen_anchor_prose || !is_label(text));
            }
        }
        let undecided = verdict == Verdict::Undecided;
        let under_title = self.after_title;
        // The title is a field too when it reads like one ("Título: Cien
        // años de soledad"): a second run may take the field for the title
        // when the line taken first is gone.
        self.last_field = (undecided || verdict == TITLE)
            && crate::heuristics::is_field_line(text, words);
        let box_field = self.box_step(text, words, verdict);
        let chapter = undecided
            && self.enabled
            && !self.seen_prose
            && is_chapter_heading(text);
        if chapter {
            self.mark_name_above();
        }
        // The line right after the title (chrome between not counted) may
        // be its subtitle; a name wholly in quotes or angle brackets is the
        // title of a work or a quotation, not a menu item. Prose after the
        // title ends its reach.
        if prose {
            self.after_title = false;
        }
        let after_title = undecided && std::mem::take(&mut self.after_title);
        let pros_cons = undecided && is_pros_cons_heading(text);
        let labelled = undecided
            && !chapter
            && !pros_cons
            && is_label(text)
            && !is_enclosed(text);
        let subtitle = labelled && after_title;
        let label = labelled && !after_title;
        self.seen_prose |= headline_prose;
        let title = verdict == TITLE;
        if title {
            self.after_title = true;
        }
        if !undecided && !held && !title && self.queue.is_empty() {
            // Nothing waits: written at once, without a copy.
            c.emit(lineno, Some(text), verdict.into_result());
            return prose;
        }
        let start = self.arena.len();
        self.arena.extend_from_slice(text);
        let entry = Entry {
            lineno,
            text: Some(start..self.arena.len()),
            more_blanks: 0,
            verdict,
            prev: self.anchor,
            next: None,
            last: false,
            label,
            before_prose: !self.seen_anchor_prose,
            counted: undecided && is_count_label(text),
            widget: false,
            item: label && crate::rules::lead_end(text) > 0,
            footer: false,
            footer_pending: bio,
            listed: undecided && item,
            nested: undecided && text.starts_with(b"+ "),
            header_list: false,
            url: undecided && is_bare_url(text),
            kicker: false,
            bio,
            kicker_list: false,
            kicker_wait: false,
            repeat: undecided && c.would_repeat(text, lineno),
            under_title,
            held,
            boxed: box_field && undecided,
            subtitle,
            dek: dek && undecided && !labelled,
            rule_item,
            rule_row: false,
            pros_cons,
        };
        self.push(entry, c);
        prose
    }

    /// Takes a non-blank line with its verdict so far, before the first
    /// prose line: returns true if it is a field of a fact box (see
    /// [`crate::heuristics::is_field_line`]) right after another one,
    /// chrome between them not counted ("Prep time: 15 minutes" / "Cook
    /// time: 1 hour"). Both are kept, as are the fields after them, and
    /// are no anchors; the line right above the box is the name of what
    /// it describes ("Classic Banana Bread"), no label or kicker, so it
    /// stays when the box leads into the prose. Chrome between the name
    /// and the fields ("Print Recipe", a photo credit) is not counted: a
    /// second run does not see it. (Every field of a box stays, so a
    /// second run sees the same box.)
    fn box_step(
        &mut self,
        text: &[u8],
        words: usize,
        verdict: Verdict,
    ) -> bool {
        if matches!(verdict, Verdict::Drop(_)) {
            // A second run does not see it.
            return false;
        }
        let field = self.enabled
            && !self.seen_prose
            && matches!(verdict, Verdict::Undecided | TITLE)
            && is_short_field(text, words);
        if !field {
            self.box_fields = 0;
            return false;
        }
        if self.box_fields == 1 {
            let arena = &self.arena;
            let mut lines = non_chrome_back(&mut self.queue);
            if let Some(first) = lines.next() {
                let above = &arena[first.text.clone().unwrap_or_default()];
                if crate::cleaner::same_but_markers(text, above) {
                    // A copy, which the repeat heuristic drops: a second
                    // run sees one field.
                    return false;
                }
                let words = crate::cleaner::count_words(above);
                if is_short_field(above, words) {
                    first.boxed = first.verdict == Verdict::Undecided;
                    mark_name(lines.next());
                }
            }
        }
        self.box_fields += 1;
        self.box_fields >= 2
    }

    /// Marks the last line waiting (chrome not counted) as the name of
    /// what the line now pushed heads: the title of the work ("The
    /// Lighthouse") above a chapter heading ("Chapter 1").
    fn mark_name_above(&mut self) {
        mark_name(non_chrome_back(&mut self.queue).next());
    }

    /// Takes the next non-blank line after a held separator, with its
    /// words, its verdict so far and whether it is prose: after a heading
    /// (see [`is_section_heading`]) the line after it decides (see
    /// [`Reason::SectionBreak`]).
    fn section_break_step(
        &mut self,
        text: &[u8],
        words: usize,
        verdict: Verdict,
        prose: bool,
    ) {
        match self.section {
            SectionBreak::Idle => {}
            SectionBreak::AfterSeparator => {
                if is_section_heading(text, words, verdict) {
                    self.section = SectionBreak::AfterHeading;
                } else {
                    self.end_section_break(false);
                }
            }
            SectionBreak::AfterHeading => {
                // The prose anchor has been seen: the heading knows both
                // its neighbours, and must stay for the break to.
                let keep = prose && self.last_line_kept();
                self.end_section_break(keep);
            }
        }
    }

    /// Whether the last non-blank line waiting is kept, as far as its
    /// anchors tell.
    fn last_line_kept(&self) -> bool {
        let seen = self.seen_prose;
        self.queue.iter().rev().find(|e| e.text.is_some()).is_some_and(|e| {
            let verdict = match e.verdict {
                Verdict::Undecided => decide(e, seen),
                v => Some(v),
            };
            matches!(verdict, Some(Verdict::Keep(_)))
        })
    }

    /// Decides the held separator, if any: kept as a section break, or
    /// dropped as its line heuristic said. The caller emits what is ready.
    fn end_section_break(&mut self, keep: bool) {
        self.section = SectionBreak::Idle;
        if let Some(e) = self.queue.iter_mut().find(|e| e.held) {
            e.held = false;
            if keep {
                e.verdict = Verdict::Keep(Why::Context(Reason::SectionBreak));
            }
        }
    }

    /// Drops the person's name waiting right before a byline or a date, or
    /// right after one when no list item follows (it heads the list then:
    /// "Key Points"), at the top of the document (see [`Reason::Author`]);
    /// returns the line's verdict.
    fn author_step(
        &mut self,
        lineno: u64,
        text: &[u8],
        words: usize,
        verdict: Verdict,
        rules: &crate::rules::Rules,
    ) -> Verdict {
        let first = self.lines_seen == 0;
        self.lines_seen += 1;
        let byline = matches!(
            verdict,
            Verdict::Drop(why) if is_byline_chrome(why, rules)
        );
        let mut after_byline =
            std::mem::replace(&mut self.last_byline, byline);
        if let Some((name, after)) = self.last_name.take()
            && (byline || after && !is_list_item(text))
            && let Some((e, _)) = self.last_undecided()
            && e.lineno == name
        {
            e.verdict = AUTHOR;
            // A second name after it: "Jane Roe" / "John Doe".
            after_byline = true;
        }
        // The top: before the first prose line, and right after it (a
        // standfirst above the byline).
        let top = !self.seen_anchor_prose
            || self.lines_seen <= self.first_prose + AUTHOR_LINES;
        if top
            && verdict == Verdict::Undecided
            && !first
            && ((2..=3).contains(&words) && is_person_name(text)
                // The author's role under the byline: "Science
                // correspondent".
                || after_byline && is_role(text, words))
        {
            self.last_name = Some((lineno, after_byline));
        }
        verdict
    }

    /// Records a prose line as the anchor it is, after looking for the
    /// headline above the byline if it is the first of the document.
    fn prose_seen(&mut self, rules: &crate::rules::Rules) {
        if !self.seen_anchor_prose {
            self.first_prose = self.lines_seen;
            self.take_tagline_title();
        }
        if !self.seen_anchor_prose && !self.mark_headline(rules) {
            self.mark_title_under_menu();
        }
        self.anchor_seen(Anchor::Prose);
    }

    /// Called when a prose line comes: if it is the first of the document,
    /// keeps the headline above the byline before it (see
    /// [`Reason::Title`]): going back over at most [`HEADLINE_LINES`]
    /// lines, only bylines, dates and reading times (the line heuristics
    /// and the rules of the `bylines` and `timestamps` categories), names
    /// ("Rodrigo Campos") and the lead photo's caption, credit and count
    /// (the line heuristics, the `credits` rules, "0"), the share row and
    /// subscribe buttons (the `share` and `newsletter` rules, not counted),
    /// a count of views ("1250", "3.4K") and the author's line with a place
    /// right under a title or a deck come before a line that could be a
    /// title (or the deck under it, [`is_deck`]: then the title above):
    /// [`TITLE_WORDS`] or more words, no list item, no period at the end,
    /// no breadcrumb trail; and not right under the title already taken.
    /// A title taken above it, which waits with it, was a banner or the
    /// site's name, and goes as a header line.
    fn mark_headline(&mut self, rules: &crate::rules::Rules) -> bool {
        let arena = &self.arena;
        let text = |e: &Entry| &arena[e.text.clone().unwrap_or_default()];
        let mut lines = self.queue.iter().rev().filter(|e| e.text.is_some());
        let mut byline = false;
        let mut back = 0;
        let words = |e: &Entry| crate::cleaner::count_words(text(e));
        let headline = |e: &Entry| {
            e.verdict == Verdict::Undecided && is_headline(text(e))
        };
        let title_words =
            self.queue.iter().find(|e| e.verdict == TITLE).map(words);
        let found = loop {
            let Some(e) = lines.next() else { return false };
            back += 1;
            if back > HEADLINE_LINES {
                return false;
            }
            match e.verdict {
                Verdict::Drop(why) if is_byline_chrome(why, rules) => {
                    byline = true;
                }
                // The lead photo's caption and credit.
                Verdict::Drop(why) if is_photo_chrome(why, rules) => {}
                // The share row under the byline ("Share", "Facebook", …)
                // and the button to subscribe to the author or the
                // channel.
                Verdict::Drop(Why::Rule(id))
                    if matches!(
                        rules.rules()[id as usize].category.as_str(),
                        "share" | "newsletter"
                    ) =>
                {
                    back -= 1;
                }
                // The lead photo's count, a count of views or comments:
                // "0", "1250", "3.4K".
                Verdict::Undecided if is_count(text(e)) => {}
                // The author's line with the place written from ("Angela
                // Giuffrida in Rome") right under the deck or the title.
                Verdict::Undecided
                    if is_name_in_place(text(e))
                        && lines.clone().next().is_some_and(|up| {
                            up.verdict == TITLE || headline(up)
                        }) => {}
                // Right under the title it is the author's line ("Tom
                // Davies Associated Press") or a deck.
                Verdict::Undecided
                    if byline && is_headline(text(e)) && !e.under_title =>
                {
                    break Ok(e);
                }
                // Under a short title, a longer headline: the title may
                // be a section's name above the headline ("Climate crisis
                // in Europe"), or the headline above its deck; both stay.
                Verdict::Undecided
                    if byline
                        && e.under_title
                        && is_headline(text(e))
                        && title_words.is_some_and(|t| {
                            t < DECK_TITLE_WORDS
                                && words(e) >= DECK_TITLE_WORDS
                        }) =>
                {
                    break Err(e.lineno);
                }
                Verdict::Undecided if is_name(text(e)) => {}
                _ => return false,
            }
        };
        let found = match found {
            Ok(found) => found,
            Err(under) => {
                if let Some(e) =
                    self.queue.iter_mut().find(|e| e.lineno == under)
                {
                    e.verdict = Verdict::Keep(Why::Content);
                }
                return true;
            }
        };
        // A deck right under its title, a sentence longer than it: the
        // title is the line above, unless a headline is above that too: a
        // list of teasers' headlines ends there ("Mac Pro Shipping in
        // December", above a title).
        let mut up = lines.clone();
        let found = match (up.next(), up.next()) {
            (Some(up), above)
                if headline(up)
                    && is_deck(text(found), text(up))
                    && !above.is_some_and(headline) =>
            {
                lines.next();
                up.lineno
            }
            _ => found.lineno,
        };
        // A card of a teaser list above (a kicker, a headline, its date)
        // makes it one more card: "Car reviews" / "2018 Lexus ES 350" /
        // "October 19, 2018".
        let mut above = lines.take(3).peekable();
        above.next_if(|e| {
            matches!(e.verdict, Verdict::Undecided | AUTHOR)
                && crate::cleaner::count_words(text(e)) <= 3
        });
        if above.next_if(|e| {
            matches!(e.verdict, Verdict::Drop(why) if is_byline_chrome(why, rules))
        })
        .is_some()
            && above.next().is_some_and(|e| {
                !matches!(e.verdict, Verdict::Drop(_)) && is_headline(text(e))
            })
        {
            return false;
        }
        self.take_title(found);
        true
    }

    /// Called when the first prose line comes and no headline above a
    /// byline was found: the line right above it that could be a title is
    /// the title when the one taken above it is a menu's item: two or more
    /// label-like lines (and chrome) come between them, and the headline
    /// has [`MENU_HEADLINE_WORDS`] or more words, more than the item, as
    /// the section
    /// names of a menu ("Le Goût du Monde" / "Planète" / "Climat" /
    /// "Réchauffement climatique : la France a connu son été le plus chaud
    /// depuis 2003" / paragraph).
    fn mark_title_under_menu(&mut self) {
        let arena = &self.arena;
        let text = |e: &Entry| &arena[e.text.clone().unwrap_or_default()];
        let mut lines = self.queue.iter().rev().filter(|e| e.text.is_some());
        let Some(found) = lines.next() else { return };
        if found.verdict != Verdict::Undecided
            || found.under_title
            || !is_headline(text(found))
        {
            return;
        }
        // A headline, longer than the item: a subheading under a title
        // and its tags ("Dessert" / "American") is shorter and stays one.
        let words = crate::cleaner::count_words(text(found));
        if words < MENU_HEADLINE_WORDS {
            return;
        }
        let mut labels = 0;
        for e in lines {
            match e.verdict {
                TITLE
                    if labels >= MENU_LABELS
                        && crate::cleaner::count_words(text(e)) < words =>
                {
                    let found = found.lineno;
                    self.take_title(found);
                    return;
                }
                Verdict::Drop(_) => {}
                // (The first under the title is marked its subtitle.) The
                // fields of a fact box stay with the title: no menu.
                Verdict::Undecided
                    if (e.label || e.subtitle)
                        && !e.boxed
                        && !is_field(text(e)) =>
                {
                    labels += 1;
                }
                _ => return,
            }
        }
    }

    /// Called on a wiki's tagline (the rules of the `taglines` category:
    /// "From Wikipedia, the free encyclopedia") before the first prose
    /// line: the line right above it (chrome between not counted) may be
    /// the page's title, of any length ("Photosynthesis"), unless it ends
    /// with a period or is a list item or a breadcrumb trail (see
    /// [`Context::take_tagline_title`]).
    fn mark_title_above_tagline(&mut self) {
        let Some(e) = non_chrome_back(&mut self.queue).next() else {
            return;
        };
        let text = &self.arena[e.text.clone().unwrap_or_default()];
        if e.verdict == Verdict::Undecided && is_title_shaped(text) {
            self.tagline_title = Some(e.lineno);
        }
    }

    /// Called when the first prose line comes: the line above a wiki's
    /// tagline is the title when only chrome lines come between it and
    /// this prose line, as a second run, which sees the title right above
    /// the first paragraph, keeps it (the last line of its run). (With
    /// short lines between, an infobox, the second run drops it as a header
    /// line, and so does the first.)
    fn take_tagline_title(&mut self) {
        let Some(found) = self.tagline_title.take() else { return };
        if non_chrome_back(&mut self.queue).next().is_some_and(|e| {
            e.lineno == found && e.verdict == Verdict::Undecided
        }) {
            self.title_done = true;
            self.take_title(found);
        }
    }

    /// Makes line `found` the title (see [`Reason::Title`]): a title taken
    /// above it, which waits with it, was a banner or the site's name, and
    /// goes as a header line; the section name above it goes too.
    fn take_title(&mut self, found: u64) {
        let arena = &self.arena;
        let field =
            |e: &Entry| is_field(&arena[e.text.clone().unwrap_or_default()]);
        let mut demoted = false;
        for e in self.queue.iter_mut() {
            if e.lineno == found {
                e.verdict = TITLE;
            } else if e.verdict == TITLE
                // A field of a fact box ("Autor: …") stays with the box.
                && !field(e)
            {
                // The title taken above the menus was a banner or the
                // site's name.
                e.verdict = Verdict::Drop(Why::Context(Reason::Header));
                demoted = true;
            } else if demoted
                && e.text.is_some()
                && e.verdict == Verdict::Undecided
            {
                // The line under it is no subtitle: a label again, as a
                // second run, without the banner, sees it.
                e.label |= e.subtitle;
                demoted = false;
            }
        }
        // The section name above it goes, as above a title taken where it
        // stands (a second run, without the line taken first, takes it so).
        self.mark_kicker_above(Some(found));
    }

    /// Marks the lines right above the title that are section names or
    /// kickers (see [`Entry::kicker`]): all of them, across chrome and
    /// across the other label-like lines (which go as header lines when
    /// the kickers do: both need prose next), so that a second run, with
    /// the first one gone, finds none above the title (idempotence).
    fn mark_kicker(&mut self) {
        self.mark_kicker_above(None);
    }

    /// [`Context::mark_kicker`] for the title waiting at line `title`, if
    /// given (the headline found above the byline), or for the line about
    /// to be pushed.
    fn mark_kicker_above(&mut self, title: Option<u64>) {
        let arena = &self.arena;
        let mut lines = self.queue.iter_mut().rev();
        if let Some(title) = title {
            lines.by_ref().find(|e| e.lineno == title);
        }
        for e in lines {
            match (&e.text, e.verdict) {
                (None, _) | (_, Verdict::Drop(_)) => continue,
                (Some(r), Verdict::Undecided)
                    if is_kicker(&arena[r.clone()], e.label) =>
                {
                    e.kicker = true;
                }
                (Some(_), Verdict::Undecided) if e.label => continue,
                _ => break,
            }
        }
    }

    /// The last non-blank line waiting, with its text, if it is undecided.
    fn last_undecided(&mut self) -> Option<(&mut Entry, &[u8])> {
        let e = self.queue.iter_mut().rev().find(|e| e.text.is_some())?;
        let r = e.text.clone()?;
        (e.verdict == Verdict::Undecided).then(|| (e, &self.arena[r]))
    }

    /// Marks the line before a photo credit or credited caption as part of
    /// the gallery if it is only a number of one to three digits: the
    /// photo count of the gallery ("6" above "… a rabbit Credit: Getty").
    fn mark_photo_count(&mut self) {
        if let Some((e, text)) = self.last_undecided()
            && is_photo_count(text)
        {
            e.verdict = Verdict::Drop(Why::Context(Reason::GalleryCaption));
        }
    }

    /// Marks the line before the author bio `bio` as part of it if it is
    /// the name the bio starts with ("Phil Helsel" above "Phil Helsel is a
    /// reporter for NBC News.").
    fn mark_bio_name(&mut self, bio: &[u8]) {
        if let Some((e, text)) = self.last_undecided() {
            let name = &text[crate::rules::lead_end(text)..];
            if name.split(|&b| b == b' ').count() <= 5
                && bio.starts_with(name)
                && bio.get(name.len()) == Some(&b' ')
            {
                e.bio = true;
                e.footer_pending = true;
            }
        }
    }

    /// Whether short lines wait for the anchor after them: the last line
    /// queued (blank lines aside) is undecided.
    fn run_open(&self) -> bool {
        self.queue
            .iter()
            .rev()
            .find(|e| e.text.is_some())
            .is_some_and(|e| e.verdict == Verdict::Undecided)
    }

    /// Records an anchor: the run of short lines before it now knows both
    /// its neighbours.
    fn anchor_seen(&mut self, anchor: Anchor) {
        if anchor == Anchor::Prose {
            self.seen_prose = true;
            self.seen_anchor_prose = true;
        }
        let mut last = true;
        let (mut lines, mut counted, mut items, mut listed) = (0, 0, 0, 0);
        let (mut nested, mut deks, mut rule_items) = (0, 0, 0);
        let mut before_prose = false;
        let mut top = false;
        // The run opens with a line that is no list item: a heading.
        let mut headed = false;
        let mut listed_labels = 0;
        // A review's pros and cons ("Pros" / "* Fast" / "Cons" / …).
        let mut pros_cons = false;
        let mut run_prev = Anchor::Prose;
        for e in self.queue.iter_mut().rev() {
            if e.text.is_none() || e.verdict != Verdict::Undecided {
                continue;
            }
            if e.next.is_some() {
                break;
            }
            e.next = Some(anchor);
            e.last = std::mem::take(&mut last);
            lines += 1;
            counted += usize::from(e.counted);
            items += usize::from(e.item);
            listed += usize::from(e.listed);
            listed_labels += usize::from(e.listed && e.label);
            pros_cons |= e.pros_cons;
            nested += usize::from(e.nested);
            deks += usize::from(e.dek);
            rule_items += usize::from(e.rule_item.is_some());
            // After chrome: a list at the very top may be the article's.
            before_prose = e.before_prose && e.prev != Anchor::Edge;
            top = e.before_prose;
            headed = !e.listed;
            run_prev = e.prev;
        }
        // Chrome on both sides: the run goes, and a second run does not see
        // it.
        let run_goes = goes_between(run_prev, anchor);
        // A list above the first prose line is a menu or a list of
        // headlines, unless a heading opens the run ("Key points").
        // So is a nested list there, even at the very top: a site menu
        // with its submenus, or a table of contents.
        let nested_menu = top && nested >= NESTED_ITEMS;
        // (Not under a heading, "Key points", when most items are no
        // labels; a table of contents, "1. Overview", goes; a review's pros
        // and cons, "Pros" / "* Fast" / "* Light", stay.)
        let headed = headed && (2 * listed_labels < listed || pros_cons);
        if pros_cons && anchor == Anchor::Prose {
            // Its items are no labels of a menu either.
            self.mark_run(lines, |e| e.label &= !e.listed);
        }
        if anchor == Anchor::Prose
            && (before_prose && !headed || nested_menu)
            && listed >= HEADER_ITEMS
        {
            self.mark_run(lines, |e| e.header_list = e.listed);
        }
        // A list a sentence introduces of buttons only is a share row, as
        // the rules said (see `Entry::rule_item`).
        if rule_items > 0 && rule_items == listed {
            self.mark_run(lines, |e| e.rule_row = e.rule_item.is_some());
        }
        // A list of labels between the last prose line and the end of the
        // document is a footer menu, chrome lines between its items or
        // not. A chrome line after a list item defers the decision to the
        // next prose line or the end.
        if (deks > 0 || pros_cons) && !run_goes {
            // Teasers with their texts, a review's pros and cons: no
            // footer menu. (Texts that go
            // with their run, between chrome lines, tell nothing: a second
            // run does not see them.)
            self.footer_chain = None;
        }
        let chain = match self.footer_chain {
            Some(before) => before + items,
            None => 0,
        };
        let footer = anchor == Anchor::Edge && chain >= FOOTER_ITEMS;
        if footer {
            self.mark_run(lines, |e| e.footer |= e.item);
        }
        if self.footer_pending
            && matches!(anchor, Anchor::Prose | Anchor::Edge)
        {
            // Prose after them: no footer (nor author box); the end: a
            // footer (and an author box).
            let end = anchor == Anchor::Edge;
            for e in self.queue.iter_mut().filter(|e| e.footer_pending) {
                e.footer_pending = false;
                e.footer = if e.bio { end } else { footer };
            }
            self.footer_pending = false;
        }
        match anchor {
            Anchor::Prose => self.footer_chain = Some(0),
            Anchor::Edge => self.footer_chain = None,
            Anchor::Chrome | Anchor::Block => {
                if self.footer_chain.is_some() {
                    self.footer_chain = Some(chain);
                    if items > 0 {
                        // (An author bio in the run waits already.)
                        self.mark_run(lines, |e| e.footer_pending |= e.item);
                        self.footer_pending = true;
                    }
                }
            }
        }
        // A run of short lines most of which are labels with counts is a
        // category or archive widget: its labels go.
        if counted >= WIDGET_COUNTS && 2 * counted >= lines {
            self.mark_run(lines, |e| e.widget = e.counted || e.label);
        }
        // The run before the chrome that ended the last one, if a chain
        // could go on after it, is looked at with this one.
        let waiting = self
            .undecided_back()
            .skip(lines)
            .take_while(|e| e.kicker_wait)
            .count();
        let chain = lines + waiting;
        if !top && chain >= 2 * KICKER_PAIRS {
            self.mark_kicker_list(chain);
        }
        let wait = !top
            && lines > 0
            && anchor == Anchor::Chrome
            && self.ends_half_chain(chain);
        self.mark_run(chain, |e| e.kicker_wait = wait);
        self.anchor = anchor;
    }

    /// The undecided lines waiting, from the last one back.
    fn undecided_back(&self) -> impl Iterator<Item = &Entry> {
        self.queue
            .iter()
            .rev()
            .filter(|e| e.text.is_some() && e.verdict == Verdict::Undecided)
    }

    /// Whether the last `lines` undecided lines end as a chain of kicker
    /// and headline pairs may go on (see [`Reason::KickerList`]): with a
    /// kicker, or a kicker and its headline.
    fn ends_half_chain(&self, lines: usize) -> bool {
        let arena = &self.arena;
        let mut tail = self.undecided_back().take(lines.min(2)).map(|e| {
            let text = &arena[e.text.clone().unwrap_or_default()];
            (is_caps_kicker(text), is_kicker_headline(text))
        });
        matches!(
            (tail.next(), tail.next()),
            (Some((true, _)), _) | (Some((_, true)), Some((true, _)))
        )
    }

    /// Marks the kicker and headline pairs of a [`Reason::KickerList`] in
    /// the run of short lines that just ended (its last `lines` undecided
    /// lines).
    fn mark_kicker_list(&mut self, lines: usize) {
        type Part = KickerPart;
        let arena = &self.arena;
        let all: Vec<(usize, Part, bool)> = self
            .queue
            .iter()
            .enumerate()
            .rev()
            .filter(|(_, e)| {
                e.text.is_some() && e.verdict == Verdict::Undecided
            })
            .take(lines)
            .map(|(i, e)| {
                let text = &arena[e.text.clone().unwrap_or_default()];
                let part = if is_caps_kicker(text) {
                    Part::Kicker
                } else if is_kicker_headline(text) {
                    Part::Headline
                } else if crate::cleaner::count_words(text) <= 2 && !e.listed {
                    Part::Tag
                } else {
                    Part::Other
                };
                (i, part, e.repeat)
            })
            .collect();
        // A copy the repeat heuristic will drop is there in this run and
        // gone in the next: the chains are looked for both ways, and a line
        // in either is marked.
        let run: Vec<(usize, KickerPart)> =
            all.iter().rev().map(|&(i, part, _)| (i, part)).collect();
        self.mark_kicker_chains(&run);
        let repeats = self.repeats_in_run(&all);
        let run: Vec<(usize, KickerPart)> = all
            .iter()
            .rev()
            .zip(&repeats)
            .filter(|&(_, &repeat)| !repeat)
            .map(|(&(i, part, _), _)| (i, part))
            .collect();
        if run.len() < all.len() {
            self.mark_kicker_chains(&run);
        }
    }

    /// For the lines of a run (queue positions, parts and whether the
    /// repeat heuristic drops them as far as the lines written tell), from
    /// the last back: in order, whether the repeat heuristic will drop them
    /// when they are written. It also drops the copy that comes after one
    /// in a chain marked so far and one kept (see
    /// [`crate::cleaner::REPEAT_WORDS`]).
    fn repeats_in_run(&self, all: &[(usize, KickerPart, bool)]) -> Vec<bool> {
        let mut copies: std::collections::HashMap<&[u8], bool> =
            std::collections::HashMap::new();
        all.iter()
            .rev()
            .map(|&(i, _, repeat)| {
                let e = &self.queue[i];
                let text = &self.arena[e.text.clone().unwrap_or_default()];
                if repeat
                    || crate::cleaner::count_words(text)
                        < crate::cleaner::REPEAT_WORDS
                {
                    return repeat;
                }
                if e.kicker_list {
                    copies.entry(text).or_insert(false);
                    false
                } else {
                    // The first copy kept after a drop stays; later ones go.
                    copies
                        .get_mut(text)
                        .is_some_and(|kept| std::mem::replace(kept, true))
                }
            })
            .collect()
    }

    /// Marks the chains of [`KICKER_PAIRS`] or more kicker and headline
    /// pairs in `run` (queue positions and their parts, in order) as a
    /// [`Reason::KickerList`].
    fn mark_kicker_chains(&mut self, run: &[(usize, KickerPart)]) {
        type Part = KickerPart;
        let mut j = 0;
        while j < run.len() {
            // The longest chain of pairs from here: K H (T? K H)*.
            let (mut k, mut pairs, mut end) = (j, 0, j);
            while k + 1 < run.len()
                && run[k].1 == Part::Kicker
                && run[k + 1].1 == Part::Headline
            {
                pairs += 1;
                k += 2;
                end = k;
                if k + 2 < run.len()
                    && run[k].1 == Part::Tag
                    && run[k + 1].1 == Part::Kicker
                {
                    k += 1;
                }
            }
            if pairs >= KICKER_PAIRS {
                for &(i, _) in &run[j..end] {
                    self.queue[i].kicker_list = true;
                }
                j = end;
            } else {
                j += 1;
            }
        }
    }

    /// Calls `f` on the undecided lines of the run that just ended (its
    /// last `lines` undecided lines).
    fn mark_run(&mut self, lines: usize, f: impl FnMut(&mut Entry)) {
        self.queue
            .iter_mut()
            .rev()
            .filter(|e| e.text.is_some() && e.verdict == Verdict::Undecided)
            .take(lines)
            .for_each(f);
    }

    /// Decides every waiting line as if a long paragraph came next;
    /// returns the words of held lines decided as prose.
    pub fn flush_before_paragraph(&mut self, c: &mut Cleaner<'_>) -> usize {
        let (_, mut prose_words) = self.release_label_byline(false, c);
        self.last_field = false;
        prose_words += self.end_slide(false, c);
        // A paragraph comes: a time of day waiting is no anchor.
        self.clock_pending = false;
        self.prose_seen(c.rules());
        let keep = self.section == SectionBreak::AfterHeading
            && self.last_line_kept();
        self.end_section_break(keep);
        self.last_prose = true;
        self.emit_ready(c);
        prose_words
    }

    /// Decides every waiting line at the end of a document and resets.
    pub fn finish(&mut self, c: &mut Cleaner<'_>) {
        self.release_label_byline(false, c);
        self.end_slide(false, c);
        self.end_section_break(false);
        if std::mem::take(&mut self.clock_pending) {
            self.anchor_seen(Anchor::Chrome);
        }
        self.anchor_seen(Anchor::Edge);
        self.release_title = true;
        let seen = self.seen_prose;
        for e in self.queue.iter_mut() {
            if e.verdict == Verdict::Undecided {
                e.verdict =
                    decide(e, seen).unwrap_or(Verdict::Keep(Why::Content));
            }
        }
        self.emit_ready(c);
        debug_assert!(self.queue.is_empty());
        // Every field starts over for the next document (a record is
        // judged as if alone); the buffers keep their memory.
        let queue = std::mem::take(&mut self.queue);
        let mut arena = std::mem::take(&mut self.arena);
        arena.clear();
        *self = Context { queue, arena, ..Context::new(self.enabled) };
    }

    fn push(&mut self, entry: Entry, c: &mut Cleaner<'_>) {
        self.queue.push_back(entry);
        self.emit_ready(c);
        // Bounded memory: past the limits the oldest line is kept.
        while self.queue.len() > MAX_QUEUE_LINES
            || self.arena.len() > MAX_QUEUE_BYTES
        {
            self.release_title = true;
            if let Some(front) = self.queue.front_mut() {
                if front.held {
                    // Dropped, as its line heuristic said.
                    self.end_section_break(false);
                } else if front.verdict == Verdict::Undecided {
                    front.verdict = Verdict::Keep(Why::Content);
                }
            }
            self.emit_ready(c);
        }
    }

    /// Decides what can be decided and emits the decided lines at the
    /// front of the queue, in order.
    fn emit_ready(&mut self, c: &mut Cleaner<'_>) {
        let hold_title = !self.seen_anchor_prose && !self.release_title;
        while let Some(e) = self.queue.front_mut() {
            if e.held || (hold_title && e.verdict == TITLE) {
                break;
            }
            if e.verdict == Verdict::Undecided {
                match decide(e, self.seen_prose) {
                    Some(v) => e.verdict = v,
                    None => break,
                }
            }
            let e = self.queue.pop_front().unwrap();
            let text = e.text.as_ref().map(|r| &self.arena[r.clone()]);
            c.emit(e.lineno, text, e.verdict.into_result());
            for lineno in e.lineno + 1..=e.lineno + e.more_blanks {
                c.emit(lineno, None, e.verdict.into_result());
            }
        }
        if self.queue.is_empty() {
            self.arena.clear();
        } else if self.arena.len() > MAX_QUEUE_BYTES / 2 {
            // Compact: drop the text of lines already emitted.
            let base = self
                .queue
                .iter()
                .find_map(|e| e.text.as_ref().map(|r| r.start));
            if let Some(base) = base.filter(|&b| b > 0) {
                self.arena.drain(..base);
                for e in self.queue.iter_mut() {
                    if let Some(r) = e.text.as_mut() {
                        *r = r.start - base..r.end - base;
                    }
                }
            }
        }
    }
}

/// Decides a short line once its neighbours are known; `None` while they
/// are not. `seen_prose`: the document has prose (so far, or at all once
/// it ended).
fn decide(e: &Entry, seen_prose: bool) -> Option<Verdict> {
    let next = e.next?;
    if e.boxed {
        return Some(Verdict::Keep(Why::Content));
    }
    if e.rule_row {
        return e.rule_item;
    }
    if e.footer_pending || e.kicker_wait {
        return None;
    }
    if e.bio {
        // Prose after it: the body; the end: the author box.
        let why = Why::Context(Reason::AuthorBio);
        return Some(if e.footer {
            Verdict::Drop(why)
        } else {
            Verdict::Keep(Why::Content)
        });
    }
    if !seen_prose {
        // Before the first prose line nothing is decided: a document
        // without prose keeps its short lines.
        return None;
    }
    if goes_between(e.prev, next) {
        let reason = if e.prev != Anchor::Edge && next != Anchor::Edge {
            Reason::BetweenChrome
        } else {
            Reason::Edge
        };
        return Some(Verdict::Drop(Why::Context(reason)));
    }
    // The last line may be a subheading, unless it is a list item.
    if e.prev == Anchor::Block
        && next == Anchor::Prose
        && (!e.last || e.listed)
    {
        return Some(Verdict::Drop(Why::Context(Reason::Block)));
    }
    // (Marked only before any prose: see `mark_kicker`.)
    if e.kicker && next == Anchor::Prose {
        return Some(Verdict::Drop(Why::Context(Reason::Header)));
    }
    if e.widget {
        return Some(Verdict::Drop(Why::Context(Reason::Widget)));
    }
    if e.kicker_list {
        return Some(Verdict::Drop(Why::Context(Reason::KickerList)));
    }
    if e.footer {
        return Some(Verdict::Drop(Why::Context(Reason::FooterList)));
    }
    if (e.label || e.header_list)
        && e.before_prose
        && next == Anchor::Prose
        && !e.last
    {
        return Some(Verdict::Drop(Why::Context(Reason::Header)));
    }
    // A web address above the article (its canonical link) leads into
    // nothing; at the end it may be a reference and stays.
    if e.url && e.before_prose && next == Anchor::Prose {
        return Some(Verdict::Drop(Why::Context(Reason::Header)));
    }

    Some(Verdict::Keep(Why::Content))
}

/// Returns true if and only if a run of short lines between anchors `prev`
/// and `next` goes ([`Reason::BetweenChrome`], [`Reason::Edge`]): chrome
/// or an edge of the document on both sides, not both edges (a document
/// of short lines only keeps them).
fn goes_between(prev: Anchor, next: Anchor) -> bool {
    prev.is_bad()
        && next.is_bad()
        && !(prev == Anchor::Edge && next == Anchor::Edge)
}

/// Returns true if and only if `text`, the line right above the title,
/// reads like a section name: label-like (`label`) or one or two lowercase
/// words ("immunology"), without digits or a later word in Roman numerals
/// ("Chapter 1", "CHAPTER I" head a text).
fn is_kicker(text: &[u8], label: bool) -> bool {
    if text.iter().any(u8::is_ascii_digit) {
        return false;
    }
    // A number in Roman numerals after the first word: "CHAPTER I",
    // "Part IV" head a text too.
    if text.split(|&b| b == b' ').skip(1).any(|w| {
        !w.is_empty()
            && w.len() <= 6
            && w.iter().all(|b| b"IVXLCDM".contains(b))
    }) {
        return false;
    }
    label
        || (text.split(|&b| b == b' ').count() <= 2
            && text.iter().all(|&b| b.is_ascii_lowercase() || b == b' '))
}

/// Returns true if and only if `text` (list markers aside) is one web
/// address: `http://`, `https://` or `www.` and no space.
pub fn is_bare_url(text: &[u8]) -> bool {
    let body = &text[crate::rules::lead_end(text)..];
    let lower = |p: &[u8]| {
        body.len() > p.len() + 3 && body[..p.len()].eq_ignore_ascii_case(p)
    };
    (lower(b"http://") || lower(b"https://") || lower(b"www."))
        && !body.contains(&b' ')
}

/// Returns true if and only if `text` is wholly inside one pair of quotes
/// or angle brackets: `<The Palace: Tale of Jang Noksu>`, `“Wild Rose”`.
fn is_enclosed(text: &[u8]) -> bool {
    const PAIRS: &[(&str, &str)] = &[
        ("<", ">"),
        ("«", "»"),
        ("“", "”"),
        ("‘", "’"),
        ("\"", "\""),
        ("《", "》"),
        ("「", "」"),
        ("『", "』"),
    ];
    PAIRS.iter().any(|(open, close)| {
        let (open, close) = (open.as_bytes(), close.as_bytes());
        text.len() > open.len() + close.len()
            && text.starts_with(open)
            && text.ends_with(close)
            && memchr::memmem::find(
                &text[open.len()..text.len() - close.len()],
                close,
            )
            .is_none()
    })
}

/// Returns true if and only if a line with `verdict` is a gallery
/// position: dropped by a `count` rule of the credits category with a
/// position ("Image 3 of 12", "Photo 2/8"), not only a count ("12 Photos").
fn is_slide_position(text: &[u8], verdict: Verdict, c: &Cleaner<'_>) -> bool {
    let Verdict::Drop(Why::Rule(id)) = verdict else { return false };
    let rule = &c.rules().rules()[id as usize];
    rule.kind == crate::rules::Kind::Count
        && rule.category == "credits"
        && crate::rules::ends_in_position(text)
}

/// Returns true if and only if a line with `verdict` is a photo credit: a
/// rule of the credits category other than a count ("Photo: Jane Roe,
/// AP"), or a credit of the form "Jane Roe/Agency".
fn is_slide_credit(verdict: Verdict, c: &Cleaner<'_>) -> bool {
    match verdict {
        Verdict::Drop(Why::Rule(id)) => {
            let rule = &c.rules().rules()[id as usize];
            rule.kind != crate::rules::Kind::Count
                && rule.category == "credits"
        }
        Verdict::Drop(Why::Heuristic(h)) => {
            h == crate::heuristics::Heuristic::Credit
        }
        _ => false,
    }
}

/// Returns true if and only if `text` reads like a headline in capitals:
/// at least [`CAPS_WORDS`] words with letters, at least 20 letters with
/// case of which at most a tenth are lowercase ("TAYLOR SWIFT CLEARED TO
/// PERFORM HITS AT AMAs …"), and no sentence end other than a closing
/// quote or bracket (a notice in capitals ends with a period).
pub fn is_caps_headline(text: &[u8], words: usize) -> bool {
    if words < CAPS_WORDS
        || SENTENCE_STOPS.iter().any(|e| text.ends_with(e.as_bytes()))
    {
        return false;
    }
    // Most lines have lowercase ASCII early: a cheap way out.
    let ascii_lower = text.iter().take(32).filter(|b| b.is_ascii_lowercase());
    if ascii_lower.count() > 3 {
        return false;
    }
    let Ok(s) = std::str::from_utf8(text) else { return false };
    let (mut upper, mut lower) = (0usize, 0usize);
    for c in s.chars() {
        if c.is_uppercase() {
            upper += 1;
        } else if c.is_lowercase() {
            lower += 1;
        }
    }
    let lettered =
        s.split(' ').filter(|w| w.chars().any(char::is_alphabetic)).count();
    lettered >= CAPS_WORDS
        && upper + lower >= 20
        && lower * 10 <= upper + lower
}

/// Returns true if and only if `text` is a kicker of a
/// [`Reason::KickerList`]: two to six words in capitals ("RANDY ANDY",
/// "DRIVEN TO SUICIDE"), or any number up to six in quotes ("‘GET WITH THE
/// PROGRAM’"), of letters, apostrophes, hyphens, `&`, `!` and `?` only:
/// no digits, no colon ("DAY 1", "TO SERVE:" head sections).
pub fn is_caps_kicker(text: &[u8]) -> bool {
    let Ok(s) = std::str::from_utf8(text) else { return false };
    const QUOTES: &[char] = &['‘', '’', '“', '”', '"', '\''];
    let inner = s.trim_matches(QUOTES);
    let quoted = inner.len() < s.len();
    let words = inner.split(' ').count();
    let mut letters = 0;
    for c in inner.chars() {
        if c.is_alphabetic() {
            if !c.is_uppercase() {
                return false;
            }
            letters += 1;
        } else if !matches!(c, ' ' | '\'' | '’' | '-' | '&' | '!' | '?') {
            return false;
        }
    }
    letters >= 3 && words <= 6 && (words >= 2 || quoted)
}

/// Returns true if and only if `text` is a headline of a
/// [`Reason::KickerList`]: [`KICKER_HEADLINE_WORDS`] words, the first
/// starting with a capital (or a quote), some lowercase, and no sentence
/// end (a closing quote alone is none: "… 'he avoids PDAs & can't
/// sweat'"); no list item.
pub fn is_kicker_headline(text: &[u8]) -> bool {
    let words = crate::cleaner::count_words(text);
    if !KICKER_HEADLINE_WORDS.contains(&words)
        || ends_like_sentence(text)
        || text.ends_with(b"!")
        || is_list_item(text)
    {
        return false;
    }
    let Ok(s) = std::str::from_utf8(text) else { return false };
    let first = s.chars().find(|c| !matches!(c, '‘' | '“' | '"' | '\''));
    first.is_some_and(char::is_uppercase) && s.chars().any(char::is_lowercase)
}

/// The headings of a review's pros and cons, lowercased, without a colon,
/// in the languages of the builtin rules.
const PROS_CONS_HEADINGS: &[&str] = &[
    "pros",
    "cons",
    "pro",
    "contra",
    "the good",
    "the bad",
    "what we like",
    "what we don't like",
    "what we don’t like",
    "vorteile",
    "nachteile",
    "points forts",
    "points faibles",
    "les plus",
    "les moins",
    "ventajas",
    "desventajas",
    "pros y contras",
    "prós",
    "contras",
    "prós e contras",
    "pontos positivos",
    "pontos negativos",
    "contro",
    "pro e contro",
    "voordelen",
    "nadelen",
    "pluspunten",
    "minpunten",
    "плюсы",
    "минусы",
    "достоинства",
    "недостатки",
];

/// Returns true if and only if `text` is the heading of a review's pros or
/// cons ([`PROS_CONS_HEADINGS`], a colon after it or not): "Pros", "The
/// Bad:", "Points faibles", "Минусы".
fn is_pros_cons_heading(text: &[u8]) -> bool {
    if text.len() > 24 {
        return false;
    }
    let Ok(s) = std::str::from_utf8(text) else { return false };
    let s = s.trim_end_matches(':').trim_end().to_lowercase();
    PROS_CONS_HEADINGS.contains(&s.as_str())
}

/// Returns true if and only if `text` reads like a label: a menu item, a
/// breadcrumb, a tag, a headline link, a name. Every word that starts with
/// a letter starts with a capital or is in a script without case, except
/// function words ([`STOPWORDS`]), and at least one does; no sentence-final
/// `.`, `!` or `?` (two dots cut a headline short: "… 점점 ..").
///
/// "Galeria de Fotos", "Premium WordPress Themes Download", "Phil Helsel",
/// "iPhone 11 Pro", "* 드라마" (Korean) are labels; "online free course", "Click the button
/// below", "Ingredients: 2 cups flour" are not.
pub fn is_label(text: &[u8]) -> bool {
    if (text.ends_with(b".") && !cut_short(text))
        || text.ends_with(b"!")
        || text.ends_with(b"?")
    {
        return false;
    }
    let body = &text[crate::rules::lead_end(text)..];
    if body.is_ascii() {
        return is_ascii_label(body);
    }
    std::str::from_utf8(body).is_ok_and(is_unicode_label)
}

/// [`is_label`]'s word test, on characters.
fn is_unicode_label(s: &str) -> bool {
    let mut upper = 0;
    for w in s.split(' ') {
        let Some(c) = w.chars().find(|c| c.is_alphanumeric()) else {
            continue;
        };
        // Product names in camel case ("iPhone", "macOS") count as
        // capitalized.
        // A word of a script without case (Hangul, kana, Han, Arabic,
        // Hebrew, Thai, Devanagari …) reads like a capitalized one: a menu
        // in Korean ("* 드라마") is a run of labels as one in English is.
        if c.is_uppercase()
            || w.chars().skip(1).any(char::is_uppercase)
            || (c.is_alphabetic() && !c.is_lowercase())
        {
            upper += 1;
        } else if c.is_lowercase() {
            let key = w.trim_matches(|c: char| !c.is_alphanumeric());
            if !is_stopword(key.as_bytes()) {
                return false;
            }
        }
    }
    upper > 0
}

/// [`is_label`]'s word test for an ASCII line, on bytes (the same answer
/// as [`is_unicode_label`], without decoding).
fn is_ascii_label(body: &[u8]) -> bool {
    let mut upper = 0;
    for w in body.split(|&b| b == b' ') {
        let Some(s) = w.iter().position(u8::is_ascii_alphanumeric) else {
            continue;
        };
        let c = w[s];
        if c.is_ascii_uppercase() || w[1..].iter().any(u8::is_ascii_uppercase)
        {
            upper += 1;
        } else if c.is_ascii_lowercase() {
            let e = w.iter().rposition(u8::is_ascii_alphanumeric).unwrap_or(s);
            if !is_stopword(&w[s..=e]) {
                return false;
            }
        }
    }
    upper > 0
}

/// The non-blank lines of `queue` that are no chrome, from the last one
/// back.
fn non_chrome_back(
    queue: &mut VecDeque<Entry>,
) -> impl Iterator<Item = &mut Entry> {
    queue
        .iter_mut()
        .rev()
        .filter(|e| e.text.is_some() && !matches!(e.verdict, Verdict::Drop(_)))
}

/// Makes `name`, if undecided, the name of what the lines under it
/// describe or head (a box of facts, a chapter): no label or kicker, and in
/// their run, chrome between them not counted (a second run does not see
/// it).
fn mark_name(name: Option<&mut Entry>) {
    if let Some(name) = name
        && name.verdict == Verdict::Undecided
    {
        name.label = false;
        name.kicker = false;
        name.next = None;
        name.last = false;
    }
}

/// Words that open the heading of a numbered part of a text ("Chapter 1",
/// "Kapitel IV"), lowercase.
const CHAPTER_WORDS: &[&str] = &[
    "chapter",
    "part",
    "book",
    "kapitel",
    "teil",
    "chapitre",
    "partie",
    "livre",
    "capítulo",
    "parte",
    "libro",
    "capitolo",
    "hoofdstuk",
    "deel",
    "глава",
    "часть",
    "книга",
];

/// Returns true if and only if `text` is the heading of a numbered part of
/// a text: a word of [`CHAPTER_WORDS`], a number in digits or Roman
/// numerals (perhaps with a colon or a period), perhaps a title, in at
/// most 12 words: "Chapter 1", "CHAPTER IV", "Kapitel 3: Die Reise",
/// "Глава 2".
fn is_chapter_heading(text: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(text) else { return false };
    let mut words = text.split(' ');
    let (Some(word), Some(number)) = (words.next(), words.next()) else {
        return false;
    };
    let number = number.trim_end_matches([':', '.']);
    CHAPTER_WORDS.contains(&word.to_lowercase().as_str())
        && words.count() <= 10
        && (1..=4).contains(&number.len())
        && (number.bytes().all(|b| b.is_ascii_digit())
            || number.bytes().all(|b| b"IVXLCDM".contains(&b)))
}

/// Returns true if and only if `text` is a field of a fact box, "Label:
/// value" ([`crate::heuristics::is_field_line`]).
fn is_field(text: &[u8]) -> bool {
    crate::heuristics::is_field_line(text, crate::cleaner::count_words(text))
}

/// Returns true if and only if `text` (of `words` words) is a field of a
/// fact box (see [`crate::heuristics::is_field_line`]) with a value of at
/// most [`BOX_VALUE_WORDS`] words: a fact ("Prep time: 15 minutes",
/// "Año: 1967"), not a headline ("Avlon: Satire against public figures is
/// constitutional").
fn is_short_field(text: &[u8], words: usize) -> bool {
    crate::heuristics::is_field_line(text, words)
        && memchr::memchr(b':', text).is_some_and(|colon| {
            crate::cleaner::count_words(text[colon + 1..].trim_ascii())
                <= BOX_VALUE_WORDS
        })
}

/// Returns true if and only if `text` is only a time of day, in hours and
/// minutes (and seconds), then perhaps a time zone or "Uhr": "14:32",
/// "9:05 GMT", "14:32:10 Uhr".
fn is_clock_time(text: &[u8]) -> bool {
    let mut words = text.split(|&b| b == b' ');
    let Some(time) = words.next() else { return false };
    let zone = words.next();
    let mut parts = time.split(|&b| b == b':');
    let hours = parts.next().unwrap_or_default();
    let two_digits =
        |p: &[u8]| p.len() == 2 && p.iter().all(u8::is_ascii_digit);
    words.next().is_none()
        && (1..=2).contains(&hours.len())
        && hours.iter().all(u8::is_ascii_digit)
        && parts.next().is_some_and(two_digits)
        && parts.next().is_none_or(two_digits)
        && parts.next().is_none()
        && zone.is_none_or(|z| {
            z == b"Uhr"
                || (2..=4).contains(&z.len())
                    && z.iter().all(u8::is_ascii_uppercase)
        })
}

/// Returns true if and only if the separator line `text` holds a bracket,
/// a brace, a parenthesis, a backtick, a semicolon, a pipe or an angle
/// bracket: the end of a block of code ("}", "});", "```"), a table's rule
/// ("|---|---|"), not a decorative rule ("___", "* * *", "•").
fn is_code_punctuation(text: &[u8]) -> bool {
    text.iter().any(|b| b"`{}()[];|<>".contains(b))
}

/// Returns true if and only if `text` is a breadcrumb trail: three or more
/// names of one to five words, joined by `>`, `>>`, `›` or `»`: "Home >
/// News > Politics", "Startseite › Politik › Berlin". Not a line with `«`
/// (French quotation marks: "«A» et «B» et «C»"), nor with a sentence
/// inside ("Click File > Save as. Then > Export.").
pub fn is_breadcrumb(text: &[u8]) -> bool {
    let body = &text[crate::rules::lead_end(text)..];
    if memchr::memchr3(b'>', 0xE2, 0xC2, body).is_none() {
        return false;
    }
    let Ok(s) = std::str::from_utf8(body) else { return false };
    if s.contains('\u{ab}') {
        return false;
    }
    let mut names = 0;
    for part in s.split(['>', '\u{203a}', '\u{bb}']) {
        let part = part.trim_matches(' ');
        if part.is_empty() {
            // The middle of ">>".
            continue;
        }
        let words = part.split(' ').count();
        if words > 5
            || part.ends_with(['.', '!', '?', ':', ';', ','])
            || part.contains(". ")
        {
            return false;
        }
        names += 1;
    }
    names >= 3
}

/// Returns true if and only if `text` is a label followed by a count in
/// parentheses: "Politics (12)", "o Junho (126)", "Aliran Sesat (225)".
pub fn is_count_label(text: &[u8]) -> bool {
    let Some(body) = text.strip_suffix(b")") else { return false };
    let Some(open) = memchr::memrchr(b'(', body) else { return false };
    let (head, count) = (&body[..open], &body[open + 1..]);
    !count.is_empty()
        && count.iter().all(u8::is_ascii_digit)
        && head.ends_with(b" ")
        && is_label(&head[..head.len() - 1])
}

/// Returns true if and only if a kept line reads like running text. See
/// the module docs.
///
/// A long line must also have some punctuation, and when it is written in
/// a language of [`STOPWORDS`], enough function words: a tag cloud or a
/// menu flattened into one line has neither.
pub fn is_prose(text: &[u8], words: usize) -> bool {
    // Characters count only when the word count does not decide, and only
    // for scripts written without spaces between words (0 otherwise).
    let chars = if words < SENTENCE_WORDS && is_spaceless(text) {
        char_count(text)
    } else {
        0
    };
    let long = words >= PROSE_WORDS || chars >= PROSE_CHARS;
    let ends = ends_like_sentence(text);
    let sentence = (words >= SENTENCE_WORDS || chars >= SENTENCE_CHARS)
        && ends
        && !text.ends_with(b"!");
    if !long && !sentence {
        return false;
    }
    if words < SENTENCE_WORDS {
        return true; // a script without spaces: no word statistics
    }
    let punctuated = sentence
        || memchr::memchr3(b',', b'.', b';', text).is_some()
        || memchr::memchr3(b':', b'!', b'?', text).is_some();
    // Without punctuation only a line dense with function words is prose.
    let min = if !ends && words < RUNNING_WORDS {
        RUNNING_STOPWORD_PERCENT
    } else if punctuated {
        MIN_STOPWORD_PERCENT
    } else {
        2 * MIN_STOPWORD_PERCENT
    };
    let need = (words * min).div_ceil(100);
    // A long sentence is prose on a few function words: counting up to a
    // tenth of a 100-word paragraph's words found nothing more.
    let need = if sentence && words >= RUNNING_WORDS {
        need.min(LONG_SENTENCE_STOPWORDS)
    } else {
        need
    };
    // Outside ASCII a sentence needs one function word, or none at all:
    // the lists are short for languages without articles (Russian), where a
    // sentence of twelve words may hold only "о" of them, and nothing of a
    // language they do not cover.
    let need = if sentence && !text.is_ascii() { need.min(1) } else { need };
    let stop = stopword_count(text, need);
    // Unknown language (no stopword at all in a non-ASCII line): trust the
    // length and punctuation.
    if stop == 0 && !text.is_ascii() {
        return punctuated;
    }
    stop >= need
}

/// Returns true if and only if most characters of `text` belong to
/// scripts written without spaces between words (Chinese, Japanese, Thai,
/// Lao, Khmer, Myanmar), where a line's length says more than its words.
fn is_spaceless(text: &[u8]) -> bool {
    if text.is_ascii() {
        return false;
    }
    let Ok(s) = std::str::from_utf8(text) else { return false };
    let (mut letters, mut spaceless) = (0usize, 0usize);
    for c in s.chars().filter(|c| c.is_alphanumeric()) {
        letters += 1;
        spaceless += usize::from(crate::rules::is_spaceless_char(c));
    }
    letters > 0 && 2 * spaceless >= letters
}

/// Returns true if and only if `text` is in a script written without
/// spaces and has at least [`TITLE_CHARS`] characters.
fn is_long_spaceless(text: &[u8]) -> bool {
    text.len() >= TITLE_CHARS
        && is_spaceless(text)
        && char_count(text) >= TITLE_CHARS
}

/// The number of characters of UTF-8 `text` (the bytes that start one).
fn char_count(text: &[u8]) -> usize {
    text.iter().filter(|&&b| (b & 0xC0) != 0x80).count()
}

/// A line of [`RUNNING_WORDS`] words or more that ends like a sentence is
/// prose with this many function words, whatever its length (a shorter
/// line needs [`MIN_STOPWORD_PERCENT`] of its words): running text has
/// them in every sentence, tag and keyword lists ending in a period have
/// a few at most. Measured: the same output on every comparison input
/// (eval pages, seeds, samples, 1 GiB bench corpora) as with the
/// percentage, and 7 % (text) and 14 % (`-z`) less CPU on the bench
/// corpus, where the stopword count was the largest single cost.
pub const LONG_SENTENCE_STOPWORDS: usize = 5;

/// Prose in a language of [`STOPWORDS`] has at least this share of
/// function words (running text has 30–50 %; menus and headline lists
/// have few).
pub const MIN_STOPWORD_PERCENT: usize = 10;

/// A compact stoplist: the commonest function words of English, German,
/// French, Spanish, Portuguese, Italian, Dutch, Russian and Indonesian,
/// lowercased. (jusText ships full lists for about 100 languages; a few
/// dozen words per language are enough to tell prose from menus.)
pub const STOPWORDS: &[&str] = &[
    // en
    "the", "of", "and", "to", "a", "in", "is", "that", "for", "it", "was",
    "on", "with", "as", "he", "she", "at", "by", "this", "be", "are", "from",
    "or", "an", "have", "has", "had", "not", "but", "they", "we", "his",
    "her", "their", "which", "who", "will", "would", "i", "you", "been",
    "were", "said", "its", "than", "into", "about", // de
    "der", "die", "das", "und", "ist", "nicht", "ein", "eine", "zu", "den",
    "mit", "sich", "des", "auf", "für", "im", "dem", "von", "auch", "es",
    "er", "sie", "wir", "wird", "sind", "bei", "nach", "aus", "wie", "bis",
    "vor", "über", "zum", "zur", "einen", "einem", "einer", "noch", "nur",
    "als", "hat", "haben", "werden", "wurde", "kann", "dass", "oder", "aber",
    "am", "um", "sein", "seine", "ihre", "durch", "wenn", "schon", "mehr",
    "gegen", "unter", "ich", "uns", // fr
    "le", "la", "les", "de", "des", "du", "et", "est", "un", "une", "pour",
    "que", "qui", "dans", "pas", "sur", "au", "aux", "ce", "il", "elle",
    "nous", "vous", "ils", "sont", "par", "avec", "mais", "ou", "a", "ont",
    "été", "plus", "ses", "sa", "leur", "cette", "ces", "se", "en", "ne", "y",
    "comme", "tout", "sans", "entre", "lui", "était", "avait", "être",
    // es, pt
    "el", "los", "las", "y", "en", "que", "del", "por", "con", "una", "para",
    "es", "se", "lo", "su", "al", "como", "más", "pero", "o", "os", "as",
    "do", "da", "dos", "das", "em", "um", "uma", "não", "na", "no", "ao", "é",
    "foi", "mais", "e", "ha", "han", "fue", "sus", "este", "esta", "sin",
    "sobre", "también", "muy", "ya", "le", "les", "hay", "sido", "desde",
    "cuando", "todo", "ele", "ela", "seu", "sua", "são", "ser", "mas",
    "também", "pelo", "pela", "quando", "já", "muito", "nos", "nas", "isso",
    // it
    "i", "la", "le", "un", "da", "in", "ha", "si", "del", "dei", "ma", "più",
    "ai", "alle", "nella", "questo", "lo", "hanno", "essere", "stato",
    "degli", "tra", "suo", "ci", "il", "di", "che", "è", "non", "per", "gli",
    "della", "delle", "nel", "con", "una", "sono", "anche", "come",
    "alla", // nl
    "het", "een", "van", "en", "niet", "zijn", "op", "voor", "met", "ook",
    "aan", "dat", "bij", "er", "naar", "de", "in", "is", "te", "die", "om",
    "maar", "als", "heeft", "hij", "ze", "nog", "wordt", "werd", "over",
    "uit", "worden", "wat", "kan", "zich", "hun", "hebben", // ru
    "и", "в", "не", "на", "что", "с", "по", "как", "это", "он", "она", "к",
    "из", "за", "от", "для", "но", "так", "же", "было", "его", "а", "у", "о",
    "то", "все", "мы", "они", "бы", "был", "была", "были", "уже", "при",
    "или", "ее", "её", "их", "этот", "если", "есть", "до", "вы", "я",
    // id
    "yang", "dan", "di", "ini", "itu", "dengan", "untuk", "tidak", "dari",
    "dalam", "akan", "pada", "ada", "juga", "ke", "karena",
];

/// A word of at most 8 bytes as one number: its bytes little-endian,
/// zero-padded (a word has no zero byte, so the packing is one-to-one).
#[inline]
fn pack(w: &[u8]) -> u64 {
    // Built in a register: bytes stored to memory and read back as one
    // word would stall on store forwarding.
    w.iter().enumerate().fold(0, |k, (i, &b)| k | u64::from(b) << (8 * i))
}

/// Buckets in [`StopSet`] (a power of two) and slots per bucket.
const STOP_BUCKETS: usize = 512;
const STOP_WAYS: usize = 4;

/// [`STOPWORDS`] as a bucketed hash table of packed words (every stopword
/// has at most 8 bytes; a unit test checks it). A lookup compares the four
/// slots of one bucket (32 bytes, one cache line) without branching: hits
/// and misses come in no predictable order in running text. 16 KiB: it
/// stays in the L1 cache.
struct StopSet([[u64; STOP_WAYS]; STOP_BUCKETS]);

impl StopSet {
    #[inline]
    fn bucket(key: u64) -> usize {
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 55) as usize
    }

    fn new() -> StopSet {
        let mut t = [[0u64; STOP_WAYS]; STOP_BUCKETS];
        for w in STOPWORDS {
            let key = pack(w.as_bytes());
            let b = &mut t[StopSet::bucket(key)];
            if b.contains(&key) {
                continue;
            }
            let free = b.iter().position(|&k| k == 0);
            // The list is fixed: a unit test builds the table.
            b[free.expect("stopword bucket overflow")] = key;
        }
        StopSet(t)
    }

    #[inline]
    fn contains(&self, key: u64) -> bool {
        let b = &self.0[StopSet::bucket(key)];
        // Empty slots hold 0, which no word packs to.
        (key != 0)
            & ((b[0] == key) | (b[1] == key) | (b[2] == key) | (b[3] == key))
    }
}

fn stop_set() -> &'static StopSet {
    static SET: std::sync::OnceLock<StopSet> = std::sync::OnceLock::new();
    SET.get_or_init(StopSet::new)
}

/// Returns true if and only if the lowercase word `w` is in [`STOPWORDS`].
#[inline]
fn is_stopword(w: &[u8]) -> bool {
    w.len() <= 8 && stop_set().contains(pack(w))
}

/// Whether `b` belongs to a word for the stopword test.
#[inline]
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// The number of words of `text` in [`STOPWORDS`], counting no further
/// than `enough` (but at least to the first one).
///
/// Words are found eight bytes at a time: the next space in a word loaded
/// as a `u64` gives the word's length, and a short ASCII word that starts
/// and ends with a letter or digit (nearly every word of running text) is
/// looked up from that same load. Any other word takes
/// [`raw_word_is_stopword`].
fn stopword_count(text: &[u8], enough: usize) -> usize {
    use crate::normalize::{HIGH, space_mask};
    let set = stop_set();
    let mut n = 0;
    let mut lower = String::new();
    let mut at = 0;
    while at < text.len() {
        if n > 0 && n >= enough {
            break;
        }
        let chunk = match text.get(at..at + 8) {
            Some(c) => u64::from_le_bytes(c.try_into().unwrap()),
            None => {
                // The end of the line, padded with spaces.
                let mut c = [b' '; 8];
                c[..text.len() - at].copy_from_slice(&text[at..]);
                u64::from_le_bytes(c)
            }
        };
        let spaces = space_mask(chunk);
        if spaces == 0 {
            // A word of 8 bytes or more: its end found 8 bytes at a time
            // (most are short of 16).
            let mut end = at + 8;
            loop {
                match text.get(end..end + 8) {
                    Some(c) => {
                        let m = space_mask(u64::from_le_bytes(
                            c.try_into().unwrap(),
                        ));
                        if m != 0 {
                            end += m.trailing_zeros() as usize / 8;
                            break;
                        }
                        end += 8;
                    }
                    None => {
                        end =
                            memchr::memchr(b' ', &text[end.min(text.len())..])
                                .map_or(text.len(), |k| end + k);
                        break;
                    }
                }
            }
            let w = &text[at..end];
            n += usize::from(
                if end == at + 8
                    && chunk & HIGH == 0
                    && w[0].is_ascii_alphanumeric()
                    && w[7].is_ascii_alphanumeric()
                {
                    // Eight letters: looked up from the load, as below.
                    set.contains(ascii_lower(chunk))
                } else {
                    raw_word_is_stopword(w, set, &mut lower)
                },
            );
            at = end + 1;
            continue;
        }
        let len = spaces.trailing_zeros() as usize / 8;
        if len > 0 {
            let word = chunk & (u64::MAX >> (64 - 8 * len));
            let (first, last) = (text[at], text[at + len - 1]);
            n += usize::from(
                if word & HIGH == 0 && first.is_ascii_alphanumeric() {
                    if last.is_ascii_alphanumeric() {
                        set.contains(ascii_lower(word))
                    } else if len >= 2
                        && matches!(
                            last,
                            b',' | b'.' | b';' | b':' | b'!' | b'?'
                        )
                        && text[at + len - 2].is_ascii_alphanumeric()
                    {
                        // "said," "it." are the word without its
                        // punctuation (as `raw_word_is_stopword` trims it).
                        let w = word & (u64::MAX >> (64 - 8 * (len - 1)));
                        set.contains(ascii_lower(w))
                    } else {
                        raw_word_is_stopword(
                            &text[at..at + len],
                            set,
                            &mut lower,
                        )
                    }
                } else {
                    raw_word_is_stopword(&text[at..at + len], set, &mut lower)
                },
            );
        }
        at += len + 1;
    }
    n
}

/// Returns true if and only if `w`, a space-free piece of a line, is a
/// stopword once the punctuation and quotes around it are trimmed.
fn raw_word_is_stopword(w: &[u8], set: &StopSet, lower: &mut String) -> bool {
    // A long word with nothing to trim at either end: no stopword.
    if w.len() > 8
        && w[0].is_ascii_alphanumeric()
        && w[w.len() - 1].is_ascii_alphanumeric()
    {
        return false;
    }
    // Trim punctuation around the word (quotes, commas, brackets).
    let Some(s) = w.iter().position(|&b| is_word_byte(b)) else {
        return false;
    };
    let e = w.iter().rposition(|&b| is_word_byte(b)).unwrap_or(s);
    let mut w = &w[s..=e];
    if w[0] >= 0x80 || w[w.len() - 1] >= 0x80 {
        // Typographic quotes around a word are not part of it.
        for q in ["“", "‘", "«", "„", "¿", "¡"] {
            w = w.strip_prefix(q.as_bytes()).unwrap_or(w);
        }
        for q in ["”", "’", "»"] {
            w = w.strip_suffix(q.as_bytes()).unwrap_or(w);
        }
    }
    if w.is_empty() || w.len() > 8 {
        return false;
    }
    if w.is_ascii() {
        set.contains(ascii_lower(pack(w)))
    } else {
        let Ok(w) = std::str::from_utf8(w) else { return false };
        lower.clear();
        lower.extend(w.chars().flat_map(char::to_lowercase));
        is_stopword(lower.as_bytes())
    }
}

/// ASCII lowercasing of eight packed ASCII bytes at once.
#[inline]
fn ascii_lower(w: u64) -> u64 {
    use crate::normalize::{HIGH, ONES};
    // For ASCII bytes (no carries): bit 7 of b + 0x3F is set iff b >= 'A',
    // bit 7 of b + 0x25 iff b > 'Z'.
    let upper = w.wrapping_add(0x3F * ONES) & !w.wrapping_add(0x25 * ONES);
    w | (upper & HIGH) >> 2
}

/// Sentence-final punctuation, ASCII and CJK.
const SENTENCE_STOPS: &[&str] =
    &[".", "!", "?", ";", ":", "…", "。", "！", "？"];

/// Closing quotes and brackets: they end a sentence only after one of
/// [`SENTENCE_STOPS`] (`said.”`, `(see below.)`, `「…。」`). Bare, they close
/// a quoted phrase or a tag, as headlines end ("Trump says he went through
/// ‘very routine physical’", "… top beauties (PHOTOS)").
const SENTENCE_CLOSERS: &[&str] =
    &[")", "\"", "'", "”", "’", "»", "」", "』", "）"];

/// `text` without the closing quotes and brackets at its end, if what is
/// left ends in sentence-final punctuation, and is not two dots (see
/// [`cut_short`]).
fn sentence_core(text: &[u8]) -> Option<&[u8]> {
    let mut core = text;
    while let Some(c) =
        SENTENCE_CLOSERS.iter().find(|c| core.ends_with(c.as_bytes()))
    {
        core = &core[..core.len() - c.len()];
    }
    (!cut_short(core)
        && SENTENCE_STOPS.iter().any(|e| core.ends_with(e.as_bytes())))
    .then_some(core)
}

/// Returns true if and only if the line `text` of `words` words, with the
/// verdict `verdict` so far, can head a section after a separator: fewer
/// than [`PROSE_WORDS`] words, no list item, and either a short line that
/// does not end like a statement (but in an abbreviation: "4:14 p.m.") or
/// a question, which may pass for prose ("WILL SOMEONE STAND UP FOR THE
/// ESTABLISHMENT?"). A short sentence ("“He asked, I replied.”") is no
/// heading.
fn is_section_heading(text: &[u8], words: usize, verdict: Verdict) -> bool {
    if words >= PROSE_WORDS || is_list_item(text) {
        return false;
    }
    match verdict {
        Verdict::Undecided => {
            !ends_like_statement(text) || ends_in_abbreviation(text)
        }
        Verdict::Keep(_) => {
            sentence_core(text).is_some_and(|core| core.ends_with(b"?"))
        }
        Verdict::Drop(_) => false,
    }
}

/// Returns true if and only if the last word of `text` is an abbreviation
/// with a period inside it as well as at its end: "p.m.", "U.S.".
fn ends_in_abbreviation(text: &[u8]) -> bool {
    let Some(word) = text.strip_suffix(b".") else { return false };
    let word = word.rsplit(|&b| b == b' ').next().unwrap_or(word);
    word.contains(&b'.')
}

/// Returns true if and only if `why` dropped a byline, a date or a reading
/// time: the line heuristics, a rule of the `bylines` or `timestamps`
/// category, or the author's name ([`Reason::Author`]).
fn is_byline_chrome(why: Why, rules: &crate::rules::Rules) -> bool {
    use crate::heuristics::Heuristic;
    match why {
        Why::Heuristic(Heuristic::Byline | Heuristic::Date) => true,
        Why::Context(Reason::Author) => true,
        Why::Rule(id) => matches!(
            rules.rules()[id as usize].category.as_str(),
            "bylines" | "timestamps"
        ),
        _ => false,
    }
}

/// Returns true if and only if `verdict` drops a wiki's tagline: a rule of
/// the `taglines` category.
fn is_tagline(verdict: Verdict, rules: &crate::rules::Rules) -> bool {
    matches!(verdict, Verdict::Drop(Why::Rule(id))
        if rules.rules()[id as usize].category == "taglines")
}

/// Returns true if and only if `why` dropped a photo's caption or credit:
/// the line heuristics, or a rule of the `credits` category.
fn is_photo_chrome(why: Why, rules: &crate::rules::Rules) -> bool {
    use crate::heuristics::Heuristic;
    match why {
        Why::Heuristic(Heuristic::Caption | Heuristic::Credit) => true,
        Why::Rule(id) => rules.rules()[id as usize].category == "credits",
        _ => false,
    }
}

/// Returns true if and only if `text` is a bare count of up to seven
/// characters, digits first, then digits, separators and a `K` or `M`:
/// the views or comments under a byline ("1250", "3.4K", "12,500").
fn is_count(text: &[u8]) -> bool {
    let body = text.strip_suffix(b"K").or(text.strip_suffix(b"M"));
    let body = body.unwrap_or(text);
    (1..=7).contains(&text.len())
        && body.first().is_some_and(u8::is_ascii_digit)
        && body.iter().all(|&b| b.is_ascii_digit() || b == b',' || b == b'.')
}

/// Returns true if and only if `text` is a bare number of one to three
/// digits: a gallery's photo count ("0", "12").
fn is_photo_count(text: &[u8]) -> bool {
    (1..=3).contains(&text.len()) && text.iter().all(u8::is_ascii_digit)
}

/// Returns true if and only if `text` could be a headline: at least
/// [`TITLE_WORDS`] words (or a long line of a script written without
/// spaces) shaped like a title (see [`is_title_shaped`]).
fn is_headline(text: &[u8]) -> bool {
    (crate::cleaner::count_words(text) >= TITLE_WORDS
        || is_long_spaceless(text))
        && is_title_shaped(text)
}

/// Returns true if and only if `text` is shaped like a title, whatever its
/// length: no period at the end, no list item, no breadcrumb trail.
fn is_title_shaped(text: &[u8]) -> bool {
    !text.ends_with(b".") && !is_list_item(text) && !is_breadcrumb(text)
}

/// Returns true if and only if `text` reads like a person's name: two or
/// three words, each starting with an uppercase letter, no digits
/// ("Rodrigo Campos", "Jane M. Roe").
fn is_name(text: &[u8]) -> bool {
    is_capitalized_words(text, 2..=3)
}

/// Returns true if and only if `text` has a number of words in `range`,
/// each starting with an uppercase letter, and no digits.
fn is_capitalized_words(
    text: &[u8],
    range: std::ops::RangeInclusive<usize>,
) -> bool {
    range.contains(&crate::cleaner::count_words(text))
        && !text.iter().any(u8::is_ascii_digit)
        && text.split(|&b| b == b' ').all(|w| {
            crate::rules::char_at(w, 0).is_some_and(char::is_uppercase)
        })
}

/// Returns true if and only if `text`, right under `title`, reads like the
/// deck under it: [`DECK_WORDS`] or more words, more than `title`, most of
/// them after the first in lowercase, as a sentence writes them
/// ("Emergency services evacuate 10,000 people after three days of heavy
/// rain in Emilia-Romagna"), not a title in title case; and `title` has
/// [`DECK_TITLE_WORDS`] or more words, as a headline has: a section's
/// name or a kicker above a long title ("Climate crisis in Europe") is
/// shorter.
fn is_deck(text: &[u8], title: &[u8]) -> bool {
    let words = crate::cleaner::count_words(text);
    let title_words = crate::cleaner::count_words(title);
    let lower = text
        .split(|&b| b == b' ')
        .skip(1)
        .filter(|w| {
            crate::rules::char_at(w, 0).is_some_and(char::is_lowercase)
        })
        .count();
    words >= DECK_WORDS
        && (DECK_TITLE_WORDS..words).contains(&title_words)
        && 2 * lower > words - 1
}

/// Returns true if and only if `text` is a person's name and the place
/// the story was written from, as a byline under the headline writes them:
/// "Angela Giuffrida in Rome", "Peggy Hollinger in New York".
fn is_name_in_place(text: &[u8]) -> bool {
    let Some(at) = memchr::memmem::find(text, b" in ") else { return false };
    let place = &text[at + 4..];
    is_person_name(&text[..at]) && is_capitalized_words(place, 1..=3)
}

/// The words that end a journalist's role as a byline gives it under the
/// name ("Science correspondent", "Senior Political Editor",
/// "Politikredakteurin"), lowercased, in the languages of the builtin
/// rules.
const ROLE_WORDS: &[&str] = &[
    "correspondent",
    "reporter",
    "editor",
    "editor-in-chief",
    "writer",
    "columnist",
    "contributor",
    "journalist",
    "analyst",
    "critic",
    "photographer",
    "korrespondent",
    "korrespondentin",
    "redakteur",
    "redakteurin",
    "reporterin",
    "autorin",
    "correspondant",
    "correspondante",
    "journaliste",
    "rédacteur",
    "rédactrice",
    "corresponsal",
    "periodista",
    "redactor",
    "redactora",
    "correspondente",
    "jornalista",
    "repórter",
    "redator",
    "redatora",
    "corrispondente",
    "giornalista",
    "inviato",
    "inviata",
    "redattore",
    "redattrice",
    "verslaggever",
    "redacteur",
    "корреспондент",
    "журналист",
    "редактор",
    "обозреватель",
];

/// The roles that end a German compound ("Politikredakteurin",
/// "Auslandskorrespondent").
const ROLE_COMPOUND_ENDS: &[&str] =
    &["korrespondent", "korrespondentin", "redakteur", "redakteurin"];

/// Words that put a line with a role's last word in a phrase of its own
/// ("Letters to the Editor", "Editor of the year"), lowercased.
const ROLE_PHRASE_WORDS: &[&str] = &[
    "to", "the", "of", "for", "a", "an", "our", "your", "my", "and", "der",
    "die", "das", "le", "la", "les", "el", "los", "il", "de", "du", "des",
];

/// Returns true if and only if `text`, of `words` words, is a journalist's
/// role as a byline gives it: one to four words, the last a role
/// ([`ROLE_WORDS`], [`ROLE_COMPOUND_ENDS`]: "Science correspondent",
/// "Chief Political Editor", "Politikredakteurin"),
/// none of the small words of a phrase ("Letters to the Editor") and no
/// sentence end.
fn is_role(text: &[u8], words: usize) -> bool {
    let Ok(s) = std::str::from_utf8(text) else { return false };
    let lower = s.to_lowercase();
    let mut ws = lower.split(' ').filter(|w| !w.is_empty());
    (1..=4).contains(&words)
        && !s.ends_with('.')
        && ws.next_back().is_some_and(|w| {
            ROLE_WORDS.contains(&w)
                // German joins the field to the role: "Politikredakteurin".
                || ROLE_COMPOUND_ENDS.iter().any(|end| w.ends_with(end))
        })
        && ws.all(|w| !ROLE_PHRASE_WORDS.contains(&w))
}

/// Returns true if and only if `text` is a person's name as a byline
/// writes it: two or three words, each an initial ("J.") or a capital and
/// then lowercase letters ("Emiliano Bellini", "Trevor J. Mitchell", "Иван
/// Петров"); a label in capitals ("AUTO NEWS") is none.
fn is_person_name(text: &[u8]) -> bool {
    let Ok(s) = std::str::from_utf8(text) else { return false };
    (2..=3).contains(&s.split(' ').count())
        && s.split(' ').all(|w| {
            let mut cs = w.chars();
            let Some(c) = cs.next() else { return false };
            let rest = cs.as_str();
            c.is_uppercase()
                && (rest == "."
                    || rest.chars().any(char::is_lowercase)
                        && rest.chars().all(|c| {
                            c.is_lowercase()
                                || matches!(c, '-' | '\'' | '’')
                                || c.is_uppercase()
                        }))
        })
}

/// Ends like a sentence, but not like a question or with an ellipsis:
/// headlines do both ("Is this the end?", "Oil prices steady after…").
fn ends_like_statement(text: &[u8]) -> bool {
    sentence_core(text).is_some_and(|core| {
        !core.ends_with(b"?")
            && !core.ends_with(b"..")
            && !core.ends_with("…".as_bytes())
    })
}

fn ends_like_sentence(text: &[u8]) -> bool {
    sentence_core(text).is_some()
}

/// Returns true if and only if `text` ends in two dots, or in an
/// ellipsis after a space: a headline link or an excerpt cut short
/// ("송가인, ‘미스트롯’ 출신 꼬리표 점점 ..", "Jury rules for half of 21
/// plaintiffs in used body parts suit …"), not a sentence end. Three dots
/// right after a word are an ellipsis.
fn cut_short(text: &[u8]) -> bool {
    (text.ends_with(b"..") && !text.ends_with(b"..."))
        || text.ends_with(" …".as_bytes())
        || text.ends_with(b" ...")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_items_and_emphasis() {
        for s in
            ["* Home", "- Politics", "• Sport", "3. Politics", "12) Map", "*"]
        {
            assert!(is_list_item(s.as_bytes()), "{s}");
        }
        for s in [
            "**Get the latest news by email** [Sign Up](#)",
            "*Editor's note*",
            "2019 was a good year",
            "Home",
        ] {
            assert!(!is_list_item(s.as_bytes()), "{s}");
        }
    }

    #[test]
    fn sentence_ends_under_closing_quotes() {
        for s in
            ["He left.", "“Go.”", "(See below.)", "Really?’”", "終わり。」"]
        {
            assert!(ends_like_sentence(s.as_bytes()), "{s}");
        }
        assert!(ends_like_sentence("And then…".as_bytes()));
        for s in [
            "‘very routine physical’",
            "(PHOTOS)",
            "players'",
            "“",
            "x ..”",
            "used body parts suit …",
            "used body parts suit ...",
        ] {
            assert!(!ends_like_sentence(s.as_bytes()), "{s}");
        }
        assert!(ends_like_statement("“We won.”".as_bytes()));
        assert!(!ends_like_statement("“Is this the end?”".as_bytes()));
        assert!(!ends_like_statement("Oil prices steady after…)".as_bytes()));
    }

    #[test]
    fn ascii_labels_are_decided_as_on_characters() {
        // Every string of up to five of these bytes.
        let alphabet = b"aA1 .(Bt";
        let mut words: Vec<Vec<u8>> = vec![Vec::new()];
        for _ in 0..5 {
            let longer: Vec<Vec<u8>> = words
                .iter()
                .filter(|w| w.len() == words.last().unwrap().len())
                .flat_map(|w| {
                    alphabet.iter().map(move |&b| {
                        let mut w = w.clone();
                        w.push(b);
                        w
                    })
                })
                .collect();
            words.extend(longer);
        }
        for w in words.iter().chain(
            [
                b"Home and garden".to_vec(),
                b"the iPhone".to_vec(),
                b"(see More) 12".to_vec(),
                b"of the".to_vec(),
            ]
            .iter(),
        ) {
            let s = std::str::from_utf8(w).unwrap();
            assert_eq!(is_ascii_label(w), is_unicode_label(s), "{s:?}");
        }
    }

    #[test]
    fn breadcrumbs() {
        for s in [
            "Home > News > Politics",
            "Startseite › Politik › Berlin",
            "Accueil » Actualités » Paris",
            "BLOG > Nutrition > Meal Plans",
            "Home >> Reviews >> Laptops >> Apple MacBook Pro 16",
            "* Inicio > Nacional > Madrid",
        ] {
            assert!(is_breadcrumb(s.as_bytes()), "{s}");
        }
        for s in [
            "Home > News",
            "Click File > Save as. Then > Export > PDF",
            "«Oui» et «non» et «peut-être»",
            "Growth > inflation > wages in the third quarter of the year",
            "City council passes new budget",
        ] {
            assert!(!is_breadcrumb(s.as_bytes()), "{s}");
        }
    }

    #[test]
    fn chapter_headings() {
        for s in [
            "Chapter 1",
            "CHAPTER IV",
            "Kapitel 3: Die Reise",
            "Глава 2",
            "Part II.",
            "Capítulo 12",
        ] {
            assert!(is_chapter_heading(s.as_bytes()), "{s}");
        }
        for s in [
            "Chapter",
            "Chapter one",
            "Party 1",
            "* Chapter 1",
            "Part 12345",
            "Chapter 1 is where the story begins and the storm comes in \
             at dusk",
        ] {
            assert!(!is_chapter_heading(s.as_bytes()), "{s}");
        }
    }

    #[test]
    fn clock_times() {
        for s in ["14:32", "9:05", "14:32 GMT", "14:32:10 Uhr", "01:45"] {
            assert!(is_clock_time(s.as_bytes()), "{s}");
        }
        for s in [
            "14:32 in Berlin",
            "4:14 p.m.",
            "143:20",
            "14:3",
            "14:32:10:11",
            "November 20, 2019 14:32",
            "14:32 gmt",
            "",
        ] {
            assert!(!is_clock_time(s.as_bytes()), "{s}");
        }
    }

    #[test]
    fn short_fields() {
        let words = |s: &str| crate::cleaner::count_words(s.as_bytes());
        for s in ["Prep time: 15 minutes", "Año: 1967", "Serves: 8"] {
            assert!(is_short_field(s.as_bytes(), words(s)), "{s}");
        }
        for s in [
            "Avlon: Satire against public figures is constitutional",
            "Prep time 15 minutes",
            "prep time: 15 minutes",
        ] {
            assert!(!is_short_field(s.as_bytes(), words(s)), "{s}");
        }
    }

    #[test]
    fn enclosed_lines() {
        for s in
            ["<The Palace: Tale of Jang Noksu>", "“Wild Rose”", "«Le Monde»"]
        {
            assert!(is_enclosed(s.as_bytes()), "{s}");
        }
        for s in ["<a> and <b>", "“Wild” Rose", "Home", "“”"] {
            assert!(!is_enclosed(s.as_bytes()), "{s}");
        }
    }

    #[test]
    fn caps_headlines() {
        let caps =
            |s: &str| is_caps_headline(s.as_bytes(), s.split(' ').count());
        let yes = [
            "'DANCING WITH THE STARS' CARRIE ANN INABA OPENS UP ABOUT SERIOUS HEALTH CONDITION",
            "SEAN SPICER ELIMINATED FROM 'DANCING WITH THE STARS'",
            "TAYLOR SWIFT CLEARED TO PERFORM HITS AT AMAs AMID FEUD WITH SCOOTER BRAUN",
            "ПРАВИТЕЛЬСТВО ОДОБРИЛО НОВЫЙ ПЛАН РАЗВИТИЯ ГОРОДА НА БЛИЖАЙШИЕ ДЕСЯТЬ ЛЕТ",
        ];
        for s in yes {
            assert!(caps(s), "{s}");
        }
        let no = [
            // Subheadings in capitals are shorter.
            "HOW TO USE A WATER BATH CANNER",
            "WHAT YOU NEED TO MAKE JAM",
            // Questions, notices with a sentence end, labels with a colon.
            "WILL SOMEONE STAND UP FOR THE ESTABLISHMENT AT LAST?",
            "THE SOFTWARE IS PROVIDED AS IS, WITHOUT WARRANTY OF ANY KIND.",
            "IMPORTANT NOTICE FOR ALL READERS OF THIS PAGE AND OTHERS:",
            // Numbers are no words with letters.
            "HD THE HOME DEPOT INC. 225.86 -12.99 -5.44%",
            // Mixed case.
            "Taylor Swift cleared to perform hits at AMAs amid feud with Scooter Braun",
            "NASA Picks SpaceX And Blue Origin To Build The Private Moon Landers",
        ];
        for s in no {
            assert!(!caps(s), "{s}");
        }
    }

    #[test]
    fn stopwords_are_counted_through_punctuation_and_case() {
        assert_eq!(
            stopword_count(
                "“The” cat, (and) THE dog’s «et» l’homme".as_bytes(),
                99
            ),
            4
        );
        assert_eq!(stopword_count("Он сказал, что И не".as_bytes(), 99), 4);
        assert_eq!(stopword_count(b"alpha beta", 99), 0);
    }

    #[test]
    fn stopwords_fit_the_packed_table() {
        for w in STOPWORDS {
            assert!(w.len() <= 8, "{w}");
            assert_eq!(*w, w.to_lowercase(), "{w}");
            assert!(stop_set().contains(pack(w.as_bytes())), "{w}");
        }
        assert!(!stop_set().contains(pack(b"cat")));
        assert_eq!(ascii_lower(pack(b"ThE@[Z`z")), pack(b"the@[z`z"));
    }

    #[test]
    fn prose_lines() {
        let yes = [
            "The council approved the budget on Tuesday.",
            "He said it would take years to repair the damage done by the storm last week",
            "“We are not done,” she said.",
            "これは日本語の文章です。長い文章を書くときにはスペースを使いません。",
            // A closing quote or bracket after the sentence's own end.
            "She told reporters that the vote would go ahead as planned.”",
            "The results were better than the council had expected (see below.)",
            "彼は記者たちに向かって「明日の朝もう一度ここに来て詳しく説明します。」",
            // Sentences with few function words of the lists: a deck in
            // German, a Russian sentence with one ("о"), or none.
            "Die Kommunen sollen bis 2025 neue Bewertungen vornehmen. Kritiker warnen vor steigenden Mieten.",
            "Городской совет во вторник утвердил новый бюджет после долгих споров о финансировании школ.",
            "Депутаты одобрили документ сразу во втором и третьем чтениях.",
            "Kommunerna ska göra nya värderingar fram till 2025 enligt förslaget.",
            // A language the lists do not cover, with one of their words
            // by chance ("na").
            "Rada miasta zatwierdziła na wtorkowej sesji nowy budżet po długiej debacie.",
        ];
        for s in yes {
            assert!(is_prose(s.as_bytes(), s.split(' ').count()), "{s}");
        }
        let no = [
            "SelecioneAdministração Agricultura Campanha Capacitação Combustíveis Comunicado Concurso Cultura Defesa Educação Esporte Eventos Fazenda",
            "Donald Trump White House Ukraine USA Hong Kong China Beijing Xi Jinping Trade War Tariffs Senate House Impeachment Inquiry",
            "Beijing warns US diplomat over Hong Kong rights bill, Oil prices steady after 2-day drop amid growth concerns, Karnataka Bypolls",
            "Home",
            "Related Stories",
            "Putin hails meeting, thinks Trump accepted election denials",
            "Credit: Getty Images",
            "He was 84.",
            "Desenvolvimento Econômino (Turismo)",
            "Alteração Orçamentária e Audiências Públicas)",
            // Outside ASCII too, a line without a sentence end needs the
            // function words of running text.
            "Главная Новости Политика Экономика Общество Спорт Культура Наука Технологии Авто Недвижимость Туризм Погода Видео Фото",
            "Politik Wirtschaft Panorama Sport Kultur Wissenschaft Gesundheit Digital Reise Auto Karriere Familie Stil Geschichte Grüne",
            // Headlines: 15+ words, no sentence end, few function words.
            "* Pay to breathe? ‘Oxygen bars’ hit New Delhi as India chokes under pollution & declares health emergency",
            "Tow-truck operators to the rescue: owner of sailboat frozen in St. Croix River gets good news",
            // Bare closing quotes and brackets end a quoted phrase or a
            // tag, not a sentence.
            "Trump says he went through ‘very routine physical’",
            "Miss Moscow 2018 picked from 49 top beauties (PHOTOS)",
            "The group played all of its greatest hits for the players'",
            // A long list of tags or keywords ending in a period: few
            // function words.
            "Tags: Donald Trump, White House, Ukraine, USA, Hong Kong, China, Beijing, Xi Jinping, Trade War, Tariffs, Senate, House Impeachment Inquiry and Nancy Pelosi.",
            "Premium WordPress Themes Download, Free Download WordPress Themes, Download Nulled WordPress Themes, Premium WordPress Themes Download, online free course, udemy paid course free download.",
        ];
        for s in no {
            assert!(!is_prose(s.as_bytes(), s.split(' ').count()), "{s}");
        }
    }

    proptest::proptest! {
        /// The eight-bytes-at-a-time word scan counts what splitting the
        /// line at every space and testing each word counts.
        #[test]
        fn stopword_scan_equals_word_by_word(
            words in proptest::collection::vec(proptest::sample::select(vec![
                "the", "The", "THE", "of", "“the”", "(and", "and,", "für", "Für", "não",
                "«le»", "é", "zwischen", "abcdefgh", "abcdefghi", "the...", "—", "x",
                "don't", "it’s", "1999", "a", "¿que", "über", "\u{ff}", "of!!!!!!!!",
                "it.", "don't,", "a?", "in:", ".,", "1;",
            ]), 0..40),
            enough in 0usize..12,
        ) {
            let text = words.join(" ");
            let set = stop_set();
            let mut lower = String::new();
            let mut want = 0;
            for w in text.as_bytes().split(|&b| b == b' ') {
                if want > 0 && want >= enough {
                    break;
                }
                want += usize::from(raw_word_is_stopword(w, set, &mut lower));
            }
            proptest::prop_assert_eq!(stopword_count(text.as_bytes(), enough), want);
        }
    }
}
